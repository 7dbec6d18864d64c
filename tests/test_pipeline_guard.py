"""A stage that breaks on one report leaves that stage's results out, says so in one line,
and does not stop the run or lose the report's other results."""

from __future__ import annotations

import logging

import pytest

from storyline.analyze.pipeline import _guarded
from storyline.model import Article


def _broken() -> tuple[int, ...]:
    raise ValueError("invalid literal for int() with base 10: '+1@TMO'")


def test_pipeline_guard_failed_stage_is_one_line_naming_the_report(
    caplog: pytest.LogCaptureFixture,
) -> None:
    article = Article(id="a1", text="The ferry sailed.", path="news/ferry.txt")
    with caplog.at_level(logging.WARNING, logger="storyline.analyze"):
        assert _guarded(article, "times", _broken) == ()
    (line,) = caplog.messages
    assert line.startswith("storyline: news/ferry.txt: the times stage failed (ValueError: ")
    assert "\n" not in line


def test_pipeline_guard_names_the_url_or_id_when_there_is_no_path(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="storyline.analyze"):
        _guarded(Article(id="a2", text="x", url="https://example.org/a"), "quotes", _broken)
        _guarded(Article(id="a3", text="x"), "claims", _broken)
    assert "https://example.org/a: the quotes stage failed" in caplog.messages[0]
    assert caplog.messages[1].startswith("storyline: a3: the claims stage failed")


def test_pipeline_guard_passes_results_through() -> None:
    article = Article(id="a1", text="x")
    assert _guarded(article, "entities", lambda: (1, 2)) == (1, 2)
