"""A dated report that tells as done what came after its date: a page updated later.

A report's date comes from its metadata, and some pages keep the date they were first
posted while their text grows: a police news list that adds items for months, an
encyclopedia page, a story with "UPDATE (8/14/13): ..." paragraphs. Such a page tells in
the past tense, under dates written out with their year ("On March 22, 2017, officers
arrested ..."), events after its date. The page cannot be older than what it tells as
done: its date is the newest such day (marked estimated, with the evidence).

Only a date written with its year counts (a month-day without one may be resolved
forward by mistake), in a clause with an event line told neither in the present nor as
a plan ("will", "is scheduled", "is expected" ...).
"""

from __future__ import annotations

import re
from datetime import date

from storyline.ingest.dates import publication_day
from storyline.model import Analyzed
from storyline.story.planned import reads_planned

__all__ = ["told_after"]

#: A year written in a date's words: "2017" or a numeric date's "/17".
_YEAR = re.compile(r"\b\d{4}\b|\d{1,2}/\d{1,2}/\d{2,4}\b")


def told_after(item: Analyzed, day: date) -> tuple[date, str] | None:
    """The newest day after ``day`` that the report tells as done under a date written with
    its year, and that date's words; None when there is none."""
    lines = {e.time: e for e in item.analysis.event_lines}
    best: tuple[date, str] | None = None
    for t in item.analysis.times:
        if t.rel is not None or t.type not in ("DATE", "TIME") or not _YEAR.search(t.text):
            continue
        when = publication_day(t.value)  # the day of a day's value ("2025-04-03T10:00")
        line = lines.get(t.span)
        if when is None or when <= day or line is None or line.present or reads_planned(line.text):
            continue
        if best is None or when > best[0]:
            best = (when, t.text)
    return best
