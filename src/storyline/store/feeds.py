"""The live poller's state in the store: one row per source, one row per item key seen.

Tables of their own (``live_sources``, ``live_items``) on the store's connection, so
that an item's article, its analysis and its "seen" keys land in one transaction:
a poll killed at any point either stored an item whole or not at all, and the
next poll fetches exactly the items that were not stored. Times are seconds since
the epoch (UTC) from the poller's clock. Documented in ``docs/live.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.store.sqlite import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS live_sources (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT,
    etag TEXT,
    last_modified TEXT,
    interval REAL,
    last_poll REAL,
    next_poll REAL,
    last_new REAL,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    polls INTEGER NOT NULL DEFAULT 0,
    items INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS live_items (
    key TEXT PRIMARY KEY,
    source_url TEXT NOT NULL,
    article_id TEXT,
    text_from TEXT NOT NULL,
    note TEXT,
    seen_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS live_items_article ON live_items(article_id);
"""

#: What an item's stored text is: the page's main text, the feed's summary (the page
#: could not be read), an article already stored (same text), or nothing usable.
TEXT_FROM = ("page", "summary", "duplicate", "none")


@dataclass(frozen=True, slots=True)
class SourceState:
    """What the poller remembers about one source between polls and restarts."""

    url: str
    kind: str = "feed"
    name: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    interval: float | None = None
    last_poll: float | None = None
    next_poll: float | None = None
    last_new: float | None = None
    unchanged: int = 0  # consecutive 304 answers since the last full body
    failures: int = 0  # consecutive failed polls
    last_error: str | None = None
    polls: int = 0
    items: int = 0  # new items stored from this source, all time


_COLUMNS = (
    "url, kind, name, etag, last_modified, interval, last_poll, next_poll, last_new,"
    " unchanged, failures, last_error, polls, items"
)


class FeedStore:
    """Reads and writes the live tables through an open :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._db = store.connection
        self._db.executescript(SCHEMA)

    def state(self, url: str) -> SourceState | None:
        """The stored state of a source, if it was ever polled or registered."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM live_sources WHERE url = ?", (url,)
        ).fetchone()
        return None if row is None else SourceState(*row)

    def states(self) -> list[SourceState]:
        """Every source's state, by URL."""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM live_sources ORDER BY url").fetchall()
        return [SourceState(*r) for r in rows]

    def register(self, url: str, kind: str, name: str | None) -> SourceState:
        """Make sure a source has a row (its kind and name follow the SOURCES file)."""
        self._db.execute(
            "INSERT INTO live_sources (url, kind, name) VALUES (?,?,?) ON CONFLICT(url)"
            " DO UPDATE SET kind = excluded.kind, name = excluded.name",
            (url, kind, name),
        )
        found = self.state(url)
        assert found is not None
        return found

    def save_state(self, state: SourceState) -> None:
        """Write a source's state after a poll (success or failure)."""
        self._db.execute(
            f"INSERT OR REPLACE INTO live_sources ({_COLUMNS})"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                state.url,
                state.kind,
                state.name,
                state.etag,
                state.last_modified,
                state.interval,
                state.last_poll,
                state.next_poll,
                state.last_new,
                state.unchanged,
                state.failures,
                state.last_error,
                state.polls,
                state.items,
            ),
        )

    def seen(self, keys: Iterable[str]) -> set[str]:
        """The keys among these that some earlier item already had."""
        wanted = list(dict.fromkeys(keys))
        out: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT key FROM live_items WHERE key IN ({marks})", chunk
            ).fetchall()
            out.update(str(r[0]) for r in rows)
        return out

    def mark_seen(
        self,
        keys: Sequence[str],
        *,
        source_url: str,
        article_id: str | None,
        text_from: str,
        note: str | None,
        at: float,
    ) -> None:
        """Record an item's keys (GUID, canonical URLs) with what became of it."""
        if text_from not in TEXT_FROM:
            raise ValueError(f"text_from must be one of {TEXT_FROM}, not {text_from!r}")
        self._db.executemany(
            "INSERT OR IGNORE INTO live_items (key, source_url, article_id, text_from, note,"
            " seen_at) VALUES (?,?,?,?,?,?)",
            [(k, source_url, article_id, text_from, note, at) for k in dict.fromkeys(keys)],
        )

    def text_from(self, article_id: str) -> str | None:
        """Where a live article's text came from ('page' or 'summary'), if it came live."""
        row = self._db.execute(
            "SELECT text_from FROM live_items WHERE article_id = ?"
            " AND text_from IN ('page', 'summary') LIMIT 1",
            (article_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    def unplaced(self) -> int:
        """How many analysed articles have no placement yet (a poll stopped before placing)."""
        row = self._db.execute(
            "SELECT COUNT(*) FROM analyses n WHERE NOT EXISTS"
            " (SELECT 1 FROM placements p WHERE p.article_id = n.article_id)"
        ).fetchone()
        return int(row[0])
