"""Ranked search on SQLite in steps: rank first, then read only what the page lists.

One statement that ranks and reads at once (``SELECT columns ... ORDER BY bm25
LIMIT n``) joins and reads every match before it sorts them: up to
``RANKED_MATCHES`` rows of ``served_stories`` or ``articles`` (whose long text
comes before the columns a listing needs), to keep twenty. Here the ranking
statement reads the full-text index alone (the other tables only when a filter
needs them), with the same ``ORDER BY`` over the same rows, so it keeps the same
rows in the same order; a second statement reads the listed rows by key.

A report's snippet is the costly part of a report hit (FTS5 tokenizes the whole
text to find the best passage). It depends only on the report's text, which is
never changed, and on the words searched for, so :class:`Snippets` keeps
snippets per (query, report) for the life of a process; what can change (which
story a report was placed in; a publication date filled in later) is read
fresh on every search.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from storyline.store.connection import Connection

#: Snippets kept per process (one per query and report), least recent out.
SNIPPETS_SIZE = 20_000

#: A report hit's fields that never change once known: title, outlet, published, snippet.
Kept = tuple[str, str, str, str]


class Snippets:
    """Report hits' unchanging fields per (FTS5 query, report rowid), shared by threads."""

    def __init__(self, size: int = SNIPPETS_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, int], tuple[str, Kept]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, match: str, rowid: int, article_id: str) -> Kept | None:
        """The kept fields of this report for this query (None unless kept for this id)."""
        with self._lock:
            found = self._items.get((match, rowid))
            if found is None or found[0] != article_id:
                return None
            self._items.move_to_end((match, rowid))
            return found[1]

    def put(self, match: str, rowid: int, article_id: str, kept: Kept) -> None:
        """Keep the fields (callers keep only those that cannot change)."""
        with self._lock:
            self._items[(match, rowid)] = (article_id, kept)
            self._items.move_to_end((match, rowid))
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def ranked_story_nums(
    db: Connection, where: Sequence[str], args: Sequence[Any], filtered: bool, limit: int
) -> list[int]:
    """The ``num`` of the best stories, best first (``where`` includes the MATCH)."""
    join = " JOIN served_stories s ON s.num = f.rowid" if filtered else ""
    sql = (
        f"SELECT f.rowid FROM story_fts f{join} WHERE {' AND '.join(where)}"
        " ORDER BY bm25(story_fts, 4.0, 1.0, 2.0) LIMIT ?"
    )
    return [int(r[0]) for r in db.execute(sql, [*args, limit]).fetchall()]


def ranked_report_rowids(
    db: Connection, where: Sequence[str], args: Sequence[Any], filtered: bool, limit: int
) -> list[int]:
    """The rowids of the best reports, best first (``where`` includes the MATCH)."""
    join = (
        " JOIN articles a ON a.rowid = report_fts.rowid"
        " LEFT JOIN placements p ON p.article_id = a.id"
        if filtered
        else ""
    )
    sql = (
        f"SELECT report_fts.rowid FROM report_fts{join} WHERE {' AND '.join(where)}"
        " ORDER BY bm25(report_fts, 2.0, 1.0) LIMIT ?"
    )
    return [int(r[0]) for r in db.execute(sql, [*args, limit]).fetchall()]


def report_hits(
    db: Connection,
    match: str,
    rowids: Sequence[int],
    snippets: Snippets | None,
    marks: tuple[str, str],
) -> list[tuple[str, str, str, str, str | None, str]]:
    """(id, title, outlet, published, story id, snippet) of these reports, in this order."""
    if not rowids:
        return []
    marks_in = ",".join("?" * len(rowids))
    fresh = {
        int(r): (str(a), None if story is None else str(story))
        for r, a, story in db.execute(
            "SELECT a.rowid, a.id, p.story_id FROM articles a"
            f" LEFT JOIN placements p ON p.article_id = a.id WHERE a.rowid IN ({marks_in})",
            list(rowids),
        ).fetchall()
    }
    kept: dict[int, Kept] = {}
    if snippets is not None:
        for rowid, (article_id, _) in fresh.items():
            found = snippets.get(match, rowid, article_id)
            if found is not None:
                kept[rowid] = found
    missing = [r for r in rowids if r in fresh and r not in kept]
    if missing:
        open_, close = marks
        read = db.execute(
            "SELECT report_fts.rowid, COALESCE(a.title, ''), COALESCE(a.source, ''),"
            f" COALESCE(a.published, ''), snippet(report_fts, 1, '{open_}', '{close}', ' … ', 24)"
            " FROM report_fts JOIN articles a ON a.rowid = report_fts.rowid"
            f" WHERE report_fts MATCH ? AND report_fts.rowid IN ({','.join('?' * len(missing))})",
            [match, *missing],
        ).fetchall()
        for rowid, title, source, published, snip in read:
            made: Kept = (str(title), str(source), str(published), str(snip))
            kept[int(rowid)] = made
            if snippets is not None and made[2]:  # a date not yet known may be filled in later
                snippets.put(match, int(rowid), fresh[int(rowid)][0], made)
    return [(fresh[r][0], *kept[r][:3], fresh[r][1], kept[r][3]) for r in rowids if r in kept]
