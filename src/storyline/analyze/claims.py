"""Numeric claims: every stated amount with what it counts, how sure, who says so, and when.

``extract_claims`` reads a parsed article sentence by sentence. Harm predicates
("killed", "injured", "pronounced dead", "taken to hospital") are read first, from
the predicate to its victims, so that "a woman and her two children were killed"
counts three and "no one was hurt" counts zero. Every other amount is read from
the number outwards (``numbers.roles``). Each claim gets the source the sentence
names (``numbers.attribution``), the date of the sentence, and a short description
of its event (``numbers.about``). The measure vocabulary is in docs/claims.md.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from storyline.analyze.numbers.about import EventContext, sentence_event, target_token
from storyline.analyze.numbers.attribution import find_attribution, sentence_source
from storyline.analyze.numbers.measures import (
    DEATH_RANKS,
    MONEY_WORDS,
    PERSON_NOUNS,
    TIME_UNITS,
)
from storyline.analyze.numbers.parse import NumberPhrase, find_numbers
from storyline.analyze.numbers.roles import Role, counts_blows, number_role, period_of, personal
from storyline.analyze.numbers.tally import incident_counts, is_background
from storyline.analyze.numbers.victims import (
    ADDITIONAL,
    ANAPHORIC,
    ANIMALS,
    ATTACKERS,
    PART,
    SELF,
    by_police,
    harm_predicate,
    harm_tokens,
    intended,
    person_count,
    unrevived,
    victims,
)
from storyline.lexicon.measures import HARM, rate_measure
from storyline.model import Claim, Mention, Span, TimeExpr
from storyline.nlp import doc_strings, doc_text

__all__ = [
    "ADDITIONAL",
    "ANAPHORIC",
    "PART",
    "SELF",
    "extract_claims",
    "incident_counts",
    "is_background",
]

#: Modal auxiliaries that make a harm predicate hypothetical ("could have been killed").
MODALS = frozenset({"could", "would", "may", "might", "should", "must", "will", "can"})
#: Conjunctions that make a clause hypothetical or future ("until after he dies").
HYPOTHESES = frozenset({"if", "unless", "until", "lest"})
#: Words in a following sentence that show it speaks about the same victims.
VICTIM_WORDS = frozenset(
    """
    victim victims dead killed injured wounded casualties among identified hospital family
    toll bodies survivors
    """.split()  # noqa: SIM905
)


def _sentences(doc: Any) -> list[Any]:
    """spaCy's sentences, split again at line breaks (a caption is not part of the next line)."""
    breaks = _line_break_tokens(doc)
    out: list[Any] = []
    at = 0  # the first break not yet passed
    for sent in doc.sents:
        start = sent.start
        while at < len(breaks) and breaks[at] < sent.start:
            at += 1
        while at < len(breaks) and breaks[at] < sent.end:
            i = breaks[at]
            at += 1
            if i > start and doc[i].is_space:
                out.append(doc[start:i])
                start = i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return out


def _line_break_tokens(doc: Any) -> list[int]:
    """The indices, in order, of the tokens whose text holds a line break: found from the
    text's line breaks, without making a token object for every word."""
    text = doc_text(doc)
    starts: list[int] | None = None
    out: list[int] = []
    at = text.find("\n")
    while at != -1:
        if starts is None:
            starts = [int(i) for i in doc.to_array("IDX")]
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < starts[i] + len(doc[i]) and (not out or out[-1] != i):
            out.append(i)  # not a break in the space after a token (spaCy keeps one " ")
        at = text.find("\n", at + 1)
    return out


def _date(sent: Any, times: Sequence[TimeExpr]) -> str | None:
    """The TIMEX3 value of the first calendar date in the sentence, if any.

    A resolved date wins; a month without a year ("in August": ``XXXX-08``) is kept
    when nothing better is given, since it still tells an old figure from a new one.
    """
    inside = [
        t
        for t in times
        if sent.start_char <= t.span.start < sent.end_char and t.type in ("DATE", "TIME")
    ]
    for t in inside:
        if re.match(r"\d{4}-\d{2}-\d{2}", t.value):
            return t.value
    for t in inside:
        if re.match(r"XXXX-(XX|\d{2})-(XX|\d{2})", t.value):
            return t.value  # "on Tuesday" unresolved: the figure's day, not "since 2016"
    for t in inside:
        if t.value[:1].isdigit():
            return t.value
    for t in inside:
        if re.fullmatch(r"XXXX-\d{2}", t.value):
            return t.value
    for t in inside:
        words = doc_text(sent.doc)[t.span.start : t.span.end].lower()
        if t.value == "XXXX" and re.search(r"\b(year|month)s?\b", words):
            return t.value  # "last year", "last month" with no publication date to resolve it
    return None


