"""Markdown story pages: the same content as the HTML page, without article bodies.

Text from reports is escaped so that no heading, link, table cell or raw HTML
in a report can change the page's structure when the Markdown is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.lexicon.measures import claim_what
from storyline.model import Digest, Story, StoryQuote
from storyline.report.figures import figure_rows
from storyline.report.view import (
    Ref,
    StoryView,
    quote_groups,
    story_view,
    value_text,
)

_COPIES = "copies counted with their original"
_LEGEND = (
    "✓ reported · — not reported · ≈ quoted with altered wording · "
    "a number is the value that outlet gives."
)
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")


def md(text: str | None) -> str:
    """Escape text for Markdown: every character with a meaning is backslashed."""
    text = " ".join((text or "").split())
    return _SPECIAL.sub(r"\\\1", text) if _SPECIAL.search(text) else text  # most have none


def _cites(refs: Iterable[Ref]) -> str:
    return "".join(f"[{r.n}]" for r in refs)


def _join(names: Iterable[str]) -> str:
    names = list(names)
    return ", ".join(md(n) for n in names) if names else "no outlet named"


def render_story_markdown(story: Story, digest: Digest) -> str:
    """The story as Markdown: summary with citations, disputes, timeline, quotes, coverage."""
    v = story_view(story, digest)
    out: list[str] = [f"# {md(story.title)}", ""]
    span = f"{v.first} – {v.last} · " if v.first and v.last != v.first else ""
    span = span or (f"{v.first} · " if v.first else "")
    out += [
        f"{span}{v.coverage.reports} reports from {v.coverage.independent} independent sources",
        "",
    ]
    out += _changes(v)
    out += _figures(v)
    out += ["## Summary", ""]
    if story.summary:
        out += [
            " ".join(
                f"{md(s.text)} {_cites(v.refs(s.passages, s.citations))}" for s in story.summary
            )
        ]
    else:
        out += ["_No sentence could be verified against the reports._"]
    out += _disputes(v) + _single(v) + _timeline(v) + _quotes(v) + _facts(v)
    out += _entities(v) + _coverage(v) + _articles(v)
    return "\n".join(out).rstrip() + "\n"


def _changes(v: StoryView) -> list[str]:
    if not v.latest_changes:
        return []
    since = v.latest_changes[0].since
    out = [f"## What changed since {since}" if since else "## What changed", ""]
    out += [f"- _{c.kind}_: {md(c.text)} ({c.date})" for c in v.latest_changes]
    if v.earlier_changes:
        out += ["", "Earlier changes:", ""]
        out += [f"- _{c.kind}_: {md(c.text)} ({c.date})" for c in v.earlier_changes]
    return [*out, ""]


def _figures(v: StoryView) -> list[str]:
    """The headline figures, at the top: value, status, how, and every value given."""
    rows = figure_rows(v)
    if not rows:
        return []
    out = ["## Figures", ""]
    for r in rows:
        note = f" — {md(r.note)}" if r.note else ""
        out.append(f"- **{md(r.label)}: {md(r.value)}** _({md(r.status)})_{note} {_cites(r.refs)}")
        for side in r.sides:
            out.append(f"  - {md(side.value)} — {_join(side.outlets)} {_cites(side.refs)}")
    return [*out, ""]


def _disputes(v: StoryView) -> list[str]:
    if not v.disputes:
        return []
    out = ["", "## What is disputed", ""]
    for d in v.disputes:
        lead = "Figures changed over time: " if d.kind == "update" else ""
        out.append(f"- **{lead}{md(d.about)}**")
        for side in d.sides:
            source = f"; according to {_join(side.sources)}" if side.sources else ""
            out.append(
                f"  - **{md(side.value)}** — {_join(side.outlets)}{source} {_cites(side.refs)}"
            )
    return out


def _single(v: StoryView) -> list[str]:
    if not v.coverage.single_source:
        return []
    out = ["", "## Reported by one outlet only", ""]
    for f in v.coverage.single_source:
        refs = v.refs((), f.articles)
        out.append(f"- {md(f.label)} — {_join(v.outlets(f.articles))} {_cites(refs)}")
    return out


def _timeline(v: StoryView) -> list[str]:
    out = ["", "## Timeline", ""]
    if not v.story.timeline:
        return [*out, "_No dated event found._"]
    for t in v.story.timeline:
        tags = " _(background)_" if t.background else ""
        tags += " _(date disputed)_" if t.disputed_dates else ""
        tags += " _(estimated)_" if t.date and v.estimated(t.articles) else ""
        refs = _cites(v.refs(t.citations, t.articles))
        out.append(f"- **{md(t.date or 'undated')}**{tags} {md(t.text)} {refs}")
    return out


def _quotes(v: StoryView) -> list[str]:
    out = ["", "## Who said what", ""]
    if not v.story.quotes:
        return [*out, "_No quote found._"]
    for g in quote_groups(v):
        lines: list[str] = []
        for q in (*g.direct, *g.indirect, *g.folded):
            lines += _quote_lines(v, q)
        out += [f"### {md(g.speaker)}", "", *lines, ""]
    return out[:-1]


def _quote_lines(v: StoryView, q: StoryQuote) -> list[str]:
    """A quote and its other wordings, as list items."""
    words = md(q.text.rstrip(" ,;:"))
    text = f"“{words}”" if q.kind == "direct" else words
    line = f"- {text} — {_join(v.outlets(q.articles))} {_cites(v.refs(q.citations, q.articles))}"
    if len(set(q.speakers)) > 1:
        line += f" _(speaker disputed: {_join(q.speakers)})_"
    if q.altered:
        line += f" _(wording altered by {_join(v.outlets(q.altered))})_"
    also = [f"  - also worded: “{md(w.rstrip(' ,;:'))}”" for w in q.variants if w != q.text]
    return [line, *also]


def _facts(v: StoryView) -> list[str]:
    if not v.figures:
        return []
    out = ["", "## Figures reported", ""]
    for c in v.figures:
        about = f" — {md(c.about)}" if c.about else ""
        who = f", according to {md(c.attribution)}" if c.attribution else ""
        n = c.independent or len(v.outlets(c.articles))
        refs = _cites(v.refs(c.citations, c.articles))
        value = value_text(c.value, c.qualifier)
        what = md(claim_what(c.counted, c.measure))
        out.append(f"- **{value}** {what}{about}{who} ({n} independent) {refs}")
    return out


def _entities(v: StoryView) -> list[str]:
    out = ["", "## Names and their spellings", ""]
    if not v.story.entities:
        return [*out, "_No name found._"]
    out += ["| Name | Kind | Written as | Reports |", "|---|---|---|---|"]
    for e in v.story.entities:
        variants = "; ".join(md(x) for x in e.variants)
        out.append(
            f"| {md(e.name)} | {md(e.label)} | {variants} | {_cites(v.refs((), e.articles))} |"
        )
    return out


def _coverage(v: StoryView) -> list[str]:
    c = v.coverage
    out = ["", "## Coverage: who reported what", ""]
    out.append(f"{c.reports} reports, {c.independent} independent sources ({_COPIES}).")
    if not c.facts:
        return out
    heads = [md(o.name) + _copies(len(o.copies)) for o in c.outlets]
    out += ["", "| Fact | " + " | ".join(heads) + " |", "|---" * (len(heads) + 1) + "|"]
    shown = {"": "—", "yes": "✓", "altered": "≈"}
    for f in c.facts:
        cells = " | ".join(shown.get(x, md(x)) for x in f.cells)
        out.append(f"| {md(f.label)} | {cells} |")
    out += [
        "",
        _LEGEND,
    ]
    return out


def _copies(n: int) -> str:
    return "" if not n else f" (+{n} {'copy' if n == 1 else 'copies'})"


def _articles(v: StoryView) -> list[str]:
    out = ["", "## The reports", ""]
    for a in v.articles:
        date = f" · {a.date}" + (" (estimated)" if a.estimated else "") if a.date else ""
        title = f" · {md(a.article.title)}" if a.article.title else ""
        where = a.article.url or a.article.path
        line = f"{a.n}. {md(a.outlet)}{date}{title}"
        line += f" — {md(where)}" if where else ""
        line += f" _(copy of [{a.original}])_" if a.original else ""
        out.append(line)
    return out
