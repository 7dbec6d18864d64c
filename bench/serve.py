"""Load on `storyline serve`: 32 concurrent clients on loopback while a writer writes.

    .venv/bin/python bench/serve.py                    # stores of 10k and 100k reports
    .venv/bin/python bench/serve.py --sizes 10000 --duration 10
    .venv/bin/python bench/serve.py --tools wrk --workers 1,2

The store is made at run time: a real digest of a few base reports (the first
``--base-count`` of .devdata/gva/dev.jsonl when present, else examples/), then
copied with fresh ids, shifted dates and a few perturbed words until it holds
the wanted number of reports (articles, analyses, placements, published stories
and the search index: everything a real store has; nothing spaCy-parses the
copies). Then `storyline serve` runs in a child process and, for ``--duration``
seconds per route, 32 clients request it as fast as it answers while a
writer process stores new reports and republishes stories in small
transactions, as the placement worker does. Printed per route: requests/s and
p50/p95/p99 latency, errors, the p95's ratio to a baseline measured in the
same run (the static script file, which touches no database), and the server's
CPU time per request (user + system, from /proc: the figure that does not
depend on what else the machine runs), and the clients' CPU time per request.

The clients (``--tools``): ``wrk`` (the C load tool from Debian, one thread and
32 connections, requests formatted once by bench/serve_wrk.lua: about 0.02 ms
of CPU a request) when it is installed, and ``httpx`` (32 asyncio clients
spread over ``--processes`` processes: several ms of CPU a request, so on two
cores they take the CPU the server needs), kept as the fallback. Both run on
127.0.0.1 only, for a fixed duration. ``--workers`` runs the server with each
number of worker processes in turn (``storyline serve --workers N``).
Goals: p95 <= 50 ms for pages and API, <= 150 ms for search, zero errors.

Routes (``--routes`` takes these names): the baseline static file, ``/``, ``story
page``, ``story API``, ``/api/v1/stories``, ``search`` (400 searches for words of
the newest stories' names: about 70 distinct, so most are answered from what the
server kept) and ``search-varied`` (up to 1,000 distinct searches for words and
pairs of words of the newest stories' titles: most must run their queries).
Server CPU per search request without HTTP or load: bench/serve_cpu.py.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import itertools
import json
import multiprocessing
import os
import random
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import httpx

from storyline import api
from storyline.serve.publish import publish_digest
from storyline.store.served import (
    EntityRow,
    OutletRow,
    Published,
    PublishedStory,
    QuoteRow,
)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DEV = ROOT / ".devdata" / "gva" / "dev.jsonl"
CLIENTS = 32
WRK_SCRIPT = ROOT / "bench" / "serve_wrk.lua"


def base_store(count: int) -> Path:
    """A real digest of the base reports (made once, kept in bench/results/)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    if DEV.exists():
        source = RESULTS / f"serve-base-{count}.jsonl"
        with DEV.open(encoding="utf-8") as f:
            lines = [next(f) for _ in range(count)]
        source.write_text("".join(lines), encoding="utf-8")
        inputs = [source]
    else:
        inputs = [ROOT / "examples"]
    tag = hashlib.sha256(b"".join(p.read_bytes() for p in inputs if p.is_file())).hexdigest()[:8]
    db = RESULTS / f"serve-base-{count}-{tag}.db"
    if not db.exists():
        print(f"digesting {count} base reports (once) ...", flush=True)
        result = api.digest(inputs, out_dir=None, db=db, jobs=2)
        assert result.digest is not None
        publish_digest(db, result.digest)
    return db


def grow(base: Path, db: Path, reports: int, seed: int = 7) -> list[str]:
    """Copy the base store into ``db`` until it holds ``reports`` reports; story ids."""
    rng = random.Random(seed)
    for old in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        old.unlink(missing_ok=True)  # a stale WAL beside a new copy would corrupt it
    with sqlite3.connect(base) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # the base with whatever its WAL still holds
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    arts = con.execute(
        "SELECT id, text, title, source, url, published, path, author, content_hash"
        " FROM articles ORDER BY rowid"
    ).fetchall()
    analyses = dict(con.execute("SELECT article_id, data FROM analyses").fetchall())
    places = con.execute("SELECT article_id, story_id, storyline_id FROM placements").fetchall()
    words = sorted({w for a in arts for w in a[1].split() if w.isalpha() and len(w) > 4})
    con.close()
    with Published(db, readonly=True) as served:
        base_rows = [served.story(s.id) for s in served.stories(_all(), limit=10**6)]
    copies = max(0, -(-reports // len(arts)) - 1)
    stories: list[str] = [r[0].id for r in base_rows if r]
    print(f"growing {len(arts)} base reports to {reports} ({copies} copies) ...", flush=True)
    batch = 50
    for start in range(1, copies + 1, batch):
        ks = range(start, min(copies, start + batch - 1) + 1)
        _write_copies(db, ks, arts, analyses, places, words, rng, reports)
        rows = [_copy_story(r, k) for k in ks for r in base_rows if r]
        with Published(db) as served:
            served.publish(rows)
        stories += [r.id for r in rows]
    return stories


def _all():  # type: ignore[no-untyped-def]
    from storyline.store.search import Filters

    return Filters()


def _shift(day: str, k: int) -> str:
    if len(day) < 10:
        return day
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=k % 700)).isoformat() + day[10:]
    except ValueError:
        return day


