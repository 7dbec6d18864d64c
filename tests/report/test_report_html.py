"""HTML story and index pages: structure, self-containment, escaping."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from storyline.model import Digest, Story
from storyline.report import render_index_html, render_story_html, write_report
from storyline.report.html import story_file


def test_html_story_structure(digest: Digest) -> None:
    page = render_story_html(digest.stories[0], digest)
    for section in (
        "summary",
        "disputed",
        "single",
        "timeline",
        "quotes",
        "entities",
        "coverage",
        "articles",
    ):
        assert f'id="{section}"' in page
    # Each summary citation links to a passage that exists on the page.
    targets = re.findall(r'class="cite" href="#([^"]+)"', page)
    assert targets
    for target in targets:
        assert f'id="{target}"' in page
    assert page.count('<details class="article"') == 4
    assert "estimated" in page
    assert "wording altered by Coastal Herald" in page
    assert "Copy of report [1]" in page
    assert 'class="debris"' in page  # the caption is shown dimmed, not dropped


def test_html_self_contained(digest: Digest) -> None:
    page = render_story_html(digest.stories[0], digest)
    assert not re.search(r'\b(?:src|href)="(?:https?:)?//', page)
    assert "<link" not in page
    assert "Content-Security-Policy" in page
    assert page.count("<script>") == 1


def test_html_escapes_hostile_text(digest: Digest) -> None:
    page = render_story_html(digest.stories[0], digest)
    assert "<script>alert" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "onerror=alert(3)&gt;" in page  # the title, escaped too
    index = render_index_html(digest)
    assert "<script>alert" not in index and "<img" not in index


def test_html_csp_admits_only_own_script(digest: Digest) -> None:
    page = render_story_html(digest.stories[0], digest)
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    assert "script-src 'sha256-" in csp.group(1)
    assert "unsafe-inline" not in csp.group(1).split("script-src")[1]
    # The hash is of the script the page carries: a template edit cannot silently disable it.
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    digest_b64 = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest_b64}'" in csp.group(1)


def test_html_index_lists_newest_first(digest: Digest) -> None:
    page = render_index_html(digest)
    assert page.index("Nine killed as flood") < page.index("Sarno bridge reopens")
    assert 'href="s-flood.html"' in page and 'href="s-bridge.html"' in page
    assert 'id="q"' in page
    assert "tomas reed" in page  # names are searchable


def test_html_write_report(digest: Digest, tmp_path: Path) -> None:
    index = write_report(digest, tmp_path / "out")
    assert index == tmp_path / "out" / "index.html"
    names = sorted(p.name for p in index.parent.iterdir())
    assert names == [
        "index.html",
        "s-bridge.html",
        "s-bridge.md",
        "s-flood.html",
        "s-flood.md",
        "stories.json",
    ]


def test_html_story_file_is_safe() -> None:
    assert story_file("../etc/passwd") == "_etc_passwd.html"
    assert story_file("s 1/2") == "s_1_2.html"


def test_html_index_groups_a_storyline(digest: Digest) -> None:
    from dataclasses import replace

    bridge = replace(digest.stories[1], storyline="line-1")
    grouped = replace(digest, stories=(digest.stories[0], bridge))
    page = render_index_html(grouped)
    # Named after the story that started it (the older one), newest story listed first.
    assert "Storyline: Sarno bridge reopens" in page
    assert '(2 stories, <span class="nowrap">2025-02-14 – 2025-03-04</span>)' in page
    assert page.index('href="s-flood.html"') < page.index('href="s-bridge.html"')


def test_html_attribution_dispute_needs_two_named_sides(digest: Digest) -> None:
    from dataclasses import replace

    from storyline.report.view import items_of
    from storyline.story.disputes import find_disputes

    story = digest.stories[0]
    quote = replace(story.quotes[0], speakers=("Ilsa Brandt", "Tomas Reed"))

    def staged() -> Story:
        items = items_of(story, digest)
        disputes = find_disputes(items, story.conflicts, story.timeline, (quote,))
        return replace(story, quotes=(quote,), disputes=disputes)

    # Only Brandt is named by any report's own quote: no dispute.
    assert all(d.kind != "attribution" for d in staged().disputes)
    assert "who said" not in render_story_html(staged(), digest)
    a2 = digest.analyses["a2"]
    digest.analyses["a2"] = replace(a2, quotes=(replace(a2.quotes[0], speaker="Tomas Reed"),))
    assert [d.kind for d in staged().disputes].count("attribution") == 1
    page = render_story_html(staged(), digest)
    assert "who said" in page
    assert "Tomas Reed</span> — Coastal Herald" in page
    assert "Ilsa Brandt</span> — Northern Ledger" in page


def test_html_timeline_marks_dates_from_estimated_reports(digest: Digest) -> None:
    from dataclasses import replace

    story = digest.stories[0]
    entry = replace(story.timeline[0], articles=("a3",), citations=())
    page = render_story_html(replace(story, timeline=(entry,)), digest)
    timeline = page[page.index('id="timeline"') : page.index('id="quotes"')]
    assert "dated from reports whose own dates are estimated" in timeline
    page = render_story_html(story, digest)
    timeline = page[page.index('id="timeline"') : page.index('id="quotes"')]
    assert "estimated" not in timeline


class _Balance(HTMLParser):
    """Checks that every opened element is closed in order (void elements aside)."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr", "wbr", "source"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def test_html_pages_are_well_formed(digest: Digest) -> None:
    from dataclasses import replace

    story = digest.stories[0]
    many = tuple(replace(story.quotes[0], speaker=None, text=f"words {i}") for i in range(5))
    pages = [
        render_story_html(story, digest),
        render_story_html(replace(story, quotes=many), digest),  # the folded unattributed group
        render_story_html(digest.stories[1], digest),
        render_index_html(digest),
    ]
    for page in pages:
        checker = _Balance()
        checker.feed(page)
        assert checker.errors == []
        assert checker.stack == []


