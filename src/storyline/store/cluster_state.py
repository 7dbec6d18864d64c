"""The clusterer's state as plain data, so that a digest need not restore it report by report.

``StoryClusterer.restore`` rebuilds the state from every stored report's features:
a pass over the whole store. The state itself is bounded per story (a capped
vector, counters, days) plus the document frequencies and the candidate index, so
it is kept whole after each digest that places something (``cluster_state``, see
``storyline.store.stories``) and read back at the next one. The placements
themselves are not in it: they are the ``placements`` table.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Mapping
from typing import Any

from storyline.story.clustering import ClusterParams, Placement, StoryClusterer
from storyline.story.clustering.clusterer import StoryState

#: Bumped when the state's layout or meaning changes; a state of another version (or
#: of other clustering parameters) is ignored and the state restored from features.
STATE_FORMAT = "1"

_COUNTERS = ("places", "names", "years", "kinds", "sites", "marks")


def state_version(params: ClusterParams) -> str:
    """The tag a kept state must carry to be used with these parameters."""
    spec = repr(sorted(dataclasses.asdict(params).items()))
    return STATE_FORMAT + ":" + hashlib.sha1(spec.encode("utf-8")).hexdigest()[:16]


def dump_state(clusterer: StoryClusterer) -> dict[str, Any]:
    """The clusterer's state (placements aside) as JSON-ready data."""
    return {
        "n_docs": clusterer.stats.n_docs,
        "df": dict(clusterer.stats.df),
        "stories": [
            {
                "id": s.id,
                "storyline": s.storyline,
                "n": s.n,
                "vector": s.vector,
                "days": s.days,
                "first": s.first,
                "last": s.last,
                **{name: dict(getattr(s, name)) for name in _COUNTERS},
            }
            for s in clusterer.stories.values()
        ],
        "postings": {
            feature: [[week, ids] for week, ids in weeks.items()]
            for feature, weeks in clusterer.index.postings.items()
        },
        "merges": [list(pair) for pair in clusterer.merges],
    }


def load_state(
    data: Mapping[str, Any],
    placements: Mapping[str, tuple[str, str]],
    params: ClusterParams | None = None,
) -> StoryClusterer:
    """A clusterer in the state :func:`dump_state` kept, with these placements."""
    clusterer = StoryClusterer(params)
    clusterer.stats.n_docs = int(data["n_docs"])
    clusterer.stats.df = Counter(data["df"])
    for raw in data["stories"]:
        story = StoryState(
            id=raw["id"],
            storyline=raw["storyline"],
            n=int(raw["n"]),
            vector=dict(raw["vector"]),
            days=list(raw["days"]),
            first=raw["first"],
            last=raw["last"],
            **{name: Counter(raw[name]) for name in _COUNTERS},
        )
        clusterer.stories[story.id] = story
    clusterer.index.postings = {
        feature: {int(week): list(ids) for week, ids in weeks}
        for feature, weeks in data["postings"].items()
    }
    clusterer.merges = [(str(a), str(b)) for a, b in data["merges"]]
    clusterer.placements = {a: Placement(s, line) for a, (s, line) in placements.items()}
    return clusterer
