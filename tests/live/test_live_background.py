"""The poller as a server's background task: runs beside the event loop, wakes it, stops."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from pathlib import Path
from types import SimpleNamespace

from conftest import bare_analyse
from live_server import LocalServer, Reply, page, rss, story_paragraphs

from storyline.live import FetchPolicy, Source, WatchOptions, Wiring, background_task
from storyline.store import Store


def test_background_task_wakes_the_server_and_stops_on_cancel(
    server: LocalServer, tmp_path: Path
) -> None:
    server.routes["/news/1"] = Reply(200, page("Ferry", story_paragraphs("Port Veyra", 1)),
                                     {"Content-Type": "text/html"})  # fmt: skip
    server.routes["/feed"] = Reply(
        200, rss([{"guid": "g1", "link": server.url("/news/1")}]), {"Content-Type": "text/xml"}
    )
    woken: list[object] = []

    async def main() -> None:
        state = SimpleNamespace(name="app state")
        task = background_task(
            [Source(server.url("/feed"))],
            db=tmp_path / "s.db",
            policy=FetchPolicy(allow_private=True),
            options=WatchOptions(host_delay=0),
            wake=woken.append,
            wiring=Wiring(analyse=bare_analyse),
        )
        running = asyncio.create_task(task(state))
        for _ in range(400):
            if woken:
                break
            await asyncio.sleep(0.05)
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
        assert woken == [state]
        assert "storyline-watch" not in {t.name for t in threading.enumerate()}

    asyncio.run(asyncio.wait_for(main(), timeout=30))
    with Store(tmp_path / "s.db") as store:
        assert store.count_articles() == 1
        assert store.placements() == {}  # placing is the server's worker's job
