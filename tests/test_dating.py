"""Publication dates estimated from the text and from other reports of the story."""

from __future__ import annotations

from typing import Any

import pytest

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


def test_dating_yesterday_style_keeps_weekdays_older(nlp: Any) -> None:
    dated = _item(
        nlp,
        "w",
        "A tanker ran aground near Ostby on Monday evening, the port authority said.",
        "2025-03-11",
    )
    undated = _item(
        nlp,
        "u",
        "Divers inspected the hull yesterday, after the tanker ran aground near Ostby "
        "on Monday evening.",
        None,
    )
    out, evidence = estimate_dates([dated, undated])
    assert out[1].article.published == "2025-03-12"
    assert any("yesterday" in e for e in evidence["u"])


def test_dating_story_floor_for_unmatched_weekdays(nlp: Any) -> None:
    dated = _item(
        nlp, "w", "A dam burst above Velka on Monday, flooding the lower town.", "2025-03-11"
    )
    undated = _item(
        nlp,
        "u",
        "The road to Velka reopened on Sunday, six days after the dam burst and flooded "
        "the lower town. Engineers inspected the dam on Thursday.",
        None,
    )
    out, _ = estimate_dates([dated, undated])
    assert out[1].article.published in ("2025-03-16", "2025-03-17")


def test_dating_sample_corpus_matches_answer_key() -> None:
    """The sample corpus's undated reports of story A get the dates examples/README.md gives."""
    from pathlib import Path

    from storyline.analyze.pipeline import analyze_articles
    from storyline.ingest import iter_articles

    examples = Path(__file__).resolve().parents[1] / "examples"
    if not examples.is_dir():
        pytest.skip("examples/ is not present")
    story_a = {
        "northwire-krasnobir-derailment.txt",
        "halven-post-krasnobir.txt",
        "meridian-ledger-krasnobir.html",
        "broadcasts.jsonl::1",
        "coastal-courier-krasnobir.txt",
        "krasnobir-line-reopens.txt",
    }
    arts = [a for a in iter_articles([str(examples)]) if Path(a.path or "").name in story_a]
    assert len(arts) == 6
    items = [Analyzed(a, r) for batch in analyze_articles(arts, jobs=1) for a, r in batch]
    out, _ = estimate_dates(items)
    got = {Path(it.article.path or "").name: it.article.published for it in out}
    assert got["coastal-courier-krasnobir.txt"] == "2025-03-12"
    assert got["halven-post-krasnobir.txt"] == "2025-03-11"
    assert got["krasnobir-line-reopens.txt"] in ("2025-03-16", "2025-03-17")
