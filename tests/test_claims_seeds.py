"""The seed reports: the four figures a reader expects (read at run time, never copied)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.analyze.claims import extract_claims
from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span
from storyline.story.compare.claims import compare_claims

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def seed_story(nlp: Any, seeds_dir: Path) -> tuple[Any, Any, list[Analyzed]]:
    """Claims of the five seeds (raw text, spaCy entities), compared as one story."""
    items = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        mentions = tuple(
            Mention(Span(e.start_char, e.end_char), e.text, e.label_, e.text) for e in doc.ents
        )
        claims = extract_claims(doc, mentions, ())
        items.append(
            Analyzed(Article(path.stem, text), ArticleAnalysis(path.stem, entities=mentions,
                                                              claims=claims))
        )  # fmt: skip
    claims, conflicts = compare_claims(items)
    return claims, conflicts, items


def test_claims_seeds_nine_killed_agreed(seed_story: tuple[Any, Any, list[Analyzed]]) -> None:
    claims, conflicts, _ = seed_story
    nine = [c for c in claims if c.measure == "killed" and c.value == 9]
    assert nine and len(nine[0].articles) >= 2
    assert not any(c.measure == "killed" and 9 in {v.value for v in c.values} for c in conflicts)


def test_claims_seeds_injured_seven_against_five(
    seed_story: tuple[Any, Any, list[Analyzed]],
) -> None:
    _, conflicts, _ = seed_story
    injured = [c for c in conflicts if c.measure == "injured"]
    assert injured
    values = {v.value: v for v in injured[0].values}
    assert {5.0, 7.0} <= set(values)
    assert "governor" in (values[7.0].attribution or "").lower()
    assert "officials" in (values[5.0].attribution or "").lower()


def test_claims_seeds_prisoner_exchange_agreed(
    seed_story: tuple[Any, Any, list[Analyzed]],
) -> None:
    claims, _, _ = seed_story
    swap = [c for c in claims if c.measure == "prisoners_exchanged" and c.value == 1000]
    assert swap and len(swap[0].articles) >= 2


def test_claims_seeds_soldiers_a_week_is_trumps(
    seed_story: tuple[Any, Any, list[Analyzed]],
) -> None:
    _, _, items = seed_story
    rates = [
        c
        for item in items
        for c in item.analysis.claims
        if c.measure == "killed_per_week" and c.value == 5000
    ]
    assert rates
    assert rates[0].qualifier == "at_least"
    assert "Trump" in (rates[0].attribution or "")


def test_claims_seeds_model_names_and_ages_not_counted(
    seed_story: tuple[Any, Any, list[Analyzed]],
) -> None:
    _, _, items = seed_story
    for item in items:
        for claim in item.analysis.claims:
            text = item.article.text
            # "Tu-95", "A-50": digits glued to letters by a hyphen are model names
            assert not (claim.span.start > 0 and text[claim.span.start - 1] == "-")
            assert not text[claim.span.start : claim.span.end].startswith(("Tu-", "A-", "Il-"))
