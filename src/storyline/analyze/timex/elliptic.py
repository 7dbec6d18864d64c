"""Calendar units that the sentence leaves to be understood: "this year as last",
"the second and fourth quarters".

- **"last" standing for the unit before** ("pay twice as much this year as last",
  "more freight this quarter than last"): a comparison with "this year / quarter /
  month / week" in the same clause leaves the noun out of its second term; "last" is
  then last year (quarter, month, week). Not "at last", nor "last" with a noun of its
  own.
- **Ordinal quarters in the plural** ("sales come in the second and fourth quarters",
  "in first quarters"): every such quarter, a set (``XXXX-Q2``), as "on Sundays" is
  every Sunday; the first ordinal of a pair ("second" in "the second and fourth
  quarters") is one too. "The first two quarters of 1990" (a half-year) is another rule.
"""

from __future__ import annotations

import re

from storyline.analyze.timex.lexicon import ORDINALS
from storyline.analyze.timex.norm import Norm

__all__ = ["ELLIPTIC_LAST", "PLURAL_QUARTERS", "elliptic_last", "plural_quarter"]

_GRAN = {"year": "year", "quarter": "quarter", "month": "month", "week": "week"}

#: "this year as last", "this quarter than last" (the span is "last")
ELLIPTIC_LAST = re.compile(
    r"(?i)\b(?:this|the\s+current)[^\S\n]+(?P<unit>year|quarter|month|week)\b"
    r"(?:(?![.;:!?\n]).){0,60}?\b(?:as|than)[^\S\n]+(?P<body>last)\b"
    r"(?=[^\S\n]*(?:[.,;:!?)\"'”’]|$)|[^\S\n]+(?:and|but|when|while|because|or)\b)"
)

_ORD = r"(?:first|second|third|fourth)"

#: "fourth quarters", "second" in "the second and fourth quarters"
PLURAL_QUARTERS = re.compile(
    rf"(?i)\b(?P<ord>{_ORD})[^\S\n]+quarters\b(?![^\S\n]+of[^\S\n]+(?:\d|the\s+year))"
    rf"|\b(?P<ord2>{_ORD})\b(?=,?[^\S\n]+(?:and|or)[^\S\n]+{_ORD}[^\S\n]+quarters\b)"
)


def elliptic_last(m: re.Match[str], tense: str) -> Norm | None:
    """ "last" as the unit before the one of "this <unit>" it is compared with."""
    unit = m["unit"].lower()
    return Norm("DATE", "XXXX", _GRAN[unit], f"{unit}:-1")


def plural_quarter(m: re.Match[str], tense: str) -> Norm | None:
    """Every n-th quarter: a set."""
    n = ORDINALS[(m["ord"] or m["ord2"]).lower()]
    return Norm("SET", f"XXXX-Q{n}", "quarter")
