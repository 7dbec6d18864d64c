"""The per-article runner: boilerplate, spaCy, then each analysis stage.

Stages are pure functions of the article and its spaCy doc. The doc is made from
the article text with boilerplate blanked out by spaces, so every offset a stage
reports is an offset into the original text. With ``jobs > 1`` batches of articles
go to worker processes, each of which loads the pipeline once.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import Any, TypeVar

from storyline.analyze.claims import extract_claims
from storyline.analyze.clean import find_boilerplate, mask_text
from storyline.analyze.entities import extract_entities
from storyline.analyze.eventline.extract import extract_event_lines
from storyline.analyze.quotes import extract_quotes
from storyline.analyze.times import dateline_times, extract_times, with_datelines
from storyline.ingest.dates import publication_day, stated_date
from storyline.model import Article, ArticleAnalysis, Boilerplate, Span
from storyline.nlp import doc_text, load_nlp, made_from

log = logging.getLogger("storyline.analyze")
T = TypeVar("T")

#: Articles sent to a worker at a time; large enough to amortise pickling.
BATCH_SIZE = 16
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def sentence_spans(doc: Any) -> tuple[Span, ...]:
    """Sentence spans of a doc, trimmed of whitespace, blank (masked) ones dropped."""
    spans = []
    text = doc_text(doc)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
    return tuple(spans)


def _guarded(article: Article, stage: str, run: Callable[[], tuple[T, ...]]) -> tuple[T, ...]:
    """``run()``, or nothing with one line naming the report when a stage fails on it.

    A rule that breaks on some real text must not stop a run of thousands of reports,
    nor take the other stages' results of that report with it.
    """
    try:
        return run()
    except Exception as exc:  # the boundary between a stage and the run
        where = article.path or article.url or article.id
        log.warning(
            "storyline: %s: the %s stage failed (%s: %s); its results are left out",
            where,
            stage,
            type(exc).__name__,
            exc,
        )
        return ()


def analyze_doc(article: Article, doc: Any, boilerplate: Sequence[Boilerplate]) -> ArticleAnalysis:
    """Run every stage on one article whose masked text ``doc`` has been parsed."""
    mentions = _guarded(article, "entities", lambda: extract_entities(doc))
    day = publication_day(article.published)
    times = _guarded(article, "times", lambda: extract_times(doc, day))
    sentences = sentence_spans(doc)
    return ArticleAnalysis(
        article_id=article.id,
        boilerplate=tuple(boilerplate),
        sentences=sentences,
        entities=mentions,
        # the date of a masked wire dateline is a time expression too; it dates no clause
        times=with_datelines(
            times,
            _guarded(article, "times", lambda: dateline_times(article.text, boilerplate, day)),
        ),
        quotes=_guarded(article, "quotes", lambda: extract_quotes(doc, mentions)),
        claims=_guarded(article, "claims", lambda: extract_claims(doc, mentions, times)),
        event_lines=_guarded(
            article, "event lines", lambda: extract_event_lines(doc, sentences, times)
        ),
    )


def date_from_text(article: Article, boilerplate: Sequence[Boilerplate]) -> Article:
    """The article with the date its own date line prints, when metadata gave none."""
    if article.published:
        return article
    stated = stated_date(article.text, boilerplate)
    return article if stated is None else replace(article, published=stated)


def analyze_batch(articles: Sequence[Article], nlp: Any) -> list[tuple[Article, ArticleAnalysis]]:
    """Analyse a batch of articles with one ``nlp.pipe`` call.

    Returns each article (dated from its own date line when metadata gave no
    date) with its analysis.
    """
    debris = [find_boilerplate(a.text, a.title) for a in articles]
    dated = [date_from_text(a, b) for a, b in zip(articles, debris, strict=True)]
    masked = [mask_text(a.text, b) for a, b in zip(articles, debris, strict=True)]
    docs = nlp.pipe(masked, batch_size=len(masked) or 1)
    return [
        (a, analyze_doc(a, made_from(doc, text), b))
        for a, doc, text, b in zip(dated, docs, masked, debris, strict=True)
    ]


def analyze_article(article: Article, nlp: Any) -> ArticleAnalysis:
    """Analyse one article."""
    return analyze_batch([article], nlp)[0][1]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _die_with_parent() -> None:
    """Have Linux kill this worker when the parent process dies (e.g. ``kill -9``).

    An orphaned worker would otherwise finish its batch and print a BrokenPipe
    traceback when it sends the result to a parent that is gone.
    """
    if not sys.platform.startswith("linux"):  # pragma: no cover - Linux only
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - no prctl
        return
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:
        os._exit(0)  # the parent died before the request took effect


def _worker_init(model: str | None) -> None:
    _die_with_parent()
    load_nlp(model)


def _worker_run(
    job: tuple[str | None, list[Article]],
) -> list[tuple[Article, ArticleAnalysis]]:
    model, batch = job
    return analyze_batch(batch, load_nlp(model))


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def analyze_articles(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    jobs: int | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[list[tuple[Article, ArticleAnalysis]]]:
    """Analyse articles in batches, in input order, on ``jobs`` processes.

    Yields one list per batch so that the caller can store each batch in one
    transaction: an interrupted run keeps every batch already yielded.
    """
    jobs = jobs or default_jobs()
    batches = _batches(articles, batch_size)
    if jobs <= 1:
        nlp = load_nlp(model)
        for batch in batches:
            yield analyze_batch(batch, nlp)
        return
    # fork shares the parent's loaded pipeline pages; spawn elsewhere
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "fork":
        load_nlp(model)
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(model,)) as pool:
        yield from pool.imap(_worker_run, ((model, b) for b in batches))
