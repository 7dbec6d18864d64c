"""The HTTP edge: security headers, body limit, conditional responses, JSON errors.

Every response carries a Content-Security-Policy that allows only same-origin
files (no inline script or style at all), ``nosniff`` and no framing. Request
bodies over the limit are refused with 413 before they are read.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class EdgeMiddleware:
    """Adds the security headers to every response and refuses bodies over the limit."""

    def __init__(self, app: ASGIApp, body_limit: int) -> None:
        self.app = app
        self.body_limit = body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        length = _content_length(scope)
        if length is not None and length > self.body_limit:
            await self._too_large(scope, send_secured)
            return
        if length is None and scope.get("method") in {"POST", "PUT", "PATCH"}:
            # A streamed body: read it here, up to the limit, so that the 413 comes from
            # this middleware and never from inside a half-read request.
            chunks: list[bytes] = []
            size = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.body_limit:
                    await self._too_large(scope, send_secured)
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)

            async def replay() -> Message:
                return {"type": "http.request", "body": body, "more_body": False}

            await self.app(scope, replay, send_secured)
            return
        await self.app(scope, receive, send_secured)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        response = json_error(
            413,
            f"request body too large: the limit is {self.body_limit:,} bytes "
            "(the ingest limit of one article); send fewer articles per request",
        )
        await response(scope, _no_body, send)


class NotFoundError(Exception):
    """Something the store does not have (a 404 page, or JSON under /api)."""


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def json_error(status: int, message: str, **extra: Any) -> Response:
    """A JSON error body: ``{"error": message, ...}``; never a traceback."""
    body = json.dumps({"error": message, **extra}, ensure_ascii=False)
    headers = {"www-authenticate": 'Bearer realm="storyline"'} if status == 401 else {}
    if status == 429 and "retry_after" in extra:
        headers["retry-after"] = str(extra["retry_after"])
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def http_date(iso: str) -> str:
    """An ISO time as an HTTP date (for Last-Modified)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        moment = datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def not_modified(
    if_none_match: str | None, if_modified_since: str | None, *, tag: str, last_modified: str
) -> bool:
    """Whether the client's copy is current: its ETag matches (or, without one, its date)."""
    if if_none_match is not None:
        return if_none_match.strip() == "*" or tag in [t.strip() for t in if_none_match.split(",")]
    return if_modified_since is not None and if_modified_since == last_modified


def cache_control(*, private: bool, max_age: int = 0) -> str:
    """The Cache-Control of a page or API answer: revalidate once ``max_age`` has passed."""
    return f"{'private' if private else 'public'}, max-age={max_age}, must-revalidate"


def conditional(
    request: Request,
    body: str | bytes,
    *,
    etag: str,
    modified: str,
    media_type: str,
    private: bool,
    headers: Mapping[str, str] | None = None,
    max_age: int = 0,
    gzipped: bool = False,
) -> Response:
    """A response that carries ETag and Last-Modified and answers 304 when the client has it.

    A ``gzipped`` body is sent as it is to clients that accept gzip, unpacked for others.
    """
    tag = f'"{etag}"'
    common = {
        "etag": tag,
        "last-modified": http_date(modified),
        "cache-control": cache_control(private=private, max_age=max_age),
    }
    if gzipped:
        common["vary"] = "Accept-Encoding"
    if headers:
        common.update(headers)
    if not_modified(
        request.headers.get("if-none-match"),
        request.headers.get("if-modified-since"),
        tag=tag,
        last_modified=common["last-modified"],
    ):
        return Response(status_code=304, headers=common)
    if gzipped:
        assert isinstance(body, bytes)
        if "gzip" in request.headers.get("accept-encoding", "").lower():
            common["content-encoding"] = "gzip"
        else:
            body = gzip.decompress(body)
    return Response(body, media_type=media_type, headers=common)
