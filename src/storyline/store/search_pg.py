"""Full-text search on PostgreSQL: tsvector columns under GIN indexes, ranked by ts_rank.

The same searches as SQLite's FTS5 in :mod:`storyline.store.search`, with the
same filters and result shape. ``story_search`` keeps a story's title (weight A),
names (B) and summary (C) as a generated tsvector; ``report_search`` a report's
title (A) and text (B). A query is the user's words, every one required
(``plainto_tsquery`` over the words as :func:`~storyline.store.search.search_words`
cuts them, so operators in the input are taken as words), whole words in the
'simple' configuration (no stemming, as FTS5's unicode61). Ranking is ``ts_rank``
with the weights in the proportions the SQLite BM25 call uses; when very many rows
match, only the newest are ranked (:func:`~storyline.store.search.window`).
Snippets come from ``ts_headline`` with the same markers.
"""

from __future__ import annotations

from typing import Any

from storyline.store.connection import Connection
from storyline.store.search import (
    HIT_CLOSE,
    HIT_OPEN,
    SEARCH_LIMIT,
    STORY_COLUMNS,
    Filters,
    ReportHit,
    StoryRow,
    report_filters,
    search_words,
    story_filters,
    story_row,
    window,
)

#: ts_rank weights {D, C, B, A}: stories' title 4, names 2, summary 1 (as bm25(4, 1, 2)).
STORY_WEIGHTS = "{0.1, 0.25, 0.5, 1.0}"
#: Reports' title 2, text 1 (as bm25(2, 1)).
REPORT_WEIGHTS = "{0.1, 0.25, 0.5, 1.0}"
#: ts_headline's options: the matches marked as SQLite's snippet marks them, about 24 words.
HEADLINE = (
    f'StartSel="{HIT_OPEN}", StopSel="{HIT_CLOSE}", MaxWords=24, MinWords=12,'
    ' MaxFragments=1, FragmentDelimiter=" … "'
)
#: Articles re-examined below the last one indexed: a concurrent writer may commit a
#: lower rowid after a higher one (PostgreSQL hands out rowids before commit).
REINDEX_SLACK = 1000


def index_new_reports(db: Connection) -> None:
    """Index the articles stored since the last call, and any that committed late."""
    row = db.execute("SELECT value FROM meta WHERE key = 'search_rowid'").fetchone()
    done = int(row[0]) if row else 0
    top = int(db.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles").fetchone()[0])
    # The newest REINDEX_SLACK rowids are looked up each time (index probes: cheap);
    # only those not indexed yet are parsed into a tsvector.
    db.execute(
        "INSERT INTO report_search (num, doc)"
        " SELECT a.rowid, setweight(to_tsvector('simple', COALESCE(a.title, '')), 'A')"
        " || setweight(to_tsvector('simple', a.text), 'B') FROM articles a WHERE a.rowid > ?"
        " AND NOT EXISTS (SELECT 1 FROM report_search r WHERE r.num = a.rowid)"
        " ON CONFLICT (num) DO NOTHING",
        (max(0, done - REINDEX_SLACK),),
    )
    if top > done:
        db.execute(
            "INSERT INTO meta(key, value) VALUES ('search_rowid', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(top),),
        )


def ranked_stories(
    db: Connection, filters: Filters, *, limit: int = SEARCH_LIMIT
) -> list[StoryRow]:
    """Stories matching the words, best first (title weighted up)."""
    words = " ".join(search_words(filters.q))
    if not words:
        return []
    where, args = story_filters(filters)
    where.append("f.doc @@ m.q")
    lowest = _window(db, "story_search", words)
    if lowest:
        where.append("f.num >= ?")
        args.append(lowest)
    sql = (
        f"SELECT {STORY_COLUMNS} FROM plainto_tsquery('simple', ?) AS m(q)"
        " CROSS JOIN story_search f JOIN served_stories s ON s.num = f.num"
        f" WHERE {' AND '.join(where)}"
        f" ORDER BY ts_rank('{STORY_WEIGHTS}', f.doc, m.q, 1) DESC, s.num DESC LIMIT ?"
    )
    return [story_row(r) for r in db.execute(sql, [words, *args, limit]).fetchall()]


def ranked_reports(
    db: Connection, filters: Filters, *, limit: int = SEARCH_LIMIT
) -> list[ReportHit]:
    """Reports matching the words, best first, with a snippet around the matches."""
    words = " ".join(search_words(filters.q))
    if not words:
        return []
    where, args = report_filters(filters)
    where.insert(0, "r.doc @@ m.q")
    lowest = _window(db, "report_search", words)
    if lowest:
        where.append("r.num >= ?")
        args.append(lowest)
    # Rank first, then make snippets for the page's rows only (ts_headline reads the text).
    sql = (
        "WITH m AS (SELECT plainto_tsquery('simple', ?) AS q),"
        " hits AS (SELECT a.id, a.title, a.source, a.published, a.text, p.story_id,"
        f" ts_rank('{REPORT_WEIGHTS}', r.doc, m.q, 1) AS score, r.num"
        " FROM m CROSS JOIN report_search r JOIN articles a ON a.rowid = r.num"
        " LEFT JOIN placements p ON p.article_id = a.id"
        f" WHERE {' AND '.join(where)} ORDER BY score DESC, r.num DESC LIMIT ?)"
        " SELECT h.id, COALESCE(h.title, ''), COALESCE(h.source, ''),"
        " COALESCE(h.published, ''), h.story_id, ts_headline('simple', h.text, m.q, ?)"
        " FROM hits h CROSS JOIN m ORDER BY h.score DESC, h.num DESC"
    )
    rows = db.execute(sql, [words, *args, limit, HEADLINE]).fetchall()
    return [
        ReportHit(
            str(a), str(t), str(src), str(pub), None if story is None else str(story), str(snip)
        )
        for a, t, src, pub, story, snip in rows
    ]


def _window(db: Connection, table: str, words: str) -> int:
    """The lowest ``num`` worth ranking (see :func:`storyline.store.search.window`)."""
    count: Any = db.execute(
        f"SELECT COUNT(*) FROM {table} WHERE doc @@ plainto_tsquery('simple', ?)", (words,)
    ).fetchone()[0]
    if int(count) <= 0:
        return 0
    top = db.execute(f"SELECT COALESCE(MAX(num), 0) FROM {table}").fetchone()[0]
    return window(int(count), int(top))
