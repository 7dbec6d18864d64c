"""The hot routes answered before the framework: the story page, the story object, the home page.

Most requests are for these three (and the story listing, below), and a
FastAPI route costs far more than the answer (routing, dependencies, a thread
hop): about 0.4 ms of CPU a request in process, where a look-up in memory costs
a few µs. With reads open (no
``--private``), this middleware answers ``GET /``, ``GET /stories/{id}`` and
``GET /api/v1/stories/{id}`` itself, from answers prepared once per change of
the store, with the same headers, ETag/304 and Last-Modified as the routes (the
edge middleware around it adds the security headers). Everything else, a story
it does not have, a ``HEAD``, and every request of a private server goes on to
the app. ``GET /search`` is answered by :mod:`storyline.serve.hot_search`
when given (its results read again after every publish). The story listing
``GET /api/v1/stories`` goes to its route, and the route's 200 is kept and sent
again (with its own ETag and Link) while the published generation holds.

When an answer is current: :class:`~storyline.serve.state.ChangeWatch` reads
the store's data version (``PRAGMA data_version``; on PostgreSQL the WAL
position), one cheap query a request, which changes when any other connection,
in any process, commits. A story's answer is kept while the
published generation is the one it was checked at; when that moved, the story
is read again (one indexed row) and its answer kept if its ETag is unchanged.
The home page is rendered again after any change at all (its counts move with
every stored report), once: requests that arrive meanwhile wait for that one
rendering (in a worker thread, off the event loop); its lists of stories and
storylines, most of its cost, only when the published generation moved.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline.serve.http import cache_control, http_date, not_modified
from storyline.serve.pages import home_lists, render_home
from storyline.serve.state import AppState

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")
V = TypeVar("V")

#: Prepared story answers kept per process (page and object count apart), least recent out.
HOT_SIZE = 2048
#: Longest story id a hot route takes (the routes' own limit).
MAX_ID = 300

_HTML = b"text/html; charset=utf-8"
_JSON = b"application/json"


@dataclass(frozen=True, slots=True)
class Prepared:
    """One answer, ready to send: its body and the headers of its 200 and its 304."""

    body: bytes
    gzipped: bool
    tag: str
    last_modified: str
    headers: tuple[tuple[bytes, bytes], ...]
    #: The published generation (stories, listings) or change version (home) it is current at.
    at: str
    media: bytes

    @classmethod
    def make(
        cls,
        body: bytes,
        *,
        etag: str,
        modified: str,
        private: bool,
        gzipped: bool,
        at: str,
        media: bytes,
    ) -> Prepared:
        """Headers built once, as :func:`storyline.serve.http.conditional` builds them."""
        tag = f'"{etag}"'
        last = http_date(modified)
        headers = [
            (b"etag", tag.encode("latin-1")),
            (b"last-modified", last.encode("latin-1")),
            (b"cache-control", cache_control(private=private).encode("latin-1")),
        ]
        if gzipped:
            headers.append((b"vary", b"Accept-Encoding"))
        return cls(body, gzipped, tag, last, tuple(headers), at, media)

    @classmethod
    def captured(cls, body: bytes, headers: list[tuple[bytes, bytes]], at: str) -> Prepared | None:
        """An answer the app made (a 200 with an ETag, not compressed) to send again."""
        found = dict(headers)
        if b"etag" not in found or b"content-encoding" in found or b"set-cookie" in found:
            return None
        entity = {b"content-length", b"content-type"}
        return cls(
            body,
            False,
            found[b"etag"].decode("latin-1"),
            found.get(b"last-modified", b"").decode("latin-1"),
            tuple((k, v) for k, v in headers if k not in entity),
            at,
            found.get(b"content-type", _JSON),
        )

    def again(self, at: str) -> Prepared:
        """The same answer, current at ``at`` too."""
        return Prepared(
            self.body, self.gzipped, self.tag, self.last_modified, self.headers, at, self.media
        )

    async def send(self, scope: Scope, send: Send) -> None:
        """A 304 when the client has it, else the body (unpacked for clients without gzip)."""
        wanted = since = None
        accepts_gzip = False
        for key, value in scope["headers"]:
            if key == b"if-none-match":
                wanted = value.decode("latin-1")
            elif key == b"if-modified-since":
                since = value.decode("latin-1")
            elif key == b"accept-encoding":
                accepts_gzip = b"gzip" in value.lower()
        headers = list(self.headers)
        if not_modified(wanted, since, tag=self.tag, last_modified=self.last_modified):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        body = self.body
        if self.gzipped:
            if accepts_gzip:
                headers.append((b"content-encoding", b"gzip"))
            else:
                body = gzip.decompress(body)
        headers += [(b"content-length", str(len(body)).encode()), (b"content-type", self.media)]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class HotRoutes:
    """ASGI middleware: the hot routes from memory, the rest to ``app``."""

    def __init__(
        self,
        app: ASGIApp,
        state: AppState,
        size: int = HOT_SIZE,
        search: Callable[[Scope, Send], Awaitable[bool]] | None = None,
    ) -> None:
        self.app = app
        self.state = state
        self.size = size
        #: Answers ``GET /search`` (serve/hot_search.py), or says the route must.
        self.search = search
        self._answers: OrderedDict[tuple[str, str], Prepared] = OrderedDict()
        self._building: dict[tuple[str, str], asyncio.Future[Prepared | None]] = {}
        self._home_lists: tuple[str, Markup] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            path: str = scope["path"]
            if path == "/":
                if await self._answer(scope, send, ("home", "")):
                    return
            elif path.startswith("/stories/"):
                story_id = path[len("/stories/") :]
                if _plain_id(story_id) and await self._answer(scope, send, ("page", story_id)):
                    return
            elif path == "/search":
                if self.search is not None and await self.search(scope, send):
                    return
            elif path == "/api/v1/stories":
                await self._listing(scope, receive, send)
                return
            elif path.startswith("/api/v1/stories/"):
                story_id = path[len("/api/v1/stories/") :]
                if _plain_id(story_id) and await self._answer(scope, send, ("json", story_id)):
                    return
        await self.app(scope, receive, send)

    async def _answer(self, scope: Scope, send: Send, key: tuple[str, str]) -> bool:
        """Send the prepared answer for ``key``; False when the app must answer instead."""
        version, generation = self.state.watch.current()
        at = str(version) if key[0] == "home" else generation
        found = self._answers.get(key)
        if found is None or found.at != at:
            found = await self._refresh(key, found, at)
            if found is None:
                return False
        else:
            self._answers.move_to_end(key)
        await found.send(scope, send)
        return True

    async def _listing(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The story listing: the app's answer, sent again while the generation holds.

        Its body depends on the query and on the Host the client named (the URLs in
        it), so both are the key; anything but a 200 with an ETag is not kept.
        """
        _, generation = self.state.watch.current()
        host = next((v for k, v in scope["headers"] if k == b"host"), b"")
        key = ("list", (host + b" " + scope.get("query_string", b"")).decode("latin-1"))
        found = self._answers.get(key)
        if found is not None and found.at == generation:
            self._answers.move_to_end(key)
            await found.send(scope, send)
            return
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if status == 200 and not _conditional(scope):
            made = Prepared.captured(b"".join(chunks), headers, generation)
            if made is not None:
                self._keep(key, made)

    async def _refresh(
        self, key: tuple[str, str], old: Prepared | None, at: str
    ) -> Prepared | None:
        """Prepare ``key`` again, once however many requests ask meanwhile."""
        slot = (key[0] + "\0" + key[1], at)
        made = await once(self._building, slot, lambda: self._prepare(key, old, at))
        if made is None:
            self._answers.pop(key, None)
        else:
            self._keep(key, made)
        return made

    def _keep(self, key: tuple[str, str], made: Prepared) -> None:
        keep_recent(self._answers, key, made, self.size)

    def _prepare(
        self, key: tuple[str, str], old: Prepared | None, at: str
    ) -> Awaitable[Prepared | None]:
        kind, story_id = key
        private = self.state.settings.private
        if kind == "home":
            return run_in_threadpool(self._home, at, private)
        return _done(self._story(kind, story_id, old, at, private))

    def _home(self, at: str, private: bool) -> Prepared:
        reader = self.state.reader()
        generation = reader.generation()
        kept = self._home_lists
        if kept is None or kept[0] != generation:  # read after: never older than the generation
            kept = self._home_lists = (generation, home_lists(reader))
        body = render_home(reader, kept[1]).encode("utf-8")
        etag = hashlib.sha256(body).hexdigest()[:20]
        return Prepared.make(
            body,
            etag=etag,
            modified=generation.split("/")[0],
            private=private,
            gzipped=False,
            at=at,
            media=_HTML,
        )

    def _story(
        self, kind: str, story_id: str, old: Prepared | None, at: str, private: bool
    ) -> Prepared | None:
        # One indexed row: read on the event loop (a thread hop costs more than the read).
        found = self.state.reader().story(story_id)
        if found is None:
            return None
        row, story_json, page = found
        if old is not None and old.tag == f'"{row.etag}"':
            return old.again(at)
        if kind == "page":
            body, gzipped, media = page, True, _HTML
        else:
            body, gzipped, media = story_json.encode("utf-8"), False, _JSON
        return Prepared.make(
            body,
            etag=row.etag,
            modified=row.updated,
            private=private,
            gzipped=gzipped,
            at=at,
            media=media,
        )


