"""Assembling one story from its analysed articles.

The order matters: publication dates are estimated first (times are re-resolved
against them), names are resolved next, and every later stage reads canonical
names through ``NameIndex.canonical``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.model import Analyzed, Story
from storyline.story.compare.claims import compare_claims
from storyline.story.coverage import build_coverage
from storyline.story.dating import estimate_dates
from storyline.story.disputes import find_disputes
from storyline.story.facts import fact_states, figure_states, outlet_keys, reconcile
from storyline.story.figures import story_figures
from storyline.story.names import resolve_names
from storyline.story.quotes import group_quotes
from storyline.story.summary.summarize import summarize
from storyline.story.timeline.build import build_timeline
from storyline.story.title import story_title


@dataclass(frozen=True, slots=True)
class AssembledStory:
    """A story and the articles as the story sees them (dates estimated, times resolved)."""

    story: Story
    items: tuple[Analyzed, ...]
    date_evidence: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class DatedStory:
    """One story's reports with publication dates estimated, in chronological order."""

    items: tuple[Analyzed, ...]
    evidence: dict[str, tuple[str, ...]]


def date_story(items: Sequence[Analyzed]) -> DatedStory:
    """Estimate the reports' missing dates (times re-resolved) and order them by date."""
    dated, evidence = estimate_dates(items)
    return DatedStory(tuple(sorted(dated, key=_chronological)), evidence)


def assemble_story(
    story_id: str,
    storyline_id: str,
    items: Sequence[Analyzed],
    duplicate_of: Mapping[str, str],
    *,
    max_sentences: int = 6,
    dated: DatedStory | None = None,
) -> AssembledStory:
    """Build the :class:`Story` for the articles placed in one story.

    ``dated`` is :func:`date_story` of ``items`` when already computed. Nothing is
    parsed here: every stage reads the articles' analyses.
    """
    dated = dated if dated is not None else date_story(items)
    ordered, evidence = dated.items, dated.evidence
    ids = {i.article.id for i in ordered}
    dups = {c: o for c, o in duplicate_of.items() if c in ids and o in ids}
    names = resolve_names(ordered)
    entities = names.entities()
    quotes = group_quotes(ordered, names, dups)
    claims, conflicts = compare_claims(ordered, names.canonical, dups)
    outlet = outlet_keys(
        [i.article.id for i in ordered], {i.article.id: i.article for i in ordered}, dups
    )
    claims, conflicts = reconcile(claims, conflicts, outlet)
    timeline = build_timeline(ordered, names.canonical)
    summary = summarize(
        ordered,
        claims=claims,
        conflicts=conflicts,
        quotes=quotes,
        timeline=timeline,
        entities=entities,
        duplicate_of=dups,
        canonical=names.canonical,
        max_sentences=max_sentences,
    )
    facts = fact_states(claims, conflicts, outlet)
    # one state per figure: the headline figures read theirs from the facts
    figures = figure_states(story_figures(ordered, dups, outlet), facts)
    story = Story(
        id=story_id,
        title=story_title(ordered, entities),
        storyline=storyline_id,
        articles=tuple(i.article.id for i in ordered),
        entities=entities,
        quotes=quotes,
        claims=claims,
        conflicts=conflicts,
        timeline=timeline,
        summary=summary,
        disputes=find_disputes(ordered, conflicts, timeline, quotes),
        facts=facts,
        duplicate_of=dups,
        date_evidence={k: v for k, v in evidence.items() if k in ids},
        figures=figures,
    )
    story = replace(story, coverage=build_coverage(story, ordered, dups))
    return AssembledStory(story=story, items=ordered, date_evidence=dict(evidence))


def _chronological(item: Analyzed) -> tuple[int, str, str]:
    published = item.article.published
    return (0 if published else 1, published or "", item.article.id)