def _char_span(doc: Any, start: int, end: int) -> Span:
    return Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def _phrase_on(token: Any, phrases: dict[int, NumberPhrase]) -> NumberPhrase | None:
    """The amount attached to a victim token ("two children") or the token itself ("two")."""
    if token.i in phrases:
        return phrases[token.i]
    for child in token.children:
        if child.dep_ in ("nummod", "quantmod") and child.i in phrases:
            return phrases[child.i]
        if child.dep_ == "prep" and child.lower_ == "of" and token.i in phrases:
            return phrases[token.i]
    return None


def _harm_claims(
    doc: Any, sent: Any, phrases: dict[int, NumberPhrase], used: set[int]
) -> list[tuple[Span, str, float, str, str, float | None, int]]:
    """(span, measure, value, qualifier, counted, value_max, token) for each victim group."""
    out: list[tuple[Span, str, float, str, str, float | None, int]] = []
    seen: dict[int, str] = {}
    emitted: set[str] = set()
    fresh_emitted: set[str] = set()  # measures of victims not named by a pronoun
    groups: list[Any] = []  # the victims counted so far in the sentence
    for tok in harm_tokens(sent):  # the others name no measure
        measure = harm_predicate(tok)
        if measure is None:
            continue
        if not (measure == "killed" and unrevived(tok)) and (
            intended(tok)
            or any(c.dep_ == "neg" for c in tok.children)
            or any(
                (c.dep_ == "aux" and c.lower_ in MODALS)
                or (c.dep_ == "mark" and c.lower_ in HYPOTHESES)
                for c in tok.children
            )
        ):
            continue
        found = victims(tok)
        if found and _mourned(found[0], tok):
            mourned = _phrase_on(found[0], phrases)
            used.update((mourned.head,) if mourned else ())
            continue  # "a vigil for a man killed last week": an earlier death, not this toll
        if found and found[0].lower_ in ANIMALS:
            used.update(t.i for t in found[0].subtree if t.i in phrases)
            continue  # "two dogs died in the fire": no human toll
        # two subjects of one predicate are one group ("the driver and a passenger suffered")
        for victim in found[:1]:
            earlier = seen.get(victim.i)
            if earlier is not None and not (measure == "killed" and earlier != "killed"):
                continue  # one person, one count: "was also shot and is in critical condition"
            seen[victim.i] = measure
            group = list(
                {
                    t.i: t
                    for v in found
                    for t in (v, *v.conjuncts, *_along_with(tok, v))
                    if t is v or t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
                    if t is v or not _stray_conjunct(tok, v, t)
                }.values()
            )
            # names in apposition restate the group: "two managers, Ana Riva and Li Chen"
            inside = {
                t.i for m in group for c in m.children if c.dep_ == "appos" for t in c.subtree
            }
            group = [m for m in group if m.i not in inside] or group
            named = [
                a
                for c in group[0].children
                if c.dep_ == "appos" and not c.like_num  # "her nephews, 6 and 9": ages
                for a in (c, *c.conjuncts)
            ]
            if (
                len(group) == 1
                and group[0].tag_ == "NNS"
                and named
                and not _phrase_on(group[0], phrases)
            ):
                group = named  # "the victims, a man and a woman, were pronounced dead": two
            total, qualifier, counted = 0.0, "exact", ""
            value_max: float | None = None
            heads: list[int] = []
            parts: list[float] = []  # each member's count
            for member in group:
                phrase = _phrase_on(member, phrases)
                if phrase is not None and (phrase.unit or member.lemma_.lower() in MONEY_WORDS):
                    total = -1.0  # "SHOOTING $2 million bond for suspect": money, no victims
                    break
                if phrase is not None and (
                    counts_blows(doc, phrase)
                    or (member.i != phrase.head and _container(member))
                    or member.lemma_.lower() in ROUNDS
                ):
                    total = -1.0  # "shot him 10 times", "five reports of people shot"
                    break
                if phrase is not None:
                    total += phrase.value
                    parts.append(phrase.value)
                    heads.append(phrase.head)
                    if phrase.qualifier != "exact" and len(group) == 1:
                        qualifier, value_max = phrase.qualifier, phrase.value_max
                    counted = counted or (member.lower_ if member.i != phrase.head else "people")
                    continue
                count, what = person_count(member)
                if count is None:
                    total = -1.0
                    break
                if count == 0:  # "none of the 140 passengers": their number is no toll
                    used.update(t.i for t in member.subtree if t.i in phrases)
                total += count
                parts.append(count)
                counted = counted or what
            if total < 0 or any(h in used for h in heads):
                continue
            if _broken_down(doc, group, parts):
                total = parts[0]  # "five people, two men and three women,": five
            if len(group) > 1:
                counted = "people"
            if (
                measure == "killed"
                and _own_wound(tok)
                and earlier is None
                and victim.lemma_.lower() in ATTACKERS
            ):
                counted = SELF  # "the suspect died of a self-inflicted wound": his own death
            elif earlier is not None or (measure == "killed" and _of_injuries(tok)):
                counted = ANAPHORIC  # "was injured and later died", "died from his injuries"
            if measure == "killed" and emitted & {"injured", "shot"} and _the_one(victim, group):
                counted = ANAPHORIC  # "the boy was taken to Alder Clinic, where the child died"
            if measure == "injured" and _whole_of_dead(victim):
                measure = "shot"  # "one of four women wounded has died": four shot, one dead
            rank = _death_rank(measure, group)
            hurt_before = emitted - {"killed"} and any(g.i != victim.i for g in groups)
            if rank and not hurt_before:  # not "two were hurt and a third person died"
                total, counted = rank, ANAPHORIC  # "a third person has died": three dead now
            fresh = len(group) == 1 and any(c.lower_ in ("a", "an") for c in victim.children)
            if (
                counted not in (ANAPHORIC, ADDITIONAL, SELF)
                and total == 1
                and (
                    _says_also(tok, victim)
                    or (
                        fresh
                        and _emitted_alike(measure, fresh_emitted)
                        and not any(_inside(victim, g) for g in groups)
                    )
                )
            ):
                counted = ADDITIONAL  # "one was treated for burns, and a firefighter was ..."
                if measure == "shot":
                    measure = "injured"  # "a woman was also shot": wounded beside the dead
            if counted == ADDITIONAL and any(t.lemma_ == "toll" for t in sent):
                counted = PART  # "the toll rose to three after a second passenger died"
            definite = any(c.lower_ in ("the", "these", "those") for c in victim.children)
            if not definite and any(
                m.lower_ == "others" or any(c.lower_ == "other" for c in m.children) or _more(m)
                for m in group[:1]  # "Ann Lee and two other people": others than Ann, all counted
            ):
                counted = ADDITIONAL
                if measure == "shot":
                    measure = "injured"  # "two others were shot": wounded beside the dead
            if measure == "killed" and by_police(tok) and not heads:
                counted = ADDITIONAL  # "before he was shot dead by officers": the gunman
            if _of_whom(victim):
                counted = PART  # "two others were hurt, one of whom is in critical condition"
            if victim.dep_ == "pobj" and victim.head.lower_ in ("including", "among"):
                counted = PART  # "six injured, including a child who was airlifted"
                if _among_all(victim, total, heads):
                    counted = "people"  # "a girl was among four people wounded": all four
                whole = _hurt_whole(doc, victim, out) if measure == "killed" else None
                if whole is not None:
                    # "three were hurt, including a man who died": three shot, one dead
                    out[whole] = (*out[whole][:1], "shot", *out[whole][2:])
                    counted = "people"
            if counted == ADDITIONAL and measure in ("shot", "injured"):
                # beside people shot ("one was shot and another grazed") the wounded are
                # shot too; otherwise ("a second man was shot in the leg") beside the dead
                measure = "shot" if "shot" in emitted else "injured"
            used.update(heads)
            first = min(m.i for m in group)
            start = min(m.left_edge.i for m in group)
            start = min(start, *(phrases[h].start for h in heads)) if heads else start
            # the victim's own words only: a broken parse may reach back across lines
            start = max(start, first - 8, sent.start)
            while start < first and "\n" in doc_text(doc)[doc[start].idx : doc[first].idx]:
                start += 1
            last = max(m.i for m in group)
            span = _char_span(doc, start, last + 1)
            if heads and len(group) == 1:
                p = phrases[heads[0]]
                span = _char_span(doc, p.start, p.end)
                measure = rate_measure(measure, period_of(doc, p, tok.i))
            emitted.add(measure)
            if counted != ANAPHORIC:
                fresh_emitted.add(measure)
            groups.extend(group)
            if not doc_text(doc)[span.start : span.end].strip():
                continue
            out.append((span, measure, total, qualifier, counted or "people", value_max, victim.i))
    return out