def _write_copies(db, ks, arts, analyses, places, words, rng, limit) -> None:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(db, isolation_level=None)
    have = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    con.execute("BEGIN")
    for k in ks:
        for aid, text, title, source, url, published, path, author, _hash in arts:
            if have >= limit:
                break
            new = f"{aid}-c{k}"
            extra = " ".join(rng.choice(words) for _ in range(6)) if words else ""
            body = f"{text}\n\n{extra}"
            con.execute(
                "INSERT INTO articles (id, text, title, source, url, published,"
                " published_estimated, path, author, content_hash, added_at)"
                " VALUES (?,?,?,?,?,?,0,?,?,?,?)",
                (
                    new,
                    body,
                    title,
                    source,
                    url,
                    _shift(published or "", k) or None,
                    path,
                    author,
                    hashlib.sha256(body.encode()).hexdigest(),
                    "2026-01-01T00:00:00+00:00",
                ),
            )
            data = analyses.get(aid)
            if data:
                con.execute(
                    "INSERT INTO analyses (article_id, version, data) VALUES (?, 1, ?)",
                    (new, data.replace(json.dumps(aid), json.dumps(new), 1)),
                )
            have += 1
        for aid, story, line in places:
            con.execute(
                "INSERT OR IGNORE INTO placements SELECT ?, ?, ? WHERE EXISTS"
                " (SELECT 1 FROM articles WHERE id = ?)",
                (f"{aid}-c{k}", f"{story}-c{k}", f"{line}-c{k}", f"{aid}-c{k}"),
            )
    con.execute("COMMIT")
    con.close()


def _copy_story(found, k: int) -> PublishedStory:  # type: ignore[no-untyped-def]
    row, story_json, page = found
    doc = json.loads(story_json)
    ids = doc.get("articles", [])
    text = story_json
    for aid in ids:
        text = text.replace(json.dumps(aid), json.dumps(f"{aid}-c{k}"))
    text = text.replace(json.dumps(row.id), json.dumps(f"{row.id}-c{k}"))
    return PublishedStory(
        id=f"{row.id}-c{k}",
        storyline=f"{row.storyline}-c{k}",
        title=f"{row.title} #{k}",
        first=_shift(row.first, k),
        last=_shift(row.last, k),
        reports=row.reports,
        sources=row.sources,
        disputed=row.disputed,
        names=row.names,
        story_json=text,
        page="",
        page_gz=page,
        etag=f"{row.etag}-{k}",
        entities=tuple(EntityRow(_key(n), n, "PERSON", 1) for n in row.names),
        quotes=(QuoteRow(_key(row.names[0]), row.title, "direct", ()),) if row.names else (),
        outlets=(OutletRow("Copy Wire", row.reports, False, ()),),
        summary=" ".join(s["text"] for s in doc.get("summary", [])),
    )


def _key(name: str) -> str:
    from storyline.serve.publish import entity_key

    return entity_key(name)


