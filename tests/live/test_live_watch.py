"""`watch` as a server runs it: in a thread of its own, stopped by an event."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from conftest import bare_analyse
from live_server import LocalServer, Reply, page, rss, story_paragraphs

from storyline.live import FetchPolicy, Placed, Source, WatchOptions, Wiring, watch
from storyline.store import Store


def test_watch_runs_in_a_thread_until_stopped(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/news/1"] = Reply(200, page("Ferry", story_paragraphs("Port Veyra", 1)),
                                     {"Content-Type": "text/html"})  # fmt: skip
    server.routes["/feed"] = Reply(
        200, rss([{"guid": "g1", "link": server.url("/news/1")}]), {"Content-Type": "text/xml"}
    )
    placed: list[list[str]] = []

    def place(store: Store, ids: Sequence[str]) -> Placed:
        placed.append(list(ids))
        return Placed(1, ())

    stop = threading.Event()
    thread = threading.Thread(
        target=watch,
        args=([Source(server.url("/feed"))],),
        kwargs={
            "db": tmp_path / "s.db",
            "stop": stop,
            "policy": FetchPolicy(allow_private=True),
            "options": WatchOptions(host_delay=0),
            "wiring": Wiring(analyse=bare_analyse, place=place),
        },
    )
    thread.start()
    deadline = time.monotonic() + 20
    while not placed and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert len(placed) == 1 and len(placed[0]) == 1
    assert server.hits("/feed") == 1  # the next poll is 15 minutes away
    with Store(tmp_path / "s.db") as store:
        assert store.count_articles() == 1


def test_watch_survives_a_busy_database(server: LocalServer, tmp_path: Path) -> None:
    """Another writer holding the file past SQLite's 5 s timeout costs a round, not the loop."""
    server.routes["/news/1"] = Reply(200, page("Ferry", story_paragraphs("Port Veyra", 1)),
                                     {"Content-Type": "text/html"})  # fmt: skip
    feed = rss([{"guid": "g1", "link": server.url("/news/1")}])
    server.routes["/feed"] = Reply(200, feed, {"Content-Type": "text/xml"}, delay=1.0)
    db = tmp_path / "s.db"
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watch,
        args=([Source(server.url("/feed"))],),
        kwargs={
            "db": db,
            "stop": stop,
            "policy": FetchPolicy(allow_private=True),
            "options": WatchOptions(host_delay=0),
            "wiring": Wiring(
                analyse=bare_analyse, place=lambda s, i: Placed(0, ()), log=lines.append
            ),
        },
    )
    thread.start()
    deadline = time.monotonic() + 30
    while not server.hits("/feed") and time.monotonic() < deadline:
        time.sleep(0.01)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer takes the file while the feed loads
    while not any("database busy" in line for line in lines) and time.monotonic() < deadline:
        time.sleep(0.1)
    other.execute("COMMIT")
    other.close()
    while not any("1 new item" in line for line in lines) and time.monotonic() < deadline:
        time.sleep(0.1)
    stop.set()
    thread.join(timeout=10)
    assert any("database busy" in line for line in lines)
    with Store(db) as store:
        assert store.count_articles() == 1
