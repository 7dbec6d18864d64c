"""Atom feeds of new and changed stories: all of them, or one storyline's."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from starlette.responses import Response

from storyline.serve.access import read_access
from storyline.serve.http import NotFoundError, conditional
from storyline.serve.state import AppState, templates
from storyline.store.search import StoryRow

router = APIRouter(dependencies=[Depends(read_access)])

#: Entries a feed carries.
FEED_ENTRIES = 50
ATOM = "application/atom+xml; charset=utf-8"


def _feed(request: Request, rows: list[StoryRow], title: str, key: str) -> Response:
    state: AppState = request.app.state.storyline
    reader = state.reader()
    generation = reader.generation()
    base = str(request.base_url).rstrip("/")

    def build() -> tuple[str, str]:
        entries: list[dict[str, Any]] = [
            {
                "id": f"{base}/stories/{r.id}",
                "title": r.title,
                "updated": r.updated,
                "url": f"{base}/stories/{r.id}",
                "summary": reader.story_summary(r.num)
                or f"{r.reports} reports from {r.sources} independent sources.",
            }
            for r in rows
        ]
        body = (
            templates()
            .get_template("stories.atom.j2")
            .render(
                feed_id=f"{base}/feeds/{key}",
                title=title,
                updated=max((r.updated for r in rows), default="1970-01-01T00:00:00+00:00"),
                self_url=str(request.url),
                home_url=base + "/",
                entries=entries,
            )
        )
        return f"f{generation.rsplit('/', 1)[-1]}-{len(rows)}", body

    etag, body = state.cache.get(str(request.url), generation, build)
    return conditional(
        request,
        body,
        etag=etag,
        modified=generation.split("/")[0],
        media_type=ATOM,
        private=state.settings.private,
    )


@router.get(
    "/feeds/stories.atom",
    response_class=Response,
    responses={200: {"content": {ATOM: {}}, "description": "An Atom feed."}},
    summary="Atom feed of new and changed stories",
)
def stories_feed(request: Request) -> Response:
    """The most recently new or changed stories."""
    state: AppState = request.app.state.storyline
    rows = state.reader().recently_updated(limit=FEED_ENTRIES)
    return _feed(request, rows, "storyline: new and changed stories", "stories.atom")


@router.get(
    "/feeds/storylines/{storyline_id}.atom",
    response_class=Response,
    responses={200: {"content": {ATOM: {}}, "description": "An Atom feed."}},
    summary="Atom feed of one storyline",
)
def storyline_feed(
    request: Request, storyline_id: Annotated[str, Path(max_length=300)]
) -> Response:
    """The storyline's stories, most recently new or changed first."""
    state: AppState = request.app.state.storyline
    rows = state.reader().recently_updated(storyline=storyline_id, limit=FEED_ENTRIES)
    if not rows:
        raise NotFoundError(f"no storyline {storyline_id!r}")
    title = f"storyline: {rows[-1].title}"
    return _feed(request, rows, title, f"storylines/{storyline_id}.atom")