async def _done(value: Prepared | None) -> Prepared | None:
    return value


def _conditional(scope: Scope) -> bool:
    return any(k in {b"if-none-match", b"if-modified-since"} for k, _ in scope["headers"])


def _plain_id(story_id: str) -> bool:
    return 0 < len(story_id) <= MAX_ID and "/" not in story_id


async def once(
    building: dict[K, asyncio.Future[T]], slot: K, make: Callable[[], Awaitable[T]]
) -> T:
    """``make()``, run once for ``slot`` however many requests ask while it runs: the
    others wait for its result (or its exception) in ``building``."""
    pending = building.get(slot)
    if pending is not None:
        return await asyncio.shield(pending)
    pending = asyncio.get_running_loop().create_future()
    building[slot] = pending
    try:
        made = await make()
    except BaseException as exc:
        pending.set_exception(exc)
        pending.exception()  # retrieved: waiters (if any) get it, no "never retrieved" log
        raise
    else:
        pending.set_result(made)
    finally:
        del building[slot]
    return made


def keep_recent(kept: OrderedDict[K, V], key: K, value: V, size: int) -> None:
    """Keep ``value`` as the most recent entry, the least recent out beyond ``size``."""
    kept[key] = value
    kept.move_to_end(key)
    while len(kept) > size:
        kept.popitem(last=False)
