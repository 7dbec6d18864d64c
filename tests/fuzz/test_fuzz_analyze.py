"""Fuzzing ``analyze`` on random text: every stage finishes and every offset indexes the text."""

from __future__ import annotations

from typing import Any

from fuzz_inputs import TRIED
from hypothesis import given
from hypothesis import strategies as st

from storyline.analyze.pipeline import analyze_batch
from storyline.ingest.article import make_article
from storyline.model import Span

_NEWSY = st.sampled_from(
    [
        "said", "\u201c", "\u201d", '"', "'", "according to", "on Monday", "9", "nine",
        "1,000", "at least", "killed", "injured", "Mr", "Ms", "President", "\n\n", ". ",
        "2025-05-17", "last week", "yesterday", "(AP)", "\u2014", "%", "$", "\u20ac",
        "Krasnobir", "Zelenskyy", "the", "of", "RIYADH, Oct 3 (Reuters) - ",
    ]
)  # fmt: skip
_TEXT = st.lists(_NEWSY | st.text(max_size=30), min_size=1, max_size=60).map(" ".join)


@given(text=_TEXT)
def test_fuzz_analyze_random_text(nlp: Any, text: str) -> None:
    TRIED["analyze on random text"] += 1
    if not text.strip():
        return
    article = make_article(text, path="<fuzz>", published="2025-05-17")
    ((dated, analysis),) = analyze_batch([article], nlp)
    assert dated.id == article.id and analysis.article_id == article.id
    n = len(text)

    def inside(span: Span | None) -> None:
        assert span is None or 0 <= span.start <= span.end <= n, (span, n)

    for span in analysis.sentences:
        inside(span)
    for item in analysis.boilerplate:
        inside(item.span)
    for mention in analysis.entities:
        inside(mention.span)
        assert text[mention.span.start : mention.span.end] == mention.text
    for time in analysis.times:
        inside(time.span)
    for quote in analysis.quotes:
        inside(quote.span)
        inside(quote.speaker_span)
    for claim in analysis.claims:
        inside(claim.span)
        inside(claim.sentence)
