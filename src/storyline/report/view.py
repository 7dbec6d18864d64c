"""What a story page shows, computed once for the HTML and Markdown renderers.

Articles are numbered in story order ([1], [2], ...); every citation becomes a
:class:`Ref` to that number and, when it has a span, to the passage anchor that
the HTML page highlights in the article text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from storyline.model import Analyzed, Article, Citation, Coverage, Digest, Story, StoryQuote
from storyline.model import Dispute as StoryDispute
from storyline.report.json import number

_QUALIFIER = {"at_least": "at least ", "at_most": "at most ", "about": "about ", "range": ""}


@dataclass(frozen=True, slots=True)
class Ref:
    """A citation as shown: the article's number and the passage anchor, if any."""

    n: int
    article: str
    anchor: str | None

    @property
    def href(self) -> str:
        """Where the citation marker links to."""
        return f"#{self.anchor}" if self.anchor else f"#a{self.n}"


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One report of the story, numbered, with the labels the page shows."""

    n: int
    article: Article
    outlet: str
    date: str
    estimated: bool
    original: int | None  # number of the article this one copies
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a dispute: what it says, which outlets say so, on whose word."""

    value: str
    outlets: tuple[str, ...]
    refs: tuple[Ref, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Dispute:
    """A disagreement between reports, with every side."""

    kind: str  # number | update | date | attribution
    about: str
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class StoryView:
    """Everything a story page shows."""

    story: Story
    articles: tuple[ArticleView, ...]
    number: dict[str, int]
    disputes: tuple[Dispute, ...]
    coverage: Coverage
    first: str
    last: str

    def refs(self, citations: Iterable[Citation], articles: Iterable[str] = ()) -> list[Ref]:
        """Markers for citations (with passages) plus any articles cited without one."""
        out: dict[str, Ref] = {}
        for c in citations:
            n = self.number.get(c.article)
            if n is not None and c.article not in out:
                out[c.article] = Ref(n, c.article, passage_id(n, c) if c.span else None)
        for a in articles:
            n = self.number.get(a)
            if n is not None and a not in out:
                out[a] = Ref(n, a, None)
        return sorted(out.values(), key=lambda r: r.n)

    def estimated(self, articles: Iterable[str]) -> bool:
        """Whether every one of these articles has an estimated publication date."""
        views = [self.articles[self.number[a] - 1] for a in articles if a in self.number]
        return bool(views) and all(v.estimated for v in views)

    def outlets(self, articles: Iterable[str]) -> tuple[str, ...]:
        """Outlet labels of articles, copies folded into their original's outlet."""
        labels: dict[str, None] = {}
        for a in articles:
            n = self.number.get(a)
            if n is None:
                continue
            view = self.articles[n - 1]
            if view.original is not None:
                view = self.articles[view.original - 1]
            labels[view.outlet] = None
        return tuple(labels)


#: Who said what: the label of words no report attributes to anyone.
UNATTRIBUTED = "Unattributed"
#: Reported (indirect) statements shown per speaker before the rest fold away.
SHOWN_INDIRECT = 3
#: Direct quotes shorter than this many words are fragments ("defining"), shown after the rest.
FRAGMENT_WORDS = 4


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    """One speaker's words as shown: direct quotes, then reported speech, part of it folded."""

    speaker: str
    direct: tuple[StoryQuote, ...]
    indirect: tuple[StoryQuote, ...]  # shown
    folded: tuple[StoryQuote, ...]  # reported speech behind a "more" toggle

    @property
    def count(self) -> int:
        """How many things this speaker is reported to have said."""
        return len(self.direct) + len(self.indirect) + len(self.folded)


def quote_groups(view: StoryView) -> list[SpeakerQuotes]:
    """Who said what, led by direct quotes carried by the most outlets.

    Speakers with the most direct quotes come first and the unattributed last. Within
    a speaker, direct quotes come first (the most widely carried leading, fragments
    of a few words after whole statements), then
    reported speech; reported speech never shows more items than the direct quotes
    (at least one, at most ``SHOWN_INDIRECT``): the rest is folded.
    """
    groups: dict[str, list[StoryQuote]] = {}
    for q in view.story.quotes:
        groups.setdefault(q.speaker or UNATTRIBUTED, []).append(q)
    out: list[SpeakerQuotes] = []
    for speaker, quotes in groups.items():
        direct = sorted(
            (q for q in quotes if q.kind != "indirect"),
            # Most widely carried first; a few words in scare quotes ("defining") after
            # the sentences a reader can quote.
            key=lambda q: (-len(view.outlets(q.articles)), len(q.text.split()) < FRAGMENT_WORDS),
        )
        indirect = [q for q in quotes if q.kind == "indirect"]
        shown = min(SHOWN_INDIRECT, max(1, len(direct)))
        out.append(
            SpeakerQuotes(speaker, tuple(direct), tuple(indirect[:shown]), tuple(indirect[shown:]))
        )
    return sorted(
        out, key=lambda g: (g.speaker == UNATTRIBUTED, -len(g.direct), -g.count, g.speaker)
    )


def passage_id(n: int, citation: Citation) -> str:
    """The HTML id of a cited passage of article number ``n``."""
    span = citation.span
    return f"p{n}-{span.start}-{span.end}" if span else f"a{n}"


def items_of(story: Story, digest: Digest) -> list[Analyzed]:
    """The story's articles with their analyses, in story order."""
    by_id = {a.id: a for a in digest.articles}
    return [
        Analyzed(by_id[a], digest.analyses[a])
        for a in story.articles
        if a in by_id and a in digest.analyses
    ]


def story_view(story: Story, digest: Digest) -> StoryView:
    """Number the articles and lay out the story's disputes and coverage for one page."""
    by_id = {a.id: a for a in digest.articles}
    number_of = {a: n for n, a in enumerate(story.articles, 1)}
    dups = {**digest.duplicate_of, **story.duplicate_of}
    views = []
    for aid, n in number_of.items():
        art = by_id.get(aid) or Article(id=aid, text="")
        original = dups.get(aid)
        views.append(
            ArticleView(
                n=n,
                article=art,
                outlet=art.source or f"Report {n}",
                date=(art.published or "")[:10],
                estimated=art.published_estimated,
                original=number_of.get(original) if original else None,
                evidence=tuple(digest.date_evidence.get(aid) or story.date_evidence.get(aid) or ()),
            )
        )
    coverage = story.coverage or Coverage((), (), (), len(story.articles), 0)
    dates = sorted(v.date for v in views if v.date)
    view = StoryView(
        story=story,
        articles=tuple(views),
        number=number_of,
        disputes=(),
        coverage=coverage,
        first=dates[0] if dates else "",
        last=dates[-1] if dates else "",
    )
    return replace(view, disputes=tuple(_dispute(view, d) for d in story.disputes))


def value_text(value: float, qualifier: str = "exact") -> str:
    """A number as a reader says it: "at least 7", "1,000"."""
    shown = number(value)
    text = f"{shown:,}" if isinstance(shown, int) else f"{shown:,.2f}".rstrip("0").rstrip(".")
    return _QUALIFIER.get(qualifier, "") + text


def _dispute(view: StoryView, dispute: StoryDispute) -> Dispute:
    """A dispute as shown: figures as a reader says them, reports as outlets and markers."""
    sides = tuple(
        Side(
            value=value_text(side.amount, side.qualifier)
            if side.amount is not None
            else side.value,
            outlets=view.outlets(side.articles),
            refs=tuple(view.refs(side.citations, side.articles)),
            sources=side.sources,
        )
        for side in dispute.sides
    )
    return Dispute(dispute.kind, dispute.about, sides)
