"""The JSON API and pages through an in-process ASGI client (httpx), on a fixture database."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
from conftest import with_client
from markupsafe import escape

from storyline.serve import Settings
from storyline.serve.http import CSP
from storyline.store import Store
from storyline.store.served import Published


def test_serve_api_lists_stories_newest_first_with_cursor_and_link(settings: Settings) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        first = await c.get("/api/v1/stories", params={"limit": 1})
        assert first.status_code == 200
        page = first.json()
        assert [s["id"] for s in page["stories"]] == ["s-flood"]  # 2025-03 before 2025-02
        assert page["stories"][0]["disputed"] is True
        assert page["next"] and 'rel="next"' in first.headers["link"]
        second = (
            await c.get("/api/v1/stories", params={"limit": 1, "cursor": page["next"]})
        ).json()
        assert [s["id"] for s in second["stories"]] == ["s-bridge"]
        assert second["next"] is None
        disputed = (await c.get("/api/v1/stories", params={"disputed": "true"})).json()
        assert [s["id"] for s in disputed["stories"]] == ["s-flood"]
        by_outlet = (await c.get("/api/v1/stories", params={"outlet": "Sarno Times"})).json()
        assert [s["id"] for s in by_outlet["stories"]] == ["s-bridge"]
        by_words = (await c.get("/api/v1/stories", params={"q": "bridge"})).json()
        assert [s["id"] for s in by_words["stories"]] == ["s-bridge"]
        by_date = (await c.get("/api/v1/stories", params={"until": "2025-02-28"})).json()
        assert [s["id"] for s in by_date["stories"]] == ["s-bridge"]
        by_name = (await c.get("/api/v1/stories", params={"entity": "ilsa-brandt"})).json()
        assert [s["id"] for s in by_name["stories"]] == ["s-flood"]

    with_client(settings, scenario)


def test_serve_api_story_is_the_stories_json_object(settings: Settings, fixture_digest) -> None:  # type: ignore[no-untyped-def]
    from storyline.report.json import story_to_dict

    async def scenario(c: httpx.AsyncClient) -> None:
        r = await c.get("/api/v1/stories/s-flood")
        assert r.status_code == 200
        expected = json.loads(json.dumps(story_to_dict(fixture_digest.stories[0])))
        assert r.json() == expected
        again = await c.get("/api/v1/stories/s-flood", headers={"if-none-match": r.headers["etag"]})
        assert again.status_code == 304
        assert (await c.get("/api/v1/stories/nope")).json() == {"error": "no story 'nope'"}

    with_client(settings, scenario)


def test_serve_api_article_carries_its_analysis_and_story(settings: Settings) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        r = await c.get("/api/v1/articles/a2")
        body = r.json()
        assert body["status"] == "placed" and body["story"] == "s-flood"
        assert body["claims"][0]["measure"] == "killed"
        assert body["text"].startswith("Nine people died")

    with_client(settings, scenario)


def test_serve_api_writes_need_a_token_and_errors_are_json(settings: Settings, token: str) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        report = {"text": "A new report.", "source": "Wire"}
        r = await c.post("/api/v1/articles", json=report)
        assert r.status_code == 401 and "token" in r.json()["error"]
        assert r.headers["www-authenticate"].startswith("Bearer")
        bad = await c.post("/api/v1/articles", json=report, headers={"authorization": "Bearer x"})
        assert bad.status_code == 401 and bad.json() == {"error": "unknown or revoked token"}
        auth = {"authorization": f"Bearer {token}"}
        missing = await c.post("/api/v1/articles", json={"title": "no text"}, headers=auth)
        assert missing.status_code == 422
        assert "body.text: Field required" in missing.json()["problems"]
        assert "Traceback" not in missing.text

    with_client(settings, scenario)


def test_serve_api_post_stores_before_answering_and_repost_is_idempotent(
    settings: Settings, token: str
) -> None:
    auth = {"authorization": f"Bearer {token}"}
    report = {"text": "Floodwater rose again in Vellmar on Tuesday.", "source": "Wire"}

    async def scenario(c: httpx.AsyncClient) -> None:
        r = await c.post("/api/v1/articles", json=[report], headers=auth)
        assert r.status_code == 202
        (accepted,) = r.json()["accepted"]
        assert accepted["status"] == "stored"
        with Store(settings.db) as store:  # committed before the answer
            assert store.has_content(store.articles([accepted["id"]])[0].content_hash or "")
        again = await c.post("/api/v1/articles", json=report, headers=auth)
        assert again.json()["accepted"][0] == {**accepted, "status": "already stored"}
        pending = (await c.get(f"/api/v1/articles/{accepted['id']}")).json()
        assert pending["status"] == "pending" and pending["story"] is None

    with_client(settings, scenario)


def test_serve_api_posted_report_is_placed_by_the_worker(served_db: str | Path, token: str) -> None:
    """The worker calls the placer off the request path; the story then lists the report."""
    calls: list[str | Path] = []

    def placer(
        db: str | Path,
    ) -> list[str]:  # a stand-in for the digest: joins new reports to s-flood
        calls.append(db)
        with Store(db) as store, store.batch():
            for article in store.unanalysed():
                store.save_placement(article.id, "s-flood", "line-1")
        return []

    async def scenario(c: httpx.AsyncClient) -> None:
        auth = {"authorization": f"Bearer {token}"}
        r = await c.post(
            "/api/v1/articles", json={"text": "Vellmar counts the cost."}, headers=auth
        )
        aid = r.json()["accepted"][0]["id"]
        for _ in range(100):
            if (await c.get(f"/api/v1/articles/{aid}")).json()["story"] == "s-flood":
                break
            await asyncio.sleep(0.05)
        assert (await c.get(f"/api/v1/articles/{aid}")).json()["story"] == "s-flood"
        assert calls == [served_db]

    with_client(Settings(db=served_db, poll_seconds=0.05), scenario, placer=placer)


def test_serve_api_body_over_the_ingest_limit_is_413(served_db: str | Path, token: str) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        auth = {"authorization": f"Bearer {token}"}
        r = await c.post("/api/v1/articles", json={"text": "x" * 2000}, headers=auth)
        assert r.status_code == 413 and "limit is 1,000 bytes" in r.json()["error"]

    with_client(Settings(db=served_db, place=False, body_limit=1000), scenario)


def test_serve_api_streamed_body_over_the_limit_is_413(served_db: str | Path, token: str) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"text": "'
        for _ in range(5):
            yield b"x" * 500

    async def scenario(c: httpx.AsyncClient) -> None:
        headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
        r = await c.post("/api/v1/articles", content=chunks(), headers=headers)
        assert r.status_code == 413 and r.json()["error"].startswith("request body too large")

    with_client(Settings(db=served_db, place=False, body_limit=1000), scenario)


def test_serve_api_private_reads_and_rate_limit(served_db: str | Path, token: str) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        assert (await c.get("/api/v1/stories")).status_code == 401
        assert (await c.get("/")).status_code == 401
        auth = {"authorization": f"Bearer {token}"}
        assert (await c.get("/api/v1/stories", headers=auth)).status_code == 200
        assert (await c.get("/", headers=auth)).status_code == 200
        over = await c.get("/api/v1/stories", headers=auth)
        assert over.status_code == 429 and int(over.headers["retry-after"]) >= 1
        assert (await c.get("/healthz")).status_code == 200

    with_client(Settings(db=served_db, place=False, private=True, rate_limit=2), scenario)


def test_serve_api_security_headers_and_no_cors_by_default(settings: Settings) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        for path in ("/", "/stories/s-flood", "/api/v1/stories", "/nope", "/static/page.js"):
            r = await c.get(path, headers={"origin": "https://elsewhere.example"})
            assert r.headers["content-security-policy"] == CSP, path
            assert "unsafe-inline" not in r.headers["content-security-policy"]
            assert r.headers["x-content-type-options"] == "nosniff"
            assert "access-control-allow-origin" not in r.headers

    with_client(settings, scenario)


def test_serve_api_cors_only_for_configured_origins(served_db: str | Path) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        ok = await c.get("/api/v1/stories", headers={"origin": "https://desk.example"})
        assert ok.headers["access-control-allow-origin"] == "https://desk.example"
        other = await c.get("/api/v1/stories", headers={"origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers

    with_client(
        Settings(db=served_db, place=False, cors_origins=("https://desk.example",)), scenario
    )


def test_serve_pages_escape_report_text_and_answer_304(settings: Settings, fixture_digest) -> None:  # type: ignore[no-untyped-def]
    async def scenario(c: httpx.AsyncClient) -> None:
        page = await c.get("/stories/s-flood")
        assert page.status_code == 200 and "<script>alert" not in page.text
        assert page.headers["content-encoding"] == "gzip"  # stored compressed, sent as stored
        plain = await c.get("/stories/s-flood", headers={"accept-encoding": "identity"})
        assert "content-encoding" not in plain.headers and plain.text == page.text
        assert "&lt;script&gt;" in page.text and "<style>" not in page.text
        assert (
            await c.get("/stories/s-flood", headers={"if-none-match": page.headers["etag"]})
        ).status_code == 304
        home = await c.get("/")
        assert "Nine killed as flood sweeps Vellmar" in home.text and "disputed" in home.text
        assert (
            await c.get("/", headers={"if-none-match": home.headers["etag"]})
        ).status_code == 304
        found = await c.get("/search", params={"q": "steel cables"})
        assert "/stories/s-bridge" in found.text and "<mark>" in found.text
        none = await c.get("/search", params={"q": "<script>"})
        assert none.status_code == 200 and "<script>" not in none.text.split("<main", 1)[1].replace(
            "<script src=", ""
        )
        person = await c.get("/entities/ilsa-brandt")
        assert "We have never seen the river rise so fast" in person.text
        outlet = await c.get("/sources/Coastal Herald")
        assert "injured, Vellmar flood: 12 (others: 7)" in outlet.text
        line = await c.get("/storylines/line-1")
        assert "/stories/s-flood" in line.text
        # told as the static report tells it: each story in one line, its first sentence
        flood = fixture_digest.stories[0]
        assert 'id="events"' in line.text and str(escape(flood.summary[0].text)) in line.text
        assert "/feeds/storylines/line-1.atom" in line.text
        assert (await c.get("/stories/nope")).status_code == 404
        assert (await c.get("/search", params={"since": "yesterday"})).status_code == 422

    with_client(settings, scenario)


def test_serve_feeds_are_atom_with_escaped_titles(settings: Settings) -> None:
    async def scenario(c: httpx.AsyncClient) -> None:
        feed = await c.get("/feeds/stories.atom")
        assert feed.headers["content-type"].startswith("application/atom+xml")
        assert feed.text.count("<entry>") == 2
        line = await c.get("/feeds/storylines/line-2.atom")
        assert "Sarno bridge reopens" in line.text and line.text.count("<entry>") == 1
        assert (await c.get("/feeds/storylines/nope.atom")).status_code == 404

    with_client(settings, scenario)


def test_serve_publish_marks_only_changed_stories(served_db: str | Path, fixture_digest) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from storyline.serve.publish import publish_digest

    assert publish_digest(served_db, fixture_digest) == []
    changed = replace(fixture_digest.stories[1], title="Sarno bridge opens again")
    again = replace(fixture_digest, stories=(fixture_digest.stories[0], changed))
    assert publish_digest(served_db, again) == ["s-bridge"]
    with Published(served_db, readonly=True) as served:
        assert served.recently_updated(limit=1)[0].id == "s-bridge"