def test_html_overlapping_passages_and_debris() -> None:
    from storyline.model import Article, ArticleAnalysis, Boilerplate, Span
    from storyline.report.html import _article_body
    from storyline.report.view import ArticleView

    text = "0123456789abcdefghij<b>"
    view = ArticleView(1, Article("x", text), "Outlet", "", False, None, ())
    analysis = ArticleAnalysis("x", boilerplate=(Boilerplate(Span(12, 23), "caption"),))
    body = str(_article_body(view, analysis, {Span(0, 10): "p1", Span(5, 15): "p2"}))
    assert body.startswith(
        '<span class="anchor" id="p1" tabindex="-1"></span><mark data-c="p1">01234</mark>'
    )
    assert '<mark data-c="p1 p2">56789</mark>' in body
    assert '<mark data-c="p2">ab</mark>' in body
    assert (
        '<span class="debris" title="page debris, not used"><mark data-c="p2">cde</mark></span>'
        in body
    )
    assert body.endswith('<span class="debris" title="page debris, not used">fghij&lt;b&gt;</span>')


def test_html_index_counts_sources_as_the_story_page(digest: Digest) -> None:
    page = render_index_html(digest)
    story = render_story_html(digest.stories[0], digest)
    counts = re.search(r"(\d+) reports from (\d+) independent sources", story)
    assert counts is not None
    reports, sources = counts.groups()
    assert f"{reports} reports, {sources} independent sources" in page
    assert sources == "3"  # a3 is a copy of a1: one source for the two
    # One clean list per storyline, no numbering that restarts at 1.
    assert "<ol" not in page
    assert page.count('<ul class="stories">') == 2


def test_html_quotes_lead_with_direct_quotes_and_fold_reported_speech(digest: Digest) -> None:
    from dataclasses import replace

    story = digest.stories[0]
    base = story.quotes[0]  # Ilsa Brandt, carried by three reports
    single = replace(base, text="The dam will hold tonight", variants=(), articles=("a4",))
    said = tuple(
        replace(base, kind="indirect", text=f"the levee number {i} was checked", variants=())
        for i in range(5)
    )
    loose = replace(said[0], speaker=None, text="the roads were closed")
    quotes = (*said, single, base, loose)
    page = render_story_html(replace(story, quotes=quotes), digest)
    section = page[page.index('id="quotes"') : page.index('id="entities"')]
    # Direct quotes first, the most widely carried leading; then reported speech.
    assert section.index("never seen the river") < section.index("The dam will hold")
    assert section.index("The dam will hold") < section.index("levee number 0")
    # Two direct quotes: two reported statements shown, three folded away.
    folded = section[section.index('<details class="more">') :]
    assert "3 more reported statements by Ilsa Brandt" in folded
    assert "levee number 1" not in folded and "levee number 2" in folded
    # Words nobody is named for sit in a collapsed section, however few.
    assert '<details class="unattributed"><summary>Unattributed (1)</summary>' in section


def test_markdown_quotes_direct_first(digest: Digest) -> None:
    from dataclasses import replace

    from storyline.report import render_story_markdown

    story = digest.stories[0]
    said = replace(story.quotes[0], kind="indirect", text="the levee was checked", variants=())
    text = render_story_markdown(replace(story, quotes=(said, story.quotes[0])), digest)
    assert text.index("never seen the river") < text.index("the levee was checked")


def test_html_quotes_fragments_after_whole_statements(digest: Digest) -> None:
    from dataclasses import replace

    story = digest.stories[0]
    one = replace(story.quotes[0], variants=(), articles=("a4",), altered=())
    fragment = replace(one, text="unthinkable")
    whole = replace(one, text="We will rebuild every house on the river bank")
    page = render_story_html(replace(story, quotes=(fragment, whole)), digest)
    assert page.index("We will rebuild every house") < page.index("“unthinkable”")
