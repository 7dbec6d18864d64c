"""The poller as a server's background task (``storyline serve --watch SOURCES``).

A server that starts coroutines in its lifespan and cancels them at shutdown gets
one from :func:`background_task`. The poller runs in a thread of its own (it
blocks on HTTP and SQLite, and opens its own store connection there); the
coroutine waits for it and, when cancelled, sets the stop event and waits for
the poll in progress to end (each item is stored whole or not at all, so even an
abandoned thread loses nothing).

By default new reports are placed through the digest adapter; a server with a
placement worker of its own passes ``wake(state)`` instead: the poller stores and
analyses the reports, and calls ``wake`` on the event loop after each batch so
that the server's worker places them.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from storyline.live.fetcher import FetchPolicy
from storyline.live.place import Placed
from storyline.live.poller import WatchOptions
from storyline.live.sources import Source
from storyline.live.watch import Wiring, watch
from storyline.store import Store

Task = Callable[[Any], Coroutine[Any, Any, None]]


def background_task(
    sources: Sequence[Source],
    *,
    db: str | Path,
    policy: FetchPolicy | None = None,
    options: WatchOptions | None = None,
    model: str | None = None,
    wake: Callable[[Any], None] | None = None,
    wiring: Wiring | None = None,
    stop_timeout: float = 30.0,
) -> Task:
    """A coroutine function ``task(state)`` that follows ``sources`` until cancelled."""

    async def task(state: Any) -> None:
        loop = asyncio.get_running_loop()
        stop = threading.Event()
        wired = wiring or Wiring()
        if wake is not None:

            def hand_over(store: Store, ids: Sequence[str]) -> Placed:
                loop.call_soon_threadsafe(wake, state)
                return Placed(0, ())

            wired = replace(wired, place=hand_over)
        thread = threading.Thread(
            target=watch,
            args=(list(sources),),
            kwargs={
                "db": db,
                "stop": stop,
                "policy": policy,
                "options": options,
                "model": model,
                "wiring": wired,
            },
            name="storyline-watch",
            daemon=True,
        )
        thread.start()
        try:
            while thread.is_alive():
                await asyncio.sleep(0.5)
        finally:
            stop.set()
            await asyncio.to_thread(thread.join, stop_timeout)

    return task
