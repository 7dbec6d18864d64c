"""The served store's reads on SQLite and PostgreSQL, same data, same run: home page, search.

    STORYLINE_TEST_PG=postgresql://storyline@127.0.0.1:55433/storyline_test \\
        .venv/bin/python bench/store_backends.py --stories 10000 --queries 200

Both stores get the same rows: ``--stories`` published stories in storylines of
one to four, one report each, whose words are drawn (seeded) from the texts in
examples/ so that common and rare words occur as in news. A throwaway PostgreSQL
database is made on the server ``STORYLINE_TEST_PG`` names (127.0.0.1) and
dropped afterwards. Then, one query at a time on one connection (what one
server thread does), ``--queries`` rounds of: the home page's reads (newest
stories, storylines, counts, reports being placed), a story search and a report
search for one or two words. Printed per read: p50 and p95 in ms on each back end
and PostgreSQL's p95 over SQLite's, then the plan of the storylines query on
each (it must read indexes: "COVERING INDEX" / "Index Only Scan").
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg

from storyline.model import Article
from storyline.store import Store
from storyline.store.search import Filters
from storyline.store.served import RECENT_STORIES, EntityRow, OutletRow, Published, PublishedStory

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ("Wire", "Post", "Herald", "Courier", "Gazette")


def vocabulary() -> list[str]:
    """Words of the example reports, as often as they occur there."""
    words: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        words += re.findall(r"[A-Za-z]{3,}", path.read_text(encoding="utf-8"))
    return [w.lower() for w in words]


def fill(db: str, stories: int, words: list[str], seed: int = 7) -> None:
    """Store ``stories`` reports and publish one story for each."""
    rng = random.Random(seed)
    batch = 500
    num = 0
    while num < stories:
        rows: list[PublishedStory] = []
        with Store(db) as store, store.batch():
            for _ in range(min(batch, stories - num)):
                num += 1
                day = f"2025-{1 + num * 12 // (stories + 1):02d}-{1 + num % 28:02d}"
                text = " ".join(rng.choice(words) for _ in range(rng.randint(150, 400)))
                title = " ".join(rng.choice(words) for _ in range(6)).capitalize()
                outlet = rng.choice(OUTLETS)
                line = f"line-{num // rng.randint(1, 4)}"
                store.add_article(
                    Article(
                        id=f"a{num}",
                        text=text,
                        title=title,
                        source=outlet,
                        published=day,
                        content_hash=f"h{num}",
                    )
                )
                store.save_placement(f"a{num}", f"s{num}", line)
                name = rng.choice(words).capitalize()
                rows.append(
                    PublishedStory(
                        id=f"s{num}",
                        storyline=line,
                        title=title,
                        first=day,
                        last=day,
                        reports=1,
                        sources=1,
                        disputed=rng.random() < 0.2,
                        names=(name,),
                        story_json="{}",
                        page="<p></p>",
                        etag=f"e{num}",
                        entities=(EntityRow(name.lower(), name, "PERSON", 1),),
                        outlets=(OutletRow(outlet, 1, False, ()),),
                        summary=text[:300],
                    )
                )
        with Published(db) as served:
            served.publish(rows)


def timings(db: str, queries: int, words: list[str], seed: int = 11) -> dict[str, list[float]]:
    """Milliseconds per read, ``queries`` times each."""
    rng = random.Random(seed)
    found: dict[str, list[float]] = {}
    with Published(db, readonly=True) as served:
        reads: dict[str, Callable[[str], object]] = {
            "home: newest stories": lambda q: served.stories(Filters(), limit=50),
            "home: storylines": lambda q: served.storylines(limit=20),
            "home: counts": lambda q: served.counts(),
            "home: being placed": lambda q: served.pending(),
            "search: stories": lambda q: served.ranked_stories(Filters(q=q)),
            "search: reports": lambda q: served.ranked_reports(Filters(q=q)),
        }
        for _ in range(queries):
            q = " ".join(rng.choice(words) for _ in range(rng.randint(1, 2)))
            for name, read in reads.items():
                start = time.perf_counter()
                read(q)
                found.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    return found


def plans(sqlite_db: str, pg_url: str) -> None:
    """The storylines query's plan on each back end."""
    sql = (
        "SELECT DISTINCT storyline FROM (SELECT storyline FROM served_stories"
        f" ORDER BY last DESC, num DESC LIMIT {RECENT_STORIES}) AS newest"
    )
    agg = (
        "SELECT COUNT(*), MIN(first), MAX(last), SUM(disputed) FROM served_stories"
        " WHERE storyline = 'line-5'"
    )
    import sqlite3

    lite = sqlite3.connect(sqlite_db)
    with psycopg.connect(pg_url) as pg:
        for query in (sql, agg):
            print(f"\n{query}")
            print("  SQLite:", "; ".join(r[3] for r in lite.execute("EXPLAIN QUERY PLAN " + query)))
            rows = pg.execute("EXPLAIN " + query).fetchall()  # type: ignore[arg-type]
            print("  PostgreSQL:", "; ".join(str(r[0]).strip() for r in rows))
    lite.close()


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


def main() -> None:
    """Fill both stores, time the reads, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    server = os.environ.get("STORYLINE_TEST_PG")
    if not server:
        sys.exit("bench/store_backends.py: set STORYLINE_TEST_PG (scripts/pg_test_cluster.sh)")
    words = vocabulary()
    name = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    pg_url = f"{server.rpartition('/')[0]}/{name}"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            sqlite_db = str(Path(tmp) / "bench.db")
            results: dict[str, dict[str, list[float]]] = {}
            for backend, db in (("SQLite", sqlite_db), ("PostgreSQL", pg_url)):
                start = time.perf_counter()
                fill(db, args.stories, words)
                print(f"{backend}: filled in {time.perf_counter() - start:.0f} s", flush=True)
            with psycopg.connect(pg_url, autocommit=True) as pg:
                pg.execute("VACUUM ANALYZE")
            for backend, db in (("SQLite", sqlite_db), ("PostgreSQL", pg_url)):
                results[backend] = timings(db, args.queries, words)
            print(f"\n{args.stories} stories and reports, {args.queries} rounds, one connection")
            print(
                "| read | SQLite p50 | SQLite p95 | PostgreSQL p50 | PostgreSQL p95 | p95 ratio |"
            )
            print("|---|---:|---:|---:|---:|---:|")
            for read, lite in results["SQLite"].items():
                pg = results["PostgreSQL"][read]
                print(
                    f"| {read} | {statistics.median(lite):.2f} | {p95(lite):.2f}"
                    f" | {statistics.median(pg):.2f} | {p95(pg):.2f} | {p95(pg) / p95(lite):.1f} |"
                )
            plans(sqlite_db, pg_url)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