def _hurt_whole(doc: Any, victim: Any, out: Sequence[Found]) -> int | None:
    """The count of injured that a death "including" one of them belongs to: "three
    people were injured, including a woman who later died" (the index in ``out``)."""
    owner = victim.head.head  # the injured predicate, or its victims' noun
    for n in range(len(out) - 1, -1, -1):
        _, measure, value, _, counted, _, token = out[n]
        if measure != "injured" or value < 2 or counted in (PART, ANAPHORIC, SELF):
            continue
        if owner.i in (token, doc[token].head.i):
            return n
    return None


def _stray_conjunct(pred: Any, victim: Any, other: Any) -> bool:
    """A conjunct the parser put before a victim that the harm word itself modifies, and
    that names no person: "a shooting that left two dead and three others wounded" parsed
    with "others" joined to "shooting" ("wounded" hangs on "others"). Not a member."""
    return (
        other.i < victim.i
        and pred.dep_ in ("acl", "amod")
        and pred.head.i == victim.i
        and other.lemma_.lower() not in PERSON_NOUNS
        and other.pos_ not in ("PROPN", "PRON", "NUM")
        and not any(c.dep_ == "nummod" for c in other.children)
    )


def _along_with(pred: Any, victim: Any) -> list[Any]:
    """People harmed beside the victims, named after "along with": "both brothers were
    shot, along with a third man" (three shot). Not an attacker ("taken to hospital, along
    with the suspect")."""
    return [
        o
        for node in (pred, victim)
        for a in node.children
        if a.dep_ == "prep" and a.lower_ == "along"
        for w in a.children
        if w.lower_ == "with"
        for o in w.children
        if o.dep_ == "pobj" and o.lemma_.lower() not in ATTACKERS
    ]


