"""Editing the summary's sentences so that each stands alone and reads short.

- A sentence over ``MAX_WORDS`` words is cut at a clause boundary (", which",
  " — ", "; ", ", and", ", after" ...; else before a conjunction without a comma,
  " after", " whose", " as well as", an "as" opening a clause, " and") so that its main
  clause stays and ends the sentence (never on a clause's opener and one word: "...,
  when firefighters"); its citation still points at the whole original passage. A
  sentence no cut brings under the limit is left out.
- A sentence that opens on a quotation whose first word is a pronoun ("“He was
  a good kid,” she said") leans on a sentence not shown: it is left out.
- The latest development, told even when it repeats a figure another sentence
  gives, is cut before the phrase that repeats it, when a cut can.
- A sentence about the page rather than the news ("more photos on our site",
  "sign up for our newsletter") is left out.
- A person named by title and surname ("Mr Dorovskyy") before any sentence of the
  summary gives the full name gets the full name the story resolved
  ("Mykola Dorovskyy"), once; later mentions keep the short form. So does a person first
  named by a bare surname ("Reed was charged", "Inspector Reed said"): the given names of
  the fullest spelling the story knows go before it ("Tomas Reed was charged"), when the
  story's reports call one person by that surname alone (or one at least twice as widely
  reported as any other who shares it) and no place or body of the story is written so.
  The words are added, none rewritten: the citation still points into the original.
- A cut never falls right after a list's item ("..., rings, necklaces| and watches").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence

from storyline.analyze.naming.folding import _GENERATIONS, TITLES
from storyline.analyze.needwords import search
from storyline.model import StoryEntity
from storyline.story.date_words import RELATIVE_DAY

#: The longest sentence a summary shows, in words.
MAX_WORDS = 35
#: A cut must leave at least this many words.
MIN_WORDS = 8
#: Clause boundaries, best cut first: what follows them is a clause of its own.
_BOUNDARIES = re.compile(
    r"(?:,\s+(?:which|who|whom|whose|while|whereas|and|but|as|after|before|when|where|"
    r"although|though|because|since|saying|adding|prompting|leaving|according to)\b"
    r"|\s+[—–]\s+|;\s+|\s+\((?=[^)]*$))"
)
#: When no clause boundary with a comma will do: a conjunction that opens a clause of
#: its own ("was arrested Thursday and charged with murder| after he and two men shot").
_LOOSE_BOUNDARIES = re.compile(
    r"\s+(?=(?:after|before|when|while|because|although|though|where|whose|as well as)\s)"
    # "as" opening a clause of its own ("... shot on Sunday | as a car drove past")
    r"|(?<!\bwell)\s+(?=as\s+(?:a|an|the|he|she|they|it|his|her|their|police|officers)\s)"
)
#: Last of all: before "and" or "but" opening a clause.
_LOOSEST_BOUNDARIES = re.compile(r"\s+(?=(?:and|but)\s)")
#: A cut never leaves a sentence ending on a word that needs what follows it.
_OPEN_END = re.compile(
    r"\b(?:he|she|it|they|we|i|his|her|its|their|the|a|an|of|to|in|on|at|by|for|with|from|"
    r"and|or|but|was|were|is|are|has|have|had)$",
    re.I,
)
#: A head that ends inside a relative clause set on its subject has no main verb yet:
#: "The 17-year-old suspect, whose name was not released" is no sentence.
_OPEN_SUBJECT = re.compile(r"^(?:The|A|An)\s+[^,]{0,40},\s+(?:who|whom|whose|which)\b[^,]*$")
#: Nor one ending on a clause's opener and a single word: "began at 7:30 p.m., when
#: firefighters" (the clause's verb was cut off with the "and").
_OPEN_CLAUSE = re.compile(
    r"\b(?:when|while|after|before|because|although|though|where|who|whom|which|until|"
    r"since|if|once)\s+[\w’'-]+$",
    re.I,
)
#: A head ending on a list's item: a comma, then three words at most ("..., necklaces").
_LIST_ITEM = re.compile(r",\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}$")
_QUOTE_CHARS = re.compile(r"[\"“”]")
_PRONOUN_QUOTE = re.compile(
    r"^[\"“‘']\s*(he|she|it|they|him|her|them|his|its|their|this|these|those)\b", re.I
)
#: Words before a name that are no part of it: titles, written out or cut short.
_TITLES = TITLES | frozenset("insp det cpl ofc supt cmdr maj gen".split())  # noqa: SIM905
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr|Miss)\.? ([A-Z][\w’'-]+)")


def room_for_dates(text: str, limit: int = MAX_WORDS) -> int:
    """The word limit left once each relative day word gets its date (two words): every
    word :func:`~storyline.story.date_words.state_dates` may date ("last night" too)."""
    return limit - 2 * sum(1 for _ in RELATIVE_DAY.finditer(text))


def words(text: str) -> int:
    """How many words a sentence has."""
    return len(text.split())


def clip(text: str, limit: int = MAX_WORDS) -> str | None:
    """The sentence, cut at its last clause boundary that brings it under ``limit`` words.

    None when no cut does (or the cut would leave under ``MIN_WORDS`` words or an
    open quotation).
    """
    if words(text) <= limit:
        return text
    for boundaries in (_BOUNDARIES, _LOOSE_BOUNDARIES, _LOOSEST_BOUNDARIES):
        cuts = [m.start() for m in boundaries.finditer(text)]
        for cut in reversed(cuts):
            head = text[:cut].rstrip(" ,;—–")
            if not MIN_WORDS <= words(head) <= limit:
                continue
            if len(_QUOTE_CHARS.findall(head)) % 2:
                continue  # the cut falls inside a quotation
            if boundaries is not _BOUNDARIES and _OPEN_END.search(head):
                continue
            if _OPEN_SUBJECT.match(head) or _OPEN_CLAUSE.search(head):
                continue
            if boundaries is _LOOSEST_BOUNDARIES and _LIST_ITEM.search(head):
                continue  # "between Lisbon, Porto| and Faro": a list cut before its last item
            return head + ("" if head.endswith((".", "!", "?")) else ".")
    return None


def without_figures(
    text: str, figures: frozenset[float], numbers: Callable[[str], Iterable[float]]
) -> str | None:
    """The sentence cut before its first clause or phrase that gives one of ``figures``.

    For a sentence that must be told (the latest development) but repeats a figure
    another sentence gives: "Trains ran again on Sunday, six days after a fire that
    killed six people" keeps "Trains ran again on Sunday." None when no cut leaves
    ``MIN_WORDS`` words without the figures.
    """
    cuts = [m.start() for m in re.finditer(r",\s|\s[—–]\s|;\s", text)]
    for cut in reversed(cuts):
        head = text[:cut].rstrip(" ,;—–")
        if words(head) < MIN_WORDS or len(_QUOTE_CHARS.findall(head)) % 2:
            continue
        if _LIST_ITEM.search(head):
            continue  # "stole rings, necklaces|, watches worth $9,000": inside a list
        if not figures & set(numbers(head)):
            return head + ("" if head.endswith((".", "!", "?")) else ".")
    return None


#: What a page says about itself, not about the news: "more photos on our site",
#: "download our app", "watch the video", "sign up for our newsletter".
_LINK_BAIT = re.compile(
    r"\b(?:on|at|to|visit) our (?:site|website|homepage|app|page|channel|live ?blog|feed)\b|"
    r"\b(?:download|get) (?:our|the) [\w ]{0,20}app\b|\bwatch (?:the|our) (?:video|clip|live)\b|"
    r"\bnewsletter\b|\bsubscribe\b|\bsubscription\b|\bsponsored\b|\bstay tuned\b|"
    r"\b(?:in|with) (?:our|this) (?:gallery|slideshow|video)\b|"
    r"\b(?:is|are) (?:covering|following|tracking) (?:this|the) story\b",
    re.I,
)


def is_link_bait(text: str) -> bool:
    """Whether a sentence speaks of the page or the outlet, not of the news."""
    return search(_LINK_BAIT, text) is not None


def leans_on_quote(text: str) -> bool:
    """Whether a sentence opens on a quotation that starts with a pronoun."""
    return _PRONOUN_QUOTE.match(text.strip()) is not None


def introduce_names(
    texts: Sequence[str],
    entities: Sequence[StoryEntity],
    cited: Sequence[Sequence[str]] | None = None,
) -> list[str]:
    """Sentences in order, each person first named by surname alone ("Reed was charged",
    "Inspector Reed said") or by title and surname ("Mr Reed") given the full name the
    story resolved, once; later mentions keep the short form. ``cited`` holds, per
    sentence, the texts of the reports it cites: a surname alone gets the full name only
    when each of them writes the surname (a citation that never names the person would
    not hold the name the sentence then shows). Words inside quotation marks are the
    speaker's: never rewritten."""
    people = [e for e in entities if e.label == "PERSON" and len(e.name.split()) >= 2]
    # a word the story also gives a place or a body ("Egypt", "Chiefs") is not a surname
    others = {v for e in entities if e.label != "PERSON" for v in (e.name, *e.variants)}
    out: list[str] = []
    for n, text in enumerate(texts):
        before = " ".join(out)
        for m in list(_HONORIFIC.finditer(text)):
            if len(_QUOTE_CHARS.findall(text[: m.start()])) % 2:
                continue  # "... Mr. Reed was speaking," inside a quotation
            surname = m.group(2).removesuffix("’s").removesuffix("'s")
            person = _person(surname, people)
            if person is None:
                continue
            if _introduced(person, before + " " + text):
                continue  # introduced already, in some spelling
            text = text[: m.start()] + person.name + text[m.start(2) + len(surname) :]
            break
        sources = cited[n] if cited is not None else ()
        named = _surname_introduced(text, before, people, others, sources)
        # the names never take a sentence over the limit (a cut made for them could fall
        # inside a list: "Reed, of Elm Street, Voss, of Quay Road.")
        out.append(named if words(named) <= MAX_WORDS else text)
    return out


