"""The HTML pages: home, story, storyline, search, entity and outlet pages.

Story pages were rendered when the story was published (by the same view and
template as the static report); the other pages are rendered here from the
served tables and kept per store generation, so a repeat is a dictionary look-up.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from starlette.responses import Response

from storyline.serve.access import read_access
from storyline.serve.filters import make_filters
from storyline.serve.http import NotFoundError, conditional
from storyline.serve.publish import SERVER_SITE
from storyline.serve.state import AppState, templates
from storyline.store.search import Filters, ReportHit, StoryRow
from storyline.store.search_steps import Snippets
from storyline.store.served import Published
from storyline.story.storyline import storyline_from_json

router = APIRouter(default_response_class=HTMLResponse, dependencies=[Depends(read_access)])

#: Stories the home page lists.
HOME_STORIES = 50
#: Storylines the home page lists.
HOME_STORYLINES = 20


def _state(request: Request) -> AppState:
    state: AppState = request.app.state.storyline
    return state


def _page(request: Request, name: str, context: Callable[[], dict[str, Any]]) -> Response:
    """Render a template once per store generation and URL; answer with ETag/304."""
    state = _state(request)
    generation = state.reader().generation()

    def build() -> tuple[str, str]:
        body = templates().get_template(name).render(**context())
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:20]
        return digest, body

    etag, body = state.cache.get(str(request.url), generation, build)
    return conditional(
        request,
        body,
        etag=etag,
        modified=generation.split("/")[0],
        media_type="text/html; charset=utf-8",
        private=state.settings.private,
    )


def home_lists(reader: Published) -> Markup:
    """The home page's lists of stories and storylines (they change only when published)."""
    context = {
        "stories": reader.stories(Filters(), limit=HOME_STORIES),
        "storylines": reader.storylines(limit=HOME_STORYLINES),
        "next": None,
    }
    return Markup(templates().get_template("_home_lists.html.j2").render(**context))


def render_home(reader: Published, lists: Markup | None = None) -> str:
    """The home page as the store holds it now (``lists``: from :func:`home_lists`)."""
    stories_count, reports_count = reader.counts()
    context = {
        "lists": home_lists(reader) if lists is None else lists,
        "stories_count": stories_count,
        "reports_count": reports_count,
        "pending": reader.pending(),
        "filters": Filters(),
    }
    return templates().get_template("home.html.j2").render(**context)


@router.get("/", summary="Latest stories and storylines")
def home(request: Request) -> Response:
    """The newest stories and storylines, with counts and a disputed badge.

    Answered by :mod:`storyline.serve.hot` before the framework when reads are open.
    """
    reader = _state(request).reader()

    def build() -> tuple[str, str]:
        body = render_home(reader)
        return hashlib.sha256(body.encode("utf-8")).hexdigest()[:20], body

    state = _state(request)
    version, generation = state.watch.current()
    etag, body = state.cache.get("home", str(version), build)
    return conditional(
        request,
        body,
        etag=etag,
        modified=generation.split("/")[0],
        media_type="text/html; charset=utf-8",
        private=state.settings.private,
    )


@router.get("/stories/{story_id}", summary="A story page")
def story_page(request: Request, story_id: Annotated[str, Path(max_length=300)]) -> Response:
    """The story: cited summary, disputes, timeline, who said what, coverage, reports."""
    state = _state(request)
    found = state.reader().story(story_id)
    if found is None:
        raise NotFoundError(f"no story {story_id!r}")
    row, _, page = found
    return conditional(
        request,
        page,
        etag=row.etag,
        modified=row.updated,
        media_type="text/html; charset=utf-8",
        private=state.settings.private,
        gzipped=True,
    )


@router.get("/storylines/{storyline_id}", summary="A storyline page")
def storyline_page(
    request: Request, storyline_id: Annotated[str, Path(max_length=300)]
) -> Response:
    """The storyline told as the static report tells it: its stories in order, each in one
    line, and the figures that changed (built from the stories as published)."""
    reader = _state(request).reader()
    stories = reader.stories(Filters(storyline=storyline_id), limit=500)
    if not stories:
        raise NotFoundError(f"no storyline {storyline_id!r}")

    def context() -> dict[str, Any]:
        docs = [
            (json.loads(found[1]), s.first, s.last)
            for s in stories
            if (found := reader.story(s.id)) is not None
        ]
        line = storyline_from_json(storyline_id, docs)
        return {"line": line, "line_id": storyline_id, "story_file": SERVER_SITE.story_href}

    return _page(request, "storyline.html.j2", context)


@router.get("/search", summary="Full-text search over reports and stories")
def search_page(request: Request, filters: Annotated[Filters, Depends(make_filters)]) -> Response:
    """Ranked stories and reports matching the words, narrowed by the filters."""
    reader = _state(request).reader()

    def context() -> dict[str, Any]:
        stories, reports = search_results(reader, filters, _state(request).snippets)
        return {"filters": filters, "stories": stories, "reports": reports}

    return _page(request, "search.html.j2", context)


def search_results(
    reader: Published, filters: Filters, snippets: Snippets | None = None
) -> tuple[tuple[StoryRow, ...], tuple[ReportHit, ...]]:
    """What the search page lists: ranked stories (when anything narrows them) and reports."""
    active = filters.q or filters.since or filters.until or filters.outlet or filters.entity
    stories: tuple[StoryRow, ...] = ()
    if active or filters.disputed:
        stories = tuple(reader.ranked_stories(filters))
    return stories, tuple(reader.ranked_reports(filters, snippets=snippets))


def render_search(
    filters: Filters, stories: tuple[StoryRow, ...], reports: tuple[ReportHit, ...]
) -> str:
    """The search page for these results (as :func:`search_page` renders it)."""
    context = {"filters": filters, "stories": stories, "reports": reports}
    return templates().get_template("search.html.j2").render(**context)


@router.get("/entities/{key}", summary="A person's or organisation's page")
def entity_page(request: Request, key: Annotated[str, Path(max_length=300)]) -> Response:
    """What a person or organisation said, and the stories that name them."""
    entity, stories, quotes = _state(request).reader().entity(key)
    if entity is None:
        raise NotFoundError(f"no name with key {key!r}")
    return _page(
        request,
        "entity.html.j2",
        lambda: {"entity": entity, "stories": stories, "quotes": quotes},
    )


@router.get("/sources/{outlet}", summary="An outlet's page")
def source_page(request: Request, outlet: Annotated[str, Path(max_length=300)]) -> Response:
    """What an outlet reported, where it is the only source, where it disagrees."""
    rows = _state(request).reader().outlet(outlet)
    if not rows:
        raise NotFoundError(f"no outlet {outlet!r}")
    return _page(
        request,
        "source.html.j2",
        lambda: {
            "outlet": outlet,
            "rows": rows,
            "alone": [(s, o) for s, o in rows if o.only_source],
            "disagree": [(s, o) for s, o in rows if o.disagrees],
        },
    )
