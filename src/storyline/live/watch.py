"""The library entry points: :func:`watch` (what ``storyline watch`` runs) and
:func:`fetch_pages` (``storyline fetch``).

Both open the store in the calling thread (SQLite connections stay in the thread
that opened them), so a server runs ``watch(..., stop=event)`` in a thread of
its own and sets the event to stop it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from storyline.ingest.errors import InputError
from storyline.live.address import Resolver, UnsafeURLError, system_resolver
from storyline.live.fetcher import Fetcher, FetchError, FetchPolicy
from storyline.live.items import Item, item_keys
from storyline.live.pages import HTML_TYPES, page_problem, read_page
from storyline.live.place import Place, Placed, digest_placer
from storyline.live.poller import Analyse, Log, Poller, PollReport, WatchOptions, spacy_analyser
from storyline.live.sources import Source
from storyline.store import Store
from storyline.store.feeds import FeedStore


@dataclass(frozen=True, slots=True, kw_only=True)
class Wiring:
    """The dependencies of a live run; defaults are the real ones."""

    transport: httpx.BaseTransport | None = None  # None: the guarded httpx transport
    resolver: Resolver = system_resolver
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    analyse: Analyse | None = None  # None: spaCy, in this process
    place: Place | None = None  # None: the digest adapter (writes out_dir)
    log: Log = field(default=lambda line: None)


def _fetcher(policy: FetchPolicy, wiring: Wiring) -> Fetcher:
    return Fetcher(policy, transport=wiring.transport, resolver=wiring.resolver)


def watch(
    sources: Sequence[Source],
    *,
    db: str | Path,
    out_dir: Path | None = None,
    once: bool = False,
    stop: threading.Event | None = None,
    policy: FetchPolicy | None = None,
    options: WatchOptions | None = None,
    model: str | None = None,
    wiring: Wiring | None = None,
) -> PollReport | None:
    """Follow ``sources`` into the store at ``db``: one round (``once``) or until ``stop``."""
    wiring = wiring or Wiring()
    with Store(db) as store, _fetcher(policy or FetchPolicy(), wiring) as fetcher:
        poller = _poller(store, sources, fetcher, wiring, out_dir, model, options)
        if once:
            resumed = poller.resume()
            report = poller.poll(sources)
            report.placed = report.placed or resumed
            return report
        poller.run(stop)
    return None


def _poller(
    store: Store,
    sources: Sequence[Source],
    fetcher: Fetcher,
    wiring: Wiring,
    out_dir: Path | None,
    model: str | None,
    options: WatchOptions | None,
) -> Poller:
    """The poller both ``watch`` and ``fetch_pages`` drive, wired from ``wiring``'s parts."""
    return Poller(
        store,
        sources,
        fetcher=fetcher,
        analyse=wiring.analyse or spacy_analyser(model),
        place=wiring.place or digest_placer(out_dir=out_dir, model=model),
        options=options,
        clock=wiring.clock,
        sleep=wiring.sleep,
        log=wiring.log,
    )


@dataclass(slots=True)
class FetchResult:
    """What ``fetch_pages`` did."""

    added: list[str] = field(default_factory=list)
    already_stored: int = 0
    errors: list[InputError] = field(default_factory=list)
    placed: Placed | None = None


def fetch_pages(
    urls: Sequence[str],
    *,
    db: str | Path,
    out_dir: Path | None = None,
    policy: FetchPolicy | None = None,
    options: WatchOptions | None = None,
    model: str | None = None,
    wiring: Wiring | None = None,
) -> FetchResult:
    """Fetch single pages (robots.txt, host delay and safety rules apply), store, place."""
    wiring = wiring or Wiring()
    result = FetchResult()
    with Store(db) as store, _fetcher(policy or FetchPolicy(), wiring) as fetcher:
        poller = _poller(store, [], fetcher, wiring, out_dir, model, options)
        feeds = FeedStore(store)
        for url in urls:
            try:
                fetched = poller.request(url, HTML_TYPES, {})
                article = read_page(fetched, None, outlet=None)
            except (FetchError, UnsafeURLError, InputError) as exc:
                result.errors.append(InputError(url, page_problem(exc, url)))
                continue
            keys = item_keys("fetch", Item(url=url), extra_urls=(fetched.url,))
            existing = store.has_content(article.content_hash)
            if existing is not None:
                result.already_stored += 1
                continue
            [(dated, analysis)] = poller.analyse([article])
            with store.batch():
                if store.add_article(dated):
                    store.save_analysis(analysis)
                    result.added.append(dated.id)
                else:
                    result.already_stored += 1
                feeds.mark_seen(
                    keys,
                    source_url="fetch",
                    article_id=dated.id,
                    text_from="page",
                    note=None,
                    at=wiring.clock(),
                )
        if result.added or feeds.unplaced():
            result.placed = poller.place(store, result.added)
    return result
