"""The served pages in a real headless Chromium (Debian's), against uvicorn on 127.0.0.1.

The server is the real command (`storyline serve`) in a child process, with its
placement worker: a report posted with a token is analysed by the spaCy pipeline
and placed by the digest machinery before it shows on its story page. Console
errors and Content-Security-Policy violations fail the tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from conftest import free_port, wait_healthy

from storyline.store.tokens import Tokens
from tests.report.test_report_browser import ARGS, CHROMIUM, DESKTOP, PHONE

#: Records CSP violations in the page (an init script runs before the page's own).
WATCH_CSP = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="browser tests need Debian's chromium at /usr/bin/chromium "
        "(apt-get install chromium); skipped",
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """`storyline serve` on a fixture database: (base URL, a write token)."""
    from conftest import report_fixtures, store_digest

    db = tmp_path_factory.mktemp("serve") / "served.db"
    store_digest(db, report_fixtures().build_digest())
    with Tokens(db) as tokens:
        token = tokens.create("browser")
    port = free_port()
    log = (db.parent / "server.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "storyline",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "-j",
            "1",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_healthy(base):
            pytest.fail("storyline serve did not start: " + (db.parent / "server.log").read_text())
        yield base, token
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def _open(browser: Any, url: str, viewport: dict[str, int]) -> tuple[Any, list[str]]:
    """A page at ``url`` recording console errors, page errors and CSP violations."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto(url)
    return page, problems


def _clean(page: Any, problems: list[str]) -> None:
    violations = page.evaluate("window.__csp")
    assert not violations, violations
    assert not problems, problems


def test_serve_browser_search_story_citation_shows_passage(
    server: tuple[str, str], browser: Any
) -> None:
    base, _ = server
    page, problems = _open(browser, base + "/", DESKTOP)
    page.fill("#q", "Vellmar")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/search?**")
    _clean(page, problems)
    page.click("#story-hits a[href='/stories/s-flood']")
    page.wait_for_url("**/stories/s-flood")
    cite = page.locator("#summary a.cite").first
    cite.click()
    active = page.locator("mark.active").first
    active.wait_for(state="visible")
    passage = page.eval_on_selector_all("mark.active", "ms => ms.map(m => m.textContent).join('')")
    assert "Vellmar on Sunday, killing nine people" in passage
    _clean(page, problems)
    page.context.close()


def test_serve_browser_posted_report_appears_after_reload(
    server: tuple[str, str], browser: Any
) -> None:
    base, token = server
    page, problems = _open(browser, base + "/stories/s-flood", DESKTOP)
    title = "Vellmar dam inspectors report cracks after the flood"
    report = {
        "title": title,
        "source": "Harbour Gazette",
        "published": "2025-03-05",
        "text": "Inspectors found cracks in the dam at Kessel on Tuesday, two days after "
        "floodwater swept through Vellmar and killed nine people. Mayor Ilsa Brandt said "
        "the dam would be repaired before the spring rains. Rescue teams from Dornach "
        "stayed in Vellmar to help with the cleanup.",
    }
    r = httpx.post(
        base + "/api/v1/articles",
        json=report,
        headers={"authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert r.status_code == 202, r.text
    aid = r.json()["accepted"][0]["id"]
    story = None
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and story is None:
        story = httpx.get(f"{base}/api/v1/articles/{aid}", timeout=10).json()["story"]
        time.sleep(0.5)
    assert story is not None, "the posted report was not placed within 240 s"
    # placed (its placement committed) comes a moment before published (the story's page)
    while time.monotonic() < deadline and not _published(base, story, aid):
        time.sleep(0.5)
    page.goto(f"{base}/stories/{story}")
    page.reload()
    assert title in page.content()
    _clean(page, problems)
    page.context.close()


def _published(base: str, story: str, aid: str) -> bool:
    found = httpx.get(f"{base}/api/v1/stories/{story}", timeout=10)
    return found.status_code == 200 and aid in found.json().get("articles", [])


def test_serve_browser_storyline_page_tells_its_events(
    server: tuple[str, str], browser: Any
) -> None:
    base, _ = server
    page, problems = _open(browser, base + "/storylines/line-1", DESKTOP)
    event = page.locator("#events li.event").first
    event.wait_for(state="visible")
    assert event.locator("p.line").inner_text().strip()  # the story in one line
    event.locator("a").first.click()
    page.wait_for_url("**/stories/s-flood")
    _clean(page, problems)
    page.context.close()


def test_serve_browser_phone_width_has_no_horizontal_scroll(
    server: tuple[str, str], browser: Any
) -> None:
    base, _ = server
    for path in (
        "/",
        "/stories/s-flood",
        "/search?q=flood",
        "/entities/ilsa-brandt",
        "/sources/Coastal%20Herald",
        "/storylines/line-1",
    ):
        page, problems = _open(browser, base + path, PHONE)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], (path, width)
        _clean(page, problems)
        page.context.close()


def test_serve_browser_csp_blocks_inline_script_and_the_test_sees_it(
    server: tuple[str, str], browser: Any
) -> None:
    """The violation detector works: an injected inline script is blocked and recorded."""
    base, _ = server
    page, _ = _open(browser, base + "/", DESKTOP)
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(100)
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in page.evaluate("window.__csp"))
    page.context.close()


def test_serve_browser_json_error_not_traceback(server: tuple[str, str]) -> None:
    base, _ = server
    r = httpx.post(
        base + "/api/v1/articles", content=b"{", headers={"content-type": "application/json"}
    )
    assert r.status_code == 422  # unreadable JSON is refused before the token is looked at
    assert json.loads(r.text)["error"].startswith("invalid request: body")
    assert "Traceback" not in r.text
