"""One report's toll: killed and injured totals from its claims (``incident_counts``).

A report repeats its figures, breaks them down ("two were taken to hospital and
three others treated at the scene"), adds people beside them ("two others were
hurt"), refers back to them ("he died") and recalls older incidents ("in 2019 a
similar blast killed five"). The rules that turn its claims into one killed and
one injured figure are in docs/claims.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.analyze.numbers.victims import ADDITIONAL, ANAPHORIC, ATTACKERS, PART, SELF
from storyline.lexicon.measures import HARM
from storyline.model import Claim, Span

#: The measures whose figures make an incident's toll.
HARM_TOTALS = frozenset({"killed", "injured", "shot"})


def is_background(claim: Claim) -> bool:
    """A figure dated to a year or month ("in 2019 a similar blast killed five") is history."""
    # "2019", "2025-08", "XXXX-08" ("in August"), "XXXX" ("last year"): not a day
    return re.fullmatch(r"\d{4}|XXXX|(\d{4}|XXXX)-\d{2}", claim.date or "") is not None


def _other_than_another_measure(claim: Claim, claims: Sequence[Claim]) -> bool:
    """Whether "others" in a claim are others than a different toll of its sentence.

    In "a boy died and two others were hurt" the two are not more injured people
    beside some injured already counted: they are the only injured.
    """
    before = [c for c in claims if c.sentence == claim.sentence and c.span.start < claim.span.start
              and c.measure in HARM]  # fmt: skip
    return bool(before) and all(c.measure != claim.measure for c in before)


def _beside_same(claim: Claim, own: Sequence[Claim]) -> bool:
    """Whether "others" follow a figure of the same measure in their sentence.

    "Two were taken to hospital and three others were treated at the scene": the
    three are beside the two, and the sentence adds up to five, which a report
    that first said "five people were hurt" does not exceed.
    """
    return any(c.sentence == claim.sentence and c.span.start < claim.span.start
               and c.counted not in (ANAPHORIC, ADDITIONAL, PART, SELF) for c in own)  # fmt: skip


def _sentence_sum(claim: Claim, own: Sequence[Claim]) -> float:
    """The figures of one measure in the sentence of ``claim``, added up."""
    return sum(c.value for c in own if c.sentence == claim.sentence and c.counted != PART)


def _within(base: float, start: int, own: Sequence[Claim]) -> bool:
    """Whether one more person ("another man") said at ``start`` is one of a count given before.

    A count of several people of the measure said in an earlier sentence ("four men were
    injured") is a total that later sentences break down victim by victim.
    """
    return base >= 2 and any(
        c.value == base
        and c.sentence.start < start
        and c.counted not in (ANAPHORIC, ADDITIONAL, PART, SELF)
        for c in own
    )


def _only_self(claims: Sequence[Claim]) -> bool:
    """Whether the one who took his own life is the only person a report counts as harmed.

    Then "he died at the hospital" is his death told again, not one more: "a boy
    fatally shot himself ... he died at Orla Clinic that night" is one dead.
    Not so when anyone else is counted ("he shot a woman and then himself ... she died").
    """
    marked = (ANAPHORIC, ADDITIONAL, PART, SELF)
    harm = [c for c in claims if c.measure in HARM_TOTALS]
    return any(c.counted == SELF for c in harm) and all(c.counted in marked for c in harm)


def _broken_down(claims: Sequence[Claim]) -> list[Claim]:
    """A count told again part by part in its sentence is counted once: "four others
    were hurt, three in serious condition and one with light wounds" (four, not
    eight). The later counts of the measure that add up to an earlier one are parts."""
    out = list(claims)
    for n, whole in enumerate(claims):
        if whole.measure not in HARM or whole.value < 2 or whole.counted == PART:
            continue
        later = [m for m, c in enumerate(claims) if m > n and c.sentence == whole.sentence
                 and c.measure == whole.measure and c.counted != PART]  # fmt: skip
        if len(later) >= 2 and sum(claims[m].value for m in later) == whole.value:
            for m in later:
                out[m] = replace(claims[m], counted=PART)
    return out


def _taken_there(claim: Claim, died_there: dict[Span, float]) -> Claim:
    """ "Both were taken to Orla General, where one died": more people taken to hospital
    than died there are the people shot, the dead among them (two shot, one dead)."""
    if (
        claim.measure == "injured"
        and claim.counted not in (ADDITIONAL, SELF)
        and claim.value > died_there.get(claim.sentence, claim.value)
    ):
        return replace(claim, measure="shot")
    return claim


def _own_death(claims: Sequence[Claim], killed: float) -> float:
    """The dead who took their own lives, who are not among the people shot that the
    report counts: "a man shot five people, killing three, before turning the gun on
    himself" is five shot, four dead, two wounded. None when an attacker may be among
    the shot ("officers shot the suspect", "a deputy shot him")."""
    shot = [c for c in claims if c.measure == "shot"]
    if any(c.counted in ATTACKERS or c.counted in (SELF, ANAPHORIC) for c in shot):
        return 0.0
    own = max((c.value for c in claims if c.measure == "killed" and c.counted == SELF),
              default=0.0)  # fmt: skip
    return min(killed, own)


def incident_counts(claims: Sequence[Claim]) -> dict[str, float]:
    """Killed and injured totals of one incident report (``{"killed": k, "injured": i}``).

    Repeated figures count once (the largest), "others"/"another" add to them, a
    pronoun ("he died") refers to someone already counted, and people shot or
    stabbed but not killed are injured.
    """
    current = [c for c in claims if not is_background(c)]
    # a report whose every toll is dated ("the crash last March that killed two", a
    # trial report) is about that old incident: its figures are the toll
    if any(c.measure in HARM_TOTALS for c in current) or not any(
        c.measure in HARM_TOTALS for c in claims
    ):
        claims = current
    claims = _broken_down(claims)
    if any(c.measure == "killed" and c.counted == SELF for c in claims):
        # "the suspect died of a self-inflicted wound ... the suspect is dead": him again
        claims = [c for c in claims if c.measure != "killed" or c.counted not in ATTACKERS]
    # "was taken to hospital, where he died": the one taken there is one of the dead
    died_there: dict[Span, float] = {}
    for c in claims:
        if c.measure == "killed" and c.counted == ANAPHORIC:
            died_there[c.sentence] = max(died_there.get(c.sentence, 0.0), c.value)
    claims = [_taken_there(c, died_there) for c in claims if c.measure != "injured"
              or c.sentence not in died_there or c.counted in (ADDITIONAL, SELF)
              or c.value > died_there[c.sentence]]  # fmt: skip
    totals: dict[str, float] = {}
    anaphoric_killed = 0.0
    for measure in ("killed", "injured", "shot"):
        own = [c for c in claims if c.measure == measure]
        marked = (ANAPHORIC, ADDITIONAL, PART, SELF)
        base = max((c.value for c in own if c.counted not in marked), default=0)
        anaphoric = max((c.value for c in own if c.counted == ANAPHORIC), default=0)
        if measure == "injured" and totals["killed"] and all(c.counted == ANAPHORIC for c in own):
            anaphoric = 0  # "a boy was killed ... Lee was wounded while hunting": one of the dead
        if measure == "killed" and not base and _only_self(claims):
            anaphoric = 0  # "a girl fatally shot herself ... she died at a hospital": herself
        others = [c for c in own if c.counted == ADDITIONAL]
        alone = [c for c in others if _other_than_another_measure(c, claims)]
        besides = [c for c in others if c not in alone and _beside_same(c, own)]
        extra = {(c.sentence.start, c.value) for c in others
                 if c not in alone and c not in besides}  # fmt: skip
        base = max([base, *(c.value for c in alone), *(_sentence_sum(c, own) for c in besides)])
        # "five others were shot" said again further on is the same five; "another"
        # (one) in two sentences is two people
        again = {c.value for c in alone}
        total = max(base, anaphoric) + sum({v for _, v in extra if v >= 2 and v not in again})
        # "four men were injured ... another man was shot in the hand": one of the four
        total += sum(v for start, v in extra if v < 2 and not _within(base, start, own))
        # the attacker who took his own life is one more, said once or thrice
        total += max((c.value for c in own if c.counted == SELF), default=0)
        # a part ("one of them died") only tells something when no whole is given
        totals[measure] = total or max((c.value for c in own if c.counted == PART), default=0)
        if measure == "killed":
            # "she later died": one of the injured, unless the dead were counted
            # already ("a man was killed and two were hurt ... he died at the hospital")
            anaphoric_killed = max(0.0, anaphoric - base)
    killed, shot = totals["killed"], totals["shot"]
    injured = max(0.0, totals["injured"] - anaphoric_killed)
    if shot:
        injured = max(injured, shot - killed + _own_death(claims, killed))
    return {"killed": killed, "injured": injured}
