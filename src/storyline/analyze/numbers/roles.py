"""What a number counts: the counted noun, the predicate over it, and so the measure.

Read from the number outwards: "12 of the rockets were shot down" climbs from
"12" through the dependency tree to "shot down"; "a two-hour call" is a duration,
"$3 million" money. The other reading, from a harm predicate to its victims
("a man was killed"), is in ``numbers.victims``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.analyze.numbers.measures import (
    AIRCRAFT,
    CAPTIVES,
    DISTANCE_UNITS,
    MONEY_WORDS,
    PERSON_NOUNS,
    PLACES,
    SPEECH_VERBS,
    TIME_UNITS,
)
from storyline.analyze.numbers.parse import NumberPhrase
from storyline.analyze.numbers.victims import (
    HOSPITAL,
    fatal,
    fatally,
    has_particle,
    intended,
    object_is_injury,
    shot_at,
)
from storyline.lexicon.measures import HARM, MEASURE_NOUNS, PREDICATES

#: Dependencies a number's role climbs through on its way to a predicate.
CLIMB = frozenset(
    """
    nsubj nsubjpass dobj pobj prep appos conj npadvmod attr oprd nummod agent dative
    quantmod compound amod xcomp advcl acomp pcomp
    """.split()  # noqa: SIM905
)
KIN = frozenset({"mother", "father", "parent", "family", "mom", "dad", "grandmother",
                 "grandfather", "grandparent"})  # fmt: skip
HARM_COUNTS = HARM


@dataclass(frozen=True, slots=True)
class Role:
    """The measure of an amount, what it counts, and the token that said so."""

    measure: str
    counted: str
    predicate: int | None  # token index of the verb or noun that gave the measure
    period: str | None = None


def _counted_noun(doc: Any, phrase: NumberPhrase) -> tuple[Any, Any | None]:
    """(anchor, noun): the token to climb from and the noun counted, if named."""
    tok = doc[phrase.head]
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return tok, objs[0]
    if tok.dep_ in ("nummod",) and tok.head.pos_ in ("NOUN", "PROPN"):
        for child in tok.head.children:  # "14 residents in hospital"
            if (
                child.dep_ == "prep"
                and child.lower_ == "in"
                and any(c.lower_ in HOSPITAL for c in child.children)
            ):
                return child, tok.head
    if (
        tok.dep_
        in (
            "nummod",
            "quantmod",
            "compound",
            "amod",
            "npadvmod",
            "det",
        )
        and tok.head.pos_
        in (
            "NOUN",
            "PROPN",
            "ADJ",
        )
        and tok.head.i > tok.i
    ):
        return tok.head, tok.head
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lower_
        in (
            "number",
            "total",
        )
    ):
        return tok.head.head, None
    return tok, None


def period_of(doc: Any, phrase: NumberPhrase, stop: int) -> str | None:
    """The period of a rate after the amount ("5,000 soldiers a week", "per day")."""
    limit = min(len(doc), max(stop, phrase.end) + 7)
    for i in range(phrase.end, limit - 1):
        if doc[i].lower_ in ("a", "per", "each", "every", "an") and doc[i + 1].lemma_.lower() in (
            "day",
            "week",
            "month",
            "year",
        ):
            return str(doc[i + 1].lemma_.lower())
    for i in range(phrase.end, limit):
        low = doc[i].lower_
        if low in ("daily", "weekly", "monthly", "yearly", "annually"):
            return {"daily": "day", "weekly": "week", "monthly": "month"}.get(low, "year")
    return None


def _toll(tok: Any) -> str | None:
    """The measure of a "death toll" or "number of injured" subject of ``tok``'s verb."""
    for child in tok.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        words = [t.lemma_.lower() for t in child.subtree]
        if child.lemma_.lower() in ("toll", "number", "count", "tally", "total"):
            for word in words:
                if word in MEASURE_NOUNS:
                    return MEASURE_NOUNS[word]
                if word in PREDICATES and PREDICATES[word] in ("killed", "injured"):
                    return PREDICATES[word]
            if child.lemma_.lower() == "toll":
                return "killed"
    return None


