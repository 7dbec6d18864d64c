"""What the app holds while it runs: settings, readers, the token gate, the worker, a cache."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from jinja2.filters import do_urlencode
from markupsafe import Markup, escape

from storyline.serve.auth import Gate
from storyline.serve.publish import SERVER_SITE, entity_key
from storyline.serve.settings import Settings
from storyline.serve.worker import PlacementWorker
from storyline.store.search import HIT_CLOSE, HIT_OPEN
from storyline.store.search_steps import Snippets
from storyline.store.served import Published

#: Sets of story names whose links :func:`name_links` keeps.
NAME_LINKS_SIZE = 8192
#: Rendered responses kept in memory, keyed by URL and the store's generation.
CACHE_SIZE = 512


@dataclass
class ResponseCache:
    """Bodies of GET answers for the current generation of the store (LRU).

    One build per key and generation: requests that arrive while it is being built
    wait for it instead of building it again (a publish would otherwise make every
    client in flight render the same page at once).
    """

    size: int = CACHE_SIZE
    _items: OrderedDict[tuple[str, str], Future[tuple[str, str]]] = field(
        default_factory=OrderedDict
    )
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(
        self, key: str, generation: str, build: Callable[[], tuple[str, str]]
    ) -> tuple[str, str]:
        """The cached (etag, body) for ``key``, built when missing."""
        slot = (key, generation)
        with self._lock:
            found = self._items.get(slot)
            if found is not None:
                self._items.move_to_end(slot)
            else:
                mine: Future[tuple[str, str]] = Future()
                self._items[slot] = mine
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        if found is not None:
            return found.result()
        try:
            mine.set_result(build())
        except BaseException as exc:
            mine.set_exception(exc)
            with self._lock:
                if self._items.get(slot) is mine:
                    del self._items[slot]
            raise
        return mine.result()


class ChangeWatch:
    """How the store has changed, as this process sees it: a version and the generation.

    The store's data version (SQLite's ``PRAGMA data_version``, PostgreSQL's WAL
    position) changes whenever another connection, in this process or any other (a
    digest, the placement worker, a second server worker), commits; the version
    counts those changes, so an answer kept for version *v* is current while the
    version is still *v*. The generation (``"time/number"``) is what publishing
    sets: it changes only when published stories change.
    """

    def __init__(self, db: str | Path) -> None:
        self._published = Published(db, readonly=True)
        self._lock = threading.Lock()
        self._seen: str | None = None
        self._version = 0
        self._generation = "-/0"

    def current(self) -> tuple[int, str]:
        """(version, generation) now: one cheap check; the generation read when it moved."""
        with self._lock:
            seen = self._published.data_version()
            if seen != self._seen:
                # read after the check: the generation is at least as new as the version
                self._generation = self._published.generation()
                self._seen = seen
                self._version += 1
            return self._version, self._generation

    def close(self) -> None:
        """Close the connection."""
        self._published.close()


class Readers:
    """The read-only connections of one app: one per thread that reads, reused after it.

    A thread that reads takes a free connection (or opens one) and holds it while
    it lives; when it ends (the thread pool retires threads idle for a while), the
    connection goes back to be taken by the next. So the connections open are at
    most the threads that read at once: the event loop's and the thread pool's
    (``Settings.read_threads``), never one more per thread ever started.
    """

    def __init__(self, db: str | Path) -> None:
        self.db = db
        self._free: list[Published] = []
        self._all: list[Published] = []
        self._lock = threading.Lock()
        self._closed = False

    def take(self) -> Published:
        """A free connection, or a new one."""
        with self._lock:
            if self._free:
                return self._free.pop()
        reader = Published(self.db, readonly=True)
        with self._lock:
            self._all.append(reader)
        return reader

    def give(self, reader: Published) -> None:
        """A connection back (its thread ended)."""
        with self._lock:
            if not self._closed:
                self._free.append(reader)

    def opened(self) -> int:
        """How many connections this app has opened."""
        return len(self._all)

    def close(self) -> None:
        """Close them all (the app is stopping)."""
        with self._lock:
            self._closed = True
            readers, self._all, self._free = self._all, [], []
        for reader in readers:
            reader.close()


class _Held:
    """A thread's hold on a connection (given back when the thread's locals go)."""

    def __init__(self, reader: Published) -> None:
        self.reader = reader


@dataclass
class AppState:
    """Shared by every request of one app."""

    settings: Settings
    gate: Gate
    watch: ChangeWatch
    worker: PlacementWorker | None = None
    cache: ResponseCache = field(default_factory=ResponseCache)
    #: Report snippets kept between searches (they never change).
    snippets: Snippets = field(default_factory=Snippets)
    readers: Readers | None = None
    _local: threading.local = field(default_factory=threading.local)

    def __post_init__(self) -> None:
        if self.readers is None:
            self.readers = Readers(self.settings.db)

    def reader(self) -> Published:
        """This thread's read-only connection to the store."""
        held: _Held | None = getattr(self._local, "held", None)
        if held is None:
            assert self.readers is not None
            held = _Held(self.readers.take())
            weakref.finalize(held, self.readers.give, held.reader)
            self._local.held = held
        return held.reader

    def close_readers(self) -> None:
        """Close every reader (the app is stopping)."""
        assert self.readers is not None
        self.readers.close()


def snippet(text: str) -> Markup:
    """A search snippet: escaped, with the matched words in <mark>."""
    escaped = str(escape(text))
    return Markup(escaped.replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>"))


@lru_cache(maxsize=NAME_LINKS_SIZE)
def name_links(names: tuple[str, ...]) -> Markup:
    """A story's names as links to their entity pages, joined by " · " (escaped).

    What the ``story_item`` macro wrote name by name (``entity_key`` and
    ``urlencode`` per name, then escaping), made once per set of names: search and
    listing pages show the same stories again and again.
    """
    links = (
        f'<a href="/entities/{escape(do_urlencode(entity_key(n)))}">{escape(n)}</a>' for n in names
    )
    return Markup(" · ".join(links))


@cache
def templates() -> Environment:
    """The server's pages, extending the static report's base template."""
    env = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("storyline.serve", "templates"),
                PackageLoader("storyline.report", "templates"),
            ]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # package files: a release changes them, not a running server
    )
    env.globals["site"] = SERVER_SITE
    env.globals["name_links"] = name_links
    env.globals["entity_key"] = entity_key
    env.globals["snippet"] = snippet
    return env