#: Gatherings for the dead: whom they are for died before (another incident's toll).
MOURNING = frozenset({"funeral", "vigil", "memorial", "wake", "burial"})


def _mourned(victim: Any, pred: Any) -> bool:
    """Whether a victim is the one a funeral, vigil or memorial is held for ("gathered for
    the funeral of a man who died last month", "a vigil honoring a teen killed in May",
    "a vigil for the girl killed"): the gathering's own harm (shots fired at it) is
    the report's incident, the death it mourns is an earlier one."""
    node = victim
    for _ in range(4):
        if node.head.i == node.i or node.pos_ in ("AUX",):
            return False
        node = node.head
        if node.i == pred.i:
            return False  # "a vigil ... wounding three": the predicate's own victims
        if node.pos_ in ("NOUN", "PROPN") and (
            node.lemma_.lower() in MOURNING
            or any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in MOURNING
                for c in node.children
            )
        ):
            return True
        if node.pos_ == "VERB" and node.dep_ not in ("acl", "relcl"):
            return False
    return False


def _death_rank(measure: str, group: Sequence[Any]) -> float:
    """The dead so far when a new death is numbered: "a third person has died" (3), else 0.

    The numbered one was mostly counted before among the hurt: the figure is read as
    an update of those already mentioned (the dead rise to the rank, the hurt lose
    whoever died beyond the dead counted).
    """
    if measure != "killed" or len(group) != 1:
        return 0.0
    tok = group[0]
    if not any(c.lower_ in ("a", "an") for c in tok.children):
        return 0.0  # "the fifth worker died": the fifth of those shot
    if tok.lower_ in DEATH_RANKS:
        return DEATH_RANKS[tok.lower_]  # "a third died"
    ranks = [DEATH_RANKS[c.lower_] for c in tok.children if c.lower_ in DEATH_RANKS]
    return ranks[0] if ranks and tok.lemma_.lower() in PERSON_NOUNS else 0.0


