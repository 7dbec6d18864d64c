"""A story's log of changes across digests (story/changes.py, update/changelog.py)."""

from __future__ import annotations

import json
from pathlib import Path

from storyline import api
from storyline.model import Change, Fact, Story, StoryQuote, TimelineEntry
from storyline.story.changes import changes

BEFORE = Story(
    id="s1",
    title="Ferry aground",
    storyline="l1",
    articles=("a",),
    facts=(Fact("injured", "ferry", "single source", "3 injured — ferry", (3,), ("a",), 1),),
    quotes=(StoryQuote("Ana Lind", "We were lucky", ("We were lucky",), ("a",)),),
    timeline=(TimelineEntry("2025-06-01", "day", "The ferry ran aground", ("a",)),),
)


def _later(**fields: object) -> Story:
    base = {
        "articles": ("a", "b"),
        "facts": BEFORE.facts,
        "quotes": BEFORE.quotes,
        "timeline": BEFORE.timeline,
    }
    base.update(fields)
    return Story(id="s1", title="Ferry aground", storyline="l1", **base)  # type: ignore[arg-type]


def test_a_story_seen_first_has_an_empty_log() -> None:
    assert changes(None, BEFORE, "2025-06-01") == ()


def test_nothing_new_logs_nothing_and_keeps_the_log() -> None:
    old = Change("2025-06-01", "report", "1 new report", "2025-05-31")
    previous = Story(**{**{f: getattr(BEFORE, f) for f in BEFORE.__slots__}, "changes": (old,)})  # type: ignore[arg-type]
    assert changes(previous, previous, "2025-06-02") == (old,)


def test_new_reports_figures_disputes_quotes_and_developments_are_logged() -> None:
    now = _later(
        facts=(
            Fact("injured", "ferry", "disputed", "3 or 5 injured — ferry", (3, 5), ("a", "b"), 2),
            Fact("evacuated", "ferry", "single source", "120 evacuated — ferry", (120,), ("b",), 1),
        ),
        quotes=(*BEFORE.quotes, StoryQuote("Piet Kros", "The tide was wrong", (), ("b",))),
        timeline=(
            *BEFORE.timeline,
            TimelineEntry("2025-06-02", "day", "Divers inspected the hull", ("b",)),
            TimelineEntry("2024-01-05", "day", "An older grounding", ("b",)),
        ),
    )
    log = changes(BEFORE, now, "2025-06-02", outlets=["Harbour News"])
    assert [(c.kind, c.text) for c in log] == [
        ("report", "1 new report (Harbour News)"),
        ("dispute", "Now disputed: 3 or 5 injured — ferry"),
        ("figure", "New figure: 120 evacuated — ferry"),
        ("quote", "1 new quote, from Piet Kros"),
        ("development", "2025-06-02: Divers inspected the hull"),
    ]
    assert {c.date for c in log} == {"2025-06-02"}
    assert {c.since for c in log} == {"2025-06-01"}  # the newest day the reader saw


def test_an_updated_figure_says_what_it_was() -> None:
    now = _later(
        facts=(Fact("injured", "ferry", "agreed", "4 injured — ferry", (4,), ("a", "b"), 2),)
    )
    log = changes(BEFORE, now, "2025-06-02", since="2025-06-01")
    assert ("figure", "Figure updated: 4 injured — ferry (was 3)") in [
        (c.kind, c.text) for c in log
    ]


STORM = (
    "A storm flooded the harbour district of Vellmar on Monday, and 40 people were "
    "evacuated from their homes, the fire service said. Harbourmaster Elin Sund said the "
    "sea wall had been overtopped for the first time in twenty years."
)
LATER = (
    "The clean-up of the harbour district of Vellmar began on Wednesday after Monday's "
    'storm. Harbourmaster Elin Sund said: "The sea wall will be raised before winter." '
    "The fire service said 40 people had been evacuated from their homes in Vellmar."
)


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_second_digest_logs_what_its_reports_changed(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "one.jsonl", [
        {"id": "s1", "text": STORM, "published": "2025-10-06", "source": "Vellmar Post"}
    ])  # fmt: skip
    second = _jsonl(tmp_path / "two.jsonl", [
        {"id": "s2", "text": LATER, "published": "2025-10-08",
         "source": "Coast Radio"}
    ])  # fmt: skip
    db = tmp_path / "s.db"
    run1 = api.digest([first], out_dir=None, db=db, jobs=1).digest
    assert run1 is not None and all(s.changes == () for s in run1.stories)
    run2 = api.digest([second], out_dir=tmp_path / "out", db=db, jobs=1).digest
    assert run2 is not None
    story = next(s for s in run2.stories if "s2" in s.articles)
    assert "s1" in story.articles  # one story: the second report follows the first
    kinds = [c.kind for c in story.changes]
    assert kinds[0] == "report" and "Coast Radio" in story.changes[0].text
    assert {c.date for c in story.changes} == {"2025-10-08"}
    page = (tmp_path / "out" / f"{story.id}.md").read_text(encoding="utf-8")
    assert "## What changed since" in page
    written = json.loads((tmp_path / "out" / "stories.json").read_text(encoding="utf-8"))
    entry = next(s for s in written["stories"] if s["id"] == story.id)
    assert entry["changes"][0]["kind"] == "report"
    run3 = api.digest([second], out_dir=None, db=db, jobs=1).digest  # nothing new
    assert run3 is not None
    again = next(s for s in run3.stories if s.id == story.id)
    assert again.changes == story.changes
