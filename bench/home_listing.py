"""The home page's storylines and "being placed" reads: before (baseline) and now, same run.

    .venv/bin/python bench/home_listing.py bench/results/serve-10000.db

Takes a served SQLite store of schema version 3 or 4 (bench/serve.py makes
serve-10000.db and serve-100000.db) and copies it twice to a temporary folder:
on the first copy, as it is, it times the queries the home page ran before
schema version 5 (kept here as the baseline); the second copy is migrated to the
current schema and read by :class:`storyline.store.served.Published`, as now.
One query at a time, interleaved. Printed: the plans (EXPLAIN QUERY PLAN) and
the best and median of ``--rounds`` runs of each, and now / before.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from storyline.store.served import (
    PENDING_SQL,
    PENDING_WINDOW,
    RECENT_STORIES,
    STORYLINES_SQL,
    Published,
)

BEFORE_STORYLINES = (
    "WITH recent AS (SELECT DISTINCT storyline FROM"
    "  (SELECT storyline FROM served_stories ORDER BY last DESC, num DESC LIMIT ?))"
    " SELECT s.storyline, COUNT(*), COALESCE(MIN(NULLIF(s.first, '')), ''), MAX(s.last),"
    " SUM(s.disputed), (SELECT t.title FROM served_stories t"
    "  WHERE t.storyline = s.storyline ORDER BY t.last, t.num LIMIT 1)"
    " FROM served_stories s JOIN recent r ON r.storyline = s.storyline"
    " GROUP BY s.storyline HAVING COUNT(*) > 1 ORDER BY MAX(s.last) DESC LIMIT ?"
)
BEFORE_PENDING = (
    "SELECT COUNT(*) FROM (SELECT id FROM articles ORDER BY rowid DESC LIMIT ?) a"
    " WHERE NOT EXISTS (SELECT 1 FROM placements p WHERE p.article_id = a.id)"
)

NOW_SQL = ((STORYLINES_SQL, (RECENT_STORIES, 20)), (PENDING_SQL, (PENDING_WINDOW,)))


def timed(run: object, rounds: int) -> list[float]:
    """Milliseconds of ``rounds`` calls of ``run``."""
    assert callable(run)
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    """Copy the store, time before and now, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old, db = str(Path(tmp) / "before.db"), str(Path(tmp) / "now.db")
        source = sqlite3.connect(f"file:{args.db.resolve()}?mode=ro", uri=True)
        for copy in (old, db):
            target = sqlite3.connect(copy)
            source.backup(target)
            target.close()
        source.close()
        with Published(db):  # migrates the second copy to the current schema
            pass
        raw = sqlite3.connect(old)
        served = Published(db, readonly=True)
        now = sqlite3.connect(db)

        def before_lines() -> None:
            raw.execute(BEFORE_STORYLINES, (RECENT_STORIES, 20)).fetchall()

        def before_pending() -> None:
            raw.execute(BEFORE_PENDING, (PENDING_WINDOW,)).fetchone()

        pairs = {
            "storylines": (before_lines, lambda: served.storylines(limit=20)),
            "being placed": (before_pending, served.pending),
        }
        for sql in (BEFORE_STORYLINES, BEFORE_PENDING):
            args_ = (RECENT_STORIES, 20) if "storyline" in sql else (PENDING_WINDOW,)
            plan = [r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + sql, args_)]
            print("before:", "; ".join(plan))
        for sql, args_ in NOW_SQL:
            plan = [r[3] for r in now.execute("EXPLAIN QUERY PLAN " + sql, args_)]
            print("now:", "; ".join(plan))
        print("| read | before best ms | before median | now best ms | now median | now / before |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, (old, new) in pairs.items():
            a, b = [], []
            for _ in range(args.rounds // 10):  # interleaved, so both see the same load
                a += timed(old, 10)
                b += timed(new, 10)
            ma, mb = statistics.median(a), statistics.median(b)
            print(f"| {name} | {min(a):.2f} | {ma:.2f} | {min(b):.2f} | {mb:.2f} | {mb / ma:.2f} |")
        served.close()
        raw.close()
        now.close()


if __name__ == "__main__":
    main()
