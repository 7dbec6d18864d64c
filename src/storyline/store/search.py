"""Finding stories and reports: filters, full-text indexes, ranking, cursors.

On SQLite, stories are indexed by title, summary and names (FTS5 ``story_fts``,
rowid = the published story's ``num``) and reports by title and text straight
from the ``articles`` table (``report_fts``, an external-content index: the text
is stored once), ranked by BM25. On PostgreSQL the same searches run on
tsvector columns under GIN indexes (:mod:`storyline.store.search_pg`): each
function here hands a PostgreSQL connection over to it, so callers see one
interface and one result shape. Functions take a connection:
:class:`storyline.store.served.Published` passes its own. The tables are made by
:mod:`storyline.store.migrations` and documented in ``docs/storage.md``.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.store.connection import Connection
from storyline.store.search_steps import (
    Snippets,
    ranked_report_rowids,
    ranked_story_nums,
    report_hits,
)

#: Matches a search ranks at most: past that, the newest matches are ranked (see _window).
RANKED_MATCHES = 500
#: Stories and reports a search page lists at most.
SEARCH_LIMIT = 20


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story as listings show it."""

    num: int
    id: str
    storyline: str
    title: str
    first: str
    last: str
    reports: int
    sources: int
    disputed: bool
    names: tuple[str, ...]
    updated: str
    etag: str


@dataclass(frozen=True, slots=True)
class ReportHit:
    """A report that matches a search, with a highlighted snippet (markers, not HTML)."""

    article_id: str
    title: str
    source: str
    published: str
    story_id: str | None
    snippet: str


@dataclass(frozen=True, slots=True)
class Filters:
    """What a listing or search is narrowed to (all optional)."""

    q: str = ""
    since: str = ""
    until: str = ""
    outlet: str = ""
    entity: str = ""
    disputed: bool = False
    storyline: str = ""


#: Marks around matched words in report snippets; the page turns them into <mark>.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"


STORY_COLUMNS = (
    "s.num, s.id, s.storyline, s.title, s.first, s.last, s.reports, s.sources, s.disputed,"
    " s.names, s.updated, s.etag"
)


def story_row(r: Sequence[Any]) -> StoryRow:
    """A listing row from the columns of ``STORY_COLUMNS``."""
    return StoryRow(
        num=int(r[0]),
        id=str(r[1]),
        storyline=str(r[2]),
        title=str(r[3]),
        first=str(r[4]),
        last=str(r[5]),
        reports=int(r[6]),
        sources=int(r[7]),
        disputed=bool(r[8]),
        names=tuple(json.loads(r[9])),
        updated=str(r[10]),
        etag=str(r[11]),
    )


def index_new_reports(db: Connection) -> None:
    """Index the articles stored since the last call (inside the caller's transaction)."""
    if db.kind == "postgresql":
        from storyline.store import search_pg  # it builds on this module's records

        search_pg.index_new_reports(db)
        return
    row = db.execute("SELECT value FROM meta WHERE key = 'search_rowid'").fetchone()
    done = int(row[0]) if row else 0
    top = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles").fetchone()[0]
    if top <= done:
        return
    db.execute(
        "INSERT INTO report_fts (rowid, title, text)"
        " SELECT rowid, COALESCE(title, ''), text FROM articles WHERE rowid > ?",
        (done,),
    )
    db.execute(
        "INSERT INTO meta(key, value) VALUES ('search_rowid', ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(top),),
    )


def index_story(db: Connection, num: int, title: str, summary: str, names: str) -> None:
    """Index a published story's words under its ``num``."""
    table = "story_search (num" if db.kind == "postgresql" else "story_fts (rowid"
    db.execute(
        f"INSERT INTO {table}, title, summary, names) VALUES (?,?,?,?)",
        (num, title, summary, names),
    )


def unindex_story(db: Connection, num: int) -> None:
    """Drop a story from the index (before the story itself is dropped)."""
    if db.kind == "postgresql":
        db.execute("DELETE FROM story_search WHERE num = ?", (num,))
    else:
        db.execute("DELETE FROM story_fts WHERE rowid = ?", (num,))


def indexed_summary(db: Connection, num: int) -> str:
    """The summary text indexed for a story."""
    sql = (
        "SELECT summary FROM story_search WHERE num = ?"
        if db.kind == "postgresql"
        else "SELECT summary FROM story_fts WHERE rowid = ?"
    )
    row = db.execute(sql, (num,)).fetchone()
    return str(row[0]) if row else ""


def story_match(db: Connection, q: str) -> tuple[str, str, Any]:
    """How a listing of ``served_stories s`` keeps the stories matching these words.

    A join, a condition and its argument (every word must occur, as a whole word).
    """
    if db.kind == "postgresql":
        return (
            " JOIN story_search f ON f.num = s.num",
            "f.doc @@ plainto_tsquery('simple', ?)",
            " ".join(search_words(q)),
        )
    return " JOIN story_fts f ON f.rowid = s.num", "story_fts MATCH ?", fts_query(q)


# --- reading ----------------------------------------------------------------------


