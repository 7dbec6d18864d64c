"""Assembling one story from its analysed articles.

The order matters: publication dates are estimated first (times are re-resolved
against them), names are resolved next, and every later stage reads canonical
names through ``NameIndex.canonical``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from storyline.model import Analyzed, Story
from storyline.story.compare import compare_claims
from storyline.story.coverage import build_coverage
from storyline.story.dating import estimate_dates
from storyline.story.figures import story_figures
from storyline.story.names import resolve_names
from storyline.story.quotes import group_quotes
from storyline.story.summary import summarize
from storyline.story.timeline import build_timeline, timeline_sentences
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


class Preparsed:
    """A stand-in for the spaCy pipeline whose ``pipe`` hands out sentences parsed ahead.

    Texts not parsed ahead are parsed on demand by the real pipeline. A parse depends
    on the text alone, so the docs are those the pipeline would give.
    """

    def __init__(self, nlp: Any, docs: Mapping[str, Any]) -> None:
        self.nlp = nlp
        self.docs = docs

    def pipe(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Any]:
        """The docs of ``texts``, in order."""
        texts = list(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in self.docs]
        fresh = dict(zip(missing, self.nlp.pipe(missing, batch_size=batch_size), strict=True))
        for text in texts:
            yield self.docs[text] if text in self.docs else fresh[text]


def parse_ahead(
    stories: Iterable[DatedStory], nlp: Any, known: Mapping[str, Any] | None = None
) -> Preparsed:
    """Parse the timeline sentences of every story in one batch (``known`` ones reused)."""
    known = known or {}
    texts = list(dict.fromkeys(t for story in stories for t in timeline_sentences(story.items)))
    missing = [t for t in texts if t not in known]
    fresh = dict(zip(missing, nlp.pipe(missing, batch_size=256), strict=True))
    return Preparsed(nlp, {t: known[t] if t in known else fresh[t] for t in texts})


def assemble_story(
    story_id: str,
    storyline_id: str,
    items: Sequence[Analyzed],
    duplicate_of: Mapping[str, str],
    *,
    max_sentences: int = 6,
    dated: DatedStory | None = None,
    nlp: Any = None,
) -> AssembledStory:
    """Build the :class:`Story` for the articles placed in one story.

    ``dated`` is :func:`date_story` of ``items`` when already computed; ``nlp`` is the
    pipeline (or a :class:`Preparsed` one) the timeline parses its sentences with.
    """
    dated = dated if dated is not None else date_story(items)
    ordered, evidence = dated.items, dated.evidence
    ids = {i.article.id for i in ordered}
    dups = {c: o for c, o in duplicate_of.items() if c in ids and o in ids}
    names = resolve_names(ordered)
    entities = names.entities()
    quotes = group_quotes(ordered, names, dups)
    claims, conflicts = compare_claims(ordered, names.canonical, dups)
    timeline = build_timeline(ordered, names.canonical, nlp)
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
        figures=story_figures(ordered, dups),
    )
    extra: dict[str, object] = {
        "duplicate_of": dups,
        "date_evidence": {k: v for k, v in evidence.items() if k in ids},
    }
    story = replace(story, extra=extra)
    extra["coverage"] = build_coverage(story, ordered, dups)
    return AssembledStory(story=story, items=ordered, date_evidence=dict(evidence))


def _chronological(item: Analyzed) -> tuple[int, str, str]:
    published = item.article.published
    return (0 if published else 1, published or "", item.article.id)
