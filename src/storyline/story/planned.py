"""Words that tell a clause as a plan or a possibility, not as done ("will", "is
scheduled", "is expected", "plans" ...): a line with one needs no mark of its own, and
tells nothing about when its report was written."""

from __future__ import annotations

import re

__all__ = ["looks_ahead", "reads_planned"]

_PLANNED = re.compile(
    r"\b(?:will|would|shall|could|may|might|can|to be|is to|are to|scheduled|schedule|"
    r"set for|set to|is set|are set|expected|expects|due|plans?|planned|planning|upcoming|"
    r"slated|going to|pending|hopes?|intends?)\b|['’]ll\b",
    re.IGNORECASE,
)


def reads_planned(text: str) -> bool:
    """Whether a line reads as planned or possible rather than done."""
    return _PLANNED.search(text) is not None


#: Ways of a time's rel that look ahead of the report (analyze/timex/resolve.py).
_AHEAD = frozenset({"future", "strictfuture"})
#: A unit shifted forward: "next week" (``week:1``), "next month".
_UNIT_AHEAD = re.compile(r"^(?:week|month|quarter|year):\+?[1-9]$")


def looks_ahead(rel: str | None) -> bool:
    """Whether the time rules read a time's clause as looking ahead: its way is forward
    ("was to perform Saturday", "invited ... to a vigil on Wednesday", "set a hearing for
    next week"), which the line's words may not show. A time named by reference ("the
    next day") looks from the day told before it, not ahead."""
    if not rel or rel.startswith(("eventref:", "anaphor:")):
        return False
    base = rel.rpartition("|")[2].partition("@")[0]
    return base.rpartition(":")[2] in _AHEAD or _UNIT_AHEAD.match(base) is not None
