"""The speaker the quote finder gives a quote, for the tests of speaker rules."""

from __future__ import annotations

from typing import Any

from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes


def speaker_of(nlp: Any, text: str, words: str) -> tuple[str | None, str | None]:
    """The speaker and the speaker's words in ``text`` of the first quote holding ``words``."""
    doc = nlp(text)
    found = [q for q in extract_quotes(doc, extract_entities(doc)) if words in q.text]
    assert found, f"no quote holding {words!r}"
    q = found[0]
    span = text[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None
    return q.speaker, span
