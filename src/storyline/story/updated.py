"""A dated report that tells as done what came after its date: a page updated later.

A report's date comes from its metadata, and some pages keep the date they were first
posted while their text grows: a police news list that adds items for months, an
encyclopedia page, a story with "UPDATE (8/14/13): ..." paragraphs. Such a page tells in
the past tense, under dates written out with their year ("On March 22, 2017, officers
arrested ..."), events after its date. The page cannot be older than what it tells as
done: its date is the newest such day (marked estimated, with the evidence).

Only a date written with its year counts (a month-day without one may be resolved
forward by mistake), in a clause with an event line told neither in the present nor as
a plan ("will", "is scheduled", "is expected" ...). An update's own stamp ("UPDATE (Oct.
28):", "Last updated at 6:05 p.m. on Monday, Jan. 9") says so itself: its day counts
with or without a year, in any tense, when it lies within :data:`STAMP_REACH` days after
the date (further on, a stamp without its year may have been read a year off).
"""

from __future__ import annotations

import re
from datetime import date

from storyline.ingest.dates import publication_day
from storyline.model import Analyzed, EventLine, TimeExpr
from storyline.story.planned import reads_planned

__all__ = ["told_after"]

#: A year written in a date's words: "2017" or a numeric date's "/17".
_YEAR = re.compile(r"\b\d{4}\b|\d{1,2}/\d{1,2}/\d{2,4}\b")
#: The words of a line before an update's date: "UPDATE (", "UPDATED ", "UPDATE @ 9:12
#: a.m. (", "Last updated at 6:05 p.m. on Monday, ".
_STAMP = re.compile(
    r"(?i)^\W*(?:last\s+)?updated?\b[\s:(@-]*(?:at\s+)?(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*)?"
    r"[\s(,]*(?:on\s*)?(?:[A-Z][a-z]+,?\s+)?$"
)
#: How many days after a report's date its update stamp may lie.
STAMP_REACH = 62


def told_after(item: Analyzed, day: date) -> tuple[date, str] | None:
    """The newest day after ``day`` that the report tells as done under a date written with
    its year, and that date's words; None when there is none."""
    lines = {e.time: e for e in item.analysis.event_lines}
    best: tuple[date, str] | None = None
    text = item.article.text
    for t in item.analysis.times:
        if t.type not in ("DATE", "TIME"):
            continue
        when = publication_day(t.value)  # the day of a day's value ("2025-04-03T10:00")
        if when is None or when <= day:
            continue
        if _stamped(text, t.span.start):
            if (when - day).days > STAMP_REACH:
                continue
        elif not _told_done_with_year(t, lines.get(t.span)):
            continue
        if best is None or when > best[0]:
            best = (when, t.text)
    return best


def _stamped(text: str, start: int) -> bool:
    """The time opens an update's stamp: only the stamp's words before it on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start <= 48 and _STAMP.match(text[line_start:start]) is not None


def _told_done_with_year(t: TimeExpr, line: EventLine | None) -> bool:
    """A date written with its year, in a clause told done (not present, not planned)."""
    return (
        t.rel is None
        and _YEAR.search(t.text) is not None
        and line is not None
        and not line.present
        and not reads_planned(line.text)
    )
