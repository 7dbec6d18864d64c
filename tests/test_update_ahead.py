"""The analysis run beside the digest's start: same batches, errors raised here, shares."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Article, ArticleAnalysis, Boilerplate, Span
from storyline.store import Store
from storyline.store.codec import EncodedAnalysis, loads
from storyline.update import PLACING_MODULES, store_analyses
from storyline.update.ahead import AnalysisStopped, analyse_ahead, analyse_here, batch_size

Batch = list[tuple[Article, ArticleAnalysis]]


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Report {i}.") for i in range(n)]


def _fake(articles: list[Article], **kw: Any) -> Iterator[Batch]:
    """Batches as ``analyze_articles`` makes them, each analysis naming the process."""
    size = kw["batch_size"]
    for start in range(0, len(articles), size):
        chunk = articles[start : start + size]
        yield [(a, ArticleAnalysis(article_id=f"{a.id}@{os.getpid()}")) for a in chunk]


def test_ahead_batches_in_order_from_another_process() -> None:
    arts = _articles(20)
    batches = list(analyse_ahead(arts, analyze=_fake, jobs=2))
    assert [len(b) for b in batches] == [3] * 6 + [2]
    pairs = [p for b in batches for p in b]
    assert [a.id for a, _ in pairs] == [a.id for a in arts]
    pids = {x.article_id.split("@")[1] for _, x in pairs}
    assert pids and str(os.getpid()) not in pids


def _spans(articles: list[Article], **kw: Any) -> Iterator[Batch]:
    """Batches of analyses with a sentence and a boilerplate span each."""
    size = kw["batch_size"]
    for start in range(0, len(articles), size):
        yield [
            (a, ArticleAnalysis(a.id, (Boilerplate(Span(0, 2), "byline"),), (Span(0, n + 1),)))
            for n, a in enumerate(articles[start : start + size], start)
        ]


def test_ahead_sends_analyses_encoded_as_the_store_keeps_them(tmp_path: Path) -> None:
    # The analyses cross between processes as the store's text (cheaper than pickled
    # records); stored, they read back as the records the analysis made.
    arts = _articles(5)
    batches = list(analyse_ahead(arts, analyze=_spans, jobs=1))
    sent = [x for b in batches for _, x in b]
    assert all(isinstance(x, EncodedAnalysis) for x in sent)
    made = [x for b in _spans(arts, batch_size=16) for _, x in b]
    assert [loads(ArticleAnalysis, x.text) for x in sent if isinstance(x, EncodedAnalysis)] == made
    with Store(tmp_path / "s.db") as store:
        for a in arts:
            store.add_article(a)
        store_analyses(store, batches, len(arts), lambda *_: None)
        kept = store.analyses()
    assert [kept[a.id] for a in arts] == made


def test_here_runs_meanwhile_first_then_the_same_batches_in_this_process() -> None:
    arts = _articles(20)
    order: list[str] = []

    def analyse(articles: list[Article], **kw: Any) -> Iterator[Batch]:
        order.append("analysis")
        return _fake(articles, **kw)

    batches = list(
        analyse_here(arts, analyze=analyse, jobs=2, meanwhile=lambda: order.append("meanwhile"))
    )
    assert order == ["meanwhile", "analysis"]
    assert [len(b) for b in batches] == [3] * 6 + [2]  # as analyse_ahead cuts them
    assert {x.article_id.split("@")[1] for b in batches for _, x in b} == {str(os.getpid())}


def test_ahead_runs_meanwhile_while_the_analysis_runs(tmp_path: Path) -> None:
    mark = tmp_path / "meanwhile"

    def slow(articles: list[Article], **kw: Any) -> Iterator[Batch]:
        deadline = time.monotonic() + 20
        while not mark.exists() and time.monotonic() < deadline:
            time.sleep(0.01)  # the analysis waits for what runs here: they overlap
        yield from _fake(articles, **kw)

    batches = analyse_ahead(_articles(3), analyze=slow, jobs=1, meanwhile=mark.touch)
    assert mark.exists()
    assert [a.id for b in batches for a, _ in b] == ["a0", "a1", "a2"]


def test_ahead_raises_the_analysis_error_after_the_batches_before_it() -> None:
    def fails(articles: list[Article], **kw: Any) -> Iterator[Batch]:
        yield [(articles[0], ArticleAnalysis(article_id=articles[0].id))]
        raise KeyboardInterrupt

    got: list[Batch] = []
    with pytest.raises(KeyboardInterrupt):
        for batch in analyse_ahead(_articles(3), analyze=fails, jobs=1):
            got.append(batch)
    assert [a.id for b in got for a, _ in b] == ["a0"]


def test_ahead_says_so_when_the_analysis_process_dies() -> None:
    def dies(articles: list[Article], **kw: Any) -> Iterator[Batch]:
        os._exit(3)
        yield []  # pragma: no cover

    with pytest.raises(AnalysisStopped, match="exit code 3"):
        list(analyse_ahead(_articles(2), analyze=dies, jobs=1))


def test_ahead_stops_the_analysis_when_meanwhile_fails() -> None:
    def never(articles: list[Article], **kw: Any) -> Iterator[Batch]:
        time.sleep(60)
        yield []  # pragma: no cover

    def broken() -> None:
        raise ValueError("meanwhile broke")

    begin = time.monotonic()
    with pytest.raises(ValueError, match="meanwhile broke"):
        analyse_ahead(_articles(2), analyze=never, jobs=1, meanwhile=broken)
    assert time.monotonic() - begin < 30  # not the 60 s the analysis would take


def test_ahead_shares_few_reports_between_workers() -> None:
    assert batch_size(20, 2) == 3  # 7 batches handed out as workers free up
    assert batch_size(3, 2) == 1
    assert batch_size(1000, 2) == 16  # many reports: the pipeline's batch
    assert batch_size(20, 1) == 16  # one worker: one pipe call per 16


def test_warm_up_names_importable_modules_not_imported_by_the_api() -> None:
    # What the digest imports ahead is what importing the API leaves out.
    code = (
        "import sys, storyline.api; "
        f"names = {list(PLACING_MODULES)!r}; "
        "print(sum(n in sys.modules for n in names)); "
        "from storyline.update import warm_up; warm_up(); "
        "print(sum(n in sys.modules for n in names))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["0", str(len(PLACING_MODULES))]
