"""The JSON API under ``/api/v1/``: stories, a story, articles, posting reports; health."""

from __future__ import annotations

import json
import zlib
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from starlette.responses import Response

from storyline.ingest.errors import InputError
from storyline.ingest.jsonl import record_to_article
from storyline.report.json import analysis_to_dict
from storyline.serve.access import read_access, write_access
from storyline.serve.filters import make_filters
from storyline.serve.http import NotFoundError, conditional, json_error
from storyline.serve.models import (
    MAX_POSTED,
    AcceptedList,
    ArticleIn,
    ArticleOut,
    Health,
    StoryList,
    error_responses,
)
from storyline.serve.state import AppState
from storyline.store import Store
from storyline.store.search import Filters, StoryRow, decode_cursor, encode_cursor

router = APIRouter()

#: Stories one listing page holds by default, and at most.
DEFAULT_LIMIT, MAX_LIMIT = 20, 200


def _state(request: Request) -> AppState:
    state: AppState = request.app.state.storyline
    return state


def story_item(row: StoryRow, base: str) -> dict[str, Any]:
    """A story as the listing gives it."""
    return {
        "id": row.id,
        "title": row.title,
        "storyline": row.storyline,
        "first": row.first,
        "last": row.last,
        "reports": row.reports,
        "sources": row.sources,
        "disputed": row.disputed,
        "names": list(row.names),
        "updated": row.updated,
        "url": f"{base}api/v1/stories/{row.id}",
    }


@router.get(
    "/api/v1/stories",
    response_model=StoryList,
    responses=error_responses(401, 422, 429),
    summary="List stories, newest first",
    dependencies=[Depends(read_access)],
)
def list_stories(
    request: Request,
    filters: Annotated[Filters, Depends(make_filters)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None, Query(max_length=200, description="`next` of the last page.")
    ] = None,
) -> Response:
    """Stories by their latest report, newest first; follow ``next`` (or ``Link``) for more."""
    state = _state(request)
    after = None
    if cursor:
        try:
            after = decode_cursor(cursor)
        except ValueError:
            return json_error(422, "invalid cursor: pass the 'next' value of a previous page")
    reader = state.reader()
    generation = reader.generation()
    base = str(request.base_url)

    def build() -> tuple[str, str]:
        rows = reader.stories(filters, limit=limit + 1, after=after)
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = encode_cursor(rows[-1].last, rows[-1].num) if more and rows else None
        body = json.dumps(
            {"stories": [story_item(r, base) for r in rows], "next": nxt}, ensure_ascii=False
        )
        return f"{generation.rsplit('/', 1)[-1]}-{nxt or ''}", body

    etag, body = state.cache.get(str(request.url), generation, build)
    nxt = json.loads(body)["next"]
    headers = {}
    if nxt:
        link = request.url.include_query_params(cursor=nxt, limit=limit)
        headers["link"] = f'<{link}>; rel="next"'
    return conditional(
        request,
        body,
        etag=f"l{etag}-{zlib.crc32(str(request.url).encode()):x}",  # the same in every worker
        modified=generation.split("/")[0],
        media_type="application/json",
        private=state.settings.private,
        headers=headers,
    )


@router.get(
    "/api/v1/stories/{story_id}",
    responses={
        200: {"description": "The story object exactly as in stories.json."},
        **error_responses(401, 404, 429),
    },
    summary="One story, as in stories.json",
    dependencies=[Depends(read_access)],
)
def get_story(request: Request, story_id: Annotated[str, Path(max_length=300)]) -> Response:
    """The story object exactly as ``stories.json`` holds it."""
    state = _state(request)
    found = state.reader().story(story_id)
    if found is None:
        raise NotFoundError(f"no story {story_id!r}")
    row, story_json, _ = found
    return conditional(
        request,
        story_json,
        etag=row.etag,
        modified=row.updated,
        media_type="application/json",
        private=state.settings.private,
    )


@router.get(
    "/api/v1/articles/{article_id}",
    response_model=ArticleOut,
    responses=error_responses(401, 404, 429),
    summary="One stored report, its analysis and its story",
    dependencies=[Depends(read_access)],
)
def get_article(request: Request, article_id: Annotated[str, Path(max_length=300)]) -> Response:
    """The report and its analysis as ``storyline analyze`` writes it; its story once placed."""
    found = _state(request).reader().article(article_id)
    if found is None:
        raise NotFoundError(f"no article {article_id!r}")
    article, analysis, story = found
    if analysis is None:
        out: dict[str, Any] = {
            "id": article.id,
            "source": article.source,
            "url": article.url,
            "title": article.title,
            "published": article.published,
            "published_estimated": article.published_estimated,
            "path": article.path,
            "author": article.author,
            "text": article.text,
        }
    else:
        out = analysis_to_dict(article, analysis)
    out["status"] = "placed" if story else ("analysed" if analysis else "pending")
    out["story"] = story
    body = json.dumps(out, ensure_ascii=False, sort_keys=True)
    return Response(body, media_type="application/json", headers={"cache-control": "no-cache"})


@router.post(
    "/api/v1/articles",
    status_code=202,
    response_model=AcceptedList,
    responses=error_responses(401, 409, 413, 422, 429),
    summary="Add reports (one article or a list)",
    dependencies=[Depends(write_access)],
)
def post_articles(
    request: Request,
    body: Annotated[
        ArticleIn | list[ArticleIn],
        Body(description=f"One article or a list of at most {MAX_POSTED}."),
    ],
) -> Response:
    """Store the reports (before answering) and queue them for analysis and placement."""
    state = _state(request)
    records = body if isinstance(body, list) else [body]
    if not records:
        return json_error(422, "no article in the body")
    if len(records) > MAX_POSTED:
        return json_error(422, f"too many articles: at most {MAX_POSTED} per request")
    articles = []
    problems = []
    for n, record in enumerate(records):
        try:
            articles.append(
                record_to_article(record.model_dump(exclude_none=True), "POST /api/v1/articles", n)
            )
        except InputError as exc:
            problems.append(f"article {n}: {exc.reason}")
    if problems:
        return json_error(422, "invalid article(s)", problems=problems)
    accepted = []
    clashes = []
    with Store(state.settings.db, timeout=60.0) as store, store.batch():
        for n, article in enumerate(articles):
            added = store.add_article(article)
            stored_id = article.id if added else store.has_content(article.content_hash or "")
            if stored_id is None:
                clashes.append(f"article {n}: id {article.id!r} is taken by a different text")
                continue
            accepted.append(
                {
                    "id": stored_id,
                    "status": "stored" if added else "already stored",
                    "url": f"{request.base_url}api/v1/articles/{stored_id}",
                }
            )
    if clashes:  # the others are stored; a repost of them is idempotent
        return json_error(409, "id conflict", problems=clashes, accepted=accepted)
    if state.worker is not None:
        state.worker.wake()
    return Response(
        json.dumps({"accepted": accepted}, ensure_ascii=False),
        status_code=202,
        media_type="application/json",
    )


@router.get("/healthz", response_model=Health, summary="Liveness and store counts")
def healthz(request: Request) -> Response:
    """Up, reading the store; how many stories, reports, and reports waiting for a story."""
    state = _state(request)
    reader = state.reader()
    stories, reports = reader.counts()
    worker = state.worker
    body = {
        "status": "ok",
        "stories": stories,
        "reports": reports,
        "pending": reader.pending(),
        "worker_passes": worker.passes if worker else 0,
    }
    return Response(
        json.dumps(body), media_type="application/json", headers={"cache-control": "no-store"}
    )