#: Verbs that correct a figure given first ("originally said seven, but amended that to four").
CORRECTIONS = frozenset({"amend", "revise", "correct", "lower", "downgrade", "reduce"})


def _corrected(doc: Any, sent: Any, found: list[Found]) -> list[Found]:
    """A sentence that corrects a first figure: "the sheriff first said that seven
    people were shot, but later changed the figure to four". The first figure is no toll; a
    bare number after the correcting verb takes its measure."""
    words = doc_strings(doc, "LOWER")[sent.start : sent.end]
    if "originally" not in words and "initially" not in words:
        return found
    verbs = [t.i for t in sent if t.lemma_.lower() in CORRECTIONS and t.pos_ == "VERB"]
    if not verbs:
        return found
    at = verbs[0]
    first = [f for f in found if f[1] in HARM and f[6] < at]
    if not first:
        return found
    out: list[Found] = []
    for span, measure, value, qualifier, counted, value_max, token in found:
        if token < at and measure in HARM:
            measure = "other"  # the figure corrected
        elif token > at and measure == "other" and counted in ("", "people"):
            measure, counted = first[-1][1], "people"  # "... to four": the figure now
        out.append((span, measure, value, qualifier, counted, value_max, token))
    return out


def _the_one(victim: Any, group: Sequence[Any]) -> bool:
    """A death of "the child", "the patient" after someone hurt in the same sentence ("the
    girl was taken to Alder Clinic, where the child died"): one person named as known, the
    one hurt (as "she died" is); not "an officer was shot and the suspect was killed"."""
    return (
        len(group) == 1
        and victim.tag_ == "NN"
        and victim.lemma_.lower() in PERSON_NOUNS
        and victim.lemma_.lower() not in ATTACKERS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in victim.children)
        and not any(
            c.dep_ in ("nummod", "amod") and c.lower_ in DEATH_RANKS for c in victim.children
        )
    )


def _whole_of_dead(victim: Any) -> bool:
    """ "one of four women wounded ... has died": the group is the whole the dead one was
    part of (the wounded before the death), not the wounded now."""
    part = victim.head.head
    return bool(
        victim.dep_ == "pobj"
        and victim.head.lower_ == "of"
        and part.dep_ in ("nsubj", "nsubjpass")
        and (part.like_num or part.lower_ == "one")
        and harm_predicate(part.head) == "killed"
    )


def _broken_down(doc: Any, group: Sequence[Any], parts: Sequence[float]) -> bool:
    """ "five people, two men and three women, were hurt": a count set off by a comma and
    then told again part by part (the parser joins the parts to it with "and")."""
    if len(parts) != len(group) or len(parts) < 3 or parts[0] != sum(parts[1:]):
        return False
    after = group[0].i + 1
    return bool(after < len(doc) and doc[after].text == ",")


def _among_all(victim: Any, total: float, heads: Sequence[int]) -> bool:
    """ "a girl was among four people wounded": the count after "among" is the whole."""
    among = victim.head
    return bool(
        heads
        and total >= 2
        and among.lower_ == "among"
        and among.head.lemma_ == "be"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in among.head.children)
    )


Found = tuple[Span, str, float, str, str, float | None, int]


