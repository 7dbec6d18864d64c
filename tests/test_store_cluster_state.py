"""The clusterer's state kept in the store: read back, it places as the live clusterer does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_cluster import REPORTS, analyse

from storyline.store import Store
from storyline.store.cluster_state import dump_state, load_state, state_version
from storyline.story.clustering import ClusterParams, DocFeatures, StoryClusterer, doc_features


@pytest.fixture(scope="module")
def feats(nlp: Any) -> dict[str, DocFeatures]:
    return {
        aid: doc_features(analyse(nlp, aid, day, title, body))
        for aid, (day, title, body) in REPORTS.items()
    }


def test_cluster_state_read_back_places_as_the_live_clusterer(
    feats: dict[str, DocFeatures], tmp_path: Path
) -> None:
    ids = sorted(REPORTS)
    first, later = ids[: len(ids) // 2], ids[len(ids) // 2 :]
    live = StoryClusterer()
    placed = live.add_batch([(a, feats[a]) for a in first])
    with Store(tmp_path / "s.db") as store:
        version = state_version(live.params)
        store.stories.save_cluster_state(version, len(placed), dump_state(live))
        assert store.stories.cluster_state(version, len(placed) + 1) is None  # stale
        assert store.stories.cluster_state("other", len(placed)) is None
        kept = store.stories.cluster_state(version, len(placed))
    assert kept is not None
    stored = {a: (p.story_id, p.storyline_id) for a, p in placed.items()}
    again = load_state(json.loads(json.dumps(kept)), stored)
    assert dump_state(again) == dump_state(live)
    assert again.add_batch([(a, feats[a]) for a in later]) == live.add_batch(
        [(a, feats[a]) for a in later]
    )
    assert dump_state(again) == dump_state(live)


def test_cluster_state_version_follows_the_parameters() -> None:
    assert state_version(ClusterParams()) == state_version(ClusterParams())
    assert state_version(ClusterParams()) != state_version(ClusterParams(threshold=0.5))
