"""A hand-built digest (fiction) for the renderer tests.

Two stories in two storylines. The flood story has a disagreement (how many
injured), an altered quote, a copy of another report, an estimated date, a
caption marked as page debris, and a report whose text and title carry
``<script>`` and ``<img onerror=...>``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.model import (
    Analyzed,
    Article,
    ArticleAnalysis,
    Boilerplate,
    Citation,
    Claim,
    Conflict,
    ConflictValue,
    Digest,
    Mention,
    Quote,
    Span,
    Story,
    StoryClaim,
    StoryEntity,
    StoryQuote,
    SummarySentence,
    TimeExpr,
    TimelineEntry,
)
from storyline.story.coverage import build_coverage
from storyline.story.disputes import find_disputes

NAMES = {
    "Ilsa Brandt": "PERSON",
    "Brandt": "PERSON",
    "Tomas Reed": "PERSON",
    "Reed": "PERSON",
    "Vellmar": "GPE",
    "Dornach": "GPE",
    "Sarno": "GPE",
    "Kessel": "GPE",
}
KEYS = {"Brandt": "Ilsa Brandt", "Reed": "Tomas Reed"}

A1 = (
    "Floodwater swept through the river town of Vellmar on Sunday, killing nine people, "
    "officials said.\n\nPhoto: The river at dusk (Credit: Lens Agency)\n\n"
    "Mayor Ilsa Brandt said 7 people were injured in the flood. "
    "Rescue teams from Dornach reached Vellmar by Sunday evening. "
    "\u201cWe have never seen the river rise so fast,\u201d Brandt said. "
    "She added that the dam at Kessel had held through the night."
)
A2 = (
    "Nine people died when floodwater swept through Vellmar on Sunday, officials said. "
    "Regional governor Tomas Reed said 12 people were injured in the flood. "
    "\u201cWe have never seen the water rise so fast,\u201d Brandt told reporters. "
    "Rescue teams from Dornach reached Vellmar by Sunday evening, Reed said."
)
A3 = A1.replace("Floodwater", "Flood water")  # a copy of A1 in another outlet
A4 = (
    "Cleanup began in Vellmar on Monday after the flood that killed nine people. "
    "Volunteers pasted <script>alert('x')</script> and <img src=x onerror=alert(2)> "
    "on a board by the town hall, which the mayor called a prank. "
    "Mayor Ilsa Brandt said the dam at Kessel would be inspected."
)
B1 = (
    "The bridge at Sarno reopened on Friday after two years of repairs, the council said. "
    "Engineers replaced 40 steel cables during the works. "
    "Drivers queued from dawn to cross the bridge at Sarno on Friday."
)
B2 = (
    "Sarno's bridge reopened to traffic on Friday after two years of repairs. "
    "Engineers replaced 40 steel cables, the council said."
)


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Sentences by punctuation and blank lines (good enough for fixture prose)."""
    spans = []
    for m in re.finditer(r"[^\n]+?(?:[.!?][\u201d\"]?(?=\s|$)|$)", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append(Span(start, end))
    return tuple(spans)


def find(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def item(
    aid: str,
    text: str,
    *,
    source: str | None,
    title: str | None = None,
    published: str | None = None,
    estimated: bool = False,
    quotes: tuple[Quote, ...] = (),
    claims: tuple[Claim, ...] = (),
    boilerplate: tuple[Boilerplate, ...] = (),
    times: tuple[TimeExpr, ...] = (),
) -> Analyzed:
    """An analysed article: sentences by punctuation, names found by the NAMES table."""
    mentions = []
    taken: list[Span] = []
    for name in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            span = Span(m.start(), m.end())
            if not any(span.overlaps(t) for t in taken):
                taken.append(span)
                mentions.append(Mention(span, name, NAMES[name], KEYS.get(name, name)))
    mentions.sort(key=lambda m: m.span.start)
    article = Article(
        id=aid,
        text=text,
        title=title,
        source=source,
        published=published,
        published_estimated=estimated,
        path=f"/reports/{aid}.txt",
    )
    analysis = ArticleAnalysis(
        article_id=aid,
        boilerplate=boilerplate,
        sentences=tuple(
            s for s in sentence_spans(text) if not any(s.overlaps(b.span) for b in boilerplate)
        ),
        entities=tuple(mentions),
        times=times,
        quotes=quotes,
        claims=claims,
    )
    return Analyzed(article, analysis)


def sentence_of(text: str, needle: str) -> Span:
    """The sentence span holding ``needle``."""
    at = find(text, needle)
    return next(s for s in sentence_spans(text) if s.contains(at))


def flood_items() -> list[Analyzed]:
    """The four flood reports (a3 copies a1; a3's date is estimated)."""
    caption = find(A1, "Photo: The river at dusk (Credit: Lens Agency)")
    q1 = find(A1, "\u201cWe have never seen the river rise so fast,\u201d")
    q2 = find(A2, "\u201cWe have never seen the water rise so fast,\u201d")
    return [
        item(
            "a1",
            A1,
            source="Northern Ledger",
            title="Nine killed as flood sweeps Vellmar",
            published="2025-03-03",
            boilerplate=(Boilerplate(caption, "caption"),),
            quotes=(
                Quote(
                    q1,
                    A1[q1.start : q1.end],
                    "direct",
                    "Ilsa Brandt",
                    find(A1, "Brandt", 1),
                    "said",
                ),
            ),
            claims=(
                Claim(
                    find(A1, "nine people"),
                    "killed",
                    9,
                    "exact",
                    "people",
                    "officials",
                    None,
                    sentence_of(A1, "nine people"),
                    about="Vellmar flood",
                ),
                Claim(
                    find(A1, "7 people"),
                    "injured",
                    7,
                    "exact",
                    "people",
                    "Ilsa Brandt",
                    None,
                    sentence_of(A1, "7 people"),
                    about="Vellmar flood",
                ),
            ),
            times=(TimeExpr(find(A1, "Sunday"), "Sunday", "DATE", "2025-03-02", "day"),),
        ),
        item(
            "a2",
            A2,
            source="Coastal Herald",
            title="Vellmar flood: nine dead, governor says 12 hurt",
            published="2025-03-03",
            quotes=(
                Quote(q2, A2[q2.start : q2.end], "direct", "Brandt", find(A2, "Brandt"), "told"),
            ),
            claims=(
                Claim(
                    find(A2, "Nine people"),
                    "killed",
                    9,
                    "exact",
                    "people",
                    "officials",
                    None,
                    sentence_of(A2, "Nine people"),
                    about="Vellmar flood",
                ),
                Claim(
                    find(A2, "12 people"),
                    "injured",
                    12,
                    "exact",
                    "people",
                    "Tomas Reed",
                    None,
                    sentence_of(A2, "12 people"),
                    about="Vellmar flood",
                ),
            ),
            times=(TimeExpr(find(A2, "Sunday"), "Sunday", "DATE", "2025-03-02", "day"),),
        ),
        item(
            "a3",
            A3,
            source="Valley Post",
            title="Nine killed as flood sweeps Vellmar",
            published="2025-03-04",
            estimated=True,
            boilerplate=(
                Boilerplate(find(A3, "Photo: The river at dusk (Credit: Lens Agency)"), "caption"),
            ),
            times=(TimeExpr(find(A3, "Sunday"), "Sunday", "DATE", "2025-03-02", "day"),),
        ),
        item(
            "a4",
            A4,
            source="Evening Wire",
            title="<script>alert('title')</script> Vellmar <img src=x onerror=alert(3)> cleanup",
            published="2025-03-04",
        ),
    ]


def bridge_items() -> list[Analyzed]:
    """The two bridge reports (another storyline)."""
    return [
        item("b1", B1, source="Sarno Times", title="Sarno bridge reopens", published="2025-02-14"),
        item("b2", B2, source="Regional Radio", title=None, published="2025-02-14"),
    ]


def flood_story(items: list[Analyzed]) -> Story:
    """The flood story as the story stages would build it."""
    q1 = items[0].analysis.quotes[0]
    q2 = items[1].analysis.quotes[0]
    s1 = sentence_of(A1, "killing nine")
    s2 = sentence_of(A2, "Nine people died")
    return Story(
        id="s-flood",
        title="Nine killed as flood sweeps Vellmar",
        storyline="line-1",
        articles=("a1", "a2", "a3", "a4"),
        entities=(
            StoryEntity(
                "Ilsa Brandt",
                "PERSON",
                ("Ilsa Brandt", "Brandt", "Mayor Brandt"),
                ("a1", "a2", "a3", "a4"),
                6,
            ),
            StoryEntity("Vellmar", "GPE", ("Vellmar",), ("a1", "a2", "a3", "a4"), 8),
            StoryEntity("Tomas Reed", "PERSON", ("Tomas Reed", "Reed"), ("a2",), 2),
        ),
        quotes=(
            StoryQuote(
                speaker="Ilsa Brandt",
                text="We have never seen the river rise so fast,",
                variants=(
                    "We have never seen the river rise so fast,",
                    "We have never seen the water rise so fast,",
                ),
                articles=("a1", "a2", "a3"),
                altered=("a2",),
                citations=(Citation("a1", q1.span), Citation("a2", q2.span)),
            ),
        ),
        claims=(
            StoryClaim(
                "killed",
                9,
                "Vellmar flood",
                "officials",
                ("a1", "a2", "a3", "a4"),
                counted="people",
                independent=3,
                citations=(
                    Citation("a1", items[0].analysis.claims[0].span),
                    Citation("a2", items[1].analysis.claims[0].span),
                ),
            ),
        ),
        conflicts=(
            Conflict(
                "injured",
                "Vellmar flood",
                (
                    ConflictValue(
                        7,
                        ("a1", "a3"),
                        "Ilsa Brandt",
                        citations=(Citation("a1", items[0].analysis.claims[1].span),),
                    ),
                    ConflictValue(
                        12,
                        ("a2",),
                        "Tomas Reed",
                        citations=(Citation("a2", items[1].analysis.claims[1].span),),
                    ),
                ),
            ),
        ),
        timeline=(
            TimelineEntry(
                "2025-03-02",
                "day",
                "Floodwater sweeps through Vellmar, killing nine.",
                ("a1", "a2", "a3"),
                citations=(Citation("a1", s1), Citation("a2", s2)),
            ),
            TimelineEntry(
                "2025-03-03",
                "day",
                "Cleanup begins in Vellmar.",
                ("a4",),
                citations=(Citation("a4", sentence_of(A4, "Cleanup began")),),
                disputed_dates=(("2025-03-03", ("a4",)), ("2025-03-04", ("a3",))),
            ),
        ),
        summary=(
            SummarySentence(
                A1[s1.start : s1.end],
                ("a1", "a2", "a3"),
                (
                    Citation("a1", s1),
                    Citation("a2", s2),
                    Citation("a3", sentence_of(A3, "killing nine")),
                ),
            ),
            SummarySentence(
                "Volunteers pasted <script>alert('x')</script> and <img src=x onerror=alert(2)> "
                "on a board.",
                ("a4",),
                (Citation("a4", sentence_of(A4, "Volunteers pasted")),),
            ),
        ),
    )


def bridge_story() -> Story:
    """The bridge story, with a bare summary and no conflicts."""
    return Story(
        id="s-bridge",
        title="Sarno bridge reopens",
        storyline="line-2",
        articles=("b1", "b2"),
        entities=(StoryEntity("Sarno", "GPE", ("Sarno",), ("b1", "b2"), 3),),
        claims=(
            StoryClaim(
                "replaced",
                40,
                "bridge works",
                None,
                ("b1", "b2"),
                counted="steel cables",
                independent=2,
            ),
        ),
        summary=(
            SummarySentence(
                B1[: B1.index(" Engineers")],
                ("b1", "b2"),
                (Citation("b1", sentence_of(B1, "The bridge at Sarno")),),
            ),
        ),
    )


def _staged(story: Story, items: list[Analyzed], dups: dict[str, str]) -> Story:
    """The fields the story stages derive from the rest: disputes and coverage."""
    story = replace(
        story, disputes=find_disputes(items, story.conflicts, story.timeline, story.quotes)
    )
    return replace(story, coverage=build_coverage(story, items, dups))


def build_digest() -> Digest:
    """The whole fixture digest."""
    flood = flood_items()
    bridge = bridge_items()
    everything = flood + bridge
    dups = {"a3": "a1"}
    stories = tuple(
        _staged(story, items, dups)
        for story, items in ((flood_story(flood), flood), (bridge_story(), bridge))
    )
    return Digest(
        articles=tuple(i.article for i in everything),
        analyses={i.article.id: i.analysis for i in everything},
        stories=stories,
        duplicate_of=dups,
        date_evidence={"a3": ("published a day after its original [1]",)},
    )


@pytest.fixture
def digest() -> Digest:
    """A fresh copy of the fixture digest."""
    return build_digest()


@pytest.fixture
def artifacts() -> Path:
    """Where tests leave screenshots and pages for a person to look at (gitignored)."""
    path = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"
    path.mkdir(parents=True, exist_ok=True)
    return path
