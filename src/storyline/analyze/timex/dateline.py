"""The date of a wire dateline on a line of its own: "NAIROBI, August 21 (Xinhua) --".

Wire services open a report with the place and the day it was filed, then the agency,
then a dash. When that dateline stands on its own line the boilerplate stage masks it
(it is not a sentence), so the parse never sees its date; this module reads the date
back from the original text of the masked line. Only a dateline with a place before
the date counts: a line holding a date alone ("April 11, 2013 4:39 PM") is a page's
publication stamp, not a time the report tells.

The date is a time expression like any other (TIMEX3 annotates it); it carries no
event line, so it dates no timeline entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.analyze.timex.normalize import normalize_text
from storyline.lexicon.calendar import CAPS_PLACE, MONTH_WORD
from storyline.model import Boilerplate

_TOWN = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
#: Place (capitals, or a capitalised town), an optional region, then the date.
_WIRE_DATE = re.compile(
    rf"\s*(?:{CAPS_PLACE}|{_TOWN}),\s*(?:[A-Z][A-Za-z .]{{1,20}},\s*)?"
    rf"(?P<date>(?i:{MONTH_WORD})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
    r"(?=\s*(?:\([^)\n]{1,40}\))?\s*(?:[-—–]+|:)\s*$)"
)


def dateline_dates(text: str, boilerplate: Sequence[Boilerplate]) -> list[tuple[int, int]]:
    """Character spans of the dates of the wire datelines the boilerplate stage masked."""
    out: list[tuple[int, int]] = []
    for b in boilerplate:
        if b.kind != "dateline":
            continue
        m = _WIRE_DATE.match(text, b.span.start, b.span.end)
        if m is not None and normalize_text(m["date"]) is not None:
            out.append(m.span("date"))
    return out
