"""Live: follow feeds and sites; stories update as the news arrives.

``watch`` polls the sources of a SOURCES file (TOML or OPML) politely and safely,
reads each new item's page, analyses it and places it into the stories; the
state lives in the store (:mod:`storyline.store.feeds`). See ``docs/live.md``.

Exceptions::

    Exception
    ├── FetchError        a request gave no usable body (status, timeout, size, type)
    ├── UnsafeURLError    refused by the address rules, before any connection
    └── SourcesError      a SOURCES file that cannot be used
"""

from storyline.live.address import Resolver, UnsafeURLError, system_resolver
from storyline.live.background import background_task
from storyline.live.fetcher import Fetched, Fetcher, FetchError, FetchPolicy
from storyline.live.place import Place, Placed, digest_placer
from storyline.live.poller import Poller, PollReport, WatchOptions, spacy_analyser
from storyline.live.schedule import Schedule
from storyline.live.sources import Source, SourcesError, load_sources
from storyline.live.watch import FetchResult, Wiring, fetch_pages, watch

__all__ = [
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "Fetched",
    "Fetcher",
    "Place",
    "Placed",
    "PollReport",
    "Poller",
    "Resolver",
    "Schedule",
    "Source",
    "SourcesError",
    "UnsafeURLError",
    "WatchOptions",
    "Wiring",
    "background_task",
    "digest_placer",
    "fetch_pages",
    "load_sources",
    "spacy_analyser",
    "system_resolver",
    "watch",
]
