"""Story timelines: events merged across reports, ordered, background and disputes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.analyze.times import extract_times
from storyline.model import Analyzed, Article, ArticleAnalysis, Span
from storyline.story.dating import estimate_dates
from storyline.story.timeline import build_timeline


def _item(nlp: Any, aid: str, text: str, published: str | None = None) -> Analyzed:
    from datetime import date

    doc = nlp(text)
    anchor = date.fromisoformat(published) if published else None
    times = extract_times(doc, anchor)
    sentences = tuple(Span(s.start_char, s.end_char) for s in doc.sents)
    article = Article(id=aid, text=text, published=published)
    return Analyzed(article, ArticleAnalysis(article_id=aid, sentences=sentences, times=times))


def test_timeline_merges_same_event_across_reports(nlp: Any) -> None:
    a = _item(
        nlp, "a", "The harbour bridge collapsed on Tuesday after days of storms.", "2025-05-21"
    )
    b = _item(nlp, "b", "On Tuesday the harbour bridge collapsed into the river.", "2025-05-22")
    (entry,) = build_timeline([a, b], nlp=nlp)
    assert entry.date == "2025-05-20" and entry.granularity == "day"
    assert entry.articles == ("a", "b")
    assert "bridge collapsed" in entry.text
    assert {c.article for c in entry.citations} == {"a", "b"}


def test_timeline_vague_date_joins_the_precise_one(nlp: Any) -> None:
    a = _item(
        nlp, "a", "The ministers met last week in Oslo to sign the fishing accord.", "2025-05-21"
    )
    b = _item(
        nlp, "b", "The ministers signed the fishing accord in Oslo on Thursday.", "2025-05-16"
    )
    (entry,) = build_timeline([a, b], nlp=nlp)
    assert (entry.date, entry.granularity) == ("2025-05-15", "day")
    assert set(entry.articles) == {"a", "b"}
    assert entry.disputed_dates == ()


def test_timeline_time_modifying_a_noun_makes_it_the_event(nlp: Any) -> None:
    item = _item(nlp, "a", "Monday's talks in Geneva ended without a deal.", "2025-05-21")
    (entry,) = build_timeline([item], nlp=nlp)
    assert entry.date == "2025-05-19"
    assert entry.text.startswith("Talks in Geneva")


def test_timeline_interval_bounds_are_not_events(nlp: Any) -> None:
    text = "It was their first meeting since March 2022. Roads stay shut until Friday."
    assert build_timeline([_item(nlp, "a", text, "2025-05-21")], nlp=nlp) == ()


def test_timeline_orders_events_and_marks_background(nlp: Any) -> None:
    text = (
        "The mayor resigned on Monday. "
        "The city council was founded on 3 March 1998. "
        "A new vote will take place on Friday."
    )
    entries = build_timeline([_item(nlp, "a", text, "2025-05-21")], nlp=nlp)
    assert [e.date for e in entries] == ["1998-03-03", "2025-05-19", "2025-05-23"]
    assert [e.background for e in entries] == [True, False, False]
    assert entries[1].text.startswith("The mayor resigned")


def test_timeline_event_line_is_short_clause(nlp: Any) -> None:
    text = (
        "In a long statement read to reporters outside the ministry on Thursday, the "
        "spokeswoman for the regional government, who had been silent for weeks, "
        "announced that the new tunnel would open next spring after many delays."
    )
    (entry, *_) = build_timeline([_item(nlp, "a", text, "2025-05-23")], nlp=nlp)
    assert entry.date == "2025-05-22"
    assert len(entry.text.split()) <= 16
    assert "announced" in entry.text


def test_timeline_disputed_dates_between_reports(nlp: Any) -> None:
    a = _item(nlp, "a", "Rebels seized the northern airport on Monday.", "2025-05-21")
    b = _item(nlp, "b", "Rebels seized the northern airport on Tuesday.", "2025-05-21")
    (entry,) = build_timeline([a, b], nlp=nlp)
    assert dict(entry.disputed_dates) == {"2025-05-19": ("a",), "2025-05-20": ("b",)}
    assert entry.articles == ("a", "b")


def test_timeline_undated_report_keeps_text_order(nlp: Any) -> None:
    text = "Crews cleared the road on Monday. The depot reopened on Wednesday."
    entries = build_timeline([_item(nlp, "u", text)], nlp=nlp)
    assert [e.date for e in entries] == [None, None]
    assert entries[0].text.startswith("Crews") and entries[1].text.startswith("The depot")


def test_timeline_uses_canonical_names(nlp: Any) -> None:
    item = _item(nlp, "a", "Mr Okafor resigned on Monday.", "2025-05-21")
    (entry,) = build_timeline([item], canonical=lambda aid, name: "Daniel Okafor", nlp=nlp)
    assert entry.text.startswith("Daniel Okafor resigned")


@pytest.mark.seeds
def test_timeline_seeds_order(nlp: Any, seeds_dir: Path) -> None:
    items = [
        _item(nlp, p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))
    ]
    dated, _ = estimate_dates(items)
    assert all(it.article.published for it in dated)
    texts = {it.article.id: it.article.text for it in dated}
    entries = build_timeline(dated, nlp=nlp)

    def dates_of(*keywords: str) -> set[str]:
        out = set()
        for e in entries:
            for c in e.citations:
                sentence = texts[c.article][c.span.start : c.span.end] if c.span else ""
                if all(k.lower() in sentence.lower() for k in keywords):
                    out.add(e.date or "")
        return out

    assert "2025-05-16" in dates_of("talks", "Istanbul")
    assert "2025-05-17" in dates_of("drone", "bus")
    assert "2025-05-19" in dates_of("Putin", "call") | dates_of("Putin", "speak")
    june = [e for e in entries if (e.date or "").startswith("2025-06")]
    assert any(
        "Istanbul" in texts[c.article][c.span.start : c.span.end]
        for e in june
        for c in e.citations
        if c.span
    )
    dates = [e.date for e in entries if e.date]
    assert dates == sorted(
        dates,
        key=lambda d: __import__("storyline.story.timeline", fromlist=["sort_key"]).sort_key(d),
    )
