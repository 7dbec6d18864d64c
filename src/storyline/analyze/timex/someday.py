""" "Will one day be", "hopes to some day run": an unnamed day to come, not a duration.

"One day" or "some day" right before a verb, after a modal, "to" or the verb's subject,
is TIMEX3's FUTURE_REF; "followed by one day", "in the job one day", "one day later"
keep their duration.
"""

from __future__ import annotations

from typing import Any

from storyline.analyze.timex.norm import Norm

__all__ = ["FUTURE", "is_someday"]

FUTURE = Norm("DATE", "FUTURE_REF", "ref")
_WORDS = frozenset({"one day", "some day"})
_MODALS = frozenset({"will", "would", "could", "might", "may", "can", "shall", "should", "to"})


def is_someday(doc: Any, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is "one day" / "some day" told of a day to come."""
    if " ".join(text[start:end].lower().split()) not in _WORDS:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or span.start == 0:
        return False
    before, after = doc[span.start - 1], doc[span.end]
    if after.tag_ not in ("VB", "VBP", "VBZ"):
        return False  # "one day later", "one day of talks", "followed by one day an ..."
    return before.lower_ in _MODALS or before.pos_ in ("PRON", "PROPN", "NOUN")
