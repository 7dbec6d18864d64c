"""A dated report that tells as done what came after its date was updated later
(story/updated.py, story/dating.py; fictional reports)."""

from __future__ import annotations

from typing import Any

from storyline.analyze.pipeline import analyze_article
from storyline.model import Analyzed, Article
from storyline.story.dating import estimate_dates


def _dated(nlp: Any, text: str, published: str) -> tuple[Article, tuple[str, ...]]:
    article = Article(id="a", text=text, published=published)
    (item,), evidence = estimate_dates([Analyzed(article, analyze_article(article, nlp))])
    return item.article, evidence.get("a", ())


def test_dating_a_page_telling_done_a_later_dated_event_takes_its_day(nlp: Any) -> None:
    text = (
        "Kessel police arrested Noel Brandt on Friday near the depot.\n\n"
        "On April 3, 2025, detectives arrested Ilsa Reed in connection with the Vellmar fire."
    )
    article, evidence = _dated(nlp, text, "2025-02-14")
    assert (article.published, article.published_estimated) == ("2025-04-03", True)
    assert evidence and "2025-04-03" in evidence[0]


def test_dating_a_plan_or_a_date_without_its_year_keeps_the_page_date(nlp: Any) -> None:
    for text in (
        "Noel Brandt will be sentenced on April 3, 2025, in Kessel.",
        "Judge Ada Pell sentences Noel Brandt on April 3, 2025.",
        "Detectives arrested Ilsa Reed on April 3 in Vellmar.",
    ):
        article, _ = _dated(nlp, text, "2025-02-14")
        assert (article.published, article.published_estimated) == ("2025-02-14", False), text


def test_dating_an_update_stamp_without_its_year_takes_its_day(nlp: Any) -> None:
    text = (
        "Kessel police arrested Noel Brandt on Friday near the depot.\n\n"
        "UPDATE (Feb. 18): Prosecutors filed two charges against Noel Brandt."
    )
    article, evidence = _dated(nlp, text, "2025-02-14")
    assert (article.published, article.published_estimated) == ("2025-02-18", True)
    assert evidence and "2025-02-18" in evidence[0]
    text = (
        "Kessel police are looking for a gray van seen near the depot on Friday.\n\n"
        "Last updated at 3:10 p.m. on Tuesday, Feb. 18: the depot reopened to trains."
    )
    article, _ = _dated(nlp, text, "2025-02-14")
    assert article.published == "2025-02-18", article


def test_dating_a_stamp_far_ahead_or_an_update_in_prose_keeps_the_page_date(nlp: Any) -> None:
    for text in (
        "Kessel police arrested Noel Brandt on Friday.\n\nUPDATE (Aug. 18): Noel Brandt is free.",
        "Kessel police arrested Noel Brandt on Friday. Police updated the list on Feb. 18.",
    ):
        article, _ = _dated(nlp, text, "2025-02-14")
        assert (article.published, article.published_estimated) == ("2025-02-14", False), text
