"""The store, on SQLite and on PostgreSQL: idempotent articles, transactions, round trips."""

from __future__ import annotations

import pytest

from storyline.model import (
    Article,
    ArticleAnalysis,
    Boilerplate,
    Claim,
    Mention,
    Quote,
    Span,
    TimeExpr,
)
from storyline.store import Store
from storyline.store.codec import dumps, loads


def _article(n: int, text: str | None = None) -> Article:
    body = text or f"Report number {n} about the harbour fire."
    return Article(id=f"a{n}", text=body, title=f"T{n}", content_hash=f"h-{body}")


def _analysis(article_id: str) -> ArticleAnalysis:
    return ArticleAnalysis(
        article_id=article_id,
        boilerplate=(Boilerplate(Span(0, 4), "caption"),),
        sentences=(Span(0, 10), Span(11, 20)),
        entities=(Mention(Span(1, 3), "Ana", "PERSON", "Ana Bell"),),
        times=(TimeExpr(Span(4, 9), "Monday", "DATE", "2025-05-19", "day", "weekday:MON:past"),),
        quotes=(Quote(Span(5, 9), "“go”", "direct", "Ana Bell", Span(1, 3), "said"),),
        claims=(Claim(Span(2, 3), "killed", 9.0, "exact", "people", None, None, Span(0, 10)),),
    )


def test_store_article_stored_once_by_content(db_target: str) -> None:
    with Store(db_target) as store:
        assert store.add_article(_article(1))
        again = Article(id="other", text="x", content_hash=_article(1).content_hash)
        assert not store.add_article(again)
        assert store.count_articles() == 1


def test_store_analysis_round_trip(db_target: str) -> None:
    with Store(db_target) as store:
        store.add_article(_article(1))
        assert [a.id for a in store.unanalysed()] == ["a1"]
        store.save_analysis(_analysis("a1"))
        assert store.analyses()["a1"] == _analysis("a1")
        assert store.unanalysed() == []


def test_store_batch_rolls_back_on_error(db_target: str) -> None:
    with Store(db_target) as store:
        with store.batch():
            store.add_article(_article(1))
        with pytest.raises(RuntimeError), store.batch():
            store.add_article(_article(2))
            raise RuntimeError("interrupted")
        assert [a.id for a in store.articles()] == ["a1"]


def test_store_survives_reopen(db_target: str) -> None:
    path = db_target
    with Store(path) as store:
        store.add_article(_article(1))
        store.save_placement("a1", "s-1", "l-1")
        store.save_duplicate("a1", "a1")
        store.save_features("a1", {"terms": {"fire": 1}})
    with Store(path) as store:
        assert store.placements() == {"a1": ("s-1", "l-1")}
        assert store.features() == {"a1": {"terms": {"fire": 1}}}
        assert store.duplicates() == {"a1": "a1"}


def test_store_articles_by_ids_keeps_order(db_target: str) -> None:
    with Store(db_target) as store:
        for n in range(3):
            store.add_article(_article(n))
        assert [a.id for a in store.articles(["a2", "a0"])] == ["a2", "a0"]


def test_codec_round_trip_keeps_types() -> None:
    analysis = _analysis("x")
    back = loads(ArticleAnalysis, dumps(analysis))
    assert back == analysis
    assert isinstance(back.claims[0].value, float)
    assert isinstance(back.entities[0].span, Span)


def test_store_records_runs_and_errors(db_target: str) -> None:
    with Store(db_target) as store:
        run = store.start_run("digest")
        store.record_error(run, "bad.bin", "binary file")
        store.finish_run(run, 0, 1)
        assert run == 1


def test_store_articles_come_back_in_arrival_order(db_target: str) -> None:
    with Store(db_target) as store:
        for n in (5, 1, 3):
            store.add_article(_article(n))
        store.add_article(_article(5))  # already stored: keeps its first place
        assert [a.id for a in store.articles()] == ["a5", "a1", "a3"]
        assert [a.id for a in store.unanalysed()] == ["a5", "a1", "a3"]