def _coordinated(doc: Any, found: list[Found]) -> list[Found]:
    """Counts of one group joined by "and" added up: "two women and five boys were wounded".

    The harm predicates count the people of their subject or object together; a
    count read from the number outwards (a parse that hangs the group elsewhere,
    "hitting two adults and a boy") is one of several nouns joined by "and", and
    the others are added to it: another count of the same measure, or one person
    for a singular person noun ("a teen").
    """
    at = {f[6]: n for n, f in enumerate(found)}
    out = list(found)
    dropped: set[int] = set()
    for n, (span, measure, value, qualifier, counted, value_max, token) in enumerate(found):
        if n in dropped or measure not in HARM or counted in (PART, ADDITIONAL, ANAPHORIC):
            continue
        number = doc[token]
        if number.dep_ != "nummod" or number.head.pos_ not in ("NOUN", "PROPN"):
            continue
        total, end = value, span.end
        for other in number.head.conjuncts:
            if other.i < number.head.i:
                continue
            counts = [c for c in other.children if c.dep_ == "nummod" and c.i in at]
            if counts:
                m = at[counts[0].i]
                if found[m][1] != measure or m in dropped:
                    break
                total += found[m][2]
                end = max(end, found[m][0].end, other.idx + len(other.text))
                dropped.add(m)
            elif (
                other.tag_ == "NN"
                and other.lemma_.lower() in PERSON_NOUNS
                and any(c.lower_ in ("a", "an") for c in other.children)
            ):
                total += 1
                end = max(end, other.idx + len(other.text))
            else:
                break
        if total != value:
            out[n] = (Span(span.start, end), measure, total, qualifier, "people", value_max, token)
    return [f for m, f in enumerate(out) if m not in dropped]


def _more(tok: Any) -> bool:
    """ "seven more people": people beside those already counted, as "others" are."""
    return any(
        c.lower_ == "more" or (c.dep_ == "nummod" and any(g.lower_ == "more" for g in c.children))
        for c in tok.children
    )


def _inside(tok: Any, other: Any) -> bool:
    """Whether ``tok`` is in the phrase of ``other`` ("four men: a 50-year-old who ...")."""
    return bool(tok.i != other.i and other.left_edge.i <= tok.i <= other.right_edge.i)


def _emitted_alike(measure: str, emitted: set[str]) -> bool:
    """Whether the sentence has already counted people hurt as ``measure`` hurts them.

    "A boy was grazed on the cheek, and a woman was shot in the hand": people shot and
    people hurt are one pool of the wounded, so a second fresh victim ("a man") is
    one more, whichever word hurts him; and "a man was killed and a woman was shot"
    names a wounded woman beside the dead man.
    """
    wounded = ("shot", "injured")
    if measure == "shot" and "killed" in emitted:
        return True
    return measure in emitted or (measure in wounded and any(m in emitted for m in wounded))


def _of_injuries(pred: Any) -> bool:
    """ "died from his injuries", "succumbed to her wounds": one of the injured died."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("from", "of", "to")
        and any(o.lemma_.lower() in ("injury", "wound", "burn") for o in c.children)
        for c in pred.children
    )


def _own_wound(pred: Any) -> bool:
    """A death of a wound its victim gave himself ("a self-inflicted injury")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("from", "of", "to")
        and any(
            o.lemma_.lower() in ("injury", "wound")
            and "self-inflicted" in "".join(t.lower_ for t in o.subtree)
            for o in c.children
        )
        for c in pred.children
    )


def _says_also(pred: Any, victim: Any) -> bool:
    return any(c.lower_ in ("also",) for c in pred.children) and victim.tag_ == "NN"


def _number_claim(doc: Any, phrase: NumberPhrase, previous_counted: str) -> tuple[str, str, Role]:
    """(measure, counted, role) for an amount not read as victims."""
    role = number_role(doc, phrase)
    measure, counted = role.measure, role.counted
    tok = doc[phrase.head]
    if measure == "shot" and any(c.lower_ == "fatally" for c in tok.children):
        measure = "killed"  # "two were shot, one fatally"
    if counted in ("they", "them", "those", "these", "we", "us") or (
        measure in HARM and _of_the(tok)
    ):
        counted = PART  # "three of them", "three of the injured": part of a figure
    elif measure in HARM and _other_noun(doc, phrase):
        counted = f"other {counted or 'people'}"  # "five other civilians": another event
    if measure == "duration":
        counted = TIME_UNITS[counted].format(_fmt(phrase.value))
    if not counted:
        counted = "people" if measure in HARM else previous_counted
    return rate_measure(measure, role.period), counted, role


