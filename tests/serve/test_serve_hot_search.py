"""The search page answered before the framework: the route's answer, kept current."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import cast
from urllib.parse import parse_qsl

import httpx
import pytest
from conftest import republish_elsewhere, with_client
from fastapi import HTTPException
from jinja2 import Environment

from storyline.serve import Settings
from storyline.serve.filters import make_filters
from storyline.serve.hot_search import SearchAnswers, search_filters
from storyline.serve.publish import entity_key
from storyline.serve.state import AppState, name_links, templates

#: Searches a reader makes: words, filters, words the page must escape, no words at all.
SEARCHES = (
    "/search",
    "/search?q=steel+cables",
    "/search?q=flood",
    "/search?q=%3Cscript%3E",
    "/search?q=flood&disputed=true",
    "/search?q=&disputed=1",
    "/search?q=river&since=2025-01-01&until=2030-12-31",
    "/search?outlet=Coastal+Herald",
    "/search?entity=ilsa-brandt",
    "/search?q=flood&disputed=on&unknown=x",
)


def test_serve_hot_search_answers_as_the_route_does(served_db: Path, token: str) -> None:
    """Open reads (answered before the framework) get the body and headers the route gives."""
    answers: dict[str, dict[str, httpx.Response]] = {"hot": {}, "routes": {}}

    def collect(kind: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
        async def scenario(c: httpx.AsyncClient) -> None:
            for path in SEARCHES:
                answers[kind][path] = await c.get(path, headers=headers)
                answers[kind][path + " again"] = await c.get(path, headers=headers)

        return scenario

    with_client(Settings(db=served_db, place=False), collect("hot", {}))
    auth = {"authorization": f"Bearer {token}"}
    with_client(Settings(db=served_db, place=False, private=True), collect("routes", auth))
    for key, hot in answers["hot"].items():
        route = answers["routes"][key]
        assert hot.status_code == route.status_code == 200, key
        assert hot.content == route.content, key
        for name in ("etag", "last-modified", "content-type", "content-security-policy"):
            assert hot.headers.get(name) == route.headers.get(name), (key, name)
        assert hot.headers["cache-control"] == "public, max-age=0, must-revalidate"
    found = answers["hot"]["/search?q=steel+cables"].text
    assert "/stories/s-bridge" in found and "<mark>" in found
    page = answers["hot"]["/search?q=%3Cscript%3E"].text
    assert "&lt;script&gt;" in page and "<script>" not in page.split("<main", 1)[1]


def test_serve_hot_search_leaves_what_the_route_refuses_to_the_route(settings: Settings) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        for query in (
            "since=yesterday",
            "until=2025-02-30",
            "disputed=maybe",
            "q=" + "x" * 501,
            "outlet=" + "o" * 301,
        ):
            assert (await c.get("/search?" + query)).status_code == 422, query
        twice = await c.get("/search?q=bridge&q=flood")  # the route's reading: the last one
        assert twice.status_code == 200 and "flood" in twice.text
        first = await c.get("/search?q=flood")
        again = await c.get("/search?q=flood", headers={"if-none-match": first.headers["etag"]})
        assert again.status_code == 304 and again.content == b""

    with_client(settings, scenario)


def test_serve_hot_search_shows_a_publish_by_another_process(settings: Settings) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        before = await c.get("/search?q=zeppelins")
        flood = await c.get("/search?q=flood")
        assert "/stories/s-flood" not in before.text
        republish_elsewhere(
            settings.db, "Flood story retold with zeppelins", "<p>Retold.</p>", "retold-zeppelins"
        )
        after = await c.get("/search?q=zeppelins")
        assert after.status_code == 200 and "/stories/s-flood" in after.text
        assert "retold with zeppelins" in after.text
        unchanged = await c.get("/search?q=bridge")  # same rows: the kept page, the same ETag
        assert unchanged.status_code == 200
        assert (await c.get("/search?q=bridge")).headers["etag"] == unchanged.headers["etag"]
        assert (await c.get("/search?q=flood")).headers["etag"] != flood.headers["etag"]

    with_client(settings, scenario)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=flood",
        "q=+flood+&outlet=+Coastal+Herald+&entity=ilsa-brandt",
        "since=2025-01-02&until=2025-03-04&disputed=true",
        "disputed=0",
        "disputed=ON",
        "q=%C3%A9t%C3%A9&other=1",
        "q=%3Cb%3E+%26+%22",
    ],
)
def test_serve_search_filters_read_the_query_as_the_route_does(query: str) -> None:
    params = dict(parse_qsl(query, keep_blank_values=True))
    params.pop("other", None)
    if "disputed" in params:
        params["disputed"] = params["disputed"].lower() in {"1", "true", "on", "yes"}  # type: ignore[assignment]
    assert search_filters(query.encode("latin-1")) == make_filters(**params)  # type: ignore[arg-type]


@pytest.mark.parametrize("query", ["since=yesterday", "since=2025-02-30", "disputed=", "a=1&a=2"])
def test_serve_search_filters_leave_doubtful_queries_to_the_route(query: str) -> None:
    assert search_filters(query.encode()) is None
    if query.startswith("since"):
        with pytest.raises(HTTPException):
            make_filters(since=query.split("=")[1])


def test_serve_name_links_are_what_the_macro_wrote_name_by_name() -> None:
    """The links made once per set of names equal the old per-name template, escaping included."""
    names = ("Ilsa Brandt", '<script>alert("x")</script>', "Zoë O'Neil & Sons", "名前", "a/b?c")
    old = Environment(autoescape=True).from_string(
        '{% for n in names %}<a href="/entities/{{ entity_key(n)|urlencode }}">{{ n }}</a>'
        '{{ " · " if not loop.last }}{% endfor %}'
    )
    assert str(name_links(names)) == old.render(names=names, entity_key=entity_key)
    assert "<script>" not in name_links(names)
    rendered = templates().from_string("{{ name_links(x) }}").render(x=names)
    assert rendered == str(name_links(names))


def test_serve_hot_search_leaves_a_failing_search_to_the_route() -> None:
    """A store error while searching: the route answers it (its error page), not a bare 500."""

    class Watch:
        def current(self) -> tuple[int, str]:
            return 1, "2026-01-01T00:00:00+00:00/1"

    class Broken:
        watch = Watch()
        settings = Settings(db="unused.db")
        snippets = None

        def reader(self) -> object:
            raise RuntimeError("store away")

    answers = SearchAnswers(cast(AppState, Broken()))
    sent: list[object] = []

    async def send(message: object) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/search", "query_string": b"q=flood"}
    assert asyncio.run(answers.answer(scope, send)) is False and sent == []
