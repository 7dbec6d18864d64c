"""The clusterer's state read from its rows on demand, so that a digest reads what it touches.

A digest that places 20 reports into a store of 100,000 needs the document
frequencies of their features, the posting lists of their features in the weeks
around their dates, and the stories those lists name: a few thousand rows, not
the whole state. These mappings stand in for the clusterer's dictionaries
(``DocStats.df``, ``StoryClusterer.stories``, ``StoryIndex.postings``): each
looks a key up in the store the first time it is asked for it, keeps it, and
records what was written, so that only that is stored back
(:mod:`storyline.store.cluster_state`). They answer every question a dict
would (``get``, ``in``, ``[]``, ``len``, iteration) with what the rows hold.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from storyline.store.connection import Connection, chunks
from storyline.story.clustering.clusterer import StoryState
from storyline.story.clustering.index import StoryIndex

#: The counters of a story's state, by field name (see ``StoryState``).
COUNTERS = ("places", "names", "years", "kinds", "sites", "marks", "people", "named")


def story_fields(s: StoryState) -> dict[str, Any]:
    """One story's clustering state as JSON-ready data (its id aside)."""
    return {
        "storyline": s.storyline,
        "n": s.n,
        "vector": s.vector,
        "days": s.days,
        "first": s.first,
        "last": s.last,
        **{name: dict(getattr(s, name)) for name in COUNTERS},
    }


def story_from_fields(story_id: str, raw: Mapping[str, Any]) -> StoryState:
    """The state :func:`story_fields` gave."""
    return StoryState(
        id=story_id,
        storyline=raw["storyline"],
        n=int(raw["n"]),
        vector=dict(raw["vector"]),
        days=list(raw["days"]),
        first=raw["first"],
        last=raw["last"],
        **{name: Counter(raw.get(name, {})) for name in COUNTERS},
    )


def story_to_row(s: StoryState) -> str:
    """One story's clustering state as the JSON text of its row."""
    return json.dumps(story_fields(s), ensure_ascii=False, separators=(",", ":"))


def story_from_row(story_id: str, text: str) -> StoryState:
    """The state :func:`story_to_row` wrote."""
    return story_from_fields(story_id, json.loads(text))


class LazyCounts(Counter[str]):
    """Document frequencies: a row of ``cluster_df`` per feature, read when first asked for."""

    def __init__(self, db: Connection) -> None:
        super().__init__()
        self._db = db
        self._asked: set[str] = set()
        self.dirty: set[str] = set()

    def fetch(self, keys: Iterable[str]) -> None:
        """Read the counts of these features in as few queries as possible."""
        missing = sorted({k for k in keys if k not in self._asked})
        for chunk in chunks(missing):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT feature, n FROM cluster_df WHERE feature IN ({marks})", list(chunk)
            ).fetchall()
            for feature, n in rows:
                dict.__setitem__(self, str(feature), int(n))
        self._asked.update(missing)

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self._asked:
            self.fetch([key])
        return dict.get(self, key, default)

    def __missing__(self, key: str) -> int:
        if key not in self._asked:
            self.fetch([key])
            if dict.__contains__(self, key):
                return int(dict.__getitem__(self, key))
        return 0

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str) and key not in self._asked:
            self.fetch([key])
        return dict.__contains__(self, key)

    def __setitem__(self, key: str, value: int) -> None:
        self._asked.add(key)
        self.dirty.add(key)
        dict.__setitem__(self, key, value)


class LazyStories(dict[str, StoryState]):
    """Story states: a row of ``cluster_stories`` per story, read when first asked for."""

    def __init__(self, db: Connection) -> None:
        super().__init__()
        self._db = db
        self._absent: set[str] = set()

    def _load(self, key: str) -> bool:
        if dict.__contains__(self, key):
            return True
        if key in self._absent:
            return False
        row = self._db.execute("SELECT data FROM cluster_stories WHERE id = ?", (key,)).fetchone()
        if row is None:
            self._absent.add(key)
            return False
        dict.__setitem__(self, key, story_from_row(key, str(row[0])))
        return True

    def __missing__(self, key: str) -> StoryState:
        if self._load(key):
            return dict.__getitem__(self, key)
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        return dict.__getitem__(self, key) if self._load(key) else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._load(key)

    def __setitem__(self, key: str, value: StoryState) -> None:
        self._absent.discard(key)
        dict.__setitem__(self, key, value)


