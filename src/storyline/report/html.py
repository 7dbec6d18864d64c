"""HTML story pages and the index: self-contained, escaped, keyboard- and phone-friendly.

Every page carries its CSS and script inline and loads nothing else. All text
from reports goes through Jinja's autoescaping (or :func:`markupsafe.escape` for
the article bodies, which are assembled here for speed), and a Content Security
Policy allows only the page's own script, by hash: even a bug in escaping would
not let a report's ``<script>`` run.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from storyline.lexicon.measures import claim_what
from storyline.model import (
    Article,
    ArticleAnalysis,
    Citation,
    Digest,
    Span,
    Story,
    Storyline,
    StoryQuote,
)
from storyline.report.figures import figure_rows
from storyline.report.view import (
    UNATTRIBUTED,
    ArticleView,
    StoryView,
    passage_id,
    quote_groups,
    story_view,
    value_text,
)

#: The heading of quotes whose speaker no report names.


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["value"] = value_text
    env.filters["what"] = claim_what
    env.globals["story_file"] = story_file
    env.globals["storyline_file"] = storyline_file
    return env


@cache
def _assets() -> tuple[Markup, Markup, Markup]:
    """Inline CSS, inline script, and the CSP that admits only that script."""
    loader = _env().loader
    assert loader is not None
    css = loader.get_source(_env(), "style.css.j2")[0]
    js = loader.get_source(_env(), "page.js.j2")[0]
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    return Markup(css), Markup(js), Markup(csp)


@dataclass(frozen=True, slots=True)
class Site:
    """Where pages link and load their assets: the static report's files, or a server's routes.

    The default is the static report (``index.html``, ``<id>.html``, CSS and script
    inline under a hash-pinned CSP). A server passes route prefixes and an ``assets``
    URL: the page then loads ``style.css`` and ``page.js`` from there (same origin),
    so its CSP header needs no inline allowance at all.
    """

    index: str = "index.html"
    stories: str | None = None  # URL prefix of story pages; None: the report's files
    storylines: str | None = None  # URL prefix of storyline pages; None: no link
    assets: str | None = None

    def story_href(self, story_id: str) -> str:
        """The link to a story page."""
        if self.stories is None:
            return story_file(story_id)
        return self.stories + quote(story_id, safe="")

    def storyline_href(self, storyline_id: str) -> str | None:
        """The link to a storyline page, where the site has them (the static report does)."""
        if self.storylines is None:
            return storyline_file(storyline_id) if self.stories is None else None
        return self.storylines + quote(storyline_id, safe="")


STATIC = Site()


def page_assets() -> tuple[str, str]:
    """The CSS and script every page uses (a server serves them as files)."""
    css, js, _ = _assets()
    return str(css), str(js)


def story_file(story_id: str) -> str:
    """The file name of a story page: the id, made safe for any file system."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", story_id).lstrip(".") + ".html"


def render_story_html(story: Story, digest: Digest, site: Site = STATIC) -> str:
    """The story page: cited summary, disputes, timeline, quotes, entities, coverage, articles."""
    view = story_view(story, digest)
    anchors = _anchors(view)
    bodies = {
        a.n: _article_body(a, digest.analyses.get(a.article.id), anchors.get(a.n, {}))
        for a in view.articles
    }
    css, js, csp = _assets()
    return (
        _env()
        .get_template("story.html.j2")
        .render(
            v=view,
            s=story,
            bodies=bodies,
            speakers=_by_speaker(view),
            figures=figure_rows(view),
            css=css,
            js=js,
            csp=csp,
            site=site,
            story_file=site.story_href,
        )
    )


def storyline_file(storyline_id: str) -> str:
    """The file name of a storyline page (never the name of a story page: "storyline-")."""
    return "storyline-" + story_file(storyline_id)


def render_storyline_html(line: Storyline, site: Site = STATIC) -> str:
    """The storyline page: its stories in order, each in one line, and the figures that changed."""
    css, js, csp = _assets()
    return (
        _env()
        .get_template("storyline.html.j2")
        .render(line=line, css=css, js=js, csp=csp, site=site, story_file=site.story_href)
    )


def render_index_html(digest: Digest, site: Site = STATIC) -> str:
    """The index: storylines and their stories, newest first, with a search box."""
    by_id = {a.id: a for a in digest.articles}
    return render_index_entries([index_entry(s, by_id) for s in digest.stories], site)


def render_index_entries(entries: Sequence[Mapping[str, Any]], site: Site = STATIC) -> str:
    """The index from each story's :func:`index_entry` (kept in the store between digests)."""
    lines = index_storylines(entries)
    head, tail = index_frame(len(entries), len(lines), site)
    return head + "".join(render_index_section(line, site) for line in lines) + tail


#: Where the storylines' sections go in the index's frame.
_SECTIONS = "\x00sections\x00"


def index_frame(count: int, lines: int, site: Site = STATIC) -> tuple[str, str]:
    """The index before and after its storylines' sections, for ``count`` stories in ``lines``."""
    css, js, csp = _assets()
    page = (
        _env()
        .get_template("index.html.j2")
        .render(
            sections=Markup(_SECTIONS),
            css=css,
            js=js,
            csp=csp,
            count=count,
            lines=lines,
            site=site,
        )
    )
    head, tail = page.split(_SECTIONS)
    return head, tail