def writer(db: str, stop: float) -> None:
    """Store new reports and republish stories in small transactions until ``stop``."""
    rng = random.Random(time.time_ns())  # new texts on every run (a reused store has the old)
    run = f"{rng.getrandbits(32):08x}"
    with Published(db) as served:
        rows = [served.story(s.id) for s in served.stories(_all(), limit=300)]
    n = 0
    while time.time() < stop:
        n += 1
        con = sqlite3.connect(db, isolation_level=None, timeout=60)
        con.execute("BEGIN IMMEDIATE")
        for i in range(20):
            text = f"Writer report {run}.{n}.{i}: " + " ".join(str(rng.random()) for _ in range(50))
            con.execute(
                "INSERT INTO articles (id, text, content_hash, added_at) VALUES (?,?,?,?)",
                (f"w{run}-{n}-{i}", text, hashlib.sha256(text.encode()).hexdigest(), "2026-01-01"),
            )
        con.execute("COMMIT")
        con.close()
        changed = [
            replace(_copy_story(r, 0), id=r[0].id, etag=f"w{n}-{j}")
            for j, r in enumerate(rng.sample(rows, 5))
            if r
        ]
        with Published(db) as served:
            served.publish(changed)
        time.sleep(0.2)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def load(
    base: str, paths: list[str], duration: float, clients: int = CLIENTS, seed: int = 3
) -> tuple[list[float], int, int]:
    """``clients`` clients requesting random paths for ``duration`` s: latencies, errors, count."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        stop = time.perf_counter() + duration

        async def one() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                path = rng.choice(paths)
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    await r.aread()
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)

        await asyncio.gather(*(one() for _ in range(clients)))
    return latencies, errors, len(latencies)


def _load_part(job: tuple[str, list[str], float, int, int]) -> tuple[list[float], int, int]:
    base, paths, duration, clients, seed = job
    return asyncio.run(load(base, paths, duration, clients, seed))


def load_processes(
    base: str, paths: list[str], duration: float, processes: int
) -> tuple[list[float], int, int]:
    """``CLIENTS`` clients spread over ``processes`` processes (an httpx client costs
    several times the CPU the server spends on a request: one process would measure itself)."""
    share = CLIENTS // processes
    jobs = [(base, paths, duration, share, seed) for seed in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        parts = pool.map(_load_part, jobs)
    return [x for p in parts for x in p[0]], sum(p[1] for p in parts), sum(p[2] for p in parts)


def load_wrk(base: str, paths: list[str], duration: float) -> tuple[list[float], int, int]:
    """``CLIENTS`` connections of one wrk thread: (p50, p95, p99) in seconds, errors, count."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(paths) + "\n")
        listing = f.name
    try:
        out = subprocess.run(
            [
                *("wrk", "-t1", f"-c{CLIENTS}", f"-d{duration:.0f}s", "--timeout", "30s"),
                *("-s", str(WRK_SCRIPT), base, "--", listing, "3"),
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=duration + 60,
        ).stdout
    finally:
        os.unlink(listing)
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    got = json.loads(line[4:])
    quantiles = [got[k] / 1e6 for k in ("p50_us", "p95_us", "p99_us")]
    return quantiles, int(got["errors"]), int(got["requests"])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process and its live children so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except FileNotFoundError:
        kids = []
    return own + sum(_cpu_seconds(int(k)) for k in kids)


def _children_cpu() -> float:
    """CPU time of this process's finished children (the load clients once they exit)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _routes(db: Path, stories: list[str]) -> dict[str, list[str]]:
    rng = random.Random(5)
    with Published(db, readonly=True) as served:
        names = [n for s in served.stories(_all(), limit=200) for n in s.names]
    words = [w for n in names for w in n.split() if len(w) > 3] or ["report"]
    return {
        "static file (baseline)": ["/static/page.js"],
        "/": ["/"],
        "story page": [f"/stories/{s}" for s in rng.sample(stories, min(500, len(stories)))],
        "story API": [f"/api/v1/stories/{s}" for s in rng.sample(stories, min(500, len(stories)))],
        "/api/v1/stories": ["/api/v1/stories"]
        + [f"/api/v1/stories?limit=50&since=2025-0{m}-01" for m in range(1, 10)],
        "search": [f"/search?q={w}" for w in rng.sample(words, min(200, len(words)))]
        + [f"/search?q={a}+{b}" for a, b in zip(words[::2], words[1::2], strict=False)][:200],
        "search-varied": _varied_searches(db, rng),
    }


def _varied_searches(db: Path, rng: random.Random, count: int = 1000) -> list[str]:
    """Many distinct searches (the "search" route has few: names repeat): the words of
    the newest stories' titles, one at a time and as pairs of neighbours, as readers
    search for a headline; none repeated."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        titles = [
            t
            for (t,) in con.execute("SELECT title FROM served_stories ORDER BY num DESC LIMIT 3000")
        ]
    finally:
        con.close()
    queries: set[str] = set()
    for title in titles:
        words = ["".join(c for c in w if c.isalnum()) for w in title.split()]
        words = [w for w in words if len(w) > 3]
        queries.update(words)
        queries.update(f"{a}+{b}" for a, b in itertools.pairwise(words))
    chosen = rng.sample(sorted(queries), min(count, len(queries)))
    return [f"/search?q={q}" for q in chosen]