def _adjust(measure: str, counted: str, pred: Any) -> str:
    """Make the measure agree with what is counted ("destroyed 35 drones" is shot_down)."""
    noun = counted.lower()
    if measure in ("launched", "shot_down"):
        if noun in AIRCRAFT or noun in ("aircraft", "plane", "planes", "jet", "jets"):
            return measure
        return "other"
    if measure == "captured":
        if noun in PLACES or noun.rstrip("s") in PLACES:
            return "captured"
        return "other"
    if measure == "prisoners_exchanged":
        return measure if noun in CAPTIVES or noun in ("people", "") else "other"
    if measure == "shot" and pred is not None and shot_at(pred):
        return "other"  # "four people were shot at": fired on, not hit
    if measure == "shot" and pred is not None and fatal(pred):
        return "killed"
    if measure == "injured" and pred is not None and fatally(pred):
        return "killed"  # "two were fatally wounded"
    if measure in ("injured",) and pred is not None and pred.lemma_ in ("treat", "burn"):
        return measure if noun in PERSON_NOUNS or noun in ("people", "person", "") else "other"
    if measure == "displaced" and pred is not None and pred.lemma_ == "flee":
        return measure if noun not in ("", "soldiers") else "other"
    return measure


def number_role(doc: Any, phrase: NumberPhrase) -> Role:
    """The role of an amount: money, percent, distance, duration, or a counted measure."""
    anchor, noun = _counted_noun(doc, phrase)
    counted = noun.lemma_.lower() if noun is not None else ""
    if noun is not None and noun.tag_ in ("NNS", "NNPS"):
        counted = noun.lower_
    if phrase.unit == "percent":
        return Role("percent", "percent", None)
    if phrase.unit:
        return Role("money", phrase.unit, None)
    if noun is not None:
        lemma = noun.lemma_.lower()
        if lemma in MONEY_WORDS:
            return Role("money", MONEY_WORDS[lemma], None)
        if noun.lower_ in DISTANCE_UNITS or lemma in DISTANCE_UNITS:
            return Role("distance", noun.lower_, None)
        if lemma in TIME_UNITS:
            return Role("duration", lemma, None)
        if lemma in MEASURE_NOUNS and lemma != "life":
            return Role(MEASURE_NOUNS[lemma], "people", noun.i)
    tok = doc[phrase.head]
    if counts_blows(doc, phrase):
        return Role("other", "times", None)  # "shot about 10 times": shots, not people
    if _whole_of_part(tok):
        return Role("other", counted, None)  # "one of the six died": the six are not dead
    if noun is None and tok.dep_ in ("attr", "acomp") and tok.head.lemma_ == "be":
        subject = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subject and (
            subject[0].lemma_.lower() in PERSON_NOUNS
            or subject[0].ent_type_ == "PERSON"
            or subject[0].lower_ in ("he", "she")
        ):
            return Role("other", "years", None)  # "the victim was 40": an age
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in KIN:
        return Role("other", "people", None)  # "a mother of two": not a toll
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        owner = noun.head.head  # "the bodies of two fishermen"
        if owner.lemma_.lower() == "body":
            return Role("killed", counted, owner.i)
    measure, pred = _climb(doc, anchor)
    if measure in HARM_COUNTS and _attacker(anchor, pred):
        return Role("other", counted, None)  # "two men shot a clerk": the two shot
    if measure is None:
        measure, pred = _left_predicate(doc, phrase)
    if pred is not None and (any(c.dep_ == "neg" for c in pred.children) or intended(pred)):
        return Role("other", counted, None)  # "the other 18 were not hurt", "plotted to kill"
    if measure is None:
        return Role("other", counted, None)
    measure = _adjust(measure, counted, pred)
    if measure in HARM_COUNTS and noun is not None and not personal(noun):
        return Role("other", counted, None)  # "a two-vehicle collision", "three houses burned"
    stop = pred.i if pred is not None else phrase.end
    return Role(
        measure, counted, pred.i if pred is not None else None, period_of(doc, phrase, stop)
    )


def counts_blows(doc: Any, phrase: NumberPhrase) -> bool:
    """ "shot 10 times", "stabbed three times": a count of blows, not of people."""
    return any(
        doc[i].lower_ in ("times", "time")
        for i in range(phrase.start, min(len(doc), phrase.end + 1))
    )


def _whole_of_part(tok: Any) -> bool:
    """ "one of the six", "two of the three": the whole a part is taken from (the part's
    predicate is not the whole's)."""
    of = tok.head
    return (
        tok.dep_ == "pobj"
        and of.lower_ == "of"
        and (of.head.like_num or of.head.lower_ in ("all", "both", "each", "none"))
    )


#: Harm verbs whose active subject is the one who harms ("two men shot a clerk").
TRANSITIVE_HARM = frozenset({"shoot", "kill", "wound", "injure", "stab", "hit", "strike", "hurt"})


