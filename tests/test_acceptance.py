"""Acceptance: `digest` on the five seed reports gives what SEEDS.md says a reader expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.api import RunResult, digest
from storyline.model import Story


@pytest.fixture(scope="module")
def seeds_run(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    out = tmp_path_factory.mktemp("seeds")
    return digest([seeds_dir], out_dir=out / "out", db=out / "s.db", jobs=1)


def _stories(run: RunResult) -> tuple[Story, ...]:
    assert run.digest is not None
    return run.digest.stories


def test_acceptance_seeds_read_without_errors(seeds_run: RunResult) -> None:
    assert seeds_run.added == 5
    assert seeds_run.errors == []
    assert seeds_run.out is not None and seeds_run.out.is_file()


def test_acceptance_seeds_one_storyline(seeds_run: RunResult) -> None:
    stories = _stories(seeds_run)
    assert len({s.storyline for s in stories}) == 1
    assert sum(len(s.articles) for s in stories) == 5


def test_acceptance_seeds_zelensky_is_one_person(seeds_run: RunResult) -> None:
    spellings: set[str] = set()
    stories_naming_him = 0
    for story in _stories(seeds_run):
        people = [e for e in story.entities if "zelensk" in e.name.lower()]
        assert len(people) <= 1, [p.name for p in people]  # never two entities for one man
        stories_naming_him += len(people)
        for person in people:
            spellings |= {v.split()[-1].rstrip("’'s").lower() for v in person.variants}
    assert stories_naming_him >= 1  # he is named in four of the five reports
    assert {"zelensky", "zelenskyy"} <= spellings  # both spellings folded into one person


def test_acceptance_seeds_nine_killed_agreed(seeds_run: RunResult) -> None:
    agreed = [
        c
        for s in _stories(seeds_run)
        for c in s.claims
        if c.measure == "killed" and c.value == 9 and len(c.articles) >= 3
    ]
    assert agreed  # three reports carry the toll (SEEDS.md, docs/quality.md)


def test_acceptance_seeds_prisoner_exchange_agreed(seeds_run: RunResult) -> None:
    agreed = [c for s in _stories(seeds_run) for c in s.claims if c.value == 1000]
    assert agreed
    assert max(len(c.articles) for c in agreed) >= 3


def test_acceptance_seeds_injured_disagreement_flagged(seeds_run: RunResult) -> None:
    conflicts = [c for s in _stories(seeds_run) for c in s.conflicts if c.measure == "injured"]
    values = {v.value for c in conflicts for v in c.values}
    assert {5, 7} <= values
    for conflict in conflicts:
        assert all(v.articles for v in conflict.values)


def test_acceptance_seeds_productive_day_post_grouped(seeds_run: RunResult) -> None:
    grouped = [
        q
        for s in _stories(seeds_run)
        for q in s.quotes
        if "productive day" in q.text.lower() and len(q.articles) >= 3
    ]
    assert grouped
    assert grouped[0].speaker is not None and "Trump" in grouped[0].speaker


def test_acceptance_seeds_every_summary_sentence_cited(seeds_run: RunResult) -> None:
    sentences = 0
    for story in _stories(seeds_run):
        for sentence in story.summary:
            sentences += 1
            assert sentence.citations
            assert set(sentence.citations) <= set(story.articles)
    assert sentences >= 3  # a summary exists: an empty one would pass the loop above
    assert any(len(s.citations) >= 2 for story in _stories(seeds_run) for s in story.summary)
