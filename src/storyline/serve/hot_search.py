"""The search page answered before the framework, its results kept while they hold.

Search is the one open read that does real work per request (the full-text
queries, then the page), and a FastAPI route adds its own cost to that
(validation of the query through pydantic, dependencies, routing). With reads
open, :class:`~storyline.serve.hot.HotRoutes` hands ``GET /search`` here:
the query string is read as the route reads it, and any request this module is
not sure of (a value the route would refuse with 422, a parameter given twice,
a ``HEAD``) goes on to the route, which answers it as before.

The answer for a set of filters is kept with the published generation it was
made at. When the generation moved (a publish; a digest publishes several times
a second while it runs), the queries run again, in a worker thread, once however
many requests ask meanwhile; when they return the same rows (same stories with
the same ETags, same reports and snippets), the kept page and ETag are sent
again without rendering, with the new generation's Last-Modified, as the route
would send them. So results, ordering and headers are the route's, always read
at the current generation; only the rendering is saved.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.types import Scope, Send

from storyline.serve.hot import Prepared, keep_recent, once
from storyline.serve.pages import render_search, search_results
from storyline.serve.state import AppState
from storyline.store.search import Filters, ReportHit, StoryRow

#: Search answers kept per process (one per distinct set of filters), least recent out.
SEARCH_SIZE = 512
#: The route's limits on the query's values (serve/filters.py).
MAX_WORDS = 500
MAX_NAME = 300

_HTML = b"text/html; charset=utf-8"
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TRUE = frozenset({"1", "true", "on", "yes"})
_FALSE = frozenset({"0", "false", "off", "no"})


@dataclass(frozen=True, slots=True)
class Kept:
    """A search's rows and its answer, at the generation they were read at."""

    stories: tuple[StoryRow, ...]
    reports: tuple[ReportHit, ...]
    answer: Prepared


def search_filters(query_string: bytes) -> Filters | None:
    """The filters of a search's query string, or None when the route should judge it.

    Read as Starlette and :func:`storyline.serve.filters.make_filters` read it;
    None for anything the route might refuse or read differently.
    """
    seen: dict[str, str] = {}
    for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if key in seen:
            return None
        seen[key] = value
    q = seen.get("q", "")
    outlet, entity = seen.get("outlet", ""), seen.get("entity", "")
    if len(q) > MAX_WORDS or len(outlet) > MAX_NAME or len(entity) > MAX_NAME:
        return None
    since, until = _day(seen.get("since", "")), _day(seen.get("until", ""))
    flag = seen.get("disputed", "false").lower()
    if since is None or until is None or flag not in _TRUE | _FALSE:
        return None
    return Filters(
        q=q.strip(),
        since=since,
        until=until,
        outlet=outlet.strip(),
        entity=entity.strip(),
        disputed=flag in _TRUE,
    )


def _day(text: str) -> str | None:
    if not text:
        return ""
    if not _DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


class SearchAnswers:
    """The search page's answers for one app: kept per filters, checked per generation."""

    def __init__(self, state: AppState, size: int = SEARCH_SIZE) -> None:
        self.state = state
        self.size = size
        self._kept: OrderedDict[Filters, tuple[str, Kept]] = OrderedDict()
        self._building: dict[tuple[Filters, str], asyncio.Future[Kept]] = {}

    async def answer(self, scope: Scope, send: Send) -> bool:
        """Send the search page; False when the route must answer instead."""
        filters = search_filters(scope.get("query_string", b""))
        if filters is None:
            return False
        _, generation = self.state.watch.current()
        found = self._kept.get(filters)
        if found is not None and found[0] == generation:
            self._kept.move_to_end(filters)
            kept = found[1]
        else:
            try:
                kept = await self._refresh(filters, generation, None if found is None else found[1])
            except Exception:  # the route answers, with its error page and its log line
                return False
        await kept.answer.send(scope, send)
        return True

    async def _refresh(self, filters: Filters, generation: str, old: Kept | None) -> Kept:
        """Read the results again, once however many requests ask meanwhile."""
        made = await once(
            self._building,
            (filters, generation),
            lambda: run_in_threadpool(self._build, filters, generation, old),
        )
        keep_recent(self._kept, filters, (generation, made), self.size)
        return made

    def _build(self, filters: Filters, generation: str, old: Kept | None) -> Kept:
        stories, reports = search_results(self.state.reader(), filters, self.state.snippets)
        if old is not None and old.stories == stories and old.reports == reports:
            body, etag = old.answer.body, old.answer.tag.strip('"')
        else:
            body = render_search(filters, stories, reports).encode("utf-8")
            etag = hashlib.sha256(body).hexdigest()[:20]
        answer = Prepared.make(
            body,
            etag=etag,
            modified=generation.split("/")[0],
            private=self.state.settings.private,
            gzipped=False,
            at=generation,
            media=_HTML,
        )
        return Kept(stories, reports, answer)
