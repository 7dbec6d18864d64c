"""A storyline told as its page tells it: its stories in order, and the figures that changed.

A storyline is the stories of one developing story (clustering gives each story
its storyline). Its events are its stories, oldest first, each with its dates and
its story in one line (the summary's first sentence: the main event). A figure
changed along the way when the stories give one measure of one event (facts of
related descriptions, :func:`storyline.story.facts.related`) different values, or
when a story holds it as updated: each such figure is tracked story by story.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.lexicon.measures import claim_what
from storyline.model import Fact, FigureStep, FigureTrack, Story, Storyline, StorylineEvent
from storyline.story.facts import UPDATED, related


def build_storylines(
    stories: Sequence[Story], published: Mapping[str, str]
) -> tuple[Storyline, ...]:
    """Every storyline of a digest, newest first; ``published`` maps article ids to dates."""
    lines: dict[str, list[Story]] = {}
    for s in stories:
        lines.setdefault(s.storyline, []).append(s)
    out = [_storyline(line, members, published) for line, members in lines.items()]
    return tuple(sorted(out, key=lambda x: (x.events[-1].last, x.id), reverse=True))


def _dates(story: Story, published: Mapping[str, str]) -> tuple[str, str]:
    days = sorted(d[:10] for a in story.articles if (d := published.get(a)))
    return (days[0], days[-1]) if days else ("", "")


def _storyline(line: str, members: Sequence[Story], published: Mapping[str, str]) -> Storyline:
    dated = sorted(((_dates(s, published), s) for s in members), key=lambda p: (p[0], p[1].id))
    events = tuple(
        StorylineEvent(s.id, s.title, first, last, s.summary[0].text if s.summary else s.title)
        for (first, last), s in dated
    )
    title = dated[-1][1].title
    figures = _figures([(first or last, s) for (first, last), s in dated])
    return Storyline(line, title, events, figures)


def _figures(stories: Sequence[tuple[str, Story]]) -> tuple[FigureTrack, ...]:
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
