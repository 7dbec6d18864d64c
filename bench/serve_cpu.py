"""Server CPU per search request, in process: the route against the answer before the framework.

    .venv/bin/python bench/serve_cpu.py                  # the 10k store of bench/serve.py
    .venv/bin/python bench/serve_cpu.py --size 100000 --rounds 3
    PYTHONPATH=/tmp/before/src .venv/bin/python bench/serve_cpu.py   # older code, same store

Latency under load (bench/serve.py) depends on what else the machine runs; the
CPU a request costs does not, much. This calls the ASGI app directly (no HTTP
client, no socket: the HTTP parsing of uvicorn is not in these figures) for
each search URL of bench/serve.py, one after another, and times each call with
``time.process_time`` (every thread of the process, so the worker thread that
runs the queries counts). Two ways to the same page: **route** (a server with
``--private``: every read goes through FastAPI's route, as every search did
before the page was answered early; its figures include checking the token,
about 0.3 ms) and **hot** (reads open: the search is answered by
serve/hot_search.py; run against code from before it, this way is the open
route). Three situations: *after a publish* (a story
the searches do not list is published again before every request, as a digest
does several times a second: the route renders again; the hot answer runs the
queries again and renders only when its rows changed), *kept* (nothing
published meanwhile) and *cold* (the first request for each URL). Printed: ms
of CPU per request and the ratio to the route's in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve import RESULTS, _copy_story, _routes, base_store, grow

from storyline.serve import Settings
from storyline.serve.app import create_app
from storyline.store.served import Published
from storyline.store.tokens import Tokens


async def _call(app: Any, path: str, headers: list[tuple[bytes, bytes]]) -> int:
    target, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": target,
        "raw_path": target.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"accept-encoding", b"gzip"), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])

    await app(scope, receive, send)
    return status


def _republish(db: Path, row: Any, n: int) -> None:
    """Publish one story again with a new ETag: the generation moves."""
    with Published(db) as served:
        served.publish([replace(_copy_story(row, 0), id=row[0].id, etag=f"cpu-{n}")])


async def _measure(db: Path, private: bool, paths: list[str], spare: Any) -> dict[str, float]:
    headers: list[tuple[bytes, bytes]] = []
    if private:
        with Tokens(db) as tokens:
            token = tokens.create(f"cpu-{time.time_ns()}")
        headers = [(b"authorization", f"Bearer {token}".encode())]
    app = create_app(Settings(db=db, place=False, private=private, rate_limit=10**9))
    spent = {"cold": 0.0, "kept": 0.0, "after a publish": 0.0}
    n = 0
    async with app.router.lifespan_context(app):
        for situation in ("cold", "kept", "after a publish"):
            for path in paths:
                if situation == "after a publish":
                    n += 1
                    _republish(db, spare, n)
                t0 = time.process_time()
                status = await _call(app, path, headers)
                spent[situation] += time.process_time() - t0
                assert status == 200, (path, status)
    return {k: v * 1000 / len(paths) for k, v in spent.items()}


def main() -> None:
    """Grow or reuse the store, then time the search URLs both ways."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10000, help="Store size in reports.")
    parser.add_argument("--rounds", type=int, default=2, help="Rounds of both ways, alternated.")
    args = parser.parse_args()
    db = RESULTS / f"serve-{args.size}.db"
    if not db.exists():
        grow(base_store(60), db, args.size)
    with Published(db, readonly=True) as served:
        rows = served.stories(served_filters(), limit=10**6)
        stories = [s.id for s in rows]
        spare = served.story(rows[-1].id)  # the oldest: no search of the bench lists it
    paths = _routes(db, stories)["search"]
    print(f"{len(paths)} search URLs, store {db.name} ({len(stories)} stories)")
    print(f"{'round':>5} {'way':6} {'situation':16} {'cpu ms':>7} {'/ route':>8}")
    for r in range(1, args.rounds + 1):
        route = asyncio.run(_measure(db, True, paths, spare))
        hot = asyncio.run(_measure(db, False, paths, spare))
        for situation in route:
            for way, got in (("route", route), ("hot", hot)):
                ratio = got[situation] / route[situation]
                print(f"{r:5d} {way:6} {situation:16} {got[situation]:7.2f} {ratio:8.2f}")


def served_filters() -> Any:
    from storyline.store.search import Filters

    return Filters()


if __name__ == "__main__":
    main()
