"""The clusterer's kept rows rebuilt from every stored report's features, in bounded memory.

When the kept state is missing or stale (an older database, other clustering
parameters), it is rebuilt from the placements: each report's features restored
into its story, in the order the reports arrived (``StoryClusterer.restore``). Held
whole, that state (every story's vector and counters, the candidate index) took
3.1 GB at 100,000 reports. Here it is written as it is made:

- features are read a slice at a time;
- a story is written to its row once its last report has been restored, and let go;
- the candidate index is written, a slice's worth at a time, to a temporary table of
  (feature, week, story, order) rows, each (feature, week, story) once, at the order
  it first came; at the end each (feature, week) keeps its first ``max_postings + 1``
  stories in that order, as the index would have kept them;
- the document frequencies (one count per feature) stay in memory: every report's
  vector is weighed by the counts so far.

The rows are the ones :func:`storyline.store.cluster_state.write_state` writes for
the whole clusterer after the same restores (a test compares them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from storyline.store.cluster_lazy import story_to_row
from storyline.store.connection import Connection
from storyline.story.clustering import ClusterParams, DocFeatures, Placement, StoryClusterer
from storyline.story.clustering.index import StoryIndex

#: Reports restored between two writes of finished stories and index rows.
SLICE = 2000
_TABLES = ("cluster_meta", "cluster_df", "cluster_stories", "cluster_postings", "cluster_merges")


def rebuild_state(
    db: Connection,
    placements: Mapping[str, tuple[str, str]],
    features_of: Callable[[Sequence[str]], Mapping[str, dict[str, Any]]],
    params: ClusterParams,
    version: str,
    placed: int,
    size: int = SLICE,
) -> None:
    """Write the kept rows for these placements (article id -> (story, storyline), in
    arrival order), restoring each report from ``features_of`` (ids -> raw features)."""
    ids = list(placements)
    last: dict[str, int] = {}
    for i, article_id in enumerate(ids):
        last[placements[article_id][0]] = i
    for table in _TABLES:
        db.execute(f"DELETE FROM {table}")
    db.execute("DROP TABLE IF EXISTS cluster_rebuild")
    db.execute(
        "CREATE TEMP TABLE cluster_rebuild (feature TEXT NOT NULL, week INTEGER NOT NULL,"
        " seq INTEGER NOT NULL, story TEXT NOT NULL, PRIMARY KEY (feature, week, seq))"
    )
    clusterer = StoryClusterer(params)
    seq = 0
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        features = features_of(chunk)
        for article_id in chunk:
            raw = features.get(article_id)
            if raw is not None:
                story, line = placements[article_id]
                clusterer.restore(article_id, DocFeatures.from_dict(raw), Placement(story, line))
        clusterer.placements.clear()  # each report comes once
        done = start + len(chunk)
        finished = [s for s in clusterer.stories if last.get(s, -1) < done]
        _write_stories(db, [clusterer.stories.pop(s) for s in finished])
        seq = _spill(db, clusterer.index, seq)
        clusterer.index = StoryIndex(params.max_postings)
    _write_stories(db, list(clusterer.stories.values()))
    clusterer.stories.clear()
    db.executemany(
        "INSERT INTO cluster_postings (feature, week, ids) VALUES (?,?,?)",
        _postings(db, params.max_postings + 1),
    )
    db.execute("DROP TABLE cluster_rebuild")
    db.executemany(
        "INSERT INTO cluster_df (feature, n) VALUES (?,?)", iter(clusterer.stats.df.items())
    )
    db.execute(
        "INSERT INTO cluster_meta (id, version, placed, n_docs) VALUES (1,?,?,?)",
        (version, placed, clusterer.stats.n_docs),
    )


def _write_stories(db: Connection, stories: Sequence[Any]) -> None:
    if stories:
        db.executemany(
            "INSERT INTO cluster_stories (id, data) VALUES (?,?)",
            ((s.id, story_to_row(s)) for s in stories),
        )


def _spill(db: Connection, index: StoryIndex, seq: int) -> int:
    """Write a slice's index rows, numbered in the order they came."""
    rows: list[tuple[str, int, int, str]] = []
    for feature, weeks in index.postings.items():
        for week, stories in weeks.items():
            for story in stories:
                rows.append((feature, week, seq, story))
                seq += 1
    db.executemany("INSERT INTO cluster_rebuild (feature, week, seq, story) VALUES (?,?,?,?)", rows)
    return seq


def _postings(db: Connection, keep: int, page: int = 50_000) -> Iterator[tuple[str, int, str]]:
    """Each (feature, week) with the first ``keep`` stories that came under it, as JSON
    (read in key order a page at a time)."""
    key: tuple[str, int] | None = None
    ids: list[str] = []
    after: tuple[str, int, int] = ("", -(1 << 62), -1)
    while True:
        rows = db.execute(
            "SELECT feature, week, seq, story FROM cluster_rebuild"
            " WHERE (feature, week, seq) > (?, ?, ?) ORDER BY feature, week, seq LIMIT ?",
            (*after, page),
        ).fetchall()
        for feature, week, _, story in rows:
            if (feature, week) != key:
                if key is not None:
                    yield key[0], key[1], json.dumps(ids, separators=(",", ":"))
                key, ids = (str(feature), int(week)), []
            if len(ids) < keep and story not in ids:
                ids.append(str(story))
        if len(rows) < page:
            break
        after = (str(rows[-1][0]), int(rows[-1][1]), int(rows[-1][2]))
    if key is not None:
        yield key[0], key[1], json.dumps(ids, separators=(",", ":"))
