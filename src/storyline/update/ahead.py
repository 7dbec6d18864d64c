"""The analysis of a few new reports, run beside the rest of the digest's start.

A digest that adds a few reports spends most of its analysis importing spaCy and
loading its pipeline (about 1.5 s on one core), while the digest itself waits; and
then, before it can place them, it imports what placing and writing need (the
near-duplicate and clustering code, numpy, scipy: most of another second). Neither
depends on the other. :func:`analyse_ahead` starts the analysis in a process of its
own (forked, so it shares nothing it must not: it never touches the store), runs
``meanwhile`` in this one, and hands back the analysed batches as they come, in
input order. The forked process loads the pipeline and forks its workers as
``analyze_articles`` always does; the few reports are split so that every worker
gets a share (20 reports on 2 workers: batches of 3, handed out as workers free up,
rather than one batch of 16 and one of 4).

An error in the analysis is raised here as it was raised there; if the process
stops without a word (killed), :class:`AnalysisStopped` says so. Where ``fork`` is
not available the analysis runs in this process, after ``meanwhile``.
"""

from __future__ import annotations

import math
import multiprocessing
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

from storyline.analyze.pipeline import BATCH_SIZE, _die_with_parent, default_jobs
from storyline.model import Article, ArticleAnalysis
from storyline.store.codec import EncodedAnalysis, dumps

__all__ = ["AnalysisStopped", "analyse_ahead", "analyse_here", "batch_size"]

Batch = list[tuple[Article, ArticleAnalysis]]
#: ``analyze.pipeline.analyze_articles``'s shape.
Analyze = Callable[..., Iterator[Batch]]
#: What :func:`analyse_ahead` hands back: analyses as records, or encoded for the store.
Analysed = list[tuple[Article, ArticleAnalysis | EncodedAnalysis]]

#: Batches per worker when the reports are few: shares even out when lengths differ.
SHARES = 4


class AnalysisStopped(RuntimeError):
    """The analysis process ended without finishing or saying why."""


def batch_size(count: int, jobs: int) -> int:
    """Reports per batch: about ``SHARES`` batches per worker, at most ``BATCH_SIZE``."""
    if jobs <= 1:
        return BATCH_SIZE
    return max(1, min(BATCH_SIZE, math.ceil(count / (SHARES * jobs))))


def analyse_ahead(
    articles: Sequence[Article],
    *,
    analyze: Analyze,
    model: str | None = None,
    jobs: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[Analysed]:
    """Start analysing ``articles`` in a process of its own, run ``meanwhile`` here, and
    return the analysed batches (in input order) as an iterator.

    ``analyze`` is called there as ``analyze(articles, model=, jobs=, batch_size=)``. Its
    analyses come back encoded for the store (:class:`EncodedAnalysis`): pickling a
    record there and rebuilding it here costs more than encoding it, which storing it
    needs anyway (0.13 s against 0.05 s for the 321 reports of the GVA sample).
    """
    if not sys.platform.startswith("linux"):  # pragma: no cover - no fork elsewhere
        return analyse_here(articles, analyze=analyze, model=model, jobs=jobs, meanwhile=meanwhile)
    jobs = jobs or default_jobs()
    size = batch_size(len(articles), jobs)
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_child,
        args=(receive, send, analyze, list(articles), model, jobs, size),
        daemon=False,
    )
    proc.start()
    send.close()
    try:
        if meanwhile is not None:
            meanwhile()
    except BaseException:
        _stop(proc, receive)
        raise
    return _batches(proc, receive)


def analyse_here(
    articles: Sequence[Article],
    *,
    analyze: Analyze,
    model: str | None = None,
    jobs: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[Batch]:
    """:func:`analyse_ahead` without a process of its own: ``meanwhile`` first, then the
    analysis in this process, in the same batches (where ``fork`` is missing, and for a
    caller that must see the analysis run here)."""
    jobs = jobs or default_jobs()
    if meanwhile is not None:
        meanwhile()
    return analyze(articles, model=model, jobs=jobs, batch_size=batch_size(len(articles), jobs))


def _batches(proc: Any, receive: Connection) -> Iterator[Analysed]:
    try:
        while True:
            try:
                kind, payload = receive.recv()
            except EOFError:
                proc.join()
                raise AnalysisStopped(
                    f"the analysis process stopped (exit code {proc.exitcode})"
                ) from None
            if kind == "done":
                break
            if kind == "error":
                raise payload
            yield payload
        proc.join()
    finally:
        _stop(proc, receive)


def _stop(proc: Any, receive: Connection) -> None:
    """End the analysis process if it still runs (its workers die with it)."""
    receive.close()
    if proc.is_alive():
        proc.terminate()
    proc.join()


def _child(
    receive: Connection,
    send: Connection,
    analyze: Analyze,
    articles: list[Article],
    model: str | None,
    jobs: int,
    size: int,
) -> None:
    """The analysis process: every batch sent as it is done, then "done" or the error."""
    import signal

    # Only the digest reads: with this end closed here, a send to a digest that is gone
    # fails at once instead of filling the pipe and waiting for ever.
    receive.close()
    _die_with_parent()  # killed with the digest (its workers then die with it)
    # Ctrl-C reaches the whole process group: the digest decides and stops this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            for batch in analyze(articles, model=model, jobs=jobs, batch_size=size):
                send.send(
                    ("batch", [(a, EncodedAnalysis(x.article_id, dumps(x))) for a, x in batch])
                )
            send.send(("done", None))
        except BaseException as exc:  # raised again in the digest
            send.send(("error", _portable(exc)))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the digest is gone: nothing to report to
    finally:
        send.close()


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a RuntimeError naming it."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
