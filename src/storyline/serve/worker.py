"""The placement worker: analyses and places stored reports off the request path.

A POST stores its reports and wakes the worker; the worker runs the placer (the
digest adapter, :func:`storyline.serve.publish.place_pending`) in a thread, whose
analysis runs in worker processes. It also wakes every ``poll`` seconds, to pick
up reports stored by other writers (a ``storyline digest`` on the same database,
feed polling). Reports that stay unplaced after a pass are not retried until
something new arrives.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from storyline.store.served import Published

log = logging.getLogger("storyline.serve")


class PlacementWorker:
    """Runs the placer whenever stored reports wait for a story."""

    def __init__(
        self, db: str | Path, placer: Callable[[str | Path], list[str]], poll: float
    ) -> None:
        self.db = db
        self.placer = placer
        self.poll = poll
        self.passes = 0
        self.busy = False
        self._event = asyncio.Event()
        self._stuck: int | None = None

    def wake(self) -> None:
        """Ask for a pass soon (new reports were stored)."""
        self._stuck = None
        self._event.set()

    def _waiting(self) -> int:
        with Published(self.db, readonly=True) as served:
            return served.pending() + served.stale_runs()

    async def run(self) -> None:
        """Loop until cancelled: wait for a wake-up or the poll interval, then place."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._event.wait(), timeout=self.poll)
            self._event.clear()
            waiting = await asyncio.to_thread(self._waiting)
            if not waiting or waiting == self._stuck:
                continue
            self.busy = True
            try:
                changed = await asyncio.to_thread(self.placer, self.db)
                log.info("placed reports; %d stories changed", len(changed))
            except Exception:  # a bad pass must not stop the server; logged, retried on news
                log.exception("placing reports failed")
            finally:
                self.busy = False
                self.passes += 1
            left = await asyncio.to_thread(self._waiting)
            self._stuck = left or None
