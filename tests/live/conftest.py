"""Fixtures of the live tests: the local server and fakes for the poller's dependencies."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from live_server import LocalServer

from storyline.model import Article, ArticleAnalysis


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A fresh local HTTP server on 127.0.0.1, stopped after the test."""
    srv = LocalServer().start()
    yield srv
    srv.stop()


class FakeClock:
    """A clock the test moves; sleeping moves it too."""

    def __init__(self, now: float = 1_780_000_000.0) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def bare_analyse(articles: Sequence[Article]) -> list[tuple[Article, ArticleAnalysis]]:
    """An analyser that finds nothing: for tests of fetching and state, not of analysis."""
    return [(a, ArticleAnalysis(article_id=a.id)) for a in articles]