def _attacker(anchor: Any, pred: Any) -> bool:
    """Whether the amount is the active subject of a harm verb that has an object: "two
    men shot a clerk", "two of the boys were shooting a rifle" (the attackers)."""
    if pred is None or pred.lemma_.lower() not in TRANSITIVE_HARM or pred.pos_ != "VERB":
        return False
    node = anchor
    while node.head.i != node.i and node.head.i != pred.i:
        node = node.head
    return (
        node.head.i == pred.i
        and node.dep_ == "nsubj"
        and any(
            c.dep_ == "dobj"
            and c.pos_ in ("NOUN", "PROPN", "PRON")
            and c.lower_ not in ("hurt", "injured", "wounded", "dead")  # "Two killed two hurt"
            and c.ent_type_ not in ("DATE", "TIME", "EVENT")  # "people killed Christmas Eve"
            for c in pred.children
        )
        and not any(c.dep_ == "auxpass" for c in pred.children)
    )


def personal(noun: Any) -> bool:
    """Whether a counted noun names people (or a toll), as a harm measure needs."""
    lemma = noun.lemma_.lower()
    return (
        lemma in PERSON_NOUNS
        or lemma.rstrip("s") in PERSON_NOUNS
        or lemma in MEASURE_NOUNS
        or lemma in ("other", "others", "one", "they", "them", "those", "these", "all")
        or noun.ent_type_ in ("NORP", "PERSON")
        or noun.pos_ in ("PRON", "NUM")
        or noun.lower_.endswith("ing")  # a verb the tagger took for a noun: "two fighting"
        # "two groups of people" (not "five reports of people shot": reports)
        or any(c.lower_ in ("people", "person") and c.head.lower_ != "of" for c in noun.subtree)
        or noun.lemma_.lower() in ("group", "crowd", "dozen", "number", "couple")
    )


def _climb(doc: Any, anchor: Any) -> tuple[str | None, Any | None]:
    """Walk up from ``anchor`` to the first predicate of the vocabulary."""
    cur = anchor
    for _ in range(5):
        for child in cur.children:  # "left three people dead"
            if child.dep_ in ("amod", "oprd", "acomp") and child.lemma_.lower() in (
                "dead",
                "injured",
                "wounded",
                "missing",
            ):
                return PREDICATES[child.lemma_.lower()], child
        if cur.dep_ not in CLIMB or cur.head.i == cur.i:
            break
        head = cur.head
        lemma = head.lemma_.lower()
        if lemma in SPEECH_VERBS and head.pos_ == "VERB":
            break
        measure = PREDICATES.get(lemma)
        if lemma == "take" and not any(c.lower_ == "control" for c in head.children):
            measure = None if not any(c.dep_ == "dobj" for c in head.children) else measure
        if measure is not None:
            if lemma == "down" or (head.pos_ == "VERB" and has_particle(head, "down")):
                return "shot_down", head
            return measure, head
        if lemma in ("suffer", "sustain", "receive", "survive", "escape") and object_is_injury(
            head
        ):
            return "injured", head
        reaches = cur.dep_ in ("attr", "dobj") or (
            cur.dep_ == "prep" and cur.lower_ in ("to", "at")
        )
        if lemma == "leave":  # "left one dead and two fighting for their lives"
            after = {t.lemma_.lower() for t in head.subtree if t.i > cur.i}
            if "dead" in after:
                return "killed", head
            if after & {"injure", "injured", "wound", "wounded", "hurt", "critical", "life"}:
                return "injured", head
        toll = _toll(head) if reaches else None
        if toll is not None:
            return toll, head  # "the death toll rose to nine"
        if (
            cur.dep_ == "prep"
            and cur.lower_ == "in"
            and any(c.lower_ in HOSPITAL for c in cur.children)
        ):
            return "injured", cur  # "with 14 residents in hospital"
        cur = head
    return None, None


def _left_predicate(doc: Any, phrase: NumberPhrase) -> tuple[str | None, Any | None]:
    """A harm verb just before the amount when the parse lost it ("killing, on average, 9")."""
    sent_start = doc[phrase.start].sent.start
    for i in range(phrase.start - 1, max(sent_start, phrase.start - 7) - 1, -1):
        tok = doc[i]
        if tok.pos_ == "VERB" and tok.tag_ in ("VBG", "VBD", "VBN"):
            measure = PREDICATES.get(tok.lemma_.lower())
            if measure in ("killed", "injured"):
                return measure, tok
            return None, None
        if tok.pos_ in ("NOUN", "PROPN", "VERB", "AUX") and tok.lemma_.lower() != "average":
            return None, None
    return None, None