def _serve(db: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _port()
    server = subprocess.Popen(
        # --no-worker: the writer process stands in for the digest
        [
            *(sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", str(port)),
            *("--no-worker", "--workers", str(workers)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    time.sleep(0.5 * workers)  # every worker process up
    return server, base


def run_size(
    base_db: Path,
    reports: int,
    duration: float,
    reuse: bool,
    processes: int,
    tools: list[str],
    worker_counts: list[int],
    only: list[str] | None = None,
) -> None:
    """Grow a store of ``reports`` reports, serve it, load every route, print the table."""
    db = RESULTS / f"serve-{reports}.db"
    t0 = time.perf_counter()
    if reuse and db.exists():
        with Published(db, readonly=True) as served:
            stories = [s.id for s in served.stories(_all(), limit=10**6)]
    else:
        stories = grow(base_db, db, reports)
    with Published(db, readonly=True) as served:
        n_stories, n_reports = served.counts()
    built = time.perf_counter() - t0
    print(f"store: {n_reports} reports, {n_stories} stories, built in {built:.0f} s")
    routes = _routes(db, stories)
    if only:
        routes = {k: v for k, v in routes.items() if k == "static file (baseline)" or k in only}
    head = ("req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "p95/base", "srv cpu", "cli cpu")
    for workers in worker_counts:
        server, base = _serve(db, workers)
        try:
            runs = len(routes) * len(tools)
            stop = time.time() + (duration + 2) * runs + 5
            proc = multiprocessing.get_context("spawn").Process(target=writer, args=(str(db), stop))
            proc.start()
            time.sleep(1)
            print(f"{'tool':6} {'workers':>7} {'route':24} " + " ".join(f"{h:>8}" for h in head))
            for tool in tools:
                base_p95 = None
                for name, paths in routes.items():
                    cpu = _cpu_seconds(server.pid)
                    client_cpu = _children_cpu()
                    if tool == "wrk":
                        (p50, p95, p99), errors, count = load_wrk(base, paths, duration)
                        p50, p95, p99 = p50 * 1000, p95 * 1000, p99 * 1000
                    else:
                        lat, errors, count = load_processes(base, paths, duration, processes)
                        p50, p95, p99 = _pct(lat, 0.5), _pct(lat, 0.95), _pct(lat, 0.99)
                    cpu_ms = (_cpu_seconds(server.pid) - cpu) * 1000 / max(1, count)
                    cli_ms = (_children_cpu() - client_cpu) * 1000 / max(1, count)
                    base_p95 = base_p95 or p95
                    print(
                        f"{tool:6} {workers:7d} {name:24} {count / duration:8.0f} {p50:8.1f}"
                        f" {p95:8.1f} {p99:8.1f} {errors:8d} {p95 / base_p95:8.1f}"
                        f" {cpu_ms:8.2f} {cli_ms:8.2f}",
                        flush=True,
                    )
                    time.sleep(2)  # let the server drain between routes
            proc.join(timeout=(duration + 2) * runs + 30)
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    """Parse the arguments and run every size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="Store sizes in reports.")
    parser.add_argument("--duration", type=float, default=10.0, help="Seconds per route.")
    parser.add_argument("--base-count", type=int, default=60, help="Base reports digested.")
    parser.add_argument(
        "--reuse", action="store_true", help="Reuse a store grown by an earlier run."
    )
    parser.add_argument(
        "--processes", type=int, default=4, help="Client processes sharing the 32 clients."
    )
    parser.add_argument(
        "--tools",
        default="wrk,httpx" if shutil.which("wrk") else "httpx",
        help="Load clients, in turn: wrk (Debian's C load tool) and/or httpx.",
    )
    parser.add_argument(
        "--workers", default="1", help="Server worker processes to measure, in turn (e.g. 1,2)."
    )
    parser.add_argument(
        "--routes", default="", help="Only these routes (comma-separated names), and the baseline."
    )
    args = parser.parse_args()
    only = [r for r in args.routes.split(",") if r]
    tools = [t for t in args.tools.split(",") if t]
    if "wrk" in tools and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install wrk), use --tools httpx")
    base = base_store(args.base_count)
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"== {size} reports, {CLIENTS} clients, {args.duration:.0f} s per route")
        workers = [int(w) for w in args.workers.split(",")]
        run_size(base, size, args.duration, args.reuse, args.processes, tools, workers, only)


if __name__ == "__main__":
    main()