def ranked_stories(
    db: Connection, filters: Filters, *, limit: int = SEARCH_LIMIT
) -> list[StoryRow]:
    """Stories matching the query, best first (BM25, title weighted up)."""
    if not filters.q:
        raise ValueError("ranked_stories needs words to search for")
    if db.kind == "postgresql":
        from storyline.store import search_pg

        return search_pg.ranked_stories(db, filters, limit=limit)
    where, args = story_filters(filters)
    filtered = bool(where)
    match = fts_query(filters.q)
    where.append("story_fts MATCH ?")
    args.append(match)
    lowest = _window(db, "story_fts", match)
    if lowest:
        where.append("f.rowid >= ?")
        args.append(lowest)
    nums = ranked_story_nums(db, where, args, filtered, limit)
    if not nums:
        return []
    sql = (
        f"SELECT {STORY_COLUMNS} FROM served_stories s WHERE s.num IN ({','.join('?' * len(nums))})"
    )
    rows = {row.num: row for row in map(story_row, db.execute(sql, nums).fetchall())}
    return [rows[n] for n in nums if n in rows]  # one dropped meanwhile is left out


def ranked_reports(
    db: Connection,
    filters: Filters,
    *,
    limit: int = SEARCH_LIMIT,
    snippets: Snippets | None = None,
) -> list[ReportHit]:
    """Reports matching the query, best first, with a snippet around the matches.

    ``snippets``: where the snippets of earlier searches are kept (SQLite; see
    :mod:`storyline.store.search_steps`).
    """
    if not filters.q:
        return []
    if db.kind == "postgresql":
        from storyline.store import search_pg

        return search_pg.ranked_reports(db, filters, limit=limit)
    match = fts_query(filters.q)
    where = ["report_fts MATCH ?"]
    args: list[Any] = [match]
    lowest = _window(db, "report_fts", match)
    if lowest:
        where.append("report_fts.rowid >= ?")
        args.append(lowest)
    report_where, report_args = report_filters(filters)
    where += report_where
    args += report_args
    rowids = ranked_report_rowids(db, where, args, bool(report_where), limit)
    rows = report_hits(db, match, rowids, snippets, (HIT_OPEN, HIT_CLOSE))
    return [
        ReportHit(
            str(a), str(t), str(src), str(pub), None if story is None else str(story), str(snip)
        )
        for a, t, src, pub, story, snip in rows
    ]


def report_filters(filters: Filters) -> tuple[list[str], list[Any]]:
    """SQL conditions (on ``articles a`` and ``placements p``) and arguments for reports."""
    where: list[str] = []
    args: list[Any] = []
    if filters.outlet:
        where.append("a.source = ?")
        args.append(filters.outlet)
    if filters.since:
        where.append("substr(a.published, 1, 10) >= ?")
        args.append(filters.since)
    if filters.until:
        where.append("substr(a.published, 1, 10) <= ?")
        args.append(filters.until)
    story_where, story_args = story_filters(
        Filters(entity=filters.entity, disputed=filters.disputed)
    )
    if story_where:
        where.append(
            "p.story_id IN (SELECT s.id FROM served_stories s WHERE "
            + " AND ".join(story_where)
            + ")"
        )
        args += story_args
    return where, args


def window(count: int, top: int) -> int:
    """The lowest row number worth ranking among ``count`` matches in rows 1..``top``."""
    if count <= RANKED_MATCHES:
        return 0
    return max(0, int(top - top * RANKED_MATCHES / count))


def _window(db: Connection, table: str, match: str) -> int:
    """The lowest rowid worth ranking: 0 (all) unless the words match very many rows.

    Counting matches is cheap, ranking them is not (BM25 scores every match).
    When more than ``RANKED_MATCHES`` rows match, only the newest rows (the
    highest rowids, where about that many matches are expected) are ranked:
    for words that common, a newsroom wants recent reports first anyway.
    """
    count = db.execute(f"SELECT COUNT(*) FROM {table} WHERE {table} MATCH ?", (match,)).fetchone()[
        0
    ]
    if count <= RANKED_MATCHES:
        return 0
    top = db.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()[0] or 0
    return window(int(count), int(top))


def story_filters(f: Filters) -> tuple[list[str], list[Any]]:
    """SQL conditions (on ``served_stories s``) and their arguments for these filters."""
    where: list[str] = []
    args: list[Any] = []
    if f.since:
        where.append("s.last >= ?")
        args.append(f.since)
    if f.until:
        where.append("s.first <= ? AND s.first != ''")
        args.append(f.until)
    if f.disputed:
        where.append("s.disputed = 1")
    if f.storyline:
        where.append("s.storyline = ?")
        args.append(f.storyline)
    if f.outlet:
        where.append("s.num IN (SELECT num FROM served_outlets WHERE outlet = ?)")
        args.append(f.outlet)
    if f.entity:
        where.append("s.num IN (SELECT num FROM served_entities WHERE key = ?)")
        args.append(f.entity)
    return where, args


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: every word must occur (as a whole word).

    Words are quoted, so FTS5 syntax in the input (``NEAR``, ``*``, ``:``, quotes) is
    taken literally and can never make the query fail.
    """
    words = search_words(text)
    if not words:
        return '""'
    return " ".join(f'"{w}"' for w in words)


def search_words(text: str) -> list[str]:
    """The words of a query (letters and digits; anything else separates them), 16 at most."""
    return [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w][:16]


def encode_cursor(last: str, num: int) -> str:
    """An opaque keyset cursor for the story listing."""
    raw = json.dumps([last, num], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    """The position a cursor stands for; raises ValueError for a cursor we did not make."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        last, num = json.loads(raw)
    except (ValueError, TypeError) as exc:
        raise ValueError("not a cursor this server made") from exc
    if not isinstance(last, str) or not isinstance(num, int) or isinstance(num, bool):
        raise ValueError("not a cursor this server made")
    return last, num
