"""Read connections: at most one per thread reading at once, reused when a thread ends."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import httpx
from anyio import to_thread
from starlette.concurrency import run_in_threadpool

from storyline.serve import Settings
from storyline.serve.app import create_app
from storyline.serve.state import AppState, Readers

READ_THREADS = 2


def test_serve_read_connections_are_bounded_by_the_read_threads(served_db: Path) -> None:
    settings = Settings(db=served_db, place=False, read_threads=READ_THREADS)
    app = create_app(settings)
    state: AppState = app.state.storyline

    async def main() -> None:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                paths = ["/entities/ilsa-brandt", "/storylines/line-1", "/search?q=flood"]
                answers = await asyncio.gather(*(c.get(paths[n % 3]) for n in range(30)))
                assert all(a.status_code == 200 for a in answers)
                assert to_thread.current_default_thread_limiter().total_tokens == READ_THREADS

                def slow_read() -> str:
                    generation = state.reader().generation()
                    time.sleep(0.05)  # all 30 want a thread at once
                    return generation

                await asyncio.gather(*(run_in_threadpool(slow_read) for _ in range(30)))
                assert state.readers is not None
                # the pool's threads and the event loop's (hot routes read there)
                assert state.readers.opened() <= READ_THREADS + 1

    asyncio.run(main())


def test_serve_readers_go_back_when_their_thread_ends(served_db: Path) -> None:
    readers = Readers(served_db)
    state_readers: list[object] = []
    state = AppState.__new__(AppState)  # only what reader() needs
    state.readers = readers
    state._local = threading.local()

    def read() -> None:
        state_readers.append(state.reader())
        state.reader().generation()

    for _ in range(5):  # one after another: each thread's connection is the next one's
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
    assert readers.opened() == 1 and len(set(map(id, state_readers))) == 1
    readers.close()
    readers.give(state_readers[0])  # type: ignore[arg-type]  # after close: not kept
    assert readers.opened() == 0
