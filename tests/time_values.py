"""What the time tagger makes of a sentence, for the tests of time rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from storyline.analyze.times import extract_times


def time_values(nlp: Any, text: str, anchor: date) -> list[tuple[str, str]]:
    """(words, value) of every time expression in ``text``, read on the day ``anchor``."""
    return [(t.text, t.value) for t in extract_times(nlp(text), anchor)]
