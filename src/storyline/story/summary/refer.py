"""Who a pronoun stands for when no name is at hand: a person described, or no one.

A summary sentence is read without the sentences around it, so a pronoun must point
to someone the sentence itself shows, or be repaired. :mod:`.sentences` repairs a
leading "He"/"She" to the name of the previous sentence's subject; local reports as
often name no one yet ("The mother of a 9-year-old boy ... has been charged. She is
expected to turn herself in"). The rules here, each on the words alone:

- :func:`described_subject`: the person a description opening the previous sentence
  gives ("The mother of a 9-year-old boy"), when it agrees with the pronoun ("She":
  a woman's noun or one for anyone), said again with "The" (also the subject of what
  a source said: "Police said the girl was shot"): the sentence's subject,
  before any name it gives later ("according to Police Chief James Craig"); a name in
  apposition ("The suspect, Tomas Reed, ...") is the person instead; a description a
  sentence sets last after a place ("Inside the van was the 6-year-old boy.") is its
  subject too;
- :func:`counted_group`: the group a counted description opening the previous
  sentence gives ("Four men were hurt ..."), for a leading "They" ("The four men");
- :func:`described_group`: the group a collective or plural description opening the
  previous sentence gives ("The family of Tomas Reed gathered ..."), for a leading "They";
- :func:`resolved_within`: whether every pronoun of a stretch of a sentence follows a
  description in it that it agrees with, not one after a preposition ("the teen was
  driving ... when he opened fire", "The friend said he received a call", "The
  14-year-old ... his friend"; not "according to a spokesperson, she died"); a "they"
  may follow two people described ("The boy and his brother ... when they found"; "One
  man was killed and another hurt when ... their car"), and a "his"/"her" the "another"
  after a count of people ("Two people died and another is in hospital with her son"); a
  possessive joined to a description is that person's ("the arrest of a father and his
  son"); a man's or a woman's noun agrees with "his"/"her"/"he"/"she" after a preposition
  too ("arguing with his ex-wife before he went to her house"; not after "of", nor the
  "he" of "he said"), and "One man" describes as "A man" does;
- :func:`resolved_forward`: a pronoun in a lead-in that points forward to the person the
  clause after it opens on ("According to her son, the woman is awake");
- :func:`titled` and :func:`role_holder`: who a description by role stands for ("The
  Ukrainian leader"): a person the report gives that role, else the one person the
  story's reports give it, when the report names them;
- :func:`expletive`: an "it" that stands for nothing ("It remained unclear Monday how
  the child was shot"): the sentence stands alone;
- :func:`named_event`: an "it" or "this" that stands for the story's event where the
  sentence tells when or where it happened ("It happened around 2 a.m. on Elm Street"):
  the event is named by the noun the report last gave it ("The shooting happened ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storyline.model import Analyzed, Mention

__all__ = [
    "counted_group",
    "described_group",
    "described_subject",
    "expletive",
    "named_event",
    "names_anyone",
    "resolved_forward",
    "resolved_within",
    "role_holder",
    "titled",
]

#: A "leader" is any head of a state or government.
_HEADS = "leader|president|prime minister|premier|chancellor|king|queen"
_FEMALE = (
    "woman|women|girl|mother|mom|daughter|wife|sister|grandmother|grandma|aunt|niece|"
    "girlfriend|lady|widow|stepmother|mother-in-law|female"
)
_MALE = (
    "man|men|boy|father|dad|son|husband|brother|grandfather|grandpa|uncle|nephew|"
    "boyfriend|gunman|stepfather|father-in-law|male"
)
_ANYONE = (
    "teen|teenager|child|toddler|infant|baby|student|suspect|victim|driver|shooter|"
    "officer|deputy|trooper|resident|homeowner|neighbor|neighbour|witness|friend|"
    "relative|parent|owner|employee|worker|clerk|customer|passenger|pedestrian|"
    "defendant|inmate|patient|caller|motorist|cousin|roommate|juvenile|youth|"
    "adult|person|individual|attorney|lawyer|prosecutor|detective|sergeant|chief|"
    "spokesman|spokeswoman|spokesperson|manager|teacher|coach|pastor|landlord|tenant"
)
#: An age alone is a person ("the 14-year-old accused of ..."), unless a noun follows it
#: ("the 19-year-old man": the man).
_AGE = rf"\d+[- ](?:year|month|week|day)[- ]old(?!\s+(?:{_FEMALE}|{_MALE}|{_ANYONE})s?\b)"
_ANYONE += f"|{_AGE}"
_PLURAL = (
    "suspects|victims|teens|teenagers|children|kids|officers|deputies|residents|"
    "witnesses|friends|parents|neighbors|neighbours|men|women|boys|girls|brothers|"
    "sisters|relatives|students|people|detectives|investigators|police|volunteers|"
    "mourners|protesters|supporters|organizers|organisers|firefighters|troopers|agents|"
    "doctors|nurses|classmates|teammates|members|adults|juveniles|youths|families"
)
_NOUN = {
    "he": rf"(?:{_MALE}|{_ANYONE})",
    "she": rf"(?:{_FEMALE}|{_ANYONE})",
    "they": rf"(?:{_PLURAL})",
}
#: The nouns that say a person's sex: "he" or "she" agrees with them wherever they stand.
_GENDERED = {"he": _MALE, "she": _FEMALE}
#: Modifiers that are no preposition, article or conjunction ("the arrest of a father": the
#: arrest is no man).
_ADJECTIVES = r"(?:(?!(?:of|to|with|by|for|from|at|in|on|and|or|the|a|an)\b)[\w’'-]+\s+){0,3}?"
_SPEAKS = re.compile(r"\s+(?:said|says|told|tells|added|adds|wrote|explained)\b")
_PRONOUN_OF = {
    "he": "he",
    "him": "he",
    "his": "he",
    "himself": "he",
    "she": "she",
    "her": "she",
    "hers": "she",
    "herself": "she",
    "they": "they",
    "them": "they",
    "their": "they",
    "themselves": "they",
}
#: Up to three modifiers before the person's noun ("The 25-year-old Vellmar man").
_MODIFIERS = r"(?:[\w’'-]+\s+){0,3}?"
#: Where the "of" phrase after the noun ends: a clause or the verb begins.
_PHRASE_END = re.compile(
    r"\s+(?:who|whom|whose|that|which|was|were|is|are|has|had|have|will|would|could|"
    r"did|does|said|says|told|after|when|while|and|but|as|in|on|at|for|from|with|"
    r"accused|charged|arrested|shot|killed|found)\b|[,;:.—–(]"
)
#: A source's attribution before what it said: "Police said (that) ...".
_SAID = re.compile(
    r"^(?:[A-Z][\w.’'-]*\s+){1,3}(?:police\s+)?(?:said|say|says|told\s+\w+)(?:\s+that)?\s+"
    r"(?=the\s|a\s|an\s)"
)
#: Officials looking into what happened to the person the clause after names: "Kessel
#: police are investigating after a girl was pulled ...".
_INVESTIGATING = re.compile(
    r"^(?:[A-Z][\w.’'-]*\s+){1,3}(?:police\s+|officers\s+|deputies\s+)?(?:are|is)\s+"
    r"investigating\s+(?:after|how|why|whether)\s+(?=a\s|an\s|the\s)"
)
_ARTICLE_END = re.compile(r"\b(?:the|a|an)\s*$", re.I)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:to|of|with|by|for|from|at|in|on|about|against|into|near|than|like)\s*$", re.I
)
_PRONOUN_WORD = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself|they|them|their)\b", re.I)
_EXPLETIVE = re.compile(
    r"^It\s+(?:is|was|remains|remained|has been|had been|was still|is still)\s+"
    r"(?:not\s+(?:yet\s+|immediately\s+)?(?:clear|known)|unclear|unknown|too early to say)\b"
    r"(?:\s+[\w,.’'()-]+){0,4}?\s+(?:how|why|whether|what|who|whom|when|where|if)\b"
)


def described_subject(previous: str, pronoun: str) -> str | None:
    """The description of a person that opens ``previous`` and that ``pronoun`` ("He",
    "She") agrees with, said again with "The" ("The mother of a 9-year-old boy"); None when
    the sentence opens otherwise."""
    nouns = _NOUN.get(pronoun.lower())
    if nouns is None or pronoun.lower() == "they":
        return None
    # the subject of what a source said ("Police said the girl was shot ..."), or of what
    # officials look into ("Police are investigating after a girl was pulled ...")
    previous = _SAID.sub("", previous, count=1)
    previous = _INVESTIGATING.sub("", previous, count=1)
    # the subject set last ("Inside the first van was the 6-year-old boy.")
    inverted = re.match(
        rf"^(?:In|Inside|Among|Behind|Beside|Near|With)\b[^.,]{{0,60}}?\s+(?:was|were)\s+"
        rf"(?:the|a|an)\s+({_MODIFIERS}{nouns})\s*\.?$",
        previous.strip(),
        re.IGNORECASE,
    )
    if inverted:
        return "The " + inverted.group(1)
    head = re.match(rf"^(?:The|A|An)\s+({_MODIFIERS}{nouns})\b", previous, re.IGNORECASE)
    if head is None:
        return None
    phrase = head.group(1)
    rest = previous[head.end() :]
    if rest.startswith(","):
        return None  # "The suspect, Tomas Reed, ...": the name that follows is the person
    of = re.match(r"\s+of\s+", rest)
    if of:
        tail = rest[of.end() :]
        stop = _PHRASE_END.search(tail)
        words = (tail[: stop.start()] if stop else tail).split()
        if 1 <= len(words) <= 5:
            phrase += " of " + " ".join(words)
    return "The " + phrase


_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\d{1,2})"


def counted_group(previous: str) -> str | None:
    """The group a counted description opening ``previous`` gives ("Four men were hurt in
    a shooting"), said again with "The" ("The four men") for a "They" after it; None when
    the sentence opens otherwise."""
    previous = _SAID.sub("", previous, count=1)
    head = re.match(
        rf"^(?:The\s+)?({_COUNT}\s+{_MODIFIERS}(?:{_PLURAL}))\b(?!\s+(?:{_PLURAL})\b)(?!,)",
        previous,
        re.IGNORECASE,
    )
    if head is None:
        return None
    group = head.group(1)
    if re.search(r"\sof\s", group):
        return None  # "Two of the victims were hurt. They ..." may be all the victims
    return "The " + group[:1].lower() + group[1:]


#: Groups a "They" may stand for, named by a collective or plural noun ("The family of ...",
#: "The bodies of three people").
_GROUP_NOUN = (
    "family|families|relatives|loved ones|friends|parents|classmates|bodies|victims|"
    "suspects|neighbors|neighbours|students|teens|teenagers|children"
)


def described_group(previous: str) -> str | None:
    """The group a description by a collective or plural noun opening ``previous`` gives
    ("The family of Tomas Reed mourned him"), said again with its "of" phrase ("The family
    of Tomas Reed") for a "They" after it; None when the sentence opens otherwise (a count
    is :func:`counted_group`'s)."""
    previous = _SAID.sub("", previous, count=1)
    head = re.match(rf"^The\s+((?:[\w’'-]+\s+){{0,2}}?(?:{_GROUP_NOUN}))\b", previous, re.I)
    if head is None or re.match(_COUNT + r"\b", head.group(1), re.I):
        return None
    phrase = head.group(1)
    rest = previous[head.end() :]
    of = re.match(r"\s+of\s+", rest)
    if of:
        tail = rest[of.end() :]
        stop = _PHRASE_END.search(tail)
        words = (tail[: stop.start()] if stop else tail).split()
        if not 1 <= len(words) <= 5:
            return None
        phrase += " of " + " ".join(words)
    elif not re.match(r"\s+[a-z]", rest):
        return None  # "The victims, two brothers, ...": what follows says who they are
    return "The " + phrase


#: "another" standing for a person after a count of people ("Two people died and another is
#: in hospital").
_ANOTHER = re.compile(
    r"\banother\s+(?:is|was|remains|remained|were|injured|hurt|wounded|killed|died|"
    r"critically|seriously)\b",
    re.I,
)


def _another_after(before: str, nouns: str) -> bool:
    """Whether ``before`` gives a person as "another" after a count of people or a person
    counted as one ("One boy was shot and another hurt")."""
    another = _ANOTHER.search(before)
    if another is None:
        return False
    head = before[: another.start()]
    counted = re.search(rf"\b{_COUNT}\s+{_MODIFIERS}(?:{_PLURAL})\b", head, re.I)
    one = re.search(rf"\bone\s+{_MODIFIERS}{nouns}\b", head, re.I)
    return counted is not None or one is not None


def resolved_forward(lead_in: str, rest: str) -> bool:
    """Whether the pronouns of a lead-in point forward to the person described opening the
    clause after it ("According to her son, the woman is awake": the woman), and the
    clause's own pronouns are resolved within it."""
    found = list(_PRONOUN_WORD.finditer(lead_in))
    if not found or not resolved_within(rest):
        return False
    for m in found:
        nouns = _NOUN[_PRONOUN_OF[m.group(0).lower()]]
        if not re.match(rf"(?:the|a|an)\s+{_MODIFIERS}{nouns}\b", rest, re.IGNORECASE):
            return False
    return True


def resolved_within(text: str) -> bool:
    """Whether every pronoun of ``text`` follows a description of a person in it that the
    pronoun agrees with ("the teen was driving ... when he opened fire")."""
    found = list(_PRONOUN_WORD.finditer(text))
    if not found:
        return True
    for m in found:
        nouns = _NOUN[_PRONOUN_OF[m.group(0).lower()]]
        before = text[: m.start()]
        # a group goes without an article ("investigators told CBS13 that they ..."), but
        # not the police a person "told": "they" is that person then
        # (a "them" after a bare plural is as often what they act on: "Organizers will sell them")
        # ("one of them" is the group's)
        group = nouns == _NOUN["they"] and (
            m.group(0).lower() != "them" or re.search(r"\bof\s+$", before) is not None
        )
        bare = rf"|(?<!told )(?<!tell )(?<!telling )(?:{_PLURAL})" if group else ""
        # a person described by an article or a possessive ("his ex-wife ... her house")
        described = re.finditer(
            rf"(?:^|(?<=\s))(?:(?:the|a|an|one(?!\s+of\b)|his|her|their)\s+{_MODIFIERS}(?:ex-|step-)?{nouns}{bare})\b",
            before,
            re.IGNORECASE,
        )
        # a man's or a woman's noun agrees with "he" or "she" alone, after a preposition
        # too ("was arguing with his ex-wife before he went to her house")
        gendered = _GENDERED.get(_PRONOUN_OF[m.group(0).lower()])
        # (not a speaker's "he said": who speaks is told by the sentences around)
        speaks = _SPEAKS.match(text[m.end() :])
        if (
            gendered
            and not speaks
            and re.search(
                rf"(?<!\bof )(?:^|(?<=\s))(?:the|a|an|one|his|her|their)\s+{_ADJECTIVES}"
                rf"(?:ex-|step-)?(?:{gendered})\b",
                before,
                re.IGNORECASE,
            )
        ):
            continue
        # a description after a preposition is no subject ("according to a spokesperson,
        # she died", "one of the witnesses")
        # "the arrest of a father and his son": a possessive joined to a description
        # is that person's, after a preposition too
        joined = m.group(0).lower() in ("his", "her", "their") and re.search(
            rf"(?:^|\s)(?:the|a|an)\s+{_MODIFIERS}{nouns}\s+and\s+$", before, re.IGNORECASE
        )
        if (
            not joined
            and not any(
                not _AFTER_PREPOSITION.search(_ARTICLE_END.sub("", before[: d.start()]))
                for d in described
            )
            and not (nouns == _NOUN["they"] and _two_people(before))
        ):
            person = rf"(?:{_MALE}|{_FEMALE}|{_ANYONE})" if nouns == _NOUN["they"] else nouns
            if not _another_after(before, person):
                return False
    return True


_ANY_PERSON = re.compile(rf"\b(?:{_MALE}|{_FEMALE}|{_ANYONE}|{_PLURAL})s?\b", re.IGNORECASE)


#: First words that name no one: an article, a preposition, a quantifier.
_PLAIN_OPENERS = frozenset(
    [
        "A",
        "An",
        "The",
        "After",
        "Before",
        "In",
        "On",
        "At",
        "During",
        "For",
        "With",
        "From",
        "By",
        "Since",
        "When",
        "Inside",
        "Outside",
        "Many",
        "Some",
        "Several",
        "Each",
        "Every",
        "No",
        "Top",
    ]
)


def names_anyone(text: str) -> bool:
    """Whether ``text`` has a noun for a person or a group of people ("the officers", "a
    teen") or a capitalised word after its first (a name): a pronoun after it may be theirs."""
    words = text.split()
    if words and words[0] not in _PLAIN_OPENERS:
        return True  # "Reed said his ...", "Relatives ran to his ..."
    return _ANY_PERSON.search(text) is not None or any(w[:1].isupper() for w in words[1:])


#: A person described, by an article or a possessive ("the boy", "his 8-year-old brother").
_PERSON = re.compile(
    rf"(?:^|(?<=\s))(?:the|a|an|his|her)\s+{_MODIFIERS}(?:{_MALE}|{_FEMALE}|{_ANYONE})\b",
    re.IGNORECASE,
)


def _two_people(text: str) -> bool:
    """Whether ``text`` describes two people, the first as a subject (not after a
    preposition): a "they" after them is the two ("The boy and his brother were waiting
    when they found a gun")."""
    people = list(_PERSON.finditer(text))
    return len(people) >= 2 and not _AFTER_PREPOSITION.search(
        _ARTICLE_END.sub("", text[: people[0].start()])
    )


def expletive(sentence: str) -> bool:
    """Whether a sentence opens on an "it" that stands for nothing ("It was not immediately
    clear why the shots were fired"): it leans on no sentence before it."""
    return _EXPLETIVE.match(sentence) is not None


#: A sentence opening on "It" or "This" (or "This incident") and a verb of taking place:
#: it tells when or where the event the sentence before names happened.
_EVENT_PRONOUN = re.compile(
    r"^(?:It|This(?:\s+(?P<noun>incident|shooting|attack|crash))?)\s+"
    r"(?=(?:happened|occurred|began|started|took place|unfolded)\b)"
)
#: Nouns a report names its event by, singular or plural, after a determiner ("an
#: accidental shooting", "the shootings", "Sunday's crash"; not "opened fire").
_EVENT_NOUN = re.compile(
    r"\b(?:a|an|the|this|that|[A-Z][\w.-]*[’']s)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(shootings?|stabbings?|incidents?|attacks?|strikes?|crash(?:es)?|explosions?|blasts?|"
    r"robber(?:y|ies)|homicides?|killings?|murders?|standoffs?|altercations?|collisions?)\b",
    re.IGNORECASE,
)


def named_event(sentence: str, before: str) -> str | None:
    """``sentence`` with an opening "It"/"This" that stands for the event named as the
    report last named it in ``before`` (the report's text up to the sentence): "It happened
    near Elm Street" after "... an accidental shooting ..." is "The shooting happened near
    Elm Street"; "The incident" when the report names no event. None when the sentence
    does not open so (it does not tell when or where an event happened)."""
    head = _EVENT_PRONOUN.match(sentence)
    if head is None:
        return None
    named = list(_EVENT_NOUN.finditer(before))
    noun = head["noun"] or (named[-1].group(1).lower() if named else "incident")
    return f"The {noun} {sentence[head.end() :]}"


def titled(item: Analyzed, name: str, role: str, modifiers: Sequence[str] = ()) -> bool:
    """Whether the article gives this person the role ("Governor Mykola Dorovskyy", "its mayor, X").

    The role, and its modifiers ("US", "Ukrainian", "former"), must stand just before
    one of the person's mentions (the role may also follow it, as an apposition), so
    "The Ukrainian leader" is never given to someone the report never calls so. A
    "leader" is any head of a state or government.
    """
    surname = name.split()[-1] if name.split() else name
    return any(m.key == name or surname in m.text for m in _role_mentions(item, role, modifiers))


def _role_mentions(item: Analyzed, role: str, modifiers: Sequence[str] = ()) -> list[Mention]:
    """The mentions of people the article gives the role, with its modifiers before them."""
    text = item.article.text
    roles = _HEADS if role.lower() == "leader" else re.escape(role)
    role_re = re.compile(rf"\b(?:{roles})\b", re.IGNORECASE)
    out = []
    for m in item.analysis.entities:
        if m.label != "PERSON":
            continue
        before = text[max(0, m.span.start - 40) : m.span.start]
        after = text[m.span.end : m.span.end + 40].split(".")[0]
        if not (role_re.search(before) or role_re.search(after)):
            continue
        if all(re.search(rf"\b{re.escape(w)}\b", before, re.IGNORECASE) for w in modifiers):
            out.append(m)
    return out


def role_holder(
    items: Sequence[Analyzed], canon: Callable[[str, str], str]
) -> Callable[[str, Sequence[str]], str | None]:
    """Who the story's reports give a role: the one person (by the story's name) any report
    calls so ("Ukrainian President Volodymyr Zelensky" makes him "The Ukrainian leader" of a
    report that never titles him), else None (none, or several: "the president")."""
    cache: dict[tuple[str, tuple[str, ...]], str | None] = {}

    def holder(role: str, modifiers: Sequence[str]) -> str | None:
        key = (role.lower(), tuple(w.lower() for w in modifiers))
        if key not in cache:
            names = {
                canon(i.article.id, m.key)
                for i in items
                for m in _role_mentions(i, role, modifiers)
            }
            cache[key] = names.pop() if len(names) == 1 else None
        return cache[key]

    return holder
