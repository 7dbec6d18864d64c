"""The Python API: :func:`analyze` (and :func:`analyze_to`, which writes the JSONL) and
:func:`digest`. The CLI only wraps these."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from storyline.analyze.pipeline import analyze_articles
from storyline.gcpause import fewer_collections
from storyline.ingest import InputError, iter_articles
from storyline.model import Analyzed, Article, ArticleAnalysis, Digest
from storyline.preflight import PathError, check_db, check_out_dir, check_out_file
from storyline.report import write_analyses
from storyline.runners import DaskTarget, analyze_on_dask
from storyline.store import Store
from storyline.update import ReadAhead, load_digest, store_analyses, update_stories, warm_up
from storyline.update.ahead import analyse_ahead

#: Articles stored per ingestion transaction.
INGEST_BATCH = 200

Progress = Callable[[str, int, int | None], None]
"""Called as ``progress(phase, done, total)`` while a run goes on."""


@dataclass(slots=True)
class RunResult:
    """What a run did: what it added, what it skipped and why, where it wrote."""

    added: int = 0
    already_stored: int = 0
    errors: list[InputError] = field(default_factory=list)
    out: Path | None = None
    stories: int = 0  # stories stored after a digest
    changed: int = 0  # stories a digest assembled again
    digest: Digest | None = field(default=None, repr=False)

    @property
    def skipped(self) -> int:
        """How many inputs (files, lines, records) were skipped as bad."""
        return len(self.errors)


def _quiet(phase: str, done: int, total: int | None) -> None:
    del phase, done, total


def _ingest(
    inputs: Sequence[str | Path],
    manifest: str | Path | None,
    errors: list[InputError],
    on_error: Callable[[InputError], None] | None,
) -> Iterator[Article]:
    def note(error: InputError) -> None:
        errors.append(error)
        if on_error is not None:
            on_error(error)

    return iter_articles(inputs, manifest=manifest, on_error=note)


def analyze(
    inputs: Sequence[str | Path],
    *,
    model: str | None = None,
    jobs: int | None = None,
    manifest: str | Path | None = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: Progress | None = None,
    result: RunResult | None = None,
    dask: DaskTarget | None = None,
) -> Iterator[Analyzed]:
    """Read the inputs and analyse each distinct article, in input order."""
    progress = progress or _quiet
    result = result if result is not None else RunResult()
    seen: set[str] = set()
    articles = []
    for article in _ingest(inputs, manifest, result.errors, on_error):
        key = article.content_hash or article.id
        if key in seen:
            result.already_stored += 1
            continue
        seen.add(key)
        articles.append(article)
    done = 0
    for batch in _run_analysis(articles, model, jobs, dask):
        for article, analysis in batch:
            yield Analyzed(article, analysis)
        done += len(batch)
        progress("analyse", done, len(articles))
    result.added = len(articles)


def analyze_to(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    model: str | None = None,
    jobs: int | None = None,
    manifest: str | Path | None = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: Progress | None = None,
    result: RunResult | None = None,
    dask: DaskTarget | None = None,
) -> RunResult:
    """Analyse the inputs and write one JSONL row per article to ``out`` ('-' for stdout).

    An existing ``out`` is replaced only when at least one article was analysed.
    """
    result = result if result is not None else RunResult()
    if str(out) != "-":  # usage and environment errors before any work
        check_out_file(out, inputs)
    items = analyze(
        inputs,
        model=model,
        jobs=jobs,
        manifest=manifest,
        on_error=on_error,
        progress=progress,
        result=result,
        dask=dask,
    )
    write_analyses(items, out)
    result.out = None if str(out) == "-" else Path(out)
    return result


def digest(
    inputs: Sequence[str | Path],
    *,
    out_dir: str | Path | None,
    db: str | Path = "storyline.db",
    model: str | None = None,
    jobs: int | None = None,
    manifest: str | Path | None = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: Progress | None = None,
    max_sentences: int = 6,
    read_back: bool = True,
    dask: DaskTarget | None = None,
) -> RunResult:
    """Store and analyse the inputs, place the new articles, update the stories they change.

    Only stories whose reports changed are assembled again and, in ``out_dir``,
    written again (see :mod:`storyline.update`). With ``read_back`` (the default),
    ``result.digest`` holds every stored story, article and analysis, read back
    from the store: a cost that grows with the store, which the CLI does not pay.
    With ``dask``, the per-article analysis runs on that Dask cluster; storing,
    grouping and assembly stay in this process (the one writer).
    """
    progress = progress or _quiet
    result = RunResult()
    if out_dir is not None:  # usage and environment errors before any work
        check_out_dir(out_dir, inputs)
    check_db(db)
    with fewer_collections(), Store(db, timeout=60.0) as store:
        run_id = store.start_run("digest")
        _store_inputs(store, inputs, manifest, result, on_error, run_id)
        ahead = ReadAhead(store)
        _analyse_pending(store, model, jobs, progress, dask, meanwhile=ahead)
        try:
            update = update_stories(
                store,
                out_dir=out_dir,
                max_sentences=max_sentences,
                progress=progress,
                read_ahead=ahead,
            )
        except OSError as exc:
            reason = f"cannot write the report ({exc.strerror or exc})"
            raise PathError("--out", str(out_dir), reason) from None
        store.finish_run(run_id, result.added, result.skipped)
        result.stories = update.stories
        result.changed = len(update.changed)
        result.out = update.out
        if read_back:
            result.digest = load_digest(store)
    return result


def _store_inputs(
    store: Store,
    inputs: Sequence[str | Path],
    manifest: str | Path | None,
    result: RunResult,
    on_error: Callable[[InputError], None] | None,
    run_id: int,
) -> None:
    def note(error: InputError) -> None:
        store.record_error(run_id, error.path, error.reason)
        if on_error is not None:
            on_error(error)

    stream = _ingest(inputs, manifest, result.errors, note)
    while batch := list(islice(stream, INGEST_BATCH)):
        with store.batch():
            for article in batch:
                if store.add_article(article):
                    result.added += 1
                else:
                    result.already_stored += 1


def _run_analysis(
    articles: Sequence[Article], model: str | None, jobs: int | None, dask: DaskTarget | None
) -> Iterator[list[tuple[Article, ArticleAnalysis]]]:
    """Batches of analysed articles, from local worker processes or a Dask cluster."""
    if dask is not None:
        return analyze_on_dask(articles, target=dask, model=model)
    return analyze_articles(articles, model=model, jobs=jobs)


def _analyse_pending(
    store: Store,
    model: str | None,
    jobs: int | None,
    progress: Progress,
    dask: DaskTarget | None = None,
    meanwhile: Callable[[], object] = warm_up,
) -> None:
    pending = store.unanalysed()
    if not pending:
        return
    # locally, the analysis runs beside ``meanwhile`` (storyline.update.ahead)
    batches = (
        _run_analysis(pending, model, jobs, dask)
        if dask is not None
        else analyse_ahead(
            pending, analyze=analyze_articles, model=model, jobs=jobs, meanwhile=meanwhile
        )
    )
    store_analyses(store, batches, len(pending), progress)


def build_digest(
    store: Store,
    *,
    max_sentences: int = 6,
    progress: Progress | None = None,
    model: str | None = None,
) -> Digest:
    """Bring the stored stories up to date and read them all back as one digest.

    ``model`` is accepted for compatibility and unused: nothing is parsed here, the
    stages read the stored analyses.
    """
    del model
    update_stories(store, max_sentences=max_sentences, progress=progress)
    return load_digest(store)
