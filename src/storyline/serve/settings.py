"""What ``storyline serve`` is configured with: one frozen record, each setting with its default."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.ingest.text import MAX_TEXT_BYTES

BackgroundTask = Callable[[Any], Coroutine[Any, Any, None]]
"""A coroutine the app starts in its lifespan and cancels at shutdown; it gets the app state.

``live/`` (feed polling, ``serve --watch``) hooks in here: its task stores new
reports and calls ``state.worker.wake()`` so that they are placed.
"""


@dataclass(frozen=True, slots=True)
class Settings:
    """How the server runs (see docs/cli.md, ``storyline serve``)."""

    #: A SQLite file, or a postgresql:// URL (kept as written).
    db: str | Path
    #: Reads need a token too (writes always do).
    private: bool = False
    #: Origins allowed to call the API from a browser; empty: no CORS headers at all.
    cors_origins: tuple[str, ...] = ()
    #: Requests per minute one token may make (a burst of as many is allowed).
    rate_limit: int = 120
    #: Largest request body accepted: the ingest limit of one article's text.
    body_limit: int = MAX_TEXT_BYTES
    #: spaCy pipeline and worker processes for analysing posted reports.
    model: str | None = None
    jobs: int | None = None
    #: Run the placement worker (tests of the read side turn it off).
    place: bool = True
    #: Seconds between the worker's checks for work arriving other than by POST.
    poll_seconds: float = 5.0
    #: Threads that answer requests at once off the event loop, each reading through its own
    #: connection: with the event loop's, the most read connections a process opens.
    read_threads: int = 8
    #: Coroutines started with the app (e.g. feed polling).
    tasks: tuple[BackgroundTask, ...] = ()
