"""A storyline told as its page tells it: its stories in order, and the figures that changed.

A storyline is the stories of one developing story (clustering gives each story
its storyline). Its events are its stories, oldest first, each with its dates and
its story in one line (the summary's first sentence: the main event). A figure
changed along the way when the stories give one measure of one event (facts of
related descriptions, :func:`storyline.story.facts.related`) different values, or
when a story holds it as updated: each such figure is tracked story by story.

A storyline is built from :class:`Story` records (:func:`build_storylines`, the
digest and the static report) or from the stories' ``stories.json`` objects
(:func:`storyline_from_json`, the server, which keeps each story as published):
both go through :func:`storyline_of`, so the two pages cannot differ.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.lexicon.measures import claim_what
from storyline.model import Fact, FigureStep, FigureTrack, Story, Storyline, StorylineEvent
from storyline.story.facts import UPDATED, related


@dataclass(frozen=True, slots=True)
class StoryPoint:
    """What a storyline page needs of one story: when, what, in one line, and its facts."""

    id: str
    title: str
    first: str  # the dates of its reports (ISO days; "" when unknown)
    last: str
    line: str
    facts: tuple[Fact, ...] = ()


def build_storylines(
    stories: Sequence[Story], published: Mapping[str, str]
) -> tuple[Storyline, ...]:
    """Every storyline of a digest, newest first; ``published`` maps article ids to dates."""
    lines: dict[str, list[Story]] = {}
    for s in stories:
        lines.setdefault(s.storyline, []).append(s)
    out = [
        storyline_of(line, [point_of(s, published) for s in members])
        for line, members in lines.items()
    ]
    return tuple(sorted(out, key=lambda x: (x.events[-1].last, x.id), reverse=True))


def point_of(story: Story, published: Mapping[str, str]) -> StoryPoint:
    """A story as its storyline page tells it; ``published`` maps article ids to dates."""
    first, last = _dates(story, published)
    line = story.summary[0].text if story.summary else story.title
    return StoryPoint(story.id, story.title, first, last, line, story.facts)


def point_from_json(doc: Mapping[str, Any], first: str, last: str) -> StoryPoint:
    """A story's ``stories.json`` object as its storyline page tells it (dates given apart)."""
    summary = doc.get("summary") or []
    title = str(doc.get("title", ""))
    line = str(summary[0]["text"]) if summary else title
    facts = tuple(
        Fact(
            str(f["measure"]),
            str(f.get("about", "")),
            str(f["state"]),
            str(f.get("phrase", "")),
            tuple(float(v) for v in f.get("values", ())),
            tuple(f.get("articles", ())),
            int(f.get("sources", 0)),
            bool(f.get("readable", True)),
        )
        for f in doc.get("facts") or []
    )
    return StoryPoint(str(doc["id"]), title, first, last, line, facts)


def storyline_from_json(
    line_id: str, docs: Sequence[tuple[Mapping[str, Any], str, str]]
) -> Storyline:
    """One storyline from its stories' ``stories.json`` objects, each with its first and last
    report dates."""
    return storyline_of(line_id, [point_from_json(d, first, last) for d, first, last in docs])


def _dates(story: Story, published: Mapping[str, str]) -> tuple[str, str]:
    days = sorted(d[:10] for a in story.articles if (d := published.get(a)))
    return (days[0], days[-1]) if days else ("", "")


def storyline_of(line_id: str, points: Sequence[StoryPoint]) -> Storyline:
    """A storyline from its stories: events oldest first, titled by the newest."""
    dated = sorted(points, key=lambda p: (p.first, p.last, p.id))
    events = tuple(StorylineEvent(p.id, p.title, p.first, p.last, p.line) for p in dated)
    figures = _figures([(p.first or p.last, p) for p in dated])
    return Storyline(line_id, dated[-1].title if dated else "", events, figures)


def _figures(stories: Sequence[tuple[str, StoryPoint]]) -> tuple[FigureTrack, ...]:
    """Figures whose value changed from story to story, or that a story holds as updated."""
    tracks: list[tuple[Fact, list[FigureStep]]] = []
    for date, story in stories:
        for fact in story.facts:
            if not fact.readable:
                continue
            step = FigureStep(story.id, date, " or ".join(_plain(v) for v in fact.values),
                              fact.state)  # fmt: skip
            for head, steps in tracks:
                if head.measure == fact.measure and related(head.about, fact.about):
                    if steps[-1].story != story.id:
                        steps.append(step)
                    break
            else:
                tracks.append((fact, [step]))
    out = []
    for head, steps in tracks:
        values = {s.value for s in steps}
        if len(values) > 1 or any(s.state == UPDATED for s in steps):
            what = claim_what("", head.measure)
            out.append(FigureTrack(head.measure, what, head.about, tuple(steps)))
    return tuple(out)


def _plain(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
