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
  ("Mykola Dorovskyy"), once; later mentions keep the short form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from storyline.analyze.needwords import search
from storyline.model import StoryEntity

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
_QUOTE_CHARS = re.compile(r"[\"“”]")
_PRONOUN_QUOTE = re.compile(
    r"^[\"“‘']\s*(he|she|it|they|him|her|them|his|its|their|this|these|those)\b", re.I
)
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr|Miss)\.? ([A-Z][\w’'-]+)")


#: Words a summary may give a date beside ("on Friday (16 May)"): two words each.
_RELATIVE_DAY = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b",
    re.I,
)


def room_for_dates(text: str, limit: int = MAX_WORDS) -> int:
    """The word limit left once each relative day word gets its date (two words)."""
    return limit - 2 * len(_RELATIVE_DAY.findall(text))


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


def introduce_names(texts: Sequence[str], entities: Sequence[StoryEntity]) -> list[str]:
    """Sentences in order, each "Mr X" before X's full name replaced by that name, once."""
    people = [e for e in entities if e.label == "PERSON" and len(e.name.split()) >= 2]
    out: list[str] = []
    for text in texts:
        before = " ".join(out)
        for m in list(_HONORIFIC.finditer(text)):
            surname = m.group(2).removesuffix("’s").removesuffix("'s")
            person = _person(surname, people)
            if person is None:
                continue
            full = person.name
            spelled = [v for v in (full, *person.variants) if len(v.split()) >= 2]
            if any(v in before or v in text for v in spelled if not _HONORIFIC.match(v)):
                continue  # introduced already, in some spelling
            text = text[: m.start()] + full + text[m.start(2) + len(surname) :]
            break
        out.append(text)
    return out


def _person(surname: str, people: Sequence[StoryEntity]) -> StoryEntity | None:
    """The one person of the story whose name ends with this surname, if exactly one."""
    found = [e for e in people if e.name.split()[-1] == surname]
    return found[0] if len(found) == 1 else None
