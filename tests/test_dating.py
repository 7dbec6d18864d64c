"""Publication dates estimated from the text and from other reports of the story."""

from __future__ import annotations

from typing import Any

from storyline.analyze.times import extract_times
from storyline.model import Analyzed, Article, ArticleAnalysis, Span
from storyline.story.dating import estimate_dates


def _item(nlp: Any, aid: str, text: str, published: str | None = None) -> Analyzed:
    doc = nlp(text)
    times = extract_times(doc, None)
    sentences = tuple(Span(s.start_char, s.end_char) for s in doc.sents)
    article = Article(id=aid, text=text, published=published)
    return Analyzed(article, ArticleAnalysis(article_id=aid, sentences=sentences, times=times))


DATED = (
    "The two delegations met in Geneva on Friday and agreed a large prisoner swap. "
    "Heavy rain flooded the old harbour district on Sunday."
)
UNDATED = (
    "Friday's meeting of the two delegations in Geneva produced a prisoner swap deal. "
    "Early on Saturday, a storm tore the roof off the central station."
)


def test_dating_undated_report_anchored_by_dated_one(nlp: Any) -> None:
    items = [_item(nlp, "a", DATED, "2025-05-19"), _item(nlp, "b", UNDATED)]
    out, evidence = estimate_dates(items)
    dated, undated = out
    assert dated.article.published == "2025-05-19" and not dated.article.published_estimated
    assert undated.article.published == "2025-05-17"
    assert undated.article.published_estimated
    assert any("report a" in e for e in evidence["b"])
    values = {t.text: t.value for t in undated.analysis.times}
    assert values["Friday"] == "2025-05-16"
    assert values["Early on Saturday"] == "2025-05-17"


def test_dating_metadata_date_resolves_relative_times(nlp: Any) -> None:
    (only,), evidence = estimate_dates([_item(nlp, "a", DATED, "2025-05-19")])
    assert [t.value for t in only.analysis.times] == ["2025-05-16", "2025-05-18"]
    assert "a" not in evidence


def test_dating_report_without_evidence_stays_undated(nlp: Any) -> None:
    text = "The mayor opened a new library on Tuesday. Readers queued outside."
    (only,), evidence = estimate_dates([_item(nlp, "z", text)])
    assert only.article.published is None
    assert not only.article.published_estimated
    assert only.analysis.times[0].value == "XXXX-XX-XX"
    assert evidence["z"]


def test_dating_explicit_dates_and_weekdays(nlp: Any) -> None:
    text = (
        "The treaty signed on May 2, 2025 took effect. "
        "On Wednesday, the parliament voted to extend it, and on Tuesday the cabinet met."
    )
    (only,), evidence = estimate_dates([_item(nlp, "x", text)])
    # at least a week after May 2 (weekday names cover the last week): Wednesday May 14
    assert only.article.published == "2025-05-14"
    assert any("May 2, 2025" in e for e in evidence["x"])
    assert {t.text: t.value for t in only.analysis.times}["Tuesday"] == "2025-05-13"
