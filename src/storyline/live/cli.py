"""``storyline watch`` and ``storyline fetch``: argument parsing only; see :mod:`storyline.live`."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import click
from rich.console import Console

from storyline.live.fetcher import USER_AGENT, FetchPolicy
from storyline.live.poller import WatchOptions
from storyline.live.sources import SourcesError, load_sources
from storyline.live.watch import Wiring, fetch_pages, watch
from storyline.nlp import ModelNotFoundError
from storyline.preflight import PathError, check_db, check_out_dir

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3

_err = Console(stderr=True, highlight=False, soft_wrap=True)


def _say(line: str) -> None:
    _err.print(f"storyline: {line}", markup=False)


def _quiet(line: str) -> None:
    if line.startswith("skipped"):
        _say(line)


_db = click.option(
    "--db",
    default="storyline.db",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite database: the reports, the stories and the state of every source.",
)
_out = click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder where the report is rewritten after each placement (as `digest --out`).",
)
_allow_private = click.option(
    "--allow-private",
    is_flag=True,
    help="Allow private, loopback, link-local and reserved addresses (refused by default).",
)
_host_delay = click.option(
    "--host-delay",
    type=click.FloatRange(min=0),
    default=5.0,
    show_default=True,
    help="Minimum seconds between two requests to one host (robots.txt Crawl-delay can raise it).",
)
_user_agent = click.option(
    "--user-agent",
    default=USER_AGENT,
    show_default=True,
    help="User-Agent sent with every request; name yourself and a contact.",
)
_model = click.option(
    "--model",
    envvar="STORYLINE_MODEL",
    default=None,
    help="spaCy pipeline to load (package name). Also read from STORYLINE_MODEL.",
)
_quiet_opt = click.option("--quiet", "-q", is_flag=True, help="Only problems on stderr.")


def _run_options(
    db: Path,
    out_dir: Path | None,
    allow_private: bool,
    host_delay: float,
    user_agent: str,
    model: str | None,
    quiet: bool,
) -> dict[str, Any]:
    """The keyword arguments ``watch`` and ``fetch_pages`` share, from the common options."""
    return {
        "db": db,
        "out_dir": out_dir,
        "policy": _policy(user_agent, allow_private),
        "options": WatchOptions(host_delay=host_delay),
        "model": model,
        "wiring": Wiring(log=_quiet if quiet else _say),
    }


def _check_paths(db: Path, out_dir: Path | None) -> None:
    """Refuse an unwritable --db or --out in one line (exit 2) before any source is polled."""
    try:
        check_db(db)
        if out_dir is not None:
            check_out_dir(out_dir, ())
    except PathError as exc:
        _say(str(exc))
        sys.exit(EXIT_USAGE)


def _policy(user_agent: str, allow_private: bool) -> FetchPolicy:
    return FetchPolicy(user_agent=user_agent, allow_private=allow_private)


@click.command("watch")
@click.argument("sources", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_db
@_out
@click.option("--once", is_flag=True, help="Poll every source once, then exit.")
@_allow_private
@_host_delay
@_user_agent
@_model
@_quiet_opt
def watch_command(
    sources: Path,
    db: Path,
    out_dir: Path | None,
    once: bool,
    allow_private: bool,
    host_delay: float,
    user_agent: str,
    model: str | None,
    quiet: bool,
) -> None:
    """Follow the feeds and sitemaps of SOURCES (TOML or OPML); stories update as news arrives."""
    _check_paths(db, out_dir)
    try:
        found = load_sources(sources)
    except SourcesError as exc:
        _say(str(exc))
        sys.exit(EXIT_FAILED)
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        stop.set()

    # SIGTERM (systemd's stop) ends the loop after the source being polled; the
    # previous handler comes back afterwards (processes forked later must not keep ours).
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        report = watch(
            found,
            once=once,
            stop=stop,
            **_run_options(db, out_dir, allow_private, host_delay, user_agent, model, quiet),
        )
    except ModelNotFoundError as exc:
        _say(str(exc))
        sys.exit(EXIT_FAILED)
    except KeyboardInterrupt:
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
    if report is not None:
        if not quiet:
            _say(
                f"{report.polled} source(s) polled, {report.new} new report(s)"
                f" ({report.summaries} from feed summaries), {report.failed} failed"
            )
        if report.failed or report.unreadable:
            sys.exit(EXIT_SKIPPED)


@click.command("fetch")
@click.argument("urls", nargs=-1, required=True)
@_db
@_out
@_allow_private
@_host_delay
@_user_agent
@_model
@_quiet_opt
def fetch_command(
    urls: tuple[str, ...],
    db: Path,
    out_dir: Path | None,
    allow_private: bool,
    host_delay: float,
    user_agent: str,
    model: str | None,
    quiet: bool,
) -> None:
    """Fetch single pages (URLS), read them like HTML inputs, store and place them."""
    _check_paths(db, out_dir)
    try:
        result = fetch_pages(
            urls, **_run_options(db, out_dir, allow_private, host_delay, user_agent, model, quiet)
        )
    except ModelNotFoundError as exc:
        _say(str(exc))
        sys.exit(EXIT_FAILED)
    for error in result.errors:
        _say(f"skipped {error}")
    if not quiet:
        stories = result.placed.stories if result.placed else 0
        _say(
            f"{len(result.added)} new report(s), {result.already_stored} already stored,"
            f" {stories} stories"
        )
    if not result.added and not result.already_stored:
        sys.exit(EXIT_FAILED)
    if result.errors:
        sys.exit(EXIT_SKIPPED)