def _target_owners(doc: Any, sent: Any, tokens: list[int]) -> set[int]:
    """Claims whose own phrase names the sentence's target ("four on a ferry")."""
    target = target_token(sent)
    if target is None:
        return set()
    return {
        t for t in tokens if doc[t].left_edge.i <= target.i <= doc[t].right_edge.i and t != target.i
    }


def _of_the(tok: Any) -> bool:
    """ "three of the injured", "two of the victims", "one of whom": a part of a group
    already counted."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and (
                    obj.lower_ in ("whom", "which")
                    or any(
                        c.lower_ in ("the", "those", "these") or c.dep_ == "poss"
                        for c in obj.children
                    )
                ):
                    return True
    return False


#: What is fired: "15 rounds were shot" counts no people.
ROUNDS = frozenset({"round", "shot", "bullet", "shell", "casing", "cartridge", "time"})


def _of_whom(tok: Any) -> bool:
    """ "two were hurt, one of whom ...", "two of those men later died": a part of the
    group just counted (not "one of the victims", which often starts a breakdown)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            o.dep_ == "pobj"
            and (
                o.lower_ in ("whom", "which")
                or any(d.lower_ in ("those", "these") for d in o.children)
            )
            for o in c.children
        )
        for c in tok.children
    )


def _container(noun: Any) -> bool:
    """A noun that holds people without being them: "five reports of people shot"."""
    return (
        noun.pos_ == "NOUN"
        and not personal(noun)
        and any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(o.dep_ == "pobj" and personal(o) for o in c.children)
            for c in noun.children
        )
    )


def _other_noun(doc: Any, phrase: NumberPhrase) -> bool:
    tok = doc[phrase.head]
    noun = tok.head if tok.dep_ == "nummod" else tok
    return (
        any(c.lower_ == "other" for c in noun.children)
        or doc[phrase.end : phrase.end + 1].text == "other"
    )


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def extract_claims(
    doc: Any, mentions: Sequence[Mention], times: Sequence[TimeExpr]
) -> tuple[Claim, ...]:
    """Every numeric claim of a parsed article, in text order."""
    ments = tuple(mentions)
    claims: list[Claim] = []
    text = doc_text(doc)
    sents = [s for s in _sentences(doc) if text[s.start_char : s.end_char].strip()]
    source: str | None = None
    context: EventContext | None = None
    unsourced: list[tuple[int, int]] = []  # (claim index, sentence index) of harm claims
    victims_named: set[str] = set()  # surnames of the victims counted so far
    known: list[int] = []  # the claims of one hurt person named as known ("the child")
    killer_counted = False  # a count of the dead of a murder-suicide holds the killer
    for n, sent in enumerate(sents):
        phrases = {p.head: p for p in find_numbers(doc, sent.start, sent.end)}
        used: set[int] = set()
        sent_span = Span(sent.start_char, sent.end_char)
        found: list[tuple[Span, str, float, str, str, float | None, int]] = []
        found.extend(_harm_claims(doc, sent, phrases, used))
        previous_counted = ""
        for head, phrase in phrases.items():
            if head in used:
                continue
            measure, counted, _ = _number_claim(doc, phrase, previous_counted)
            previous_counted = counted if measure not in ("duration", "money") else ""
            span = _char_span(doc, phrase.start, phrase.end)
            found.append(
                (span, measure, phrase.value, phrase.qualifier, counted, phrase.value_max, head)
            )
        if not found:
            source = sentence_source(sent) or source
            continue
        found = _coordinated(doc, found)
        found = _corrected(doc, sent, found)
        found.sort(key=lambda f: f[0].start)
        date = _date(sent, times)
        # the event is read only for sentences with figures: most sentences have none
        event = sentence_event(sent, ments, date, context)
        bare = event.without_target().describe()
        owners = _target_owners(doc, sent, [f[6] for f in found])
        harm_here = False
        for span, measure, value, qualifier, counted, value_max, token in found:
            if measure in HARM and value == 1 and counted == "people":
                surname = _surname(doc, token)
                if surname and surname in victims_named:
                    counted = ANAPHORIC  # "Ann Lee died ... Lee was shot in the chest"
                victims_named.add(surname)
            elif measure in ("injured", "shot") and value == 1 and _the_same(doc[token]):
                known.append(len(claims))  # "the child": one of the dead if a child died
            if measure == "killed" and value >= 2 and _with_killer(doc[token], sent):
                killer_counted = True
            about = event.describe() if not owners or token in owners else bare
            attribution = find_attribution(sent, token, source)
            if measure in HARM:
                harm_here = True
                if attribution is None:
                    unsourced.append((len(claims), n))
            claims.append(
                Claim(
                    span,
                    measure,
                    value,
                    qualifier,
                    counted,
                    attribution,
                    date,
                    sent_span,
                    value_max,
                    about,
                )
            )
        named = sentence_source(sent)
        if named:
            source = named
        if harm_here and not event.empty():
            context = event
    if killer_counted:  # "a father and two sons were found dead in a murder-suicide"
        claims = [replace(c, counted=ANAPHORIC) if c.measure == "killed" and c.counted == SELF
                  else c for c in claims]  # fmt: skip
    return tuple(_sourced_by_next(_one_of_the_dead(claims, known), unsourced, sents))


