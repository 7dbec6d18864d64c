"""Incremental digests: only changed stories are assembled and written; results do not
depend on how the reports were split between digests."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.analyze.pipeline import analyze_articles
from storyline.ingest import iter_articles
from storyline.model import Analyzed
from storyline.report import write_report
from storyline.store import Store
from storyline.store.sqlite import SCHEMA_VERSION
from storyline.story.dedup.incremental import update_duplicates_of
from storyline.story.dedup.minhash import find_duplicates
from storyline.update import load_digest, place_and_update, update_stories
from storyline.update.place import read_items
from storyline.update.report import MANIFEST

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def analysed() -> list[Analyzed]:
    """The sample corpus, analysed once for the module (in input order)."""
    articles = list(iter_articles([EXAMPLES]))
    return [Analyzed(a, n) for batch in analyze_articles(articles, jobs=1) for a, n in batch]


def _add(store: Store, items: list[Analyzed]) -> None:
    """Store reports as a digest would once it has analysed them."""
    with store.batch():
        for item in items:
            store.add_article(item.article)
            store.save_analysis(item.analysis)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != MANIFEST}


def _without_changes(page: bytes) -> bytes:
    """A page without its "What changed" section (HTML) or block (Markdown)."""
    text = page.decode("utf-8")
    text = re.sub(r'<section id="changes".*?</section>', "", text, flags=re.S)
    text = text.replace('<a href="#changes">What changed</a>', "")
    text = re.sub(r"## What changed[^\n]*\n(?:(?!## )[^\n]*\n)*", "", text)
    return re.sub(r"\n{3,}", "\n\n", text).encode("utf-8")


def test_update_writes_what_the_full_writer_writes(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed)
        update = update_stories(store, out_dir=tmp_path / "inc")
        assert update.stories == len(update.changed) > 0
        write_report(load_digest(store), tmp_path / "full")
    assert _files(tmp_path / "inc") == _files(tmp_path / "full")


def test_update_with_nothing_new_assembles_and_writes_nothing(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed)
        update_stories(store, out_dir=out)
        before = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != MANIFEST}
        again = update_stories(store, out_dir=out)
        assert again.changed == () and again.stories > 0
        after = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != MANIFEST}
        assert after == before
        # A page removed from the folder is written again from the store, alone.
        page = next(p for p in out.iterdir() if p.suffix == ".html" and p.name != "index.html")
        kept = page.read_bytes()
        page.unlink()
        update_stories(store, out_dir=out)
        assert page.read_bytes() == kept
        # A new folder gets every page, from the stored stories, assembling none.
        assert update_stories(store, out_dir=tmp_path / "other").changed == ()
    assert _files(tmp_path / "other") == _files(out)


def test_update_one_digest_or_five_give_the_same_stories(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    with Store(tmp_path / "one.db") as store:
        _add(store, analysed)
        update = update_stories(store, out_dir=tmp_path / "one")
        one = load_digest(store)
    # The same placements (the clusterer's decisions, which depend on what a batch
    # holds, are tested in test_cluster*): each story gains its reports over five
    # digests, interleaved, and is assembled again each time.
    with Store(tmp_path / "five.db") as store:
        for k in range(5):
            part = analysed[k::5]
            _add(store, part)
            with store.batch():
                for item in part:
                    story, line = update.placements[item.article.id]
                    store.save_placement(item.article.id, story, line)
            update_stories(store, out_dir=tmp_path / "five")
        five = load_digest(store)
    # Same stories (ids, reports, figures, summaries, timelines: every field compared)
    # in the same order, and the very same pages; only the arrival order of the
    # articles (stories.json lists them so) differs.
    # Only the log of changes differs: five digests saw the stories grow, one did not.
    assert len(one.stories) > 1
    assert all(s.changes == () for s in one.stories)
    assert any(s.changes for s in five.stories)
    assert [replace(s, changes=()) for s in five.stories] == list(one.stories)
    assert [s.articles for s in five.stories] == [s.articles for s in one.stories]
    assert sorted(five.articles, key=lambda a: a.id) == sorted(one.articles, key=lambda a: a.id)
    pages, other = _files(tmp_path / "five"), _files(tmp_path / "one")
    data = [json.loads(p.pop("stories.json")) for p in (pages, other)]
    assert {k: _without_changes(v) for k, v in pages.items()} == {
        k: _without_changes(v) for k, v in other.items()
    }
    for entry in data[0]["stories"]:
        entry["changes"] = []
    assert data[0]["stories"] == data[1]["stories"]
    assert sorted(data[0]["articles"], key=str) == sorted(data[1]["articles"], key=str)


def test_update_new_report_reassembles_only_its_story(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed[:-1])
        first = update_stories(store)
        _add(store, analysed[-1:])
        second = update_stories(store)
        story, _ = second.placements[analysed[-1].article.id]
        assert second.changed == (story,)
        assert first.stories <= second.stories


def test_place_and_update_stores_analyses_and_places(tmp_path: Path) -> None:
    articles = list(iter_articles([EXAMPLES]))[:3]
    with Store(tmp_path / "s.db") as store:
        update = place_and_update(store, articles, jobs=1, out_dir=tmp_path / "out")
        assert {a.id for a in articles} <= update.placements.keys()
        assert update.out == tmp_path / "out" / "index.html"
        again = place_and_update(store, articles[:1], jobs=1)  # already stored
        assert again.changed == ()
    data = json.loads((tmp_path / "out" / "stories.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 3


def test_store_old_database_upgraded_in_place(analysed: list[Analyzed], tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store(db) as store:
        _add(store, analysed[:2])
    # Make it a schema-2 database: no stored stories, the version it had.
    raw = sqlite3.connect(db)
    for table in ("stories", "story_articles", "cluster_state"):
        raw.execute(f"DROP TABLE {table}")
    raw.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    raw.commit()
    raw.close()
    with Store(db) as store:
        version = store._db.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        assert int(version.fetchone()[0]) == SCHEMA_VERSION >= 3
        assert store.stories.count() == 0
        assert store.count_articles() == 2  # nothing stored is lost
        assert len(store.analyses()) == 2


def test_update_copies_read_only_reports_without_state(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    asked: list[str] = []

    def load(ids: Sequence[str]) -> list[Analyzed]:
        asked.extend(ids)
        return read_items(store, ids)

    with Store(tmp_path / "s.db") as store:
        _add(store, analysed[:-2])
        with store.batch():
            first = update_duplicates_of(store.analysed_dates(), load, store)
        assert sorted(asked) == sorted(i.article.id for i in analysed[:-2])
        asked.clear()
        _add(store, analysed[-2:])
        with store.batch():
            update_duplicates_of(store.analysed_dates(), load, store)
        assert sorted(asked) == sorted(i.article.id for i in analysed[-2:])
        assert first == find_duplicates(analysed[:-2])
