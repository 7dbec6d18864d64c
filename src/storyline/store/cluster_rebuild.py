"""The clusterer's kept rows rebuilt from every stored report's features, in bounded memory.

When the kept state is missing or stale (an older database, other clustering
parameters), it is rebuilt from the placements: each report's features restored
into its story, in the order the reports arrived (``StoryClusterer.restore``). Held
whole, that state (every story's vector and counters, the candidate index) took
3.1 GB at 100,000 reports. Here it is written as it is made:

- features are read a slice at a time;
- a story is written to its row once its last report has been restored, and let go;
- the candidate index is appended, a slice's worth at a time, to a temporary table
  of (feature, week, order, story) rows; at the end it is read once, sorted, and each
  (feature, week) keeps the first ``max_postings + 1`` stories that came under it,
  as the index would have kept them;
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
from storyline.store.cluster_state import TABLES
from storyline.store.connection import Connection
from storyline.story.clustering import ClusterParams, DocFeatures, Placement, StoryClusterer
from storyline.story.clustering.index import StoryIndex

#: Reports restored between two writes of finished stories and index rows.
SLICE = 2000


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
    for table in TABLES:
        db.execute(f"DELETE FROM {table}")
    db.execute("DROP TABLE IF EXISTS cluster_rebuild")
    db.execute(
        "CREATE TEMP TABLE cluster_rebuild (feature TEXT NOT NULL, week INTEGER NOT NULL,"
        " seq INTEGER NOT NULL, story TEXT NOT NULL)"  # appended to, sorted once at the end
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
    rows: list[tuple[str, int, str]] = []
    for posting in _postings(db, params.max_postings + 1):
        rows.append(posting)
        if len(rows) >= 10_000:
            _write_postings(db, rows)
            rows = []
    _write_postings(db, rows)
    db.execute("DROP TABLE cluster_rebuild")
    # in key order: inserts in random order read and write a page of the table each
    db.executemany(
        "INSERT INTO cluster_df (feature, n) VALUES (?,?)", sorted(clusterer.stats.df.items())
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


def _write_postings(db: Connection, rows: Sequence[tuple[str, int, str]]) -> None:
    if rows:
        db.executemany("INSERT INTO cluster_postings (feature, week, ids) VALUES (?,?,?)", rows)


def _postings(db: Connection, keep: int) -> Iterator[tuple[str, int, str]]:
    """Each (feature, week) with the first ``keep`` stories that came under it, as JSON
    (the rows read once, in key order, from SQLite's sorter)."""
    cursor = db.execute(
        "SELECT feature, week, story FROM cluster_rebuild ORDER BY feature, week, seq"
    )
    key: tuple[str, int] | None = None
    ids: list[str] = []
    while (row := cursor.fetchone()) is not None:
        feature, week, story = row
        if (feature, week) != key:
            if key is not None:
                yield key[0], key[1], json.dumps(ids, separators=(",", ":"))
            key, ids = (str(feature), int(week)), []
        if len(ids) < keep and story not in ids:
            ids.append(str(story))
    if key is not None:
        yield key[0], key[1], json.dumps(ids, separators=(",", ":"))
