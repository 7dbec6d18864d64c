"""The Python API: :func:`analyze` (and :func:`analyze_to`, which writes the JSONL) and
:func:`digest`. The CLI only wraps these."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from storyline.analyze.pipeline import analyze_articles
from storyline.ingest import InputError, iter_articles
from storyline.model import Analyzed, Article, ArticleAnalysis, Digest, Story
from storyline.preflight import PathError, check_db, check_out_dir, check_out_file
from storyline.report import write_analyses, write_report
from storyline.runners import DaskTarget, analyze_on_dask
from storyline.store import Store
from storyline.story.assemble import AssembledStory, assemble_story
from storyline.story.clustering import DocFeatures, Placement, StoryClusterer, doc_features
from storyline.story.dedup.incremental import update_duplicates

#: Articles stored per ingestion transaction.
INGEST_BATCH = 200
#: Beside the store, the timeline's parsed sentences kept for the next run (a cache).

Progress = Callable[[str, int, int | None], None]
"""Called as ``progress(phase, done, total)`` while a run goes on."""


@dataclass(slots=True)
class RunResult:
    """What a run did: what it added, what it skipped and why, where it wrote."""

    digest: Digest | None = None
    added: int = 0
    already_stored: int = 0
    errors: list[InputError] = field(default_factory=list)
    out: Path | None = None

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
    dask: DaskTarget | None = None,
) -> RunResult:
    """Store and analyse the inputs, regroup every stored article, write the report.

    With ``dask``, the per-article analysis runs on that Dask cluster; storing,
    grouping and assembly stay in this process (the one writer).
    """
    progress = progress or _quiet
    result = RunResult()
    if out_dir is not None:  # usage and environment errors before any work
        check_out_dir(out_dir, inputs)
    check_db(db)
    with Store(db) as store:
        run_id = store.start_run("digest")
        _store_inputs(store, inputs, manifest, result, on_error, run_id)
        _analyse_pending(store, model, jobs, progress, dask)
        built = build_digest(store, max_sentences=max_sentences, progress=progress, model=model)
        store.finish_run(run_id, result.added, result.skipped)
    result.digest = built
    if out_dir is not None and built.stories:  # never replace a report by an empty one
        try:
            result.out = write_report(built, Path(out_dir))
        except OSError as exc:
            reason = f"cannot write the report ({exc.strerror or exc})"
            raise PathError("--out", str(out_dir), reason) from None
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
) -> None:
    pending = store.unanalysed()
    if not pending:
        return
    done = 0
    for batch in _run_analysis(pending, model, jobs, dask):
        with store.batch():
            for article, analysis in batch:
                store.save_analysis(analysis)
                if article.published:
                    store.set_published(article.id, article.published)
        done += len(batch)
        progress("analyse", done, len(pending))


def build_digest(
    store: Store,
    *,
    max_sentences: int = 6,
    progress: Progress | None = None,
    model: str | None = None,
) -> Digest:
    """Group every stored article into stories and assemble each story.

    ``model`` is accepted for compatibility and unused: nothing is parsed here, the
    stages read the stored analyses.
    """
    del model
    progress = progress or _quiet
    analyses = store.analyses()
    articles = [a for a in store.articles() if a.id in analyses]
    items = [Analyzed(a, analyses[a.id]) for a in articles]
    with store.batch():  # only the new reports are hashed; stored state is reused
        duplicate_of = update_duplicates(items, store)
    placements = _place(store, items)
    by_story: dict[tuple[str, str], list[Analyzed]] = defaultdict(list)
    for item in items:
        placement = placements[item.article.id]
        by_story[(placement.story_id, placement.storyline_id)].append(item)
    stories: list[Story] = []
    dated: dict[str, Article] = {}
    resolved: dict[str, ArticleAnalysis] = {}
    evidence: dict[str, tuple[str, ...]] = {}
    for built in _assemble(by_story, duplicate_of, max_sentences, progress):
        stories.append(built.story)
        for item in built.items:
            dated[item.article.id] = item.article
            resolved[item.article.id] = item.analysis
        evidence.update(built.date_evidence)
    stories.sort(key=lambda s: _latest(s, dated), reverse=True)
    return Digest(
        articles=tuple(dated.get(a.id, a) for a in articles),
        analyses={a.id: resolved.get(a.id, analyses[a.id]) for a in articles},
        stories=tuple(stories),
        duplicate_of=duplicate_of,
        date_evidence=evidence,
    )


def _assemble(
    by_story: Mapping[tuple[str, str], Sequence[Analyzed]],
    duplicate_of: Mapping[str, str],
    max_sentences: int,
    progress: Progress,
) -> Iterator[AssembledStory]:
    """Assemble every story (no parsing: the stages read the stored analyses)."""
    keys = sorted(by_story)
    for n, (story_id, storyline_id) in enumerate(keys):
        yield assemble_story(
            story_id,
            storyline_id,
            by_story[(story_id, storyline_id)],
            duplicate_of,
            max_sentences=max_sentences,
        )
        progress("assemble", n + 1, len(keys))


def _place(store: Store, items: Sequence[Analyzed]) -> dict[str, Placement]:
    """Restore the stored placements and place the articles that have none yet."""
    clusterer = StoryClusterer()
    stored_features = store.features()
    stored = store.placements()
    by_id = {i.article.id: i for i in items}
    features = {}
    for item in items:
        raw = stored_features.get(item.article.id)
        features[item.article.id] = (
            doc_features(item) if raw is None else DocFeatures.from_dict(raw)
        )
    placements: dict[str, Placement] = {}
    for article_id, (story_id, storyline_id) in stored.items():
        if article_id in by_id:
            placement = Placement(story_id, storyline_id)
            clusterer.restore(article_id, features[article_id], placement)
            placements[article_id] = placement
    new = [(i.article.id, features[i.article.id]) for i in items if i.article.id not in stored]
    if new:
        placements.update(clusterer.add_batch(new))
    with store.batch():
        for article_id, feats in features.items():
            if article_id not in stored_features:
                store.save_features(article_id, feats.to_dict())
        for article_id, _ in new:
            p = placements[article_id]
            store.save_placement(article_id, p.story_id, p.storyline_id)
    return placements


def _latest(story: Story, articles: dict[str, Article]) -> str:
    dates = [articles[a].published or "" for a in story.articles if a in articles]
    return max(dates, default="")
