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


DATING = DatingParams()
TIMELINE = TimelineParams()
