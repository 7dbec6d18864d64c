"""The clusterer's state kept as rows, so that a digest reads and writes only what it touches.

``StoryClusterer.restore`` rebuilds the state from every stored report's features:
a pass over the whole store. Instead the state is kept after each digest that
places something, as rows (tables below): one per feature's document frequency,
one per story (its capped vector, counters and days), one per (feature, week)
posting list of the candidate index, one per recorded merge, and one row of
meta data (the parameters' version, how many placements it covers, the report
count). A digest reads the rows lazily (:mod:`storyline.store.cluster_lazy`):
the frequencies of its new reports' features, the postings of the weeks around
them and the candidate stories those name; it writes back the frequencies,
stories and postings it changed. The placements themselves are not in it: they
are the ``placements`` table. ``dump_state`` and ``load_state`` give the whole
state as one document (the form schema versions 3 to 5 kept, converted on first use).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from storyline.store.cluster_lazy import (
    LazyCounts,
    LazyPostings,
    LazyStories,
    TrackedIndex,
    story_fields,
    story_from_fields,
    story_to_row,
)
from storyline.store.connection import Connection
from storyline.story.clustering import ClusterParams, Placement, StoryClusterer

#: Bumped when the state's layout or meaning changes; a state of another version (or
#: of other clustering parameters) is ignored and the state restored from features.
STATE_FORMAT = "1"  # the rows keep format 1's fields


def state_version(params: ClusterParams) -> str:
    """The tag a kept state must carry to be used with these parameters."""
    spec = repr(sorted(dataclasses.asdict(params).items()))
    return STATE_FORMAT + ":" + hashlib.sha1(spec.encode("utf-8")).hexdigest()[:16]


def dump_state(clusterer: StoryClusterer) -> dict[str, Any]:
    """The clusterer's state (placements aside) as JSON-ready data."""
    return {
        "n_docs": clusterer.stats.n_docs,
        "df": dict(clusterer.stats.df),
        "stories": [{"id": s.id, **story_fields(s)} for s in clusterer.stories.values()],
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
        story = story_from_fields(raw["id"], raw)
        clusterer.stories[story.id] = story
    clusterer.index.postings = {
        feature: {int(week): list(ids) for week, ids in weeks}
        for feature, weeks in data["postings"].items()
    }
    clusterer.merges = [(str(a), str(b)) for a, b in data["merges"]]
    clusterer.placements = {a: Placement(s, line) for a, (s, line) in placements.items()}
    return clusterer


#: The tables of the kept state.
TABLES = ("cluster_meta", "cluster_df", "cluster_stories", "cluster_postings", "cluster_merges")


def read_state(
    db: Connection,
    version: str,
    placed: int,
    placements: Mapping[str, tuple[str, str]],
    params: ClusterParams | None = None,
) -> StoryClusterer | None:
    """A clusterer over the kept rows (read as it asks), or None when they are missing or stale.

    A state kept whole by schema versions 3 to 5 (``cluster_state``) is converted to rows first.
    """
    row = db.execute("SELECT version, placed, n_docs FROM cluster_meta WHERE id = 1").fetchone()
    if row is None or str(row[0]) != version or int(row[1]) != placed:
        old = db.execute(
            "SELECT data FROM cluster_state WHERE id = 1 AND version = ? AND placed = ?",
            (version, placed),
        ).fetchone()
        if old is None:
            return None
        whole = load_state(json.loads(old[0]), placements, params)
        write_state(db, whole, version, placed)
        db.execute("DELETE FROM cluster_state")
        row = (version, placed, whole.stats.n_docs)
    clusterer = StoryClusterer(params)
    clusterer.stats.n_docs = int(row[2])
    clusterer.stats.df = LazyCounts(db)
    clusterer.stories = LazyStories(db)
    clusterer.index = TrackedIndex(clusterer.params.max_postings, LazyPostings(db))
    clusterer.placements = {a: Placement(s, line) for a, (s, line) in placements.items()}
    return clusterer


def prefetch(clusterer: StoryClusterer, keys: Iterable[str]) -> None:
    """Read the document frequencies of these features in one pass (if the state is lazy)."""
    df = clusterer.stats.df
    if isinstance(df, LazyCounts):
        df.fetch(keys)


def write_state(
    db: Connection,
    clusterer: StoryClusterer,
    version: str,
    placed: int,
    touched: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> None:
    """Keep the clusterer's state for the next digest.

    A clusterer from :func:`read_state` writes what it changed: the frequencies it
    counted, the ``touched`` stories (those that took or lost a report), the postings
    it added to and its new merges, and deletes the ``removed`` stories' rows (merged
    into another). Any other is written whole, over what was kept.
    """
    df = clusterer.stats.df
    index = clusterer.index
    if isinstance(df, LazyCounts) and isinstance(index, TrackedIndex):
        counts = [(k, df[k]) for k in sorted(df.dirty)]
        stories = [clusterer.stories[s] for s in sorted(set(touched))]
        postings = [(f, w, index.postings[f][w]) for f, w in sorted(index.written)]
    else:
        for table in TABLES:
            db.execute(f"DELETE FROM {table}")
        counts = sorted(df.items())
        stories = list(clusterer.stories.values())
        postings = [(f, w, ids) for f, weeks in index.postings.items() for w, ids in weeks.items()]
    db.executemany(
        "INSERT OR REPLACE INTO cluster_df (feature, n) VALUES (?,?)", [(k, n) for k, n in counts]
    )
    db.executemany("DELETE FROM cluster_stories WHERE id = ?", [(s,) for s in sorted(removed)])
    db.executemany(
        "INSERT OR REPLACE INTO cluster_stories (id, data) VALUES (?,?)",
        [(s.id, story_to_row(s)) for s in stories],
    )
    db.executemany(
        "INSERT OR REPLACE INTO cluster_postings (feature, week, ids) VALUES (?,?,?)",
        [(f, w, json.dumps(ids, separators=(",", ":"))) for f, w, ids in postings],
    )
    db.executemany("INSERT INTO cluster_merges (a, b) VALUES (?,?)", clusterer.merges)
    db.execute(
        "INSERT OR REPLACE INTO cluster_meta (id, version, placed, n_docs) VALUES (1,?,?,?)",
        (version, placed, clusterer.stats.n_docs),
    )
