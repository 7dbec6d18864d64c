"""Incremental digests: a digest costs what is new, not what is stored.

:func:`place_and_update` is the library entry point for callers that hold a
store and get reports a few at a time (the server, live feeds): it stores and
analyses the new reports, places them, re-assembles only the stories whose
reports changed (the others stay as stored, see :mod:`storyline.update.stories`),
and, given a folder, rewrites only their pages, then ``stories.json`` and the
index from the stored entries (:mod:`storyline.update.report`).
:func:`update_stories` is the same without the storing and analysing;
:func:`load_digest` reads a whole :class:`~storyline.model.Digest` back from the
store for callers that want every story in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.model import Article, ArticleAnalysis, Digest
from storyline.store import Store, report_log
from storyline.store.codec import EncodedAnalysis
from storyline.update.place import place_new, read_items, update_copies
from storyline.update.report import ReportWriter
from storyline.update.stories import assemble_changed, find_changes, refresh_storylines

if TYPE_CHECKING:
    from storyline.story.clustering import ClusterParams

__all__ = [
    "ReadAhead",
    "Update",
    "analyse_pending",
    "load_digest",
    "place_and_update",
    "store_analyses",
    "update_stories",
    "warm_up",
]

Progress = Callable[[str, int, int | None], None]
#: ``analyze_articles``'s shape: batches of (article, analysis), in input order.
Analyze = Callable[..., Iterator[list[tuple[Article, ArticleAnalysis]]]]


def _quiet(phase: str, done: int, total: int | None) -> None:
    del phase, done, total


@dataclass(frozen=True, slots=True)
class Update:
    """What one update did."""

    placements: dict[str, tuple[str, str]]  # article id -> (story id, storyline id), all
    changed: tuple[str, ...]  # ids of the stories assembled again (new ones included)
    removed: tuple[str, ...]  # ids of stories that no longer have a report
    stories: int  # how many stories are stored now
    out: Path | None = None  # the index written, if a folder was given


def analyse_pending(
    store: Store,
    *,
    model: str | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    analyze: Analyze | None = None,
) -> int:
    """Analyse every stored article without a current analysis; return how many.

    ``analyze`` is ``analyze.pipeline.analyze_articles`` unless given; spaCy is
    loaded only when some article is pending.
    """
    progress = progress or _quiet
    pending = store.unanalysed()
    if not pending:
        return 0
    if analyze is None:
        from storyline.analyze.pipeline import analyze_articles

        analyze = analyze_articles
    store_analyses(store, analyze(pending, model=model, jobs=jobs), len(pending), progress)
    return len(pending)


def store_analyses(
    store: Store,
    batches: Iterable[list[tuple[Article, ArticleAnalysis]]]
    | Iterable[list[tuple[Article, ArticleAnalysis | EncodedAnalysis]]],
    total: int,
    progress: Progress,
) -> None:
    """Store each batch of analyses (records, or already encoded) in one transaction (with
    the publication dates the analysis found), saying how many of ``total`` are done
    after each."""
    done = 0
    for batch in batches:
        with store.batch():
            for article, analysis in batch:
                store.save_analysis(analysis)
                if article.published:
                    store.set_published(article.id, article.published)
        done += len(batch)
        progress("analyse", done, total)


#: What a digest that places new reports imports on first use (numpy and scipy with
#: them): :func:`warm_up` imports them while the new reports are analysed.
PLACING_MODULES = (
    "storyline.story.dedup.incremental",
    "storyline.store.cluster_lazy",
    "storyline.store.cluster_state",
    "storyline.story.clustering",
    "storyline.story.clustering.similarity",
    "storyline.story.assemble",
    "storyline.story.changes",
    "storyline.story.storyline",
    "storyline.update.changelog",
)


def warm_up() -> None:
    """Import what placing and assembling will need, ahead of its first use."""
    import importlib

    for name in PLACING_MODULES:
        importlib.import_module(name)


class ReadAhead:
    """What a digest reads while its new reports are analysed in a process of their own
    (:mod:`storyline.update.ahead`): the imports placing needs, and the stored
    placements, which the analysis does not change. Called once, as ``meanwhile``."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.placements: dict[str, tuple[str, str]] | None = None

    def __call__(self) -> None:
        warm_up()
        self.placements = self._store.placements()


