"""The served state beside the store: published stories, their pages, what listings read.

``storyline serve`` reads these tables and never assembles a story on a request.
A digest (or the server's placement worker) publishes each story once it is
assembled: the stories.json object, the rendered page, and the rows that the
entity and outlet pages query; publishing also indexes new reports for search
(:mod:`storyline.store.search`). Readers open their own read-only connection
(SQLite's WAL: they never wait for the writer). The same code runs on SQLite and
on PostgreSQL through :mod:`storyline.store.connection`; the tables are made by
:mod:`storyline.store.migrations` and documented in ``docs/storage.md``.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyline.model import Article, ArticleAnalysis
from storyline.store.codec import loads
from storyline.store.connection import Connection, connect
from storyline.store.migrations import migrate
from storyline.store.search import (
    SEARCH_LIMIT,
    STORY_COLUMNS,
    Filters,
    ReportHit,
    StoryRow,
    index_new_reports,
    index_story,
    indexed_summary,
    ranked_reports,
    ranked_stories,
    story_filters,
    story_match,
    story_row,
    unindex_story,
)
from storyline.store.search_steps import Snippets
from storyline.store.sqlite import _ARTICLE_COLUMNS, ANALYSIS_VERSION, _article

#: How many of the newest reports :meth:`Published.pending` looks at (new work is recent).
PENDING_WINDOW = 1000
#: How many of the newest stories the home page's storylines are drawn from.
RECENT_STORIES = 500

#: The home page's storylines (arguments: RECENT_STORIES, how many): counts and dates
#: from the covering indexes ``served_stories_recent`` and ``served_stories_lines``, a
#: title read only for the storylines listed.
STORYLINES_SQL = (
    "WITH recent AS (SELECT DISTINCT storyline FROM (SELECT storyline"
    "  FROM served_stories ORDER BY last DESC, num DESC LIMIT ?) AS newest),"
    " lines AS (SELECT r.storyline AS id, COUNT(*) AS n,"
    "  COALESCE(MIN(NULLIF(s.first, '')), '') AS f, MAX(s.last) AS l,"
    "  SUM(s.disputed) AS d FROM recent r JOIN served_stories s"
    "  ON s.storyline = r.storyline GROUP BY r.storyline HAVING COUNT(*) > 1"
    "  ORDER BY MAX(s.last) DESC LIMIT ?)"
    " SELECT lines.id, n, f, l, d, (SELECT t.title FROM served_stories t"
    "  WHERE t.storyline = lines.id ORDER BY t.last, t.num LIMIT 1)"
    " FROM lines ORDER BY l DESC, lines.id"
)
#: Reports among the newest PENDING_WINDOW with no story yet: a range of rowids (articles
#: are never deleted), read by the rowid's index.
PENDING_SQL = (
    "SELECT COUNT(*) FROM articles a"
    " WHERE a.rowid > (SELECT COALESCE(MAX(rowid), 0) FROM articles) - ?"
    " AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.article_id = a.id)"
)


def compress_page(page: str) -> bytes:
    """A page as stored and sent: gzip (a story page shrinks about five times)."""
    return gzip.compress(page.encode("utf-8"), compresslevel=6, mtime=0)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class EntityRow:
    """A name that a story mentions, keyed for ``/entities/{key}``."""

    key: str
    name: str
    label: str
    mentions: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """Something a named speaker said in a story."""

    key: str
    text: str
    kind: str
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OutletRow:
    """What an outlet did in a story: how many reports, alone or not, where it disagrees."""

    outlet: str
    reports: int
    only_source: bool
    disagrees: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PublishedStory:
    """One story as published: the listing fields, the contract object, the page."""

    id: str
    storyline: str
    title: str
    first: str
    last: str
    reports: int
    sources: int
    disputed: bool
    names: tuple[str, ...]
    story_json: str
    page: str
    etag: str
    entities: tuple[EntityRow, ...] = ()
    quotes: tuple[QuoteRow, ...] = ()
    outlets: tuple[OutletRow, ...] = ()
    summary: str = ""
    #: The page already compressed (copies of a published story); default: ``page`` compressed.
    page_gz: bytes | None = None


@dataclass(frozen=True, slots=True)
class StorylineRow:
    """A storyline as the home page lists it (titled by its first story)."""

    id: str
    title: str
    stories: int
    first: str
    last: str
    disputed: int


class Published:
    """The served tables of one storyline database (a writer or a read-only reader)."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        # A writer waits up to a minute for another writer (a digest's batch).
        self._db: Connection = connect(path, timeout=60.0, readonly=readonly, threads=readonly)
        if not readonly:
            ensure_schema(self._db)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> Published:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    # --- writing ----------------------------------------------------------------------

    def publish(
        self,
        stories: Sequence[PublishedStory],
        *,
        prune: bool = False,
        withdraw: Sequence[str] = (),
    ) -> list[str]:
        """Store these stories (changed ones only) and index new reports; ids that changed.

        With ``prune``, stories not among these are dropped (a full digest publishes all);
        ``withdraw`` names stories to drop (an incremental update's removed stories).
        """
        changed: list[str] = []
        now = _now()
        with self._write():
            old = dict(self._db.execute("SELECT id, etag FROM served_stories").fetchall())
            for s in stories:
                if old.get(s.id) == s.etag:
                    continue
                changed.append(s.id)
                self._put(s, now)
            gone = set(withdraw) & set(old)
            if prune:
                gone |= set(old) - {s.id for s in stories}
            for story_id in sorted(gone):
                self._drop(story_id)
                changed.append(story_id)
            index_new_reports(self._db)
            count = self._db.execute("SELECT COUNT(*) FROM served_stories").fetchone()[0]
            self._db.execute(
                "INSERT INTO meta(key, value) VALUES ('served_count', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(count),),
            )
            self._db.execute(
                "INSERT INTO meta(key, value) VALUES ('published_runs',"
                " CAST((SELECT COUNT(*) FROM runs WHERE finished_at IS NOT NULL) AS TEXT))"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            )
            self._db.execute(
                "INSERT INTO meta(key, value) VALUES ('published_at', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (now,),
            )
            if changed:
                self._db.execute(
                    "INSERT INTO meta(key, value) VALUES ('served_generation', ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (now + "/" + str(self.generation_number() + 1),),
                )
        return changed

    def _drop(self, story_id: str) -> None:
        row = self._db.execute("SELECT num FROM served_stories WHERE id = ?", (story_id,))
        found = row.fetchone()
        if found is None:
            return
        unindex_story(self._db, int(found[0]))
        self._db.execute("DELETE FROM served_stories WHERE num = ?", (found[0],))

    def _put(self, s: PublishedStory, now: str) -> None:
        self._drop(s.id)
        cur = self._db.execute(
            "INSERT INTO served_stories (id, storyline, title, first, last, reports, sources,"
            " disputed, names, updated, etag, story, page) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " RETURNING num",
            (
                s.id,
                s.storyline,
                s.title,
                s.first,
                s.last,
                s.reports,
                s.sources,
                int(s.disputed),
                json.dumps(list(s.names), ensure_ascii=False),
                now,
                s.etag,
                s.story_json,
                s.page_gz if s.page_gz is not None else compress_page(s.page),
            ),
        )
        num = int(cur.fetchone()[0])
        index_story(self._db, num, s.title, s.summary, " ".join(s.names))
        self._db.executemany(
            "INSERT OR IGNORE INTO served_entities (num, key, name, label, mentions)"
            " VALUES (?,?,?,?,?)",
            [(num, e.key, e.name, e.label, e.mentions) for e in s.entities],
        )
        self._db.executemany(
            "INSERT INTO served_quotes (num, key, text, kind, outlets) VALUES (?,?,?,?,?)",
            [(num, q.key, q.text, q.kind, json.dumps(list(q.outlets))) for q in s.quotes],
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO served_outlets (num, outlet, reports, only_source, disagrees)"
            " VALUES (?,?,?,?,?)",
            [
                (num, o.outlet, o.reports, int(o.only_source), json.dumps(list(o.disagrees)))
                for o in s.outlets
            ],
        )

    # --- reading ----------------------------------------------------------------------

    def generation(self) -> str:
        """A tag that changes whenever anything published changes ("time/number")."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'served_generation'")
        found = row.fetchone()
        return str(found[0]) if found else "-/0"

    def data_version(self) -> str:
        """A value that changes whenever the database may have changed (a cheap check).

        SQLite: ``PRAGMA data_version``, which moves when another connection commits.
        PostgreSQL: the server's WAL position, which moves with every write (to any
        database of the server: more often than needed, never too seldom); on a
        standby, the position replayed. Which one is asked by ``pg_is_in_recovery()``:
        a primary that went through crash recovery still answers the replay position
        of that recovery, frozen, so it cannot choose by which one is null.
        """
        if self._db.kind == "postgresql":
            sql = (
                "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
                " ELSE pg_current_wal_lsn() END)::text"
            )
        else:
            sql = "PRAGMA data_version"
        return str(self._db.execute(sql).fetchone()[0])

    def generation_number(self) -> int:
        """How many publishes changed something."""
        return int(self.generation().rsplit("/", 1)[-1])

    def stories(
        self, filters: Filters, *, limit: int, after: tuple[str, int] | None = None
    ) -> list[StoryRow]:
        """Stories newest first (by last report date), narrowed by filters, after a cursor."""
        where, args = story_filters(filters)
        if after is not None:
            where.append("(s.last, s.num) < (?, ?)")
            args += [after[0], after[1]]
        sql = f"SELECT {STORY_COLUMNS} FROM served_stories s"
        if filters.q:
            join, match, words = story_match(self._db, filters.q)
            sql += join
            where.append(match)
            args.append(words)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY s.last DESC, s.num DESC LIMIT ?"
        args.append(limit)
        return [story_row(r) for r in self._db.execute(sql, args).fetchall()]

    def ranked_stories(self, filters: Filters, *, limit: int = SEARCH_LIMIT) -> list[StoryRow]:
        """Stories matching the words, best first (the newest when there are no words)."""
        if not filters.q:
            return self.stories(filters, limit=limit)
        return ranked_stories(self._db, filters, limit=limit)

    def ranked_reports(
        self, filters: Filters, *, limit: int = SEARCH_LIMIT, snippets: Snippets | None = None
    ) -> list[ReportHit]:
        """Reports matching the words, best first, with a snippet around the matches.

        ``snippets`` keeps snippets between searches (a server passes its own).
        """
        return ranked_reports(self._db, filters, limit=limit, snippets=snippets)

    def story(self, story_id: str) -> tuple[StoryRow, str, bytes] | None:
        """A story's listing row, its contract object (JSON text) and its page (gzip)."""
        row = self._db.execute(
            f"SELECT {STORY_COLUMNS}, s.story, s.page FROM served_stories s WHERE s.id = ?",
            (story_id,),
        ).fetchone()
        if row is None:
            return None
        return story_row(row[:12]), str(row[12]), bytes(row[13])

    def storylines(self, *, limit: int) -> list[StorylineRow]:
        """Storylines of more than one story among the newest stories, most recent first."""
        rows = self._db.execute(
            STORYLINES_SQL,
            (RECENT_STORIES, limit),
        ).fetchall()
        return [
            StorylineRow(str(i), str(t), int(n), str(f), str(last), int(d))
            for i, n, f, last, d, t in rows
        ]

    def recently_updated(self, *, storyline: str = "", limit: int = 50) -> list[StoryRow]:
        """Stories most recently changed first (for the feeds)."""
        sql = f"SELECT {STORY_COLUMNS} FROM served_stories s"
        args: list[Any] = []
        if storyline:
            sql += " WHERE s.storyline = ?"
            args.append(storyline)
        sql += " ORDER BY s.updated DESC, s.num DESC LIMIT ?"
        args.append(limit)
        return [story_row(r) for r in self._db.execute(sql, args).fetchall()]

    def story_summary(self, num: int) -> str:
        """The summary text indexed for a story (feeds show it)."""
        return indexed_summary(self._db, num)

    def entity(
        self, key: str
    ) -> tuple[EntityRow | None, list[StoryRow], list[tuple[StoryRow, QuoteRow]]]:
        """A name's most common spelling, the stories that mention it, and what it said."""
        row = self._db.execute(
            "SELECT key, name, label, SUM(mentions) FROM served_entities WHERE key = ?"
            " GROUP BY key, name, label ORDER BY SUM(mentions) DESC, name LIMIT 1",
            (key,),
        ).fetchone()
        if row is None:
            return None, [], []
        found = EntityRow(str(row[0]), str(row[1]), str(row[2]), int(row[3]))
        stories = self.stories(Filters(entity=key), limit=200)
        by_num = {s.num: s for s in stories}
        quotes = []
        for num, qkey, text, kind, outlets in self._db.execute(
            "SELECT num, key, text, kind, outlets FROM served_quotes WHERE key = ?"
            " ORDER BY num DESC LIMIT 200",
            (key,),
        ).fetchall():
            story = by_num.get(num) or self._story_by_num(num)
            if story is not None:
                quotes.append(
                    (story, QuoteRow(str(qkey), str(text), str(kind), tuple(json.loads(outlets))))
                )
        return found, stories, quotes

    def outlet(self, outlet: str) -> list[tuple[StoryRow, OutletRow]]:
        """The stories an outlet reported, newest first, with what it did in each."""
        rows = self._db.execute(
            f"SELECT {STORY_COLUMNS}, o.outlet, o.reports, o.only_source, o.disagrees"
            " FROM served_outlets o JOIN served_stories s ON s.num = o.num"
            " WHERE o.outlet = ? ORDER BY s.last DESC, s.num DESC LIMIT 500",
            (outlet,),
        ).fetchall()
        return [
            (
                story_row(r[:12]),
                OutletRow(str(r[12]), int(r[13]), bool(r[14]), tuple(json.loads(r[15]))),
            )
            for r in rows
        ]

    def _story_by_num(self, num: int) -> StoryRow | None:
        row = self._db.execute(
            f"SELECT {STORY_COLUMNS} FROM served_stories s WHERE s.num = ?", (num,)
        ).fetchone()
        return None if row is None else story_row(row)

    def counts(self) -> tuple[int, int]:
        """How many stories are published and how many reports are stored.

        Both are index look-ups, not scans: the story count is kept at publish time,
        and articles are never deleted, so the highest rowid counts them.
        """
        row = self._db.execute("SELECT value FROM meta WHERE key = 'served_count'").fetchone()
        reports = self._db.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles").fetchone()[0]
        return (int(row[0]) if row else 0), int(reports)

    def stale_runs(self) -> int:
        """Runs that finished since the last publish (another writer may have moved stories)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'published_runs'").fetchone()
        done = self._db.execute(
            "SELECT COUNT(*) FROM runs WHERE finished_at IS NOT NULL"
        ).fetchone()[0]
        return max(0, int(done) - (int(row[0]) if row else 0))

    def article(self, article_id: str) -> tuple[Article, ArticleAnalysis | None, str | None] | None:
        """A stored article, its current analysis (if any) and its story (once placed)."""
        row = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        found = self._db.execute(
            "SELECT data FROM analyses WHERE article_id = ? AND version = ?",
            (article_id, ANALYSIS_VERSION),
        ).fetchone()
        analysis = loads(ArticleAnalysis, found[0]) if found else None
        # Placed once the story as published carries it: placements are committed a
        # moment before the story is published, and a reader must not be sent to a page
        # that does not show the report yet.
        placed = self._db.execute(
            "SELECT p.story_id FROM placements p JOIN served_stories s ON s.id = p.story_id"
            " WHERE p.article_id = ? AND s.story LIKE ? ESCAPE '\\'",
            (article_id, "%" + _like_literal(json.dumps(article_id, ensure_ascii=False)) + "%"),
        ).fetchone()
        return _article(row), analysis, (str(placed[0]) if placed else None)

    def pending(self) -> int:
        """Recently stored reports not yet placed in a story (the last ``PENDING_WINDOW``)."""
        row = self._db.execute(PENDING_SQL, (PENDING_WINDOW,)).fetchone()
        return int(row[0])


def _like_literal(text: str) -> str:
    """``text`` matched literally inside a LIKE pattern escaped with a backslash."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def ensure_schema(db: Connection) -> None:
    """Bring a database to the current schema (the served tables are migrations 4 and 5)."""
    migrate(db)
