"""Calendar words and the wire dateline: one definition for every stage that reads them.

``MONTHS`` and ``WEEKDAYS`` map every spelling (full or short, lower case) to its
number; ``MONTH_WORD`` and ``WEEKDAY_WORD`` are the same spellings as regular-expression
alternatives (longest first; use them case-insensitively). ``DATELINE`` is the wire
dateline that opens a report: "KRASNOBIR, March 11 (Northwire) -", "MOSCOW/WASHINGTON —",
"JACKSON, Miss. (AP) —" or "Mumbai, Nov 11 -": a place in capitals (with an optional
region or date), or a capitalised place followed by a date, then an optional agency in
brackets, then a dash. Stages anchor it as they need (a line of its own, the start of a
sentence).
"""

from __future__ import annotations

from collections.abc import Iterable

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_SHORT = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAY_SHORT = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip

#: Month spelling (lower case, full or short) -> month number, 1 to 12.
MONTHS: dict[str, int] = {n.lower(): i for i, n in enumerate(MONTH_NAMES, 1)} | _MONTH_SHORT
#: Weekday spelling (lower case, full or short) -> ``date.weekday()``, Monday 0.
WEEKDAYS: dict[str, int] = {n.lower(): i for i, n in enumerate(WEEKDAY_NAMES)} | _WEEKDAY_SHORT


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


#: Every month spelling as regex alternatives (use case-insensitively).
MONTH_WORD = _alternatives(MONTHS)
#: Every weekday spelling as regex alternatives (use case-insensitively).
WEEKDAY_WORD = _alternatives(WEEKDAYS)
#: A full month or weekday name, capitalised, as regex alternatives.
MONTH_NAME = "|".join(MONTH_NAMES)
WEEKDAY_NAME = "|".join(WEEKDAY_NAMES)

#: A dateline's place in capitals: "KYIV", "MOSCOW/WASHINGTON", "NEW YORK", "WASHINGTON D.C.".
CAPS_PLACE = r"[A-Z][A-Z.'’/-]{2,}(?: [A-Z][A-Z.'’/-]+){0,3}"
_TOWN = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
_REGION = r"[A-Z][A-Za-z .]{1,20}"
_DAY = rf"(?i:{MONTH_WORD})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?"
#: The dateline before its dash: place, region or date, agency.
DATELINE_HEAD = (
    rf"(?:{CAPS_PLACE}(?:,\s*(?:{_REGION},\s*)?{_DAY}|,\s*{_REGION})?"
    rf"|{_TOWN},\s*(?:{_REGION},\s*)?{_DAY})"
    r"(?:\s*\([^)\n]{1,40}\))?"
)
#: The whole dateline, dash included (not anchored).
DATELINE = rf"{DATELINE_HEAD}\s*[-—–]+"