#: Verbs whose object is the killer's victims, not the killer.
KILLING_VERBS = frozenset({"kill", "shoot", "murder", "slay", "stab", "strangle"})


def _with_killer(victim: Any, sent: Any) -> bool:
    """Whether a count of the dead in a sentence telling of a murder-suicide holds the
    killer: "a father and his two sons were found dead in a murder-suicide", "a murder
    suicide that left three people dead"; not "he killed his two sons in a murder-suicide"
    (his victims)."""
    if not any(t.lower_ == "suicide" for t in sent) or not any(
        t.lemma_.lower() == "murder" for t in sent
    ):
        return False
    noun = victim.head if victim.dep_ == "nummod" else victim
    return not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in KILLING_VERBS)


#: Nouns any victim is named by: "the victim" may be another than "a victim" who died.
_ANYONE = frozenset({"people", "person", "persons", "victim", "victims", "individual"})


def _one_of_the_dead(claims: list[Claim], known: Sequence[int]) -> list[Claim]:
    """The hurt person named as known ("the child was taken to Orla General") is the one
    who died when the report counts a death of the same noun ("a child is dead", "the
    child later died"): that person told again, not one more hurt."""

    dead = {c.counted for c in claims if c.measure == "killed" and c.value == 1}
    for i in known:
        noun = claims[i].counted
        if noun in dead and noun in PERSON_NOUNS and noun not in _ANYONE:
            claims[i] = replace(claims[i], counted=ANAPHORIC)
    return claims


def _the_same(victim: Any) -> bool:
    """ "the child", "the toddler": one person named as known, without a word that makes
    them another ("the other man", "the second victim", "the child's mother")."""
    return (
        victim.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in victim.children)
        and not any(
            c.lower_ in ("other", "another", "second", "first", "older", "younger")
            or c.lower_ in DEATH_RANKS
            for c in victim.children
        )
        and victim.dep_ != "poss"
    )


def _surname(doc: Any, i: int) -> str:
    """The last word of a person's name that names a victim ("Lee" of "Ann Lee"), else ""."""
    tok = doc[i]
    if tok.pos_ != "PROPN" or tok.ent_type_ != "PERSON":
        return ""
    return str(tok.text)


def _sourced_by_next(
    claims: list[Claim], unsourced: list[tuple[int, int]], sents: list[Any]
) -> list[Claim]:
    """Give unsourced harm claims the source of the next sentence when it speaks of the victims.

    "... leaving four dead and six hurt. Hospital staff said two children were
    among the wounded." reads as the hospital's figures.
    """

    for index, n in unsourced:
        if n + 1 >= len(sents):
            continue
        nxt = sents[n + 1]
        if (
            nxt.start_char - sents[n].end_char > 2
            and "\n\n" in doc_text(nxt.doc)[sents[n].end_char : nxt.start_char]
        ):
            continue  # a new paragraph starts a new thought
        words = {t.lower_ for t in nxt}
        source = sentence_source(nxt)
        if source and words & VICTIM_WORDS:
            claims[index] = replace(claims[index], attribution=source)
    return claims
