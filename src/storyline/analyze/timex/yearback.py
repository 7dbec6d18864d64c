"""A date without its year that a past verb's own event happened on: up to a year back.

A month-day, a month or a holiday written without its year is read the way its tense
points within nine months (resolve.py, ``HORIZON``): "payable Dec. 7" under a past verb
in late October is this December. When the date is the past verb's own ("a magistrate granted
her bail on May 11", "was arrested June 14", "admitted their parts in the Nov. 22 brawl",
"convicted in July") the event is done, so it lies behind the report even ten or eleven
months back: such a date is read back up to a year (way ``yearpast``). "Last April 21"
is the April 21 before the report (``strictpast``), whatever the tense.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.analyze.timex.norm import Norm

__all__ = ["YEAR_PAST", "reread"]

#: The way of a date a past verb's own event happened on (resolve.py).
YEAR_PAST = "yearpast"
_KINDS = ("monthday:", "monthname:", "holiday:")
#: Prepositions that give the time of the verb's own event.
_AT = frozenset({"on", "in", "during", "at", "around", "about"})
#: Verbs that fix or move a date: their date is the one agreed, not the day of the verb.
_FIXING = frozenset(
    {"set", "schedule", "reschedule", "slate", "postpone", "delay", "adjourn", "move", "push",
     "extend", "plan", "arrange", "call", "fix", "bring", "expect", "due"}
)  # fmt: skip
#: Nouns of a done mishap whose date a past clause tells ("the Nov. 22 brawl").
_MISHAP = re.compile(
    r"(?i)^(?:shooting|shootout|killing|slaying|murder|homicide|stabbing|crash|attack|"
    r"robbery|burglary|carjacking|assault|rampage|ambush|standoff|incident|death|fire|"
    r"brawl|fight|rescue|disappearance)s?$"
)
_LAST = re.compile(r"(?i)(?<![\w-])last\s+$")


def _verb_done(verb: Any) -> bool:
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _FIXING:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD":
        return not aux
    if verb.tag_ == "VBN":  # "was arrested June 14", "arrested June 14 on a warrant"
        return not aux or (
            bool(aux & {"was", "were", "had"}) and aux <= {"was", "were", "had", "been"}
        )
    return False


def _told_done(doc: Any, start: int, end: int) -> bool:
    """The time is the own time of a verb told done in the past (or of a mishap noun)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    # the word that hangs the span on the sentence ("Nov." of "the Nov. 22", not "the")
    outside = [t for t in span if not span.start <= t.head.i < span.end and t.dep_ != "det"]
    if not outside:
        return False
    root = outside[0]
    head = root.head
    if head.i == root.i:
        return False
    if head.dep_ == "prep":
        if head.lower_ not in _AT or head.head.i == head.i:
            return False
        head = head.head
    elif root.dep_ not in ("npadvmod", "compound", "nmod", "nummod", "amod"):
        return False
    if head.pos_ in ("NOUN", "PROPN"):
        return bool(_MISHAP.match(head.text))
    return _verb_done(head)


def _with_way(norm: Norm, way: str) -> Norm:
    rel = norm.rel or ""
    base, at, clock = rel.partition("@")
    head = base.rpartition(":")[0]
    return Norm(norm.type, norm.value, norm.granularity, f"{head}:{way}{at}{clock}")


def reread(norm: Norm, doc: Any, text: str, start: int, end: int, tense: str) -> Norm:
    """The norm with its way read again: "last" + a month-day looks strictly back; a
    date a past verb's own event happened on looks back up to a year."""
    rel = norm.rel or ""
    if not rel.startswith(_KINDS):
        return norm
    if rel.startswith("monthday:") and _LAST.search(text[max(0, start - 8) : start]):
        return _with_way(norm, "strictpast")
    if tense == "past" and rel.partition("@")[0].endswith(":past") and _told_done(doc, start, end):
        return _with_way(norm, YEAR_PAST)
    return norm
