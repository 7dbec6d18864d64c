"""The "What changed" section and the storyline page in a real headless Chromium."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Change, Digest, Fact
from storyline.report import write_report
from storyline.report.html import storyline_file
from storyline.story.storyline import build_storylines
from tests.report.test_report_browser import (
    DESKTOP,
    PHONE,
    _no_horizontal_scroll,
    _open,
    browser,
    pytestmark,
)

__all__ = ["browser", "pytestmark"]

LOG = (
    Change("2025-03-03", "report", "1 new report (River Post)", "2025-03-02"),
    Change("2025-03-05", "dispute", "Now disputed: 9 or 11 killed — flood", "2025-03-03"),
    Change("2025-03-05", "development", "2025-03-05: The <i>dam</i> held", "2025-03-03"),
)


@pytest.fixture
def site(digest: Digest, tmp_path: Path) -> Path:
    """The fixture digest with a log of changes and one storyline of two stories."""
    flood, bridge = digest.stories
    flood = replace(
        flood,
        changes=LOG,
        facts=(Fact("killed", "flood", "agreed", "9 killed — flood", (9,), ("a1", "a2"), 2),),
    )
    bridge = replace(
        bridge,
        storyline=flood.storyline,
        facts=(Fact("killed", "flood", "disputed", "9 or 11 killed", (9, 11), ("b1", "b2"), 2),),
    )
    published = {a.id: a.published or "" for a in digest.articles}
    lines = build_storylines([flood, bridge], published)
    write_report(replace(digest, stories=(flood, bridge), storylines=lines), tmp_path)
    return tmp_path


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_browser_changes_section(
    browser: Any, site: Path, artifacts: Path, viewport: dict[str, int]
) -> None:
    name = "desktop" if viewport is DESKTOP else "phone"
    context, page, problems = _open(browser, (site / "s-flood.html").as_uri(), viewport)
    try:
        section = page.locator("#changes")
        assert section.is_visible()
        assert section.locator("h2").inner_text() == "What changed since 2025-03-03"
        shown = section.locator("ul.changes").first.locator("li")
        assert shown.count() == 2  # the last digest's entries
        assert "<i>dam</i>" in shown.nth(1).inner_text()  # text, not markup
        earlier = section.locator("details.more")
        assert not earlier.locator("li").first.is_visible()
        earlier.locator("summary").click()
        assert "River Post" in earlier.locator("li").first.inner_text()
        page.locator('nav a[href="#changes"]').click()
        assert _no_horizontal_scroll(page)
        page.screenshot(path=str(artifacts / f"changes-{name}.png"))
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_browser_storyline_page(
    browser: Any, site: Path, artifacts: Path, viewport: dict[str, int]
) -> None:
    name = "desktop" if viewport is DESKTOP else "phone"
    context, page, problems = _open(browser, (site / "s-flood.html").as_uri(), viewport)
    try:
        page.locator("nav a", has_text="Storyline").click()
        page.wait_for_load_state("load")
        assert page.url.endswith(storyline_file("line-1"))
        events = page.locator("#events li.event")
        assert events.count() == 2
        dates = [events.nth(i).locator("time").get_attribute("datetime") for i in range(2)]
        assert dates == sorted(dates)  # oldest first
        assert events.nth(0).locator("p.line").inner_text()  # each in one line
        figure = page.locator("#figures li.figure")
        assert figure.count() == 1 and "9 or 11" in figure.inner_text()
        assert _no_horizontal_scroll(page)
        page.screenshot(path=str(artifacts / f"storyline-{name}.png"), full_page=True)
        events.nth(1).locator("a").click()
        page.wait_for_load_state("load")
        assert page.locator("h1").count() == 1
        assert problems == []
    finally:
        context.close()
