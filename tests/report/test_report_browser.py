"""The pages in a real headless Chromium (Debian's package, driven by Playwright).

Skips with a clear message where /usr/bin/chromium is missing. Screenshots go to
``test-artifacts/report/`` for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Digest
from storyline.report import write_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="browser tests need Debian's chromium at /usr/bin/chromium "
        "(apt-get install chromium); skipped",
    ),
]


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


@pytest.fixture
def site(digest: Digest, tmp_path: Path) -> Path:
    """The fixture digest written as a report directory."""
    write_report(digest, tmp_path)
    return tmp_path


def _open(browser: Any, url: str, viewport: dict[str, int]) -> tuple[Any, Any, list[str]]:
    """A page at ``url`` that records console errors, page errors and dialogs."""
    context = browser.new_context(viewport=viewport, java_script_enabled=True)
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def dialog(d: Any) -> None:
        problems.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.on(
        "request",
        lambda r: problems.append(f"request: {r.url}") if not r.url.startswith("file:") else None,
    )
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page, problems


def _no_horizontal_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_report_browser_story_page_loads_clean(
    browser: Any, site: Path, artifacts: Path, viewport: dict[str, int]
) -> None:
    name = "desktop" if viewport is DESKTOP else "phone"
    context, page, problems = _open(browser, (site / "s-flood.html").as_uri(), viewport)
    try:
        assert page.title().startswith("Nine killed")
        assert _no_horizontal_scroll(page), "the story page scrolls sideways"
        page.screenshot(path=str(artifacts / f"story-{name}.png"), full_page=True)
        assert problems == []
    finally:
        context.close()


def test_report_browser_citation_shows_passage(browser: Any, site: Path, artifacts: Path) -> None:
    context, page, problems = _open(browser, (site / "s-flood.html").as_uri(), DESKTOP)
    try:
        report = page.locator("#a2")
        assert report.get_attribute("open") is None  # reports start folded
        page.locator("#summary a.cite", has_text="[2]").first.click()
        assert report.get_attribute("open") is not None
        active = page.locator("mark.active")
        assert active.count() >= 1
        assert active.first.is_visible()
        assert "Nine people died when" in "".join(active.all_inner_texts())
        page.screenshot(path=str(artifacts / "story-citation.png"))
        assert problems == []
    finally:
        context.close()


def test_report_browser_citation_by_keyboard(browser: Any, site: Path) -> None:
    context, page, problems = _open(browser, (site / "s-flood.html").as_uri(), DESKTOP)
    try:
        page.locator("#summary a.cite").first.focus()
        page.keyboard.press("Enter")
        assert page.locator("mark.active").count() >= 1
        assert page.locator("#a1").get_attribute("open") is not None
        assert problems == []
    finally:
        context.close()


def test_report_browser_hostile_text_is_inert(browser: Any, site: Path) -> None:
    context, page, problems = _open(browser, (site / "s-flood.html").as_uri(), DESKTOP)
    try:
        page.locator("#a4 > summary").click()
        body = page.locator("#a4 .text").inner_text()
        assert "<script>alert('x')</script>" in body
        assert page.locator("img").count() == 0
        assert page.evaluate("document.scripts.length") == 1  # only the page's own
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_report_browser_index_search(
    browser: Any, site: Path, artifacts: Path, viewport: dict[str, int]
) -> None:
    name = "desktop" if viewport is DESKTOP else "phone"
    context, page, problems = _open(browser, (site / "index.html").as_uri(), viewport)
    try:
        items = page.locator("li[data-search]")
        assert items.count() == 2
        assert _no_horizontal_scroll(page)
        page.screenshot(path=str(artifacts / f"index-{name}.png"), full_page=True)
        page.locator("#q").fill("reed")  # a name, not in any title
        assert page.locator("li[data-search]:visible").count() == 1
        assert "Vellmar" in page.locator("li[data-search]:visible").inner_text()
        page.locator("#q").fill("nothing like this")
        assert page.locator("li[data-search]:visible").count() == 0
        assert page.locator("#nomatch").is_visible()
        assert problems == []
    finally:
        context.close()


def test_report_browser_opens_cited_passage_from_url(browser: Any, site: Path) -> None:
    page_url = (site / "s-flood.html").as_uri()
    context, page, problems = _open(browser, page_url + "#a2", DESKTOP)
    try:
        assert page.locator("#a2").get_attribute("open") is not None
        page.goto(page_url + "#%22%5D%3Cb%3E")  # a hostile fragment: ignored, no error
        assert problems == []
    finally:
        context.close()


def test_report_browser_skip_link_and_focus_ring(browser: Any, site: Path) -> None:
    context, page, problems = _open(browser, (site / "s-flood.html").as_uri(), PHONE)
    try:
        page.keyboard.press("Tab")
        skip = page.locator("a.skip")
        assert page.evaluate("document.activeElement.className") == "skip"
        box = skip.bounding_box()
        assert box is not None and box["x"] >= 0  # shown on screen once focused
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#main"
        # A citation marker reached by keyboard shows a focus ring.
        marker = page.locator("#summary a.cite").first
        marker.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        style = marker.evaluate("e => getComputedStyle(e).outlineStyle")
        assert style not in ("none", "")
        assert _no_horizontal_scroll(page)
        assert problems == []
    finally:
        context.close()
