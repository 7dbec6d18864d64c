"""Incremental digests: only changed stories are assembled and written; results do not
depend on how the reports were split between digests."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline.analyze.pipeline import analyze_articles
from storyline.ingest import iter_articles
from storyline.model import Analyzed
from storyline.report import write_report
from storyline.report.html import story_file, storyline_file
from storyline.store import Store, report_log
from storyline.store.sqlite import SCHEMA_VERSION
from storyline.story.dedup.incremental import update_duplicates_of
from storyline.story.dedup.minhash import find_duplicates
from storyline.update import load_digest, place_and_update, update_stories
from storyline.update.jsonfile import INDEX, Rows, read_index, write_spliced
from storyline.update.jsonorder import json_sections, merged
from storyline.update.place import read_items
from storyline.update.report import MANIFEST, RENDER_VERSION, page_key

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
KEPT = (MANIFEST, INDEX)


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
    # The manifest and stories.json's index are the incremental writer's own.
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name not in KEPT}


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
        before = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name not in KEPT}
        again = update_stories(store, out_dir=out)
        assert again.changed == () and again.stories > 0
        after = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name not in KEPT}
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


def test_update_splices_stories_json_as_a_whole_write_would(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed[:-2])
        update_stories(store, out_dir=out)
        _add(store, analysed[-2:])
        assert update_stories(store, out_dir=out).changed
        update_stories(store, out_dir=tmp_path / "whole")  # a new folder: written whole
        write_report(load_digest(store), tmp_path / "full")
    assert _files(out) == _files(tmp_path / "whole") == _files(tmp_path / "full")


def test_update_builds_every_storyline_once_for_a_store_that_keeps_none(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed)
        update_stories(store, out_dir=tmp_path / "out")
        kept = store.stories.storyline_keys()
        assert kept
        store.connection.execute("DELETE FROM storylines")  # as schema version 3 left it
        store.connection.execute("DELETE FROM article_docs")
        assert update_stories(store, out_dir=tmp_path / "again").changed == ()
        assert store.stories.storyline_keys() == kept
    assert _files(tmp_path / "again") == _files(tmp_path / "out")


def _times(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.name not in KEPT}


def test_update_rewrites_only_the_pages_of_what_changed(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed[:-2])
        update_stories(store, out_dir=out)
        before = _times(out)
        for page in out.iterdir():  # pages left alone keep their time, whatever the clock
            if page.name in before:
                os.utime(page, ns=(1, 1))
        _add(store, analysed[-2:])
        update = update_stories(store, out_dir=out)
        after = _times(out)
        lines = {s.storyline for s in store.stories.stories(update.changed)}
    touched = {name for name, t in after.items() if t != 1}
    allowed = {"stories.json", "index.html"}
    allowed |= {story_file(s) for s in update.changed} | {
        story_file(s).removesuffix(".html") + ".md" for s in update.changed
    }
    allowed |= {storyline_file(x) for x in lines}
    assert update.changed and touched <= allowed
    assert {story_file(s) for s in update.changed} <= touched


def test_update_folder_behind_catches_up_from_the_log(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    # A folder written by the first digest; the next two write another folder; a third
    # digest into the first folder rewrites what the two changed, as a full write would.
    a, b = tmp_path / "a", tmp_path / "b"
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed[:-4])
        update_stories(store, out_dir=a)
        _add(store, analysed[-4:-2])
        first = update_stories(store, out_dir=b)
        _add(store, analysed[-2:])
        second = update_stories(store, out_dir=b)
        assert first.changed and second.changed
        assert update_stories(store, out_dir=a).changed == ()
        write_report(load_digest(store), tmp_path / "full")
    assert _files(a) == _files(b) == _files(tmp_path / "full")


def test_update_folder_of_an_older_manifest_or_another_database_is_compared_whole(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed[:-2])
        update_stories(store, out_dir=out)
        # The per-page manifest older versions wrote, current: no page is written again.
        keys = store.stories.keys()
        old = {
            "version": RENDER_VERSION,
            "state": "",
            "pages": {s: page_key(k) for s, k in keys.items()},
            "lines": store.stories.storyline_keys(),
        }
        (out / MANIFEST).write_text(json.dumps(old), encoding="utf-8")
        (out / "stories.json").unlink()
        before = _times(out)
        assert update_stories(store, out_dir=out).changed == ()
        after = _times(out)
        assert {n for n in after if after[n] != before.get(n)} == {"stories.json", "index.html"}
        assert "generation" in json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    # A copy of the database that went its own way wrote the folder since: its
    # generation is unknown here (another token), so every page is compared.
    shutil.copy(tmp_path / "s.db", tmp_path / "copy.db")
    with Store(tmp_path / "copy.db") as other:
        _add(other, analysed[-2:])
        assert update_stories(other, out_dir=out).changed
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed[-1:])
        update_stories(store, out_dir=out)
        write_report(load_digest(store), tmp_path / "full")
    full, got = _files(tmp_path / "full"), _files(out)
    assert {n: got.get(n) for n in full} == full


def test_update_orders_stories_json_from_the_previous_file_as_in_full(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed[:-3])
        update_stories(store, out_dir=out)
        rows = read_index(out / "stories.json")["sections"]
        folder = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        _add(store, analysed[-3:])
        assert update_stories(store, out_dir=out).changed
        since = report_log.since(store.connection, folder["generation"], folder["token"])
        assert since is not None and since.stories
        placed = store.placements()
        copies = {c: o for c, o in store.duplicates().items() if c in placed and o in placed}
        sections = json_sections(store, copies, since.stories, since.storylines)
        for section in sections:
            assert section.update is not None and callable(section.order)
            made = section.update(rows[section.name])
            assert made is not None
            assert [e[:2] for e in made] == [e[:2] for e in section.order()]


def test_merged_puts_fresh_entries_in_their_places() -> None:
    def before(a: tuple[str, str, Any], b: tuple[str, str, Any]) -> bool:
        return bool(a[2] > b[2] or (a[2] == b[2] and a[0] < b[0]))  # newest first, then id

    rows = [["c", "k", 0, 1, "2024-03"], ["a", "k", 0, 1, "2024-02"], ["b", "k", 0, 1, "2024-02"]]
    rows += [["d", "k", 0, 1, "2024-01"]]
    fresh = [("b", "k2", "2024-04"), ("e", "k", "2024-02"), ("0", "k", "2023-12")]
    got = merged(Rows.of(rows), {"b", "gone"}, fresh, before)
    assert got is not None
    assert [e[0] for e in got] == ["b", "c", "a", "e", "d", "0"]
    assert merged(Rows.of([["a", "k", 0, 1]]), set(), [], before) is None  # no place recorded


def _document(path: Path) -> dict[str, Any]:
    """stories.json read, its stories by id (their order is not the contract's)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["stories"] = {s["id"]: s for s in data["stories"]}
    return data


def test_update_changes_a_roomy_stories_json_in_place(
    analysed: list[Analyzed], tmp_path: Path
) -> None:
    # A small file is written whole; one given room (as a large one is) is changed in
    # place by the next digests, and reads as a whole write of the same store.
    out = tmp_path / "out"
    path = out / "stories.json"
    with Store(tmp_path / "s.db") as store:
        _add(store, analysed[:-4])
        update_stories(store, out_dir=out)
        placed = store.placements()
        copies = {c: o for c, o in store.duplicates().items() if c in placed and o in placed}
        (out / INDEX).unlink()  # written whole again, with room
        write_spliced(path, json_sections(store, copies), lambda n, size: 1 << 18)
        inode = path.stat().st_ino
        _add(store, analysed[-4:-2])
        assert update_stories(store, out_dir=out).changed
        assert path.stat().st_ino == inode
        layout = json.loads((out / INDEX).read_text(encoding="utf-8"))["layout"]
        assert layout["waste"] > 0 and not layout["sorted"]
        assert b" " * 64 in path.read_bytes()  # the room left
        write_report(load_digest(store), tmp_path / "full")
        assert _document(path) == _document(tmp_path / "full" / "stories.json")
        # The next digest (in place or whole, as the room allows) reads the same.
        _add(store, analysed[-2:])
        assert update_stories(store, out_dir=out).changed
        write_report(load_digest(store), tmp_path / "full")
    assert _document(path) == _document(tmp_path / "full" / "stories.json")
