"""The killed and injured counts the claims of one text give, for the toll tests."""

from __future__ import annotations

from typing import Any

from storyline.analyze.claims import extract_claims, incident_counts
from storyline.analyze.times import extract_times
from storyline.model import Mention, Span


def counts(nlp: Any, text: str, *, with_times: bool = False) -> tuple[float, float]:
    """Killed and injured read from ``text``'s claims; ``with_times`` gives the claims the
    text's time expressions too (a dated sentence), as the analysis does."""
    doc = nlp(text)
    mentions = tuple(
        Mention(Span(e.start_char, e.end_char), e.text, e.label_, e.text) for e in doc.ents
    )
    times = extract_times(doc, None) if with_times else ()
    found = incident_counts(extract_claims(doc, mentions, times))
    return found["killed"], found["injured"]