def update_stories(
    store: Store,
    *,
    out_dir: str | Path | None = None,
    max_sentences: int = 6,
    params: ClusterParams | None = None,
    progress: Progress | None = None,
    read_ahead: ReadAhead | None = None,
) -> Update:
    """Place the analysed articles that have no story, re-assemble the stories that changed.

    Nothing is parsed (the stages read the stored analyses). With ``out_dir``, only
    the changed stories' pages are written, plus any page the folder lacks. With
    ``read_ahead``, the placements it read are used if they are still the store's.
    """
    progress = progress or _quiet
    signature = _signature(store, max_sentences, params)
    if signature == _kept_signature(store):
        return _unchanged(store, out_dir)
    dates = store.analysed_dates()
    duplicate_of = update_copies(store, dates)
    ahead = read_ahead.placements if read_ahead is not None else None
    placements = place_new(store, dates, params, read_ahead=ahead)
    changes = find_changes(store, placements, dates, duplicate_of, max_sentences)
    lines = store.stories.storylines_of([*(s for s, _ in changes.changed), *changes.removed])
    lines.update(line for _, line in changes.changed)
    writer = ReportWriter(store, Path(out_dir)) if out_dir is not None else None
    for built in assemble_changed(
        store, changes, duplicate_of, max_sentences=max_sentences, progress=progress
    ):
        if writer is not None:
            writer.story(built, changes.keys[built.story.id], duplicate_of)
    built_lines = refresh_storylines(store, lines)
    with store.batch():  # what the report folders must bring up to date
        report_log.record(
            store.connection,
            [*changes.keys, *changes.removed],
            lines | set(built_lines),
        )
    stories = store.stories.count()
    # Never replace a report by an empty one (a first digest of unreadable inputs).
    out = writer.finish(duplicate_of) if writer is not None and stories else None
    _keep_signature(store, _signature(store, max_sentences, params))
    return Update(
        placements=dict(placements),
        changed=tuple(sorted(changes.keys)),
        removed=changes.removed,
        stories=stories,
        out=out,
    )


# --- nothing new since the last digest -------------------------------------------------
# Articles, analyses and placements are only ever added (a placement is rewritten only
# by a digest that adds some: a merge of stories, a moved report, clustering/pool.py),
# and copies, stories and storylines change only in a digest; so when their counts (and
# the versions and settings a digest depends on) are those the last complete digest
# left, no story can have changed, and the digest only checks the report folder.


def _signature(store: Store, max_sentences: int, params: ClusterParams | None) -> str:
    from storyline.store import ANALYSIS_VERSION
    from storyline.update.stories import ASSEMBLY_VERSION

    row = store.connection.execute(
        "SELECT (SELECT COUNT(*) FROM articles),"
        " (SELECT COUNT(*) FROM analyses WHERE version = ?),"
        " (SELECT COUNT(*) FROM placements), (SELECT COUNT(*) FROM duplicates),"
        " (SELECT COUNT(*) FROM stories), (SELECT COUNT(*) FROM storylines)",
        (ANALYSIS_VERSION,),
    ).fetchone()
    parts = [*map(str, row), str(ANALYSIS_VERSION), ASSEMBLY_VERSION, str(max_sentences)]
    return "/".join([*parts, repr(params)])


def _kept_signature(store: Store) -> str | None:
    row = store.connection.execute(
        "SELECT value FROM meta WHERE key = 'digest_signature'"
    ).fetchone()
    return None if row is None else str(row[0])


def _keep_signature(store: Store, signature: str) -> None:
    store.connection.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('digest_signature', ?)", (signature,)
    )


def _unchanged(store: Store, out_dir: str | Path | None) -> Update:
    """What a digest with nothing new does: the report folder brought up to date, if stale."""
    placements = store.placements()
    copies = store.duplicates()
    duplicate_of = {c: o for c, o in copies.items() if c in placements and o in placements}
    stories = store.stories.count()
    out = None
    if out_dir is not None and stories:
        out = ReportWriter(store, Path(out_dir)).finish(duplicate_of)
    return Update(placements=placements, changed=(), removed=(), stories=stories, out=out)


def place_and_update(
    store: Store,
    new_articles: Iterable[Article],
    *,
    out_dir: str | Path | None = None,
    model: str | None = None,
    jobs: int | None = None,
    max_sentences: int = 6,
    progress: Progress | None = None,
) -> Update:
    """Store, analyse and place new reports; update only the stories they change.

    Reports already stored (same content) are skipped. The library entry point
    for a caller that holds the store (a server, a feed reader).
    """
    articles = list(new_articles)
    with store.batch():
        for article in articles:
            store.add_article(article)
    analyse_pending(store, model=model, jobs=jobs, progress=progress)
    return update_stories(store, out_dir=out_dir, max_sentences=max_sentences, progress=progress)


def load_digest(store: Store, story_ids: Iterable[str] | None = None) -> Digest:
    """Every stored story (or those named), with its articles and analyses, as one :class:`Digest`.

    Articles carry the publication dates their stories estimated; analyses are
    as stored (the times an estimated date re-resolves are resolved per story).
    """
    wanted = None if story_ids is None else list(story_ids)
    dates = store.analysed_dates()
    seen = store.stories.articles(wanted)
    ids = [a for a in dates if a in seen]
    items = read_items(store, ids)
    articles = []
    for item in items:
        s = seen[item.article.id]
        articles.append(
            replace(item.article, published=s.published, published_estimated=s.published_estimated)
        )
    from storyline.story.storyline import build_storylines

    copies = store.duplicates()
    stories = tuple(store.stories.stories(wanted))
    published = {a.id: a.published or "" for a in articles if a.published}
    return Digest(
        articles=tuple(articles),
        analyses={i.article.id: i.analysis for i in items},
        stories=stories,
        storylines=build_storylines(stories, published),
        duplicate_of={c: o for c, o in copies.items() if c in seen and o in seen},
        date_evidence={a: s.evidence for a, s in seen.items() if s.evidence},
    )
