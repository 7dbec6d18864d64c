"""The clusterer's state kept as rows: read back lazily, it places as the live clusterer does."""

from __future__ import annotations

import json
from typing import Any

import pytest
from test_cluster import REPORTS, analyse

from storyline.store import Store
from storyline.store.cluster_state import (
    dump_state,
    load_state,
    read_state,
    state_version,
    write_state,
)
from storyline.story.clustering import ClusterParams, DocFeatures, StoryClusterer, doc_features


@pytest.fixture(scope="module")
def feats(nlp: Any) -> dict[str, DocFeatures]:
    return {
        aid: doc_features(analyse(nlp, aid, day, title, body))
        for aid, (day, title, body) in REPORTS.items()
    }


def _rows(store: Store) -> dict[str, Any]:
    """Everything the state's tables hold, comparable across stores."""
    db = store.connection
    return {
        "meta": db.execute("SELECT version, placed, n_docs FROM cluster_meta").fetchall(),
        "df": sorted(db.execute("SELECT feature, n FROM cluster_df").fetchall()),
        "stories": sorted(
            (i, json.loads(d))
            for i, d in db.execute("SELECT id, data FROM cluster_stories").fetchall()
        ),
        "postings": sorted(
            (f, w, json.loads(ids))
            for f, w, ids in db.execute(
                "SELECT feature, week, ids FROM cluster_postings"
            ).fetchall()
        ),
        "merges": sorted(db.execute("SELECT a, b FROM cluster_merges").fetchall()),
    }


def test_rows_read_back_place_as_the_live_clusterer(
    feats: dict[str, DocFeatures], db_target: str, tmp_path: Any
) -> None:
    ids = sorted(REPORTS)
    first, later = ids[: len(ids) // 2], ids[len(ids) // 2 :]
    live = StoryClusterer()
    placed = live.add_batch([(a, feats[a]) for a in first])
    stored = {a: (p.story_id, p.storyline_id) for a, p in placed.items()}
    version = state_version(live.params)
    with Store(db_target) as store:
        with store.batch():
            write_state(store.connection, live, version, len(placed))
        db = store.connection
        assert read_state(db, version, len(placed) + 1, stored) is None  # stale
        assert read_state(db, "other", len(placed), stored) is None
        lazy = read_state(db, version, len(placed), stored)
        assert lazy is not None
        again = lazy.add_batch([(a, feats[a]) for a in later])
        assert again == live.add_batch([(a, feats[a]) for a in later])
        with store.batch():
            touched = {p.story_id for p in again.values()}
            write_state(db, lazy, version, len(ids), touched)
        kept = _rows(store)
    with Store(tmp_path / "whole.db") as whole:
        with whole.batch():
            write_state(whole.connection, live, version, len(ids))
        assert kept == _rows(whole)  # what changed was written, and only that differed


def test_a_state_kept_whole_is_converted_to_rows(
    feats: dict[str, DocFeatures], db_target: str
) -> None:
    ids = sorted(REPORTS)
    live = StoryClusterer()
    placed = live.add_batch([(a, feats[a]) for a in ids[:-1]])
    stored = {a: (p.story_id, p.storyline_id) for a, p in placed.items()}
    version = state_version(live.params)
    with Store(db_target) as store:
        db = store.connection
        db.execute(
            "INSERT INTO cluster_state (id, version, placed, data) VALUES (1,?,?,?)",
            (version, len(placed), json.dumps(dump_state(live))),
        )
        with store.batch():
            lazy = read_state(db, version, len(placed), stored)
        assert lazy is not None
        assert db.execute("SELECT COUNT(*) FROM cluster_state").fetchone()[0] == 0
        assert lazy.add_batch([(ids[-1], feats[ids[-1]])]) == live.add_batch(
            [(ids[-1], feats[ids[-1]])]
        )


def test_the_whole_document_reads_back(feats: dict[str, DocFeatures]) -> None:
    live = StoryClusterer()
    placed = live.add_batch([(a, feats[a]) for a in sorted(REPORTS)])
    stored = {a: (p.story_id, p.storyline_id) for a, p in placed.items()}
    again = load_state(json.loads(json.dumps(dump_state(live))), stored)
    assert dump_state(again) == dump_state(live)


def test_cluster_state_version_follows_the_parameters() -> None:
    assert state_version(ClusterParams()) == state_version(ClusterParams())
    assert state_version(ClusterParams()) != state_version(ClusterParams(threshold=0.5))


@pytest.mark.parametrize("cap", [100, 1])
def test_rebuild_in_slices_writes_the_rows_of_the_whole_restore(
    feats: dict[str, DocFeatures], db_target: str, cap: int
) -> None:
    # Placements as a live clusterer made them; the state restored from them whole
    # (held in memory) and in slices of two reports (each story written once its last
    # report is in, the index a slice at a time) must be the same rows. A cap of one
    # story a posting exercises the posting lists' cut across slices.
    from storyline.store.cluster_rebuild import rebuild_state
    from storyline.story.clustering import Placement

    params = ClusterParams(max_postings=cap)
    live = StoryClusterer(params)
    placed = live.add_batch([(a, feats[a]) for a in sorted(REPORTS)])
    order = sorted(placed, key=lambda a: (REPORTS[a][0], a), reverse=True)
    stored = {a: (placed[a].story_id, placed[a].storyline_id) for a in order}
    whole = StoryClusterer(params)
    for a in order:
        whole.restore(a, feats[a], Placement(*stored[a]))
    version = state_version(params)
    raw = {a: feats[a].to_dict() for a in order}
    with Store(db_target) as store:
        with store.batch():
            write_state(store.connection, whole, version, len(order))
        expected = _rows(store)
        with store.batch():
            rebuild_state(
                store.connection,
                stored,
                lambda ids: {a: raw[a] for a in ids},
                params,
                version,
                len(order),
                size=2,
            )
        assert _rows(store) == expected
        assert read_state(store.connection, version, len(order), stored, params) is not None