def _introduced(person: StoryEntity, text: str) -> bool:
    """Whether ``text`` names the person by a spelling of two words or more."""
    spelled = [v for v in (person.name, *person.variants) if not _only_titled(v)]
    return any(v in text for v in spelled)


def _only_titled(spelling: str) -> bool:
    """Whether a spelling is a surname alone or after titles ("Insp Gaskin", "Mr Reed")."""
    return all(w.lower().rstrip(".") in _TITLES for w in spelling.split()[:-1])


def _surname_introduced(
    text: str,
    before: str,
    people: Sequence[StoryEntity],
    others: Collection[str] = (),
    sources: Sequence[str] = (),
) -> str:
    """The sentence with each person it names by a bare surname (or a title and a surname,
    "Inspector Reed") given the full name, where no sentence before names that person in
    full; a surname inside a quotation or run into another name is left as written."""
    done: set[str] = set()
    inserts: list[tuple[int, str]] = []
    for m in _BARE_WORD.finditer(text):
        surname = re.sub(r"[’']s?$", "", m.group(1))
        head = text[: m.start()]
        if len(_QUOTE_CHARS.findall(head)) % 2 or _NAME_AFTER.match(text, m.end()):
            continue  # inside a quotation; or the first word of a longer name
        prior = _PRIOR_CAPITAL.search(head)
        if prior is not None and (
            _HONORIFIC.match(prior.group(1) + " " + surname)  # "Mr Reed": told in full above
            or prior.group(1).lower().rstrip(".") not in _TITLES  # "Pierre Thomas", "Mat Maid"
        ):
            continue
        if any(re.search(rf"\b{re.escape(surname)}\b", t) is None for t in sources):
            continue  # a cited report that never writes the surname
        person = _bare_person(surname, people) if surname not in others else None
        if person is None or person.name in done or _introduced(person, before + " " + text):
            continue
        done.add(person.name)  # the first mention only
        given = _given_names(person, surname)
        if given:
            inserts.append((m.start(), given + " "))
    for at, given in reversed(inserts):
        text = text[:at] + given + text[at:]
    return text