class LazyWeeks(dict[int, list[str]]):
    """One feature's posting lists by week: a row of ``cluster_postings`` per (feature, week)."""

    def __init__(self, db: Connection, feature: str) -> None:
        super().__init__()
        self._db = db
        self._feature = feature
        self._absent: set[int] = set()
        self._stored: int | None = None  # how many weeks the rows hold
        self._added = 0  # weeks this digest added that the rows lack
        self._whole = False

    def _load(self, week: int) -> bool:
        if dict.__contains__(self, week):
            return True
        if week in self._absent or self._whole:
            return False
        row = self._db.execute(
            "SELECT ids FROM cluster_postings WHERE feature = ? AND week = ?",
            (self._feature, week),
        ).fetchone()
        if row is None:
            self._absent.add(week)
            return False
        dict.__setitem__(self, week, json.loads(row[0]))
        return True

    def __missing__(self, week: int) -> list[str]:
        if self._load(week):
            return dict.__getitem__(self, week)
        raise KeyError(week)

    def get(self, week: int, default: Any = None) -> Any:
        return dict.__getitem__(self, week) if self._load(week) else default

    def __contains__(self, week: object) -> bool:
        return isinstance(week, int) and self._load(week)

    def __len__(self) -> int:
        if self._stored is None:
            row = self._db.execute(
                "SELECT COUNT(*) FROM cluster_postings WHERE feature = ?", (self._feature,)
            ).fetchone()
            self._stored = int(row[0])
            # No row holds this feature (every feature of a first digest): its weeks are
            # all known, and none need be looked for again.
            self._whole = self._whole or self._stored == 0
        return self._stored + self._added

    def __iter__(self) -> Iterator[int]:
        if not self._whole:
            rows = self._db.execute(
                "SELECT week, ids FROM cluster_postings WHERE feature = ?", (self._feature,)
            ).fetchall()
            for week, ids in rows:
                if not dict.__contains__(self, int(week)):
                    dict.__setitem__(self, int(week), json.loads(ids))
            self._whole = True
        return dict.__iter__(self)

    def __setitem__(self, week: int, ids: list[str]) -> None:
        if not self._load(week):
            self._added += 1
            self._absent.discard(week)
        dict.__setitem__(self, week, ids)


class LazyPostings(dict[str, dict[int, list[str]]]):
    """The candidate index's posting lists, a :class:`LazyWeeks` per feature asked for."""

    def __init__(self, db: Connection) -> None:
        super().__init__()
        self._db = db

    def __missing__(self, feature: str) -> dict[int, list[str]]:
        weeks = LazyWeeks(self._db, feature)
        dict.__setitem__(self, feature, weeks)
        return weeks

    def get(self, feature: str, default: Any = None) -> Any:
        weeks = self[feature]
        return weeks if len(weeks) else default

    def __contains__(self, feature: object) -> bool:
        return isinstance(feature, str) and len(self[feature]) > 0

    def __setitem__(self, feature: str, weeks: dict[int, list[str]]) -> None:
        # StoryIndex.add sets a feature it did not find: keep the lazy view, add the weeks.
        into = self[feature]
        for week, ids in weeks.items():
            into[week] = ids


class TrackedIndex(StoryIndex):
    """The candidate index, noting every (feature, week) it writes."""

    __slots__ = ("written",)

    def __init__(self, max_postings: int, postings: dict[str, dict[int, list[str]]]) -> None:
        super().__init__(max_postings)
        self.postings = postings
        self.written: set[tuple[str, int]] = set()

    def add(self, story_id: str, features: Iterable[str], week: int) -> None:
        feats = list(features)
        super().add(story_id, feats, week)
        self.written.update((f, week) for f in feats)
