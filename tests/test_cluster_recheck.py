"""A block placed after earlier digests is cut with the stored stories near it (pool.py).

All reports here are fiction written for these tests.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Article, ArticleAnalysis
from storyline.store import Store
from storyline.story.clustering import ClusterParams, DocFeatures, StoryClusterer
from storyline.story.clustering.pool import homes
from storyline.update.place import place_new

DAY = "2026-03-02"


def _doc(words: str, day: str = DAY) -> DocFeatures:
    return DocFeatures(terms=tuple((w, 2) for w in words.split()), published=day)


# Council news that shares nothing with the ferry story (it gives the words their rarity).
FILLER = [
    (f"f{i}", _doc(f"tram{i} budget{i} council{i} vote{i} school{i} levy{i}")) for i in range(8)
]
RESCUE = ("a", _doc("harbour gale capsized crew rescued lifeboat"))
INQUIRY = ("b", _doc("skipper inquiry ministry owner licence hearing"))
# Names the capsizing and the inquiry: it bridges the two.
BRIDGE = ("x", _doc("harbour gale capsized skipper inquiry ministry"))
LATER = ("y", _doc("skipper inquiry ministry owner licence verdict"))


def _stories(clusterer: StoryClusterer, ids: str) -> list[str]:
    return [clusterer.placements[i].story_id for i in ids]


def test_cluster_recheck_a_later_report_bridging_two_stories_merges_them() -> None:
    one = StoryClusterer().add_batch([*FILLER, RESCUE, INQUIRY, BRIDGE])
    assert len({one[i].story_id for i in "abx"}) == 1  # one batch: one story
    old = StoryClusterer(ClusterParams(recheck=False))
    old.add_batch([*FILLER, RESCUE, INQUIRY])
    old.add_batch([BRIDGE])
    assert len(set(_stories(old, "abx"))) == 2  # the bridge joined one of the two
    new = StoryClusterer()
    new.add_batch([*FILLER, RESCUE, INQUIRY])
    first = _stories(new, "ab")
    assert first[0] != first[1]
    placed = new.add_batch([BRIDGE])
    assert _stories(new, "abx") == [one["a"].story_id] * 3  # the ids one batch gives
    kept, gone = one["a"].story_id, next(s for s in first if s != one["a"].story_id)
    assert new.merged_into == {gone: kept}
    moved = next(i for i in "ab" if first["ab".index(i)] == gone)
    assert new.moved[moved].story_id == kept
    assert placed["x"].story_id == kept and gone not in new.stories
    assert new.stories[kept].n == 3
    # A later report of the inquiry finds the kept story, never the merged id.
    assert new.add_batch([LATER])["y"].story_id == kept


# A mill fire, then a report on the mill's pay talks that names the mill once: one story
# on a first digest; the next report on the talks draws it away, as in one batch.
FIRE = ("p", _doc("mill fire smoke crews roof blaze"))
TALKS = ("q", _doc("mill union wages strike vote pay talks"))
MORE_TALKS = ("r", _doc("union wages strike vote picket talks pay"))


def test_cluster_recheck_a_stored_report_moves_to_the_story_one_batch_gives_it() -> None:
    one = StoryClusterer().add_batch([*FILLER, FIRE, TALKS, MORE_TALKS])
    assert one["p"].story_id != one["q"].story_id == one["r"].story_id
    old = StoryClusterer(ClusterParams(recheck=False))
    old.add_batch([*FILLER, FIRE, TALKS])
    old.add_batch([MORE_TALKS])
    assert len(set(_stories(old, "pqr"))) == 1  # the talks stay with the fire
    new = StoryClusterer()
    first = new.add_batch([*FILLER, FIRE, TALKS])
    assert first["p"].story_id == first["q"].story_id
    new.add_batch([MORE_TALKS])
    assert _stories(new, "pqr") == [one[i].story_id for i in "pqr"]
    # The fire's story keeps its id (a tie of one report each: its earliest stays);
    # the talks move to a story of their own, in the storyline they were in.
    assert new.moved == {"q": new.placements["q"]} and not new.merged_into
    assert new.placements["q"].storyline_id == first["q"].storyline_id
    assert new.stories[one["p"].story_id].n == 1 and new.stories[one["q"].story_id].n == 2


def test_cluster_recheck_a_story_stays_with_the_cluster_holding_most_of_it() -> None:
    labels = [0, 0, 1, 1, 1, 2, 2]
    order = [5, 4, 3, 2, 1, 0, 6]
    # rows 0,2,3 -> cluster 1 holds two; rows 5,1 -> a tie, the earliest (row 5) wins
    assert homes(labels, [[0, 2, 3], [5, 1]], order) == [1, 2]


def _add(store: Store, docs: list[tuple[str, DocFeatures]]) -> None:
    """Store reports with their analyses (empty) and their clustering features."""
    with store.batch():
        for aid, features in docs:
            store.add_article(Article(aid, f"Report {aid}.", published=DAY))
            store.save_analysis(ArticleAnalysis(aid))
            store.save_features(aid, features.to_dict())


def test_place_new_moves_the_merged_story_s_reports_and_records_the_merge(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "s.db") as store:
        _add(store, [*FILLER, RESCUE, INQUIRY])
        first = place_new(store, store.analysed_dates())
        assert first["a"][0] != first["b"][0]
        _add(store, [BRIDGE])
        second = place_new(store, store.analysed_dates())
        assert second["a"][0] == second["b"][0] == second["x"][0]
        kept = second["x"][0]
        gone = first["b"][0] if first["a"][0] == kept else first["a"][0]
        assert store.placements() == second
        db = store.connection
        assert db.execute("SELECT into_id FROM story_merges WHERE id = ?", (gone,)).fetchall() == [
            (kept,)
        ]
        assert db.execute("SELECT 1 FROM cluster_stories WHERE id = ?", (gone,)).fetchall() == []
        # The next digest reads the kept state: the inquiry's follow-up joins the kept story.
        _add(store, [LATER])
        assert place_new(store, store.analysed_dates())["y"][0] == kept


def test_update_removes_a_merged_story_s_page(tmp_path: Path) -> None:
    from storyline.report.html import story_file
    from storyline.update import update_stories

    out = tmp_path / "out"
    with Store(tmp_path / "s.db") as store:
        _add(store, [*FILLER, RESCUE, INQUIRY])
        first = update_stories(store, out_dir=out)
        ids = {first.placements["a"][0], first.placements["b"][0]}
        assert all((out / story_file(s)).exists() for s in ids)
        _add(store, [BRIDGE])
        second = update_stories(store, out_dir=out)
        kept = second.placements["x"][0]
        (gone,) = ids - {kept}
        assert second.removed == (gone,) and kept in second.changed
        assert not (out / story_file(gone)).exists() and (out / story_file(kept)).exists()
        kept_keys = store.stories.keys()
        assert gone not in kept_keys and kept in kept_keys


def test_place_new_two_digests_at_once_place_one_after_the_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    add_batch = StoryClusterer.add_batch

    def counted(self: StoryClusterer, docs: Sequence[tuple[str, DocFeatures]]) -> Any:
        calls.append(len(docs))
        return add_batch(self, docs)

    monkeypatch.setattr(StoryClusterer, "add_batch", counted)
    path = tmp_path / "s.db"
    seen: dict[str, tuple[str, str]] = {}

    def second_digest() -> None:
        with Store(path, timeout=30.0) as second:
            seen.update(place_new(second, second.analysed_dates()))

    with Store(path) as first:
        _add(first, [*FILLER, RESCUE, INQUIRY])
        other = threading.Thread(target=second_digest)
        with first.batch():  # the first digest holds the writer's lock while it places
            other.start()
            time.sleep(0.5)
            placed = place_new(first, first.analysed_dates())
        other.join()
    # The second waited, then found every report placed: one clustering, not two.
    assert calls == [10] and seen == placed