#: A capitalised word that may be a surname: not a sentence's quotation mark or initial.
_BARE_WORD = re.compile(r"(?<![\w’'.-])([A-Z][a-z][\w’'-]*)")
#: A capitalised word right after: the word opens a name of more words ("Chiefs QB").
_NAME_AFTER = re.compile(r"\s+[A-Z]")
#: The capitalised word right before (a title, or a name's first word).
_PRIOR_CAPITAL = re.compile(r"\b([A-Z][\w’'.-]*)\s+$")


def _given_names(person: StoryEntity, surname: str) -> str:
    """The words before the surname in the fullest spelling of the person's name whose words
    are all a name's (titles left off: "Insp Dave Gaskin" gives "Dave"; not a nickname in
    quotation marks, a lower-case word, a digit or a word in capitals); empty when none."""
    best: list[str] = []
    for spelling in (person.name, *person.variants):
        words = _without_suffix(spelling.split())
        if len(words) < 2 or words[-1] != surname:
            continue
        words = words[:-1]
        while words and words[0].lower().rstrip(".") in _TITLES:
            words = words[1:]
        if any(not w[:1].isupper() or any(c.isdigit() for c in w) for w in words):
            continue
        if any(len(w) > 2 and w.isupper() for w in words):  # "KCRA Stockton": a station's
            continue
        if len(words) > len(best):
            best = words
    return " ".join(best)


def _bare_person(surname: str, people: Sequence[StoryEntity]) -> StoryEntity | None:
    """The person a bare surname stands for: of the story's people of that surname, the
    one, or the one at least twice as widely reported as any other (a story's main person
    is named by surname, a relative by first name), when the reports call that person by
    the surname alone."""
    found = [e for e in people if _without_suffix(e.name.split())[-1:] == [surname]]
    person = _dominant(found)
    return person if person is not None and surname in person.variants else None


def _without_suffix(words: list[str]) -> list[str]:
    """A name's words without a generational suffix ("Jr", "Sr.", "III")."""
    while len(words) > 1 and words[-1].rstrip(".,").lower() in _GENERATIONS:
        words = words[:-1]
    return words


def _dominant(found: Sequence[StoryEntity]) -> StoryEntity | None:
    if len(found) <= 1:
        return found[0] if found else None
    ranked = sorted(found, key=lambda e: -len(e.articles))
    return ranked[0] if len(ranked[0].articles) >= 2 * len(ranked[1].articles) else None


def _person(surname: str, people: Sequence[StoryEntity]) -> StoryEntity | None:
    """The one person of the story whose name ends with this surname, else the one the
    reports call by it alone when it dominates (:func:`_bare_person`)."""
    found = [e for e in people if e.name.split()[-1] == surname]
    return found[0] if len(found) == 1 else _bare_person(surname, found)
