"""Candidate retrieval: an inverted index from (feature, week) to stories.

A story is indexed under the strongest features of each report it takes, in the
week of that report. A new report looks up its own strongest features in the weeks
of its time window only, so the work of placing it depends on how many reports
arrive per week, not on how many the store holds. Reports with no known day go
to an "undated" week that every lookup also reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from heapq import nlargest

from storyline.story.clustering.similarity import Vector

UNDATED = -1


def week_of(day: int | None) -> int:
    """The week bucket of a day ordinal (UNDATED when the day is unknown)."""
    return UNDATED if day is None else day // 7


def top_features(vec: Vector, k: int) -> list[tuple[str, float]]:
    """The ``k`` heaviest features of a vector."""
    return nlargest(k, vec.items(), key=lambda kv: kv[1])


class StoryIndex:
    """Posting lists of story ids per feature and week."""

    __slots__ = ("max_postings", "postings")

    def __init__(self, max_postings: int) -> None:
        # feature -> week -> story ids; one lookup per feature, then only the weeks
        # that feature has postings in.
        self.postings: dict[str, dict[int, list[str]]] = {}
        self.max_postings = max_postings

    def add(self, story_id: str, features: Iterable[str], week: int) -> None:
        """Index a story under features in one week."""
        for feature in features:
            weeks = self.postings.get(feature)
            if weeks is None:
                self.postings[feature] = {week: [story_id]}
                continue
            posting = weeks.get(week)
            if posting is None:
                weeks[week] = [story_id]
            elif len(posting) <= self.max_postings and story_id not in posting:
                # A posting past the cap marks a feature too common to retrieve by.
                posting.append(story_id)

    def weeks_around(self, day: int | None, window_days: int) -> list[int]:
        """The week buckets a report of this day should search, nearest first."""
        if day is None:
            return [UNDATED]
        center = week_of(day)
        first, last = week_of(day - window_days), week_of(day + window_days)
        near = sorted(range(first, last + 1), key=lambda w: (abs(w - center), w))
        return [*near, UNDATED]

    def candidates(
        self,
        query: Iterable[tuple[str, float]],
        weeks: list[int],
        limit: int,
        budget: int = 1 << 30,
    ) -> list[str]:
        """The ``limit`` stories sharing the most query weight within the weeks.

        ``weeks`` comes nearest first; each feature reads at most ``budget``
        story ids, from its nearest weeks on, so a common word costs a bounded
        amount while a rare name still reaches stories weeks away.
        """
        score: dict[str, float] = {}
        rank = {w: i for i, w in enumerate(weeks)}
        cap = self.max_postings
        for feature, weight in query:
            by_week = self.postings.get(feature)
            if by_week is None:
                continue
            if len(by_week) > len(rank):
                hits = [by_week[w] for w in weeks if w in by_week]
            else:
                near = sorted((rank[w], w) for w in by_week if w in rank)
                hits = [by_week[w] for _, w in near]
            left = budget
            for posting in hits:
                if len(posting) > cap:
                    continue
                for sid in posting:
                    score[sid] = score.get(sid, 0.0) + weight
                left -= len(posting)
                if left <= 0:
                    break
        return nlargest(limit, score, key=score.__getitem__)
