""" "A man was shot on Saturday. Police were called at 10 p.m.": a clock without a day.

A time of day told alone ("at 10 p.m.", "by 6 a.m.", "around midnight") belongs to the
day the narration is on: the day told last before it (a date, a weekday, "yesterday"),
as TIMEX3 annotators read it, not the day of the report. Only a clause that is not
future (a plan "will speak at 3 p.m." is the report's day or a day ahead), and only a
day told close before it (in the same sentence or the two before: :data:`REACH`) and
not ahead of the report, lend their day; otherwise the clock stays on the day of the
report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from storyline.analyze.timex.norm import Norm
from storyline.analyze.timex.resolve import resolve_rel

__all__ = ["REACH", "clock_days"]

#: How many sentences before the clock's own the day told last may be: a lede's
#: "shot on Saturday" lends its day to "officers were called at 10 p.m." after it, a
#: court date told further up does not lend its day to the night of the shooting.
REACH = 2
#: rel of a clock told alone: "10 p.m." is "offset:day:0@T22:00"
_BARE_CLOCK = re.compile(r"^offset:day:0@(T\d\d:\d\d)$")
#: a day told ahead of the report ("will be arraigned Monday", "tomorrow") lends no day
#: to a clock of the narration
_AHEAD = re.compile(r"future|offset:day:[1-9]")
#: clocks that name their own day
_OWN_DAY = re.compile(r"(?i)\b(?:today|tonight|this|yesterday|tomorrow)\b")


def _day_of(norm: Norm) -> tuple[str, str | None] | None:
    """The day (value, rel) a told date gives, or None if it names no single day."""
    if norm.type not in ("DATE", "TIME"):
        return None
    if norm.rel is None:
        return (norm.value[:10], None) if re.match(r"^\d{4}-\d\d-\d\d", norm.value) else None
    # "shift:day:-1@TNI|offset:day:0@TMO" (the night before this morning): each part
    # without its time of day
    base = "|".join(re.sub(r"@.*", "", part) for part in norm.rel.split("|"))
    if norm.granularity not in ("day", "time") or base.startswith(
        ("week:", "weekx", "weekend", "anaphor")
    ):
        return None
    if resolve_rel(base, date(2000, 1, 1)) is None:
        return None  # a rel this module cannot put a clock on
    return ("XXXX-XX-XX", base)


def clock_days(
    spans: Sequence[tuple[int, int]],
    norms: Sequence[Norm],
    text: str,
    tense_of: Callable[[int, int], str],
    sentence_of: Callable[[int], int],
) -> list[Norm]:
    """The norms with each clock told alone put on the day told last before it."""
    out: list[Norm] = []
    last: tuple[int, tuple[str, str | None]] | None = None  # where it starts, its day
    for (start, end), norm in zip(spans, norms, strict=True):
        m = _BARE_CLOCK.match(norm.rel or "")
        if (
            m is not None
            and last is not None
            and sentence_of(start) - sentence_of(last[0]) <= REACH
            and not _OWN_DAY.search(text[start:end])
            and last[1][1] != "offset:day:0"
            and not _AHEAD.search(last[1][1] or "")
            and tense_of(start, end) != "future"
        ):
            value, rel = last[1]
            clock = m[1]
            if rel is None:
                norm = Norm("TIME", value + clock, "time")
            else:
                # "shift:day:0@T22:00|weekday:SAT:past": Saturday's 10 p.m., written as a
                # shift of no days so that the dating of reports (story/dating.py) does
                # not count the clock as one more mention of Saturday
                timed = f"shift:day:0@{clock}|{rel}"
                if resolve_rel(timed, date(2000, 1, 1)) is not None:
                    norm = Norm("TIME", "XXXX-XX-XX" + clock, "time", timed)
        day = _day_of(norm)
        if day is not None:
            last = (start, day)
        out.append(norm)
    return out
