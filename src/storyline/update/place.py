"""Placing the reports that have no story yet, without reading the ones that have.

Near-duplicates: only reports without stored dedup state are read and hashed
(:func:`storyline.story.dedup.incremental.update_duplicates_of`). Clustering:
the clusterer's state is read back as the last digest left it
(:mod:`storyline.store.cluster_state`), row by row as it asks; only when that is
missing or stale is it restored from every stored report's features, once.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from storyline.model import Analyzed
from storyline.store import Store

if TYPE_CHECKING:
    from storyline.story.clustering import ClusterParams, StoryClusterer

# The clusterer (numpy, scipy) is imported only by a digest that places something.


def read_items(store: Store, ids: Sequence[str]) -> list[Analyzed]:
    """The named articles with their current analyses, in the order named."""
    analyses = store.analyses(ids)
    return [Analyzed(a, analyses[a.id]) for a in store.articles(ids) if a.id in analyses]


def update_copies(store: Store, dates: Mapping[str, str | None]) -> dict[str, str]:
    """Near-copies among the analysed articles: copy id -> original id.

    When the stored state already covers exactly these articles at these dates,
    the stored map is the answer, and the hashing code (numpy) is not even imported.
    """
    if store.dedup_settled():
        copies = store.duplicates()
        return {c: o for c, o in copies.items() if c in dates and o in dates}
    from storyline.story.dedup.incremental import update_duplicates_of

    with store.batch():
        return update_duplicates_of(dates, lambda ids: read_items(store, ids), store)


def place_new(
    store: Store,
    dates: Mapping[str, str | None],
    params: ClusterParams | None = None,
    read_ahead: Mapping[str, tuple[str, str]] | None = None,
) -> dict[str, tuple[str, str]]:
    """Place every analysed article without a placement; return every placement.

    ``dates`` names the analysed articles (id -> publication date, arrival order).
    The result maps article id -> (story id, storyline id), in arrival order.
    ``read_ahead`` is ``store.placements()`` as read earlier in the digest (while the
    new reports were analysed): used when the store still holds as many placements.

    The whole placement is one transaction holding the writer's lock (SQLite's ``BEGIN
    IMMEDIATE``; on PostgreSQL an advisory lock as well), from reading the placements to
    writing them: two digests started at once place one after the other, the second
    against the first one's stories (which it may merge, clustering/pool.py), never
    both against the same state.
    """
    with store.batch():
        if store.connection.kind == "postgresql":
            store.connection.execute("SELECT pg_advisory_xact_lock(?)", (_PLACING_LOCK,))
        return _place_new(store, dates, params, read_ahead)


#: PostgreSQL advisory lock key of placing ("placing" in ASCII).
_PLACING_LOCK = 0x706C6163696E67


def _place_new(
    store: Store,
    dates: Mapping[str, str | None],
    params: ClusterParams | None,
    read_ahead: Mapping[str, tuple[str, str]] | None,
) -> dict[str, tuple[str, str]]:
    stored = current_placements(store, read_ahead)
    new_ids = [a for a in dates if a not in stored]
    if not new_ids:
        return {a: p for a, p in stored.items() if a in dates}
    from storyline.store.cluster_state import prefetch, state_version, write_state
    from storyline.story.clustering import ClusterParams, DocFeatures, doc_features
    from storyline.story.clustering.similarity import feature_keys

    params = params or ClusterParams()
    clusterer = _clusterer(store, stored, dates, params)
    known = store.features_of(new_ids)
    features: dict[str, DocFeatures] = {a: DocFeatures.from_dict(raw) for a, raw in known.items()}
    missing = [a for a in new_ids if a not in features]
    for item in read_items(store, missing):
        features[item.article.id] = doc_features(item)
    batch = [(a, features[a]) for a in new_ids if a in features]
    prefetch(clusterer, (k for _, f in batch for k in feature_keys(f)))
    # The stored stories near the new reports are cut again with them (clustering/pool.py):
    # their reports' features are read from the store as the clusterer asks.
    clusterer.kept = None
    clusterer.features_of = lambda ids: {
        a: DocFeatures.from_dict(raw) for a, raw in store.features_of(ids).items()
    }
    placed = clusterer.add_batch(batch)
    moved = {a: p for a, p in clusterer.moved.items() if a in stored}
    with store.batch():
        for article_id in missing:
            if article_id in features:
                store.save_features(article_id, features[article_id].to_dict())
        for article_id, p in placed.items():
            if article_id not in stored:
                store.save_placement(article_id, p.story_id, p.storyline_id)
        for article_id, p in moved.items():
            store.save_placement(article_id, p.story_id, p.storyline_id)
        merged = clusterer.merged_into
        current = {p.story_id for p in placed.values()} | {p.story_id for p in moved.values()}
        record_merges(store, merged, current)
        # The stories that took, lost or kept reports again; those merged away are gone.
        touched = current | {stored[a][0] for a in moved}
        version, count = state_version(params), store.count_placements()
        write_state(store.connection, clusterer, version, count, touched - merged.keys(), merged)
    out = dict(stored)
    out.update((a, (p.story_id, p.storyline_id)) for a, p in placed.items())
    out.update((a, (p.story_id, p.storyline_id)) for a, p in moved.items())
    return {a: out[a] for a in dates if a in out}


def record_merges(store: Store, merged: Mapping[str, str], current: Collection[str]) -> None:
    """Keep each story merged away (``story_merges``: its id, the story holding its reports
    now, the day); an id merged earlier into one merged now follows it, and an id that
    names a story again (``current``) is no longer merged."""
    db = store.connection
    day = date.today().isoformat()
    rows = sorted((old, into) for old, into in merged.items() if old not in current)
    db.executemany(
        "UPDATE story_merges SET into_id = ? WHERE into_id = ?", [(i, o) for o, i in rows]
    )
    db.executemany(
        "INSERT INTO story_merges (id, into_id, day) VALUES (?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET into_id = excluded.into_id, day = excluded.day",
        [(old, into, day) for old, into in rows],
    )
    db.executemany("DELETE FROM story_merges WHERE id = ?", [(s,) for s in sorted(current)])


def _clusterer(
    store: Store,
    stored: Mapping[str, tuple[str, str]],
    dates: Mapping[str, str | None],
    params: ClusterParams,
) -> StoryClusterer:
    """The clusterer as the last digest left it (restored from features if need be)."""
    from storyline.store.cluster_state import read_state, state_version

    version, count = state_version(params), store.count_placements()
    with store.batch():  # a state kept whole by an older version is converted to rows
        kept = read_state(store.connection, version, count, stored, params)
    if kept is not None:
        return kept
    from storyline.store.cluster_rebuild import rebuild_state

    restored = {a: p for a, p in stored.items() if a in dates}
    with store.batch():  # rebuilt from every report's features, a slice at a time
        rebuild_state(store.connection, restored, store.features_of, params, version, count)
        kept = read_state(store.connection, version, count, stored, params)
    assert kept is not None
    return kept


def current_placements(
    store: Store, read_ahead: Mapping[str, tuple[str, str]] | None
) -> Mapping[str, tuple[str, str]]:
    """``store.placements()``, or ``read_ahead`` itself when it is still whole.

    Placements are added, and a digest that moves placed reports (a merge of stories,
    clustering/pool.py) adds its new reports' too; a digest reads ahead before it
    places, so a read-ahead with as many entries as the store holds is the store's.
    """
    if read_ahead is not None and len(read_ahead) == store.count_placements():
        return read_ahead
    return store.placements()
