"""The "What changed since …" section of the story page (HTML and Markdown)."""

from __future__ import annotations

from dataclasses import replace

from storyline.model import Change, Digest
from storyline.report import render_story_html
from storyline.report.markdown import render_story_markdown

LOG = (
    Change("2025-05-10", "report", "2 new reports (Vellmar Post)", "2025-05-08"),
    Change("2025-05-12", "dispute", "Now disputed: 3 or <b>5</b> injured", "2025-05-10"),
    Change("2025-05-12", "report", "1 new report (Coast Radio)", "2025-05-10"),
)


def _with_log(digest: Digest) -> Digest:
    story = replace(digest.stories[0], changes=LOG)
    return replace(digest, stories=(story, *digest.stories[1:]))


def test_html_page_opens_with_the_latest_changes(digest: Digest) -> None:
    d = _with_log(digest)
    page = render_story_html(d.stories[0], d)
    section = page[page.index('<section id="changes"') : page.index('<section id="summary"')]
    assert "What changed since 2025-05-10" in section
    latest = section[: section.index("Earlier changes")]
    assert "Now disputed: 3 or &lt;b&gt;5&lt;/b&gt; injured" in latest  # escaped
    assert "Coast Radio" in latest and "Vellmar Post" not in latest
    assert "Vellmar Post" in section  # folded under the earlier changes
    assert page.index('id="changes"') < page.index('id="summary"')
    assert 'href="#changes"' in page


def test_no_log_no_section(digest: Digest) -> None:
    page = render_story_html(digest.stories[0], digest)
    assert 'id="changes"' not in page and 'href="#changes"' not in page


def test_markdown_lists_the_changes_before_the_summary(digest: Digest) -> None:
    d = _with_log(digest)
    text = render_story_markdown(d.stories[0], d)
    assert text.index("## What changed since 2025-05-10") < text.index("## Summary")
    assert "- _dispute_: Now disputed" in text
    assert "Earlier changes:" in text
