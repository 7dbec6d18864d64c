"""The poller: polls due sources, reads each new item's page, analyses, stores, places.

One round, in order:

1. each due source: robots.txt and the host delay; a conditional GET of the feed
   or sitemap (validators dropped after ``max_trusted_unchanged`` 304s in a row);
   the items whose GUID and canonical URL were never seen, in feed order, at most
   ``max_new_per_poll`` (the rest come next poll);
2. the items' pages, hosts interleaved (the next request goes to the host that
   may be asked soonest); each page read (or the feed summary kept), skipped
   when its text is already stored, analysed, and stored with its keys in one
   transaction;
3. the new reports placed (before any long wait for a host, and at the end of
   the round); then each source's state (validators, interval, next poll) saved.

Everything it needs comes in as parameters: the store, the fetcher (and through
it the transport and resolver), the analyser, the placer, the clock and sleep.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

from storyline.ingest.errors import InputError
from storyline.live.address import UnsafeURLError, check_url
from storyline.live.fetcher import Fetched, Fetcher, FetchError
from storyline.live.items import Item, Listing, ParseError, item_keys, parse_feed, parse_sitemap
from storyline.live.pages import HTML_TYPES, page_problem, read_page, summary_article
from storyline.live.place import Place, Placed
from storyline.live.polite import HostGate, Robots
from storyline.live.schedule import Schedule, backoff, clamp, next_interval
from storyline.live.sources import Source
from storyline.model import Article, ArticleAnalysis
from storyline.nlp import ModelNotFoundError
from storyline.store import Store
from storyline.store.feeds import FeedStore, SourceState

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml"}
    | {"text/xml", "application/feed+json", "text/plain"}
)
SITEMAP_TYPES = frozenset({"application/xml", "text/xml", "text/plain"})
#: A wait for a host longer than this first places the reports already stored.
PLACE_BEFORE_WAIT = 0.5
#: Reports analysed together (one ``nlp.pipe`` call).
ANALYSE_BATCH = 16

Analyse = Callable[[Sequence[Article]], Sequence[tuple[Article, ArticleAnalysis]]]
"""``analyse(articles)`` -> each article (dated from its text) with its analysis."""
Log = Callable[[str], None]


def spacy_analyser(model: str | None = None) -> Analyse:
    """The analyser of the digest, in this process (the pipeline is loaded once)."""

    def analyse(articles: Sequence[Article]) -> Sequence[tuple[Article, ArticleAnalysis]]:
        from storyline.analyze.pipeline import analyze_batch
        from storyline.nlp import load_nlp

        return analyze_batch(articles, load_nlp(model))

    return analyse


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchOptions:
    """How the poller behaves: politeness, schedule and per-poll bounds."""

    host_delay: float = 5.0
    schedule: Schedule = field(default_factory=Schedule)
    max_new_per_poll: int = 50
    max_child_sitemaps: int = 3


@dataclass(slots=True)
class PollReport:
    """Counts of one round of polls."""

    polled: int = 0
    unchanged: int = 0
    failed: int = 0
    new: int = 0
    summaries: int = 0
    duplicates: int = 0
    unreadable: int = 0
    placed: Placed | None = None


@dataclass(slots=True)
class _Found:
    """A source read in this round: its state, the answer, and the new items to take."""

    source: Source
    state: SourceState
    fetched: Fetched
    listing: Listing
    items: list[Item]
    left: int  # items not taken yet


@dataclass(frozen=True, slots=True)
class _Ready:
    article: Article
    keys: tuple[str, ...]
    source_url: str
    text_from: str
    note: str | None


def _quiet(line: str) -> None:
    del line


class Poller:
    """Follows a set of sources into one store; see the module docstring."""

    def __init__(
        self,
        store: Store,
        sources: Sequence[Source],
        *,
        fetcher: Fetcher,
        analyse: Analyse,
        place: Place,
        options: WatchOptions | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        log: Log = _quiet,
    ) -> None:
        self.store = store
        self.feeds = FeedStore(store)
        self.sources = list(sources)
        self.fetcher = fetcher
        self.analyse = analyse
        self.place = place
        self.options = options or WatchOptions()
        self.clock = clock
        self.sleep = sleep
        self.log = log
        self.gate = HostGate(self.options.host_delay, clock=clock, sleep=self._pause)
        self.robots = Robots(fetcher, self.gate, clock=clock)
        self._ready: list[_Ready] = []
        self._stored: list[str] = []  # stored since the last placement
        self._claimed: set[str] = set()
        self._report = PollReport()
        self._stop = threading.Event()
        with store.batch():
            for source in self.sources:
                self.feeds.register(source.url, source.kind, source.name)

    # --- rounds -------------------------------------------------------------------

    def resume(self) -> Placed | None:
        """Place what a stopped poll stored but did not place (after a restart)."""
        if self.feeds.unplaced():
            return self.place(self.store, [])
        return None

    def due(self) -> list[Source]:
        """The sources whose next poll time has come (never-polled ones first)."""
        now = self.clock()
        out = []
        for source in self.sources:
            state = self.feeds.state(source.url)
            if state is None or state.next_poll is None or state.next_poll <= now:
                out.append(source)
        return out

    def next_due(self) -> float | None:
        """When the next source is due (epoch seconds), if any."""
        times = []
        for source in self.sources:
            state = self.feeds.state(source.url)
            times.append(0.0 if state is None or state.next_poll is None else state.next_poll)
        return min(times, default=None)

    def poll(self, sources: Sequence[Source] | None = None) -> PollReport:
        """Poll the given sources (default: those due), then place the new reports.

        The feeds are read first; then the new items' pages are fetched with the
        hosts interleaved (the next request goes to the host that may be asked
        soonest), so that one host's delay is spent on another's pages. A source's
        state is saved once all its items are stored.
        """
        self._report = report = PollReport()
        self._claimed = set()
        found: list[_Found] = []
        for source in self.due() if sources is None else sources:
            if self._stop.is_set():
                break  # stopping: the sources not polled stay due
            listed = self._read_source(source)
            if listed is not None:
                found.append(listed)
        for listed, item in self._interleaved(found):
            if self._stop.is_set():
                break  # the sources with items left keep their old state: polled again
            self._take(listed.source, listed.listing, item)
            listed.left -= 1
        self._store_ready()
        for listed in found:
            if listed.left == 0:
                self._finish_source(listed)
        report.placed = self._place()
        return report

    def run(self, stop: threading.Event | None = None, *, max_pause: float = 60.0) -> None:
        """Poll due sources until ``stop`` is set (the loop a server runs in a thread)."""
        stop = self._stop = stop or threading.Event()
        self.resume()
        while not stop.is_set():
            try:
                self.poll()
            except sqlite3.OperationalError as exc:  # another writer held the file too long
                self.log(f"skipped the rest of a round: database busy ({exc}); trying again")
            wake = self.next_due()
            pause = max_pause if wake is None else wake - self.clock()
            stop.wait(min(max_pause, max(1.0, pause)))

    # --- one source -----------------------------------------------------------------

    def _read_source(self, source: Source) -> _Found | None:
        """Fetch and parse a source; None when it failed or did not change (state saved)."""
        state = self.feeds.state(source.url) or SourceState(source.url, source.kind, source.name)
        state = replace(state, last_poll=self.clock(), polls=state.polls + 1)
        try:
            fetched = self.request(source.url, _types(source), self._validators(state))
            if fetched.status == 304:
                self._unchanged(source, state)
                return None
            listing = self._listing(source, fetched)
        except (FetchError, UnsafeURLError, ParseError) as exc:
            self._failed(state, exc)
            return None
        items = self._new_items(source, listing)
        return _Found(source, state, fetched, listing, items, len(items))

    def _interleaved(self, found: Sequence[_Found]) -> Iterator[tuple[_Found, Item]]:
        """Every new item, the next one always from the host that may be asked soonest."""
        queues: dict[str, deque[tuple[_Found, Item]]] = {}
        for listed in found:
            for item in listed.items:
                host = (urlsplit(item.url).hostname or "") if item.url else ""
                queues.setdefault(host, deque()).append((listed, item))
        while queues:
            # The host free soonest; on a tie the one asked least recently (round robin).
            host = min(queues, key=lambda h: (self.gate.wait_time(h), self.gate.last(h)))
            yield queues[host].popleft()
            if not queues[host]:
                del queues[host]

    def _finish_source(self, listed: _Found) -> None:
        """Save a source's state after a full answer whose items are all stored."""
        source, state, found = listed.source, listed.state, len(listed.items)
        sched = self.options.schedule
        start = state.interval or clamp(sched, source.interval or sched.default_interval)
        interval = next_interval(sched, start, found, listed.listing.hint)
        state = replace(
            state,
            etag=listed.fetched.headers.get("etag"),
            last_modified=listed.fetched.headers.get("last-modified"),
            interval=interval,
            next_poll=self.clock() + interval,
            last_new=self.clock() if found else state.last_new,
            unchanged=0,
            failures=0,
            last_error=None,
            items=state.items + found,
        )
        with self.store.batch():
            self.feeds.save_state(state)
        self._report.polled += 1
        self.log(f"polled {source.url}: {found} new item(s)")

    def _validators(self, state: SourceState) -> dict[str, str]:
        if state.unchanged >= self.options.schedule.max_trusted_unchanged:
            return {}  # a 304 that lies must not hide new items for ever
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        return headers

    def _listing(self, source: Source, fetched: Fetched) -> Listing:
        if source.kind == "feed":
            return parse_feed(fetched.body, base=fetched.url)
        listing = parse_sitemap(fetched.body, base=fetched.url)
        items = list(listing.items)
        for child in listing.sitemaps[: self.options.max_child_sitemaps]:
            try:
                got = self.request(urljoin(fetched.url, child), SITEMAP_TYPES, {})
                items += parse_sitemap(got.body, base=got.url).items
            except (FetchError, UnsafeURLError, ParseError) as exc:
                self.log(f"skipped {child}: {exc}")
        items.sort(key=lambda i: i.published or "", reverse=True)
        return replace(listing, items=tuple(items))

    def _new_items(self, source: Source, listing: Listing) -> list[Item]:
        keyed = [(item, item_keys(source.url, item)) for item in listing.items]
        seen = self.feeds.seen(k for _, keys in keyed for k in keys) | self._claimed
        out = []
        for item, keys in keyed:
            if keys and not seen & set(keys):
                out.append(item)
                seen.update(keys)
                self._claimed.update(keys)
            if len(out) >= self.options.max_new_per_poll:
                break
        return out

    def _unchanged(self, source: Source, state: SourceState) -> None:
        sched = self.options.schedule
        start = state.interval or clamp(sched, source.interval or sched.default_interval)
        interval = next_interval(sched, start, 0, None)
        state = replace(
            state,
            unchanged=state.unchanged + 1,
            failures=0,
            last_error=None,
            interval=interval,
            next_poll=self.clock() + interval,
        )
        with self.store.batch():
            self.feeds.save_state(state)
        self._report.polled += 1
        self._report.unchanged += 1
        self.log(f"polled {source.url}: not modified")

    def _failed(self, state: SourceState, error: Exception) -> None:
        failures = state.failures + 1
        retry_after = error.retry_after if isinstance(error, FetchError) else None
        wait = backoff(self.options.schedule, failures, retry_after)
        state = replace(
            state,
            failures=failures,
            last_error=str(error),
            next_poll=self.clock() + wait,
        )
        with self.store.batch():
            self.feeds.save_state(state)
        self._report.failed += 1
        self.log(f"skipped {error} (failure {failures}; next try in {wait:.0f} s)")

    # --- one item -------------------------------------------------------------------

    def _take(self, source: Source, listing: Listing, item: Item) -> None:
        keys = item_keys(source.url, item)
        outlet = source.name
        article: Article | None = None
        retry = False
        if item.url:
            try:
                fetched = self.request(item.url, HTML_TYPES, {})
                article = read_page(fetched, item, outlet=outlet)
                if fetched.url != item.url:
                    keys = item_keys(source.url, item, extra_urls=(fetched.url,))
                if article.source is None and listing.title:
                    article = replace(article, source=listing.title)
            except (FetchError, UnsafeURLError, InputError) as exc:
                note = page_problem(exc, item.url)
                retry = isinstance(exc, FetchError) and (exc.status is None or exc.status >= 500)
        else:
            note = "item has no link"
        if article is not None:
            self._ready.append(_Ready(article, tuple(keys), source.url, "page", None))
        elif source.kind == "sitemap" and retry:
            self._claimed.difference_update(keys)  # no summary to fall back on: next poll
            self.log(f"skipped {item.url}: {note} (asked again next poll)")
            return
        else:
            fallback, note = summary_article(
                item, feed_url=source.url, outlet=outlet or listing.title, why=note
            )
            self.log(f"read {item.url or item.guid}: {note}")
            if fallback is None:
                with self.store.batch():
                    self.feeds.mark_seen(
                        keys,
                        source_url=source.url,
                        article_id=None,
                        text_from="none",
                        note=note,
                        at=self.clock(),
                    )
                self._report.unreadable += 1
            else:
                self._ready.append(_Ready(fallback, tuple(keys), source.url, "summary", note))
        if len(self._ready) >= ANALYSE_BATCH:
            self._store_ready()

    def _store_ready(self) -> None:
        """Analyse the read items and store each with its keys in one transaction."""
        ready, self._ready = self._ready, []
        fresh: list[_Ready] = []
        for entry in ready:
            existing = self.store.has_content(entry.article.content_hash)
            if existing is None and all(
                e.article.content_hash != entry.article.content_hash for e in fresh
            ):
                fresh.append(entry)
                continue
            with self.store.batch():
                self.feeds.mark_seen(
                    entry.keys,
                    source_url=entry.source_url,
                    article_id=existing or entry.article.id,
                    text_from="duplicate",
                    note="same text as a stored report",
                    at=self.clock(),
                )
            self._report.duplicates += 1
        if not fresh:
            return
        for entry, (article, analysis) in self._analysed(fresh):
            with self.store.batch():
                added = self.store.add_article(article)
                if added:
                    self.store.save_analysis(analysis)
                self.feeds.mark_seen(
                    entry.keys,
                    source_url=entry.source_url,
                    article_id=article.id,
                    text_from=entry.text_from if added else "duplicate",
                    note=entry.note,
                    at=self.clock(),
                )
            if added:
                self._stored.append(article.id)
                self._report.new += 1
                self._report.summaries += entry.text_from == "summary"
            else:
                self._report.duplicates += 1

    def _analysed(
        self, ready: list[_Ready]
    ) -> list[tuple[_Ready, tuple[Article, ArticleAnalysis]]]:
        """Each entry with its analysis; one that the analyser fails on is recorded, not retried.

        A report that breaks the analysis would otherwise stop every later poll at the
        same item; it is kept as seen (``none``, with the error) and named in the log.
        """
        try:
            done = self.analyse([e.article for e in ready])
            return list(zip(ready, done, strict=True))
        except ModelNotFoundError:
            raise
        except Exception:
            pass  # find the report at fault, one by one
        out = []
        for entry in ready:
            try:
                [result] = self.analyse([entry.article])
            except ModelNotFoundError:
                raise
            except Exception as exc:
                note = f"analysis failed ({type(exc).__name__}: {exc})"
                self.log(f"skipped {entry.article.url or entry.article.path}: {note}")
                with self.store.batch():
                    self.feeds.mark_seen(
                        entry.keys,
                        source_url=entry.source_url,
                        article_id=None,
                        text_from="none",
                        note=note,
                        at=self.clock(),
                    )
                self._report.unreadable += 1
                continue
            out.append((entry, result))
        return out

    def _place(self) -> Placed | None:
        stored, self._stored = self._stored, []
        if not stored:
            return None
        placed = self.place(self.store, stored)
        self.log(f"placed {len(stored)} report(s); {placed.stories} stories")
        return placed

    # --- requests -----------------------------------------------------------------

    def request(self, url: str, types: frozenset[str], headers: dict[str, str]) -> Fetched:
        """GET ``url`` after robots.txt and the host delay: every request of a poll."""
        check_url(url)  # a URL refused outright is named as itself, not as its robots.txt
        verdict = self.robots.verdict(url)
        if not verdict.allowed:
            raise FetchError(url, verdict.reason or "disallowed by robots.txt")
        self.gate.wait(urlsplit(url).hostname or "", verdict.crawl_delay)
        return self.fetcher.get(url, types=types, headers=headers)

    def _pause(self, seconds: float) -> None:
        """The host gate's sleep: a long wait first makes the stored reports' stories."""
        if seconds > PLACE_BEFORE_WAIT and (self._ready or self._stored):
            start = self.clock()
            self._store_ready()
            placed = self._place()
            if placed is not None:
                self._report.placed = placed
            seconds -= self.clock() - start
        if seconds > 0:
            self.sleep(seconds)


def _types(source: Source) -> frozenset[str]:
    return FEED_TYPES if source.kind == "feed" else SITEMAP_TYPES
