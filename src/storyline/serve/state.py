"""What the app holds while it runs: settings, readers, the token gate, the worker, a cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from storyline.serve.auth import Gate
from storyline.serve.publish import SERVER_SITE, entity_key
from storyline.serve.settings import Settings
from storyline.serve.worker import PlacementWorker
from storyline.store.search import HIT_CLOSE, HIT_OPEN
from storyline.store.served import Published

#: Rendered responses kept in memory, keyed by URL and the store's generation.
CACHE_SIZE = 512


@dataclass
class ResponseCache:
    """Bodies of GET answers for the current generation of the store (LRU)."""

    size: int = CACHE_SIZE
    _items: OrderedDict[tuple[str, str], tuple[str, str]] = field(default_factory=OrderedDict)
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
                return found
        made = build()
        with self._lock:
            self._items[slot] = made
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return made


@dataclass
class AppState:
    """Shared by every request of one app."""

    settings: Settings
    gate: Gate
    worker: PlacementWorker | None = None
    cache: ResponseCache = field(default_factory=ResponseCache)
    _local: threading.local = field(default_factory=threading.local)
    _readers: list[Published] = field(default_factory=list)

    def reader(self) -> Published:
        """This thread's read-only connection to the store."""
        reader: Published | None = getattr(self._local, "reader", None)
        if reader is None:
            reader = Published(self.settings.db, readonly=True)
            self._local.reader = reader
            self._readers.append(reader)  # list.append is atomic: no lock needed
        return reader

    def close_readers(self) -> None:
        """Close every thread's reader (the app is stopping)."""
        while self._readers:
            self._readers.pop().close()


def snippet(text: str) -> Markup:
    """A search snippet: escaped, with the matched words in <mark>."""
    escaped = str(escape(text))
    return Markup(escaped.replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>"))


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
    )
    env.globals["site"] = SERVER_SITE
    env.globals["entity_key"] = entity_key
    env.globals["snippet"] = snippet
    return env
