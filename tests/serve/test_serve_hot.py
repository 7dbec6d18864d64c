"""The hot routes (home, story page, story object) answered from memory, and kept current."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import republish_elsewhere, with_client

from storyline.serve import Settings
from storyline.serve.http import CSP
from storyline.serve.state import ResponseCache
from storyline.store import Store

HOT = ("/", "/stories/s-flood", "/api/v1/stories/s-flood")

#: Run in another process: store one report (no publish; the home page counts it).
ADD_REPORT = """
import sys
from storyline.model import Article
from storyline.store import Store

with Store(sys.argv[1]) as store:
    store.add_article(Article(id="elsewhere-1", text="Sandbags were piled along the river."))
"""


def _republish(db: str | Path) -> None:
    republish_elsewhere(
        db, "Flood story retold by another process", "<p>Retold elsewhere.</p>", "retold-elsewhere"
    )


def _run(script: str, db: Path) -> None:
    subprocess.run([sys.executable, "-c", script, str(db)], check=True, timeout=120)


def _same(a: httpx.Response, b: httpx.Response, names: tuple[str, ...]) -> None:
    for name in names:
        assert a.headers.get(name) == b.headers.get(name), name


def test_serve_hot_answers_as_the_routes_do(served_db: Path, token: str) -> None:
    """Hot answers (open reads) carry the body and headers the routes give (private reads)."""
    answers: dict[str, dict[str, httpx.Response]] = {"hot": {}, "routes": {}}

    def collect(kind: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
        async def scenario(c: httpx.AsyncClient) -> None:
            for path in HOT:
                answers[kind][path] = await c.get(path, headers=headers)
                answers[kind][path + " identity"] = await c.get(
                    path, headers={**headers, "accept-encoding": "identity"}
                )

        return scenario

    with_client(Settings(db=served_db, place=False), collect("hot", {}))
    auth = {"authorization": f"Bearer {token}"}
    with_client(Settings(db=served_db, place=False, private=True), collect("routes", auth))
    for key, hot in answers["hot"].items():
        route = answers["routes"][key]
        assert hot.status_code == route.status_code == 200, key
        assert hot.content == route.content, key
        names = ("etag", "last-modified", "content-type", "content-encoding", "vary")
        _same(hot, route, (*names, "content-security-policy", "x-content-type-options"))
        assert hot.headers["cache-control"] == "public, max-age=0, must-revalidate"
        assert hot.headers["content-security-policy"] == CSP
    assert answers["hot"]["/stories/s-flood"].headers["content-encoding"] == "gzip"
    assert "content-encoding" not in answers["hot"]["/stories/s-flood identity"].headers
    assert "&lt;script&gt;" in answers["hot"]["/stories/s-flood"].text  # escaped as stored


def test_serve_hot_answers_304_by_etag_and_by_date(settings: Settings) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        for path in HOT:
            first = await c.get(path)
            tag, date = first.headers["etag"], first.headers["last-modified"]
            again = await c.get(path, headers={"if-none-match": f'"other", {tag}'})
            assert (
                again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
            )
            assert again.headers["content-security-policy"] == CSP
            assert (await c.get(path, headers={"if-modified-since": date})).status_code == 304
            stale = await c.get(
                path, headers={"if-none-match": '"other"', "if-modified-since": date}
            )
            assert stale.status_code == 200  # an ETag that does not match wins over the date
        assert (await c.get("/stories/nope")).status_code == 404  # the route's 404 page
        assert (await c.get("/api/v1/stories/nope")).json()["error"].startswith("no story")
        assert (await c.head("/stories/s-flood")).status_code in {200, 405}  # left to the app

    with_client(settings, scenario)


def test_serve_hot_shows_a_write_by_another_process_on_the_next_request(
    settings: Settings,
) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        page, story, home = [await c.get(p) for p in ("/stories/s-flood", HOT[2], "/")]
        assert "Retold elsewhere" not in page.text and "reports" in home.text
        _republish(settings.db)
        page2 = await c.get("/stories/s-flood", headers={"if-none-match": page.headers["etag"]})
        assert page2.status_code == 200 and "Retold elsewhere" in page2.text
        assert page2.headers["etag"] == '"retold-elsewhere"'
        story2 = await c.get(HOT[2])
        assert (
            story2.json()["title"]
            == "Flood story retold by another process"
            != story.json()["title"]
        )
        home2 = await c.get("/", headers={"if-none-match": home.headers["etag"]})
        assert home2.status_code == 200 and "Flood story retold by another process" in home2.text
        counted = home2.text.count("report")
        _run(ADD_REPORT, settings.db)  # stored, not published: only the home page's count moves
        home3 = await c.get("/", headers={"if-none-match": home2.headers["etag"]})
        assert home3.status_code == 200 and home3.headers["etag"] != home2.headers["etag"]
        assert counted <= home3.text.count("report")
        assert (await c.get("/stories/s-flood")).headers["etag"] == '"retold-elsewhere"'

    with_client(settings, scenario)


def test_serve_hot_home_page_counts_a_report_stored_in_this_process(settings: Settings) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        before = await c.get("/")
        from storyline.model import Article

        with Store(settings.db) as store:
            store.add_article(Article(id="here-1", text="Boats carried people from the roofs."))
        after = await c.get("/")
        assert after.headers["etag"] != before.headers["etag"]

    with_client(settings, scenario)


def test_serve_response_cache_builds_once_for_requests_that_arrive_meanwhile() -> None:
    cache = ResponseCache()
    builds: list[int] = []
    gate = threading.Event()

    def build() -> tuple[str, str]:
        builds.append(1)
        gate.wait(5)
        return "tag", "body"

    got: list[tuple[str, str]] = []
    threads = [
        threading.Thread(target=lambda: got.append(cache.get("/", "g1", build))) for _ in range(8)
    ]
    for t in threads:
        t.start()
    time.sleep(0.2)
    gate.set()
    for t in threads:
        t.join(5)
    assert builds == [1] and got == [("tag", "body")] * 8
    assert cache.get("/", "g2", lambda: ("tag2", "new")) == ("tag2", "new")  # a new generation


def test_serve_response_cache_forgets_a_failed_build() -> None:
    cache = ResponseCache()

    def broken() -> tuple[str, str]:
        raise RuntimeError("store away")

    with pytest.raises(RuntimeError):
        cache.get("/", "g1", broken)
    assert cache.get("/", "g1", lambda: ("tag", "body")) == ("tag", "body")


def test_serve_hot_listing_is_the_routes_answer_kept_per_generation(
    served_db: Path, token: str
) -> None:
    answers: dict[str, list[httpx.Response]] = {"hot": [], "routes": []}

    def collect(kind: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
        async def scenario(c: httpx.AsyncClient) -> None:
            for _ in range(2):  # the second from memory on the hot side
                answers[kind].append(await c.get("/api/v1/stories?limit=1", headers=headers))

        return scenario

    with_client(Settings(db=served_db, place=False), collect("hot", {}))
    auth = {"authorization": f"Bearer {token}"}
    with_client(Settings(db=served_db, place=False, private=True), collect("routes", auth))
    for hot, route in zip(answers["hot"], answers["routes"], strict=True):
        assert hot.status_code == route.status_code == 200 and hot.content == route.content
        _same(hot, route, ("etag", "last-modified", "link", "content-type"))

    async def scenario(c: httpx.AsyncClient) -> None:
        first = await c.get("/api/v1/stories")
        tag = first.headers["etag"]
        assert (await c.get("/api/v1/stories", headers={"if-none-match": tag})).status_code == 304
        other = await c.get("/api/v1/stories", headers={"host": "news.example"})
        assert "http://news.example/api/v1/stories/" in other.text  # the Host is in the key
        assert "http://testserver/api/v1/stories/" in (await c.get("/api/v1/stories")).text
        _republish(served_db)
        again = await c.get("/api/v1/stories", headers={"if-none-match": tag})
        assert again.status_code == 200 and "retold by another process" in again.text

    with_client(Settings(db=served_db, place=False), scenario)
