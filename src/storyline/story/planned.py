"""Words that tell a clause as a plan or a possibility, not as done ("will", "is
scheduled", "is expected", "plans" ...): a line with one needs no mark of its own, and
tells nothing about when its report was written."""

from __future__ import annotations

import re

__all__ = ["reads_planned"]

_PLANNED = re.compile(
    r"\b(?:will|would|shall|could|may|might|can|to be|is to|are to|scheduled|schedule|"
    r"set for|set to|is set|are set|expected|expects|due|plans?|planned|planning|upcoming|"
    r"slated|going to|pending|hopes?|intends?)\b|['’]ll\b",
    re.IGNORECASE,
)


def reads_planned(text: str) -> bool:
    """Whether a line reads as planned or possible rather than done."""
    return _PLANNED.search(text) is not None