def render_index_section(line: Mapping[str, Any], site: Site = STATIC) -> str:
    """One storyline's section of the index (an item of :func:`index_storylines`)."""
    template = _env().get_template("index_section.html.j2")
    return template.render(line=line, site=site, story_file=site.story_href) + "\n"


def index_storylines(entries: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The index's storylines, each with its stories' entries, newest first (see ``last``)."""
    return _storylines(entries)


# --- article bodies with cited passages marked --------------------------------------


def _anchors(view: StoryView) -> dict[int, dict[Span, str]]:
    """Every passage some part of the page cites, per article number."""
    s = view.story
    cites: list[Citation] = [c for x in s.summary for c in x.passages]
    cites += [c for t in s.timeline for c in t.citations]
    cites += [c for q in s.quotes for c in q.citations]
    cites += [c for cl in s.claims for c in cl.citations]
    cites += [c for cf in s.conflicts for v in cf.values for c in v.citations]
    out: dict[int, dict[Span, str]] = {}
    for c in cites:
        n = view.number.get(c.article)
        if n is not None and c.span is not None:
            out.setdefault(n, {})[c.span] = passage_id(n, c)
    return out


def _article_body(
    view: ArticleView, analysis: ArticleAnalysis | None, marks: dict[Span, str]
) -> Markup:
    """The article text, escaped, cited passages in ``<mark>``, page debris dimmed.

    One sweep over the sorted span boundaries: at each boundary the passages and
    debris spans that open or close there update the active sets.
    """
    text = view.article.text
    size = len(text)
    debris = [b.span for b in analysis.boilerplate] if analysis else []
    spans = [s for s in marks if 0 <= s.start < s.end <= size]
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for sp in spans:
        opening.setdefault(sp.start, []).append(marks[sp])
        closing.setdefault(sp.end, []).append(marks[sp])
    debris_delta: dict[int, int] = {}
    for d in debris:
        lo, hi = max(0, min(d.start, size)), max(0, min(d.end, size))
        if lo < hi:
            debris_delta[lo] = debris_delta.get(lo, 0) + 1
            debris_delta[hi] = debris_delta.get(hi, 0) - 1
    points = sorted({0, size, *opening, *closing, *debris_delta})
    active: dict[str, None] = {}  # insertion-ordered set of open passage ids
    in_debris = 0
    parts: list[str] = []
    for a, b in itertools.pairwise(points):
        for anchor in closing.get(a, ()):
            active.pop(anchor, None)
        for anchor in opening.get(a, ()):
            active[anchor] = None
            parts.append(f'<span class="anchor" id="{anchor}" tabindex="-1"></span>')
        in_debris += debris_delta.get(a, 0)
        chunk = str(escape(text[a:b]))
        if active:
            chunk = f'<mark data-c="{" ".join(active)}">{chunk}</mark>'
        if in_debris > 0:
            chunk = f'<span class="debris" title="page debris, not used">{chunk}</span>'
        parts.append(chunk)
    return Markup("".join(parts))


# --- grouping for the page -----------------------------------------------------------


def _by_speaker(view: StoryView) -> list[dict[str, Any]]:
    """Quotes grouped by speaker (:func:`quote_groups`), each with what its line shows."""

    def row(q: StoryQuote) -> dict[str, Any]:
        return {
            "quote": q,
            "refs": view.refs(q.citations, q.articles),
            "outlets": view.outlets(q.articles),
            "altered": view.outlets(q.altered),
            "others": [v for v in q.variants if v != q.text],
            "disputed": len(set(q.speakers)) > 1,
        }

    return [
        {
            "speaker": g.speaker,
            "unattributed": g.speaker == UNATTRIBUTED,
            "count": g.count,
            "shown": [row(q) for q in (*g.direct, *g.indirect)],
            "folded": [row(q) for q in g.folded],
        }
        for g in quote_groups(view)
    ]


def _independent(story: Story) -> int:
    """The story page's own count of independent sources, so index and page agree."""
    # The story stages count them (coverage); a story built without them shows none.
    return story.coverage.independent if story.coverage is not None else 0


def index_entry(story: Story, by_id: Mapping[str, Article]) -> dict[str, Any]:
    """What the index shows of one story (JSON-ready: the store keeps it)."""
    s = story
    dates = sorted((by_id[a].published or "")[:10] for a in s.articles if a in by_id)
    dates = [d for d in dates if d]
    names = [e.name for e in sorted(s.entities, key=lambda e: -len(e.articles))[:6]]
    variants = [v for e in s.entities for v in e.variants]
    return {
        "story": {"id": s.id, "title": s.title},
        "storyline": s.storyline,
        "first": dates[0] if dates else "",
        "last": dates[-1] if dates else "",
        "names": names,
        "reports": len(s.articles),
        "sources": _independent(s),
        "search": " ".join([s.title, *names, *variants]).lower(),
    }


def _storylines(entries: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Storylines, each with its stories, newest first."""
    lines: dict[str, list[Mapping[str, Any]]] = {}
    for entry in entries:
        lines.setdefault(entry["storyline"], []).append(entry)
    for stories in lines.values():
        stories.sort(key=lambda x: (x["last"], x["story"]["id"]), reverse=True)
    return sorted(
        (
            {
                "id": k,
                "stories": v,
                "last": v[0]["last"],
                "first": min((x["first"] for x in v if x["first"]), default=""),
            }
            for k, v in lines.items()
        ),
        key=lambda x: (x["last"], x["id"]),
        reverse=True,
    )
