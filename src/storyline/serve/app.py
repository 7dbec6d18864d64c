"""The ASGI app of ``storyline serve``: pages, JSON API, feeds, over one storyline database.

One writer, many readers: requests read through per-thread read-only
connections (WAL), while posted reports are stored by the request that carries
them and placed by one background worker. Errors are JSON under ``/api/`` and
pages elsewhere, never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from storyline.report.html import page_assets
from storyline.serve.auth import AuthError, Gate
from storyline.serve.feeds import router as feeds_router
from storyline.serve.hot import HotRoutes
from storyline.serve.hot_search import SearchAnswers
from storyline.serve.http import EdgeMiddleware, NotFoundError, conditional, json_error
from storyline.serve.pages import router as pages_router
from storyline.serve.publish import place_pending
from storyline.serve.routes_api import router as api_router
from storyline.serve.settings import Settings
from storyline.serve.state import AppState, ChangeWatch, templates
from storyline.serve.worker import PlacementWorker
from storyline.store.served import Published
from storyline.store.tokens import Tokens

#: The fixed modification time of the static assets' answers (they change only with a release).
_ASSETS_MODIFIED = "2026-01-01T00:00:00+00:00"


def create_app(
    settings: Settings, *, placer: Callable[[str | Path], list[str]] | None = None
) -> FastAPI:
    """The app for one database; ``placer`` replaces the digest adapter (tests pass a fake)."""
    with Published(settings.db):
        pass  # creates the served tables an older database lacks
    tokens = Tokens(settings.db)
    state = AppState(
        settings=settings, gate=Gate(tokens, settings.rate_limit), watch=ChangeWatch(settings.db)
    )

    def place(db: str | Path) -> list[str]:
        return place_pending(db, model=settings.model, jobs=settings.jobs)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # sync routes and run_in_threadpool share this limit (anyio's default is 40)
        to_thread.current_default_thread_limiter().total_tokens = settings.read_threads
        running: list[asyncio.Task[None]] = []
        if settings.place:
            state.worker = PlacementWorker(settings.db, placer or place, settings.poll_seconds)
            running.append(asyncio.create_task(state.worker.run()))
            state.worker.wake()
        running += [asyncio.create_task(task(state)) for task in settings.tasks]
        try:
            yield
        finally:
            for task in running:
                task.cancel()
            for task in running:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            tokens.close()
            state.close_readers()
            state.watch.close()

    app = FastAPI(
        title="storyline",
        version="1",
        summary="Stories, timelines, quotes and disputed facts from many news reports.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.storyline = state
    app.include_router(pages_router)
    app.include_router(api_router)
    app.include_router(feeds_router)
    _add_assets(app)
    _add_errors(app)
    if not settings.private:  # a private server checks every read's token in its routes
        app.add_middleware(HotRoutes, state=state, search=SearchAnswers(state).answer)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["Link", "ETag"],
        )
    app.add_middleware(EdgeMiddleware, body_limit=settings.body_limit)
    return app


def _add_assets(app: FastAPI) -> None:
    css, js = page_assets()
    files = {
        "style.css": (css + _SERVER_CSS, "text/css; charset=utf-8"),
        "page.js": (js, "text/javascript; charset=utf-8"),
    }

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204, headers={"cache-control": "public, max-age=86400"})

    @app.get("/static/{name}", include_in_schema=False)
    def static(request: Request, name: str) -> Response:
        found = files.get(name)
        if found is None:
            raise NotFoundError(f"no file {name!r}")
        body, media = found
        etag = hashlib.sha256(body.encode("utf-8")).hexdigest()[:20]
        return conditional(
            request,
            body,
            etag=etag,
            modified=_ASSETS_MODIFIED,
            media_type=media,
            private=False,
            max_age=3600,
        )


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith(("/api/", "/feeds/", "/healthz", "/openapi"))


def _error_page(
    request: Request, status: int, heading: str, message: str, **extra: Any
) -> Response:
    if _wants_json(request):
        return json_error(status, message, **extra)
    body = (
        templates()
        .get_template("error.html.j2")
        .render(status=status, heading=heading, message=message)
    )
    return Response(body, status_code=status, media_type="text/html; charset=utf-8")


def _add_errors(app: FastAPI) -> None:
    @app.exception_handler(AuthError)
    async def auth_error(request: Request, exc: AuthError) -> Response:
        extra = {"retry_after": exc.retry_after} if exc.retry_after else {}
        return json_error(exc.status, exc.message, **extra)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _error_page(request, 404, "Not found", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [_problem(e) for e in _one_shape(exc.errors(), exc.body)]
        return _error_page(
            request,
            422,
            "Invalid request",
            "invalid request: " + "; ".join(problems),
            problems=problems,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}"
        return _error_page(request, exc.status_code, message.capitalize(), message)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        return json_error(500, "internal error; the server log has the details")


def _one_shape(errors: Sequence[Any], body: Any) -> list[Any]:
    """Errors of a body that may be one object or a list: only those of the shape sent.

    Pydantic reports a failed union for every member ("ArticleIn.text: ...",
    "list[ArticleIn]: ..."); the sender needs only the ones about what they sent.
    """
    sent = "list[" if isinstance(body, list) else ""
    out = []
    for error in errors:
        loc = tuple(error.get("loc", ()))
        tag = loc[1] if len(loc) > 1 and loc[0] == "body" else None
        if isinstance(tag, str) and (tag[:1].isupper() or tag.startswith("list[")):
            if tag.startswith("list[") != bool(sent):
                continue
            error = {**error, "loc": (loc[0], *loc[2:])}
        out.append(error)
    return out or list(errors)


def _problem(error: Any) -> str:
    return ".".join(str(p) for p in error.get("loc", ())) + f": {error.get('msg', 'invalid')}"


#: Styles of the server's own pages (the report's stylesheet comes first).
_SERVER_CSS = """
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}
form.search input[type=search]{flex:1 1 12rem;min-width:0}
form.search label{display:flex;flex-direction:column;gap:.2rem}
.filters{flex-basis:100%}
.filters label{display:inline-flex;flex-direction:row;gap:.3rem;margin:.2rem .8rem .2rem 0}
.filters input{max-width:100%}
button{font:inherit;padding:.3rem .8rem}
.stories li .names a{color:inherit}
"""
