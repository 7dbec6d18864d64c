"""Running the app under uvicorn: one process, or ``--workers N`` sharing one socket.

With several workers the parent binds the socket and forks the workers; the
kernel hands each new connection to one of them. The one-writer rule holds:
only the first worker runs the placement worker and the background tasks
(feed polling); the others only serve, and a report they store is picked up by
the first worker's poll (every ``MULTI_POLL_SECONDS`` at most). Every worker
keeps its own rate-limit counts and response cache; the cache is keyed by the
store's generation, which the store holds, so all workers see a publish on
their next request.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import traceback
from dataclasses import replace
from types import FrameType

from storyline.serve.app import create_app
from storyline.serve.settings import Settings

#: The first worker's poll for reports stored by the other workers (seconds).
MULTI_POLL_SECONDS = 1.0


def run(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve the app with uvicorn until interrupted, in ``workers`` processes."""
    if workers <= 1:
        _serve(settings, host=host, port=port, sock=None)
        return
    sock = socket.create_server((host, port), reuse_port=False, backlog=2048)
    sock.set_inheritable(True)
    children: list[int] = []
    for n in range(workers):
        mine = worker_settings(settings, n)
        pid = os.fork()
        if pid == 0:  # the worker: serve until told to stop, never return into the CLI
            code = 0
            try:
                _serve(mine, host=host, port=port, sock=sock)
            except BaseException:  # reported here; the parent then stops the others
                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        children.append(pid)
    sock.close()
    _supervise(children)


def worker_settings(settings: Settings, n: int) -> Settings:
    """The settings of worker ``n``: only worker 0 places reports and runs the tasks."""
    if n == 0:
        return replace(settings, poll_seconds=min(settings.poll_seconds, MULTI_POLL_SECONDS))
    return replace(settings, place=False, tasks=())


def _serve(settings: Settings, *, host: str, port: int, sock: socket.socket | None) -> None:
    import uvicorn

    config = uvicorn.Config(
        create_app(settings), host=host, port=port, log_level="info", access_log=False
    )
    server = uvicorn.Server(config)
    server.run(sockets=[sock] if sock is not None else None)


def _supervise(children: list[int]) -> None:
    """Forward SIGINT/SIGTERM to the workers; when one ends, stop the others; wait for all."""

    def stop(signum: int, frame: FrameType | None) -> None:
        del frame
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM if signum != signal.SIGINT else signal.SIGINT)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    alive = set(children)
    stopping = False
    while alive:
        try:
            pid, _ = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        alive.discard(pid)
        if not stopping:  # one worker ended (crashed or stopped): stop the rest too
            stopping = True
            stop(signal.SIGTERM, None)
