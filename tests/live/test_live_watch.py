"""`watch` as a server runs it: in a thread of its own, stopped by an event."""

from __future__ import annotations

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
