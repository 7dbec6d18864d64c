"""The per-report analysis on a Dask cluster (``--dask tcp://HOST:PORT`` or ``--dask local:N``).

Tasks are chunks of articles, not single articles, so that one task amortises its
scheduling and transfer. Each worker process loads the spaCy pipeline once
(:func:`storyline.nlp.load_nlp` is cached per process) and keeps it warm for every
later chunk: the model is never shipped with a task. A chunk comes back as compact
records (article id, the date its own date line gave, the analysis as JSON), and
the caller — the one writer — stores them. Dask reschedules the chunks of a worker
that dies on the workers that remain (and a task may be retried on error), so a
chunk can be analysed twice; storing an analysis is idempotent by article id, so it
is stored once.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from storyline.analyze.pipeline import BATCH_SIZE, analyze_batch
from storyline.model import Article, ArticleAnalysis
from storyline.nlp import load_nlp
from storyline.store.codec import dumps, loads

if TYPE_CHECKING:
    from distributed import Client

#: How many times a chunk is tried again after its worker fails or it raises.
RETRIES = 3
#: Seconds to wait for a scheduler (and, for ``local:N``, its workers) to answer.
CONNECT_TIMEOUT = 30

ChunkResult = list[tuple[str, str | None, str]]
"""A chunk's analyses as compact records: ``(article id, published, analysis JSON)``."""


class DaskTargetError(ValueError):
    """A ``--dask`` value that names no cluster, or a cluster that cannot be reached."""


@dataclass(frozen=True, slots=True)
class DaskTarget:
    """A running scheduler to connect to, or the number of workers to start here."""

    address: str | None = None
    local_workers: int = 0
    chunk_size: int = BATCH_SIZE  # articles per task
    timeout: float = CONNECT_TIMEOUT  # seconds to wait for the scheduler

    def describe(self) -> str:
        """The target as the user wrote it."""
        return self.address or f"local:{self.local_workers}"


def parse_target(spec: str) -> DaskTarget:
    """Read ``tcp://HOST:PORT`` (or ``tls://``, or ``HOST:PORT``) or ``local:N``."""
    spec = spec.strip()
    if spec.startswith("local:"):
        count = spec.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise DaskTargetError(f"--dask local:N takes a number of workers >= 1, not {spec!r}")
        return DaskTarget(local_workers=int(count))
    scheme, sep, rest = spec.partition("://")
    if not sep:
        scheme, rest = "tcp", spec
    host, colon, port = rest.rpartition(":")
    if scheme not in ("tcp", "tls") or not colon or not host or not port.isdigit():
        raise DaskTargetError(
            f"--dask takes tcp://HOST:PORT (a running scheduler) or local:N, not {spec!r}"
        )
    return DaskTarget(address=f"{scheme}://{host}:{port}")


@contextmanager
def dask_client(target: DaskTarget) -> Iterator[Client]:
    """A client of the target's cluster; a ``local:N`` cluster lives as long as the client."""
    from distributed import Client, LocalCluster

    if target.address is not None:
        try:
            client = Client(  # type: ignore[no-untyped-call]
                target.address, timeout=target.timeout, set_as_default=False
            )
        except (OSError, TimeoutError) as exc:
            raise DaskTargetError(
                f"cannot reach the Dask scheduler at {target.address}: {exc}"
            ) from exc
        with client:
            yield client
        return
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=target.local_workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster, set_as_default=False) as client:  # type: ignore[no-untyped-call]
        yield client


def analyze_chunk(model: str | None, articles: Sequence[Article]) -> ChunkResult:
    """Analyse one chunk on a worker; the pipeline is loaded once per worker process."""
    return [
        (article.id, article.published, dumps(analysis))
        for article, analysis in analyze_batch(articles, load_nlp(model))
    ]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _rebuild(
    chunk: Sequence[Article], result: ChunkResult
) -> list[tuple[Article, ArticleAnalysis]]:
    by_id = {a.id: a for a in chunk}
    out = []
    for article_id, published, raw in result:
        article = by_id[article_id]
        if published != article.published:
            article = replace(article, published=published)
        out.append((article, loads(ArticleAnalysis, raw)))
    return out


def _worker_count(client: Client) -> int:
    info: dict[str, Any] = client.scheduler_info()
    return max(1, len(info.get("workers", {})))


def run_chunks(
    client: Client,
    articles: Iterable[Article],
    *,
    model: str | None = None,
    chunk_size: int = BATCH_SIZE,
) -> Iterator[list[tuple[Article, ArticleAnalysis]]]:
    """Analyse articles on the client's cluster, yielding one list per chunk, in input order.

    A bounded window of chunks is in flight at once (twice the workers, at least
    four), so that neither this process nor the scheduler holds the whole input.
    """
    window = max(4, 2 * _worker_count(client))
    pending: deque[tuple[list[Article], Any]] = deque()
    for chunk in _chunks(articles, chunk_size):
        future = client.submit(analyze_chunk, model, chunk, pure=False, retries=RETRIES)
        pending.append((chunk, future))
        if len(pending) >= window:
            done_chunk, done = pending.popleft()
            yield _rebuild(done_chunk, done.result())
    while pending:
        done_chunk, done = pending.popleft()
        yield _rebuild(done_chunk, done.result())


def analyze_on_dask(
    articles: Iterable[Article],
    *,
    target: DaskTarget,
    model: str | None = None,
) -> Iterator[list[tuple[Article, ArticleAnalysis]]]:
    """Analyse articles on the target cluster; the same batches as the local runner yields."""
    with dask_client(target) as client:
        yield from run_chunks(client, articles, model=model, chunk_size=target.chunk_size)
