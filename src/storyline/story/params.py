"""Knobs of the per-story stages, each with its default and what it tunes.

Like :class:`storyline.story.clustering.params.ClusterParams`: a threshold that tunes
behaviour is a field here, passed to the stage as a parameter, never a number inline.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class DatingParams:
    """How an undated report's publication date is estimated (docs/times.md)."""

    #: Shared-word score (``story.dating.similarity``) from which a sentence of an
    #: undated report tells the same event as a dated sentence of another report, so
    #: that sentence's day can anchor the estimate. Lower than the timeline's bar: an
    #: anchor only bounds a date, it merges nothing.
    anchor_overlap: float = 0.18
    #: Whole-report score from which a report without any time evidence takes the
    #: date of its most similar report.
    borrow_overlap: float = 0.25


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineParams:
    """How dated sentences become timeline entries (docs/times.md)."""

    #: Shared-word score from which two events of the same (or a nested) date are
    #: merged into one entry.
    merge_overlap: float = 0.3
    #: The bar when both sentences tell the same kind of event ("hurt"/"injured",
    #: "met"/"talks": ``timeline.merge.EVENT_CLASSES``).
    kind_overlap: float = 0.25
    #: Shared-word score of two event lines from which they tell the same event.
    line_overlap: float = 0.5
    #: Higher bar for calling two differently dated events one (a date dispute).
    dispute_overlap: float = 0.5
    #: Most entries a story's timeline shows...
    max_entries: int = 12
    #: ...and most of them that are background.
    max_background: int = 3
    #: Events this many days before publication are background.
    background_days: int = 60
    #: Whole-report word overlap from which a report counts as a copy of another.
    copy_overlap: float = 0.7


@dataclass(frozen=True, slots=True, kw_only=True)
class SummaryParams:
    """How summary sentences are supported, picked and ordered (docs/quality.md)."""

    #: Share of a sentence's (IDF-weighted) content words a passage must repeat to
    #: support it.
    support_overlap: float = 0.45
    #: Lower bar when the passage also shares a story fact (claim, quote, timeline event).
    support_overlap_with_fact: float = 0.15
    #: Bar when the passage names the sentence's people and places and shares an event word.
    support_overlap_with_names: float = 0.3
    #: Besides, the share of the sentence's other (event, not name) words the passage
    #: must repeat.
    support_event_overlap: float = 0.4
    #: Cosine above which two selected sentences count as saying the same thing...
    redundant_cosine: float = 0.5
    #: ...and the same bar when the two sentences state the same figure.
    redundant_cosine_with_figure: float = 0.2
    #: An event this many days before its report orders the sentence; older ones are
    #: recalled.
    recent_days: int = 3
    #: How many of a story's agreed figures the summary must tell (when a sentence
    #: carries them).
    agreed_slots: int = 2
    #: Worth of telling a not yet covered week of a story that spans several.
    period_weight: float = 4.0


DATING = DatingParams()
TIMELINE = TimelineParams()
SUMMARY = SummaryParams()
