"""Online, incremental clustering of reports into stories (events) and storylines.

Each story keeps the sum of its reports' unit vectors, so a report's average
similarity to the story's reports (average link) is one dot product. A report
joins the best candidate story whose score reaches ``threshold``; otherwise it
founds a new story, which joins the storyline of the closest story when that one
reaches ``online_storyline_threshold``. Ids are made from the founding report's id.
A batch placed after earlier ones cuts its reports together with the stored stories
near them (pool.py): two stored stories that the cut joins are merged, the older
keeping its id and the other recorded in ``merged_into``. See docs/clustering.md.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyline.story.clustering.attach import (
    actor_links,
    attach_pieces,
    day_links,
    identity_links,
)
from storyline.story.clustering.batch import (
    BlockDoc,
    FloatMatrix,
    average_link,
    pair_similarity,
)
from storyline.story.clustering.features import DocFeatures
from storyline.story.clustering.index import StoryIndex, top_features, week_of
from storyline.story.clustering.params import ClusterParams, Placement
from storyline.story.clustering.pool import homes
from storyline.story.clustering.similarity import (
    DocStats,
    Vector,
    conflict_factor,
    day_numbers,
    days_close,
    disjoint,
    doc_vector,
    dot,
    event_days,
    gap_to_range,
    kind_set,
    name_vector,
    overlap_factor,
    people_of,
    ref_day,
    report_places,
    same_incident,
    site_vector,
    time_factor,
    without_kinds,
)


def story_id_for(doc_id: str) -> str:
    """The stable id of a story founded by ``doc_id``."""
    return "s-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]


def storyline_id_for(doc_id: str) -> str:
    """The stable id of a storyline founded by ``doc_id``."""
    return "l-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class StoryState:
    """What the clusterer keeps of one story: bounded, whatever the story's size."""

    id: str
    storyline: str
    n: int = 0
    vector: Vector = field(default_factory=dict)  # sum of the reports' unit vectors
    places: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    days: list[int] = field(default_factory=list)  # sorted, each once
    years: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    sites: Counter[str] = field(default_factory=Counter)
    marks: Counter[str] = field(default_factory=Counter)
    people: Counter[str] = field(default_factory=Counter)
    named: Counter[str] = field(default_factory=Counter)
    first: int | None = None
    last: int | None = None


@dataclass(frozen=True, slots=True)
class _Doc:
    """A report prepared for scoring."""

    id: str
    vector: Vector
    places: Vector
    names: Vector
    days: tuple[int, ...]
    ref: int | None
    year: str | None
    kinds: frozenset[str]
    sites: Vector
    marks: frozenset[str]
    people: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    roundup: bool = False


class StoryClusterer:
    """Places reports into stories and storylines, one at a time or in batches."""

    def __init__(self, params: ClusterParams | None = None) -> None:
        self.params = params or ClusterParams()
        self.stats = DocStats()
        self.stories: dict[str, StoryState] = {}
        self.placements: dict[str, Placement] = {}
        self.index = StoryIndex(self.params.max_postings)
        #: Pairs of stories a report matched equally well: candidates for a merge
        #: that is recorded, never applied to ids.
        self.merges: list[tuple[str, str]] = []
        #: The stored reports' features, for cutting a block with the stories near it
        #: (``params.recheck``): read from the store when set, else the features this
        #: clusterer was given, kept in ``kept`` (None: none kept, no recheck).
        self.features_of: Callable[[Sequence[str]], Mapping[str, DocFeatures]] | None = None
        self.kept: dict[str, DocFeatures] | None = {}
        #: Stories merged into another since this clusterer was made: id -> kept id.
        self.merged_into: dict[str, str] = {}
        #: Reports placed earlier whose story changed by a merge: id -> new placement.
        self.moved: dict[str, Placement] = {}

    # --- preparing and scoring -------------------------------------------------

    def _prepare(self, doc_id: str, features: DocFeatures) -> _Doc:
        people, named = people_of(features, self.params.actor_spellings)
        return _Doc(
            id=doc_id,
            vector=doc_vector(features, self.stats, self.params),
            places=report_places(features, self.stats, self.params),
            names=name_vector(features, self.stats, self.params),
            days=day_numbers(event_days(features)),
            ref=ref_day(features),
            year=features.year,
            kinds=kind_set(features),
            sites=site_vector(features, self.stats),
            marks=frozenset(features.marks),
            people=people,
            named=named,
            roundup=features.roundup,
        )

    def _similarity(self, doc: _Doc, story: StoryState) -> float:
        """Average similarity to the story's reports, with the publication-gap factor."""
        sim = dot(doc.vector, story.vector) / story.n
        gap = gap_to_range(doc.ref, story.first, story.last)
        return sim * time_factor(gap, self.params)

    def _event_score(self, doc: _Doc, story: StoryState, similarity: float) -> float:
        stats, p = self.stats, self.params
        places = {k: stats.idf(k) for k in story.places if not stats.is_general(k, p)}
        names = {k: stats.idf(k) for k in story.names if not stats.is_general(k, p)}
        days = story.days
        # A story's year is the one most of its reports give.
        year = story.years.most_common(1)[0][0] if story.years else None
        factor = conflict_factor(
            (doc.places, places),
            (doc.names, names),
            (doc.days, days),
            p,
            (doc.year, year),
            (doc.kinds, story.kinds.keys()),
            (doc.sites.keys(), story.sites.keys()),
            (doc.marks, story.marks.keys()),
        )
        score = similarity * factor
        if self._same_incident(doc, story, days):
            score = max(score, p.signature_floor)
        if self._same_actor(doc, story):
            score = max(score, p.person_floor)
        return score

    def _same_actor(self, doc: _Doc, story: StoryState) -> bool:
        """Whether the report and the story share a main actor and a kind of incident."""
        if self.params.person_floor <= 0.0 or not doc.named or not doc.kinds:
            return False
        if not any(k in story.kinds for k in doc.kinds):
            return False
        specific = [k for k in story.places if not self.stats.is_general(k, self.params)]
        if disjoint(doc.places.keys(), specific):
            return False
        if any(m in story.people for m in doc.people):
            return True
        if not self.params.actor_named_once:
            return False
        return any(m in story.named for m in doc.people) or any(
            m in story.people for m in doc.named
        )

    def _tied(self, doc: _Doc, story: StoryState) -> bool:
        """Whether the report and the story name one kind of incident on one street or
        site of one town, on days that are not apart (attach.identity_links)."""
        if not any(k in story.kinds for k in doc.kinds):
            return False
        if not any(k in story.sites for k in doc.sites):
            return False
        if not any(
            k in story.places and k not in story.sites for k in doc.places if k not in doc.sites
        ):
            return False
        return not (
            doc.days
            and story.days
            and not days_close(doc.days, story.days, self.params.date_tolerance_days)
        )

    def _same_incident(self, doc: _Doc, story: StoryState, days: list[int]) -> bool:
        """Whether the report and the story get the incident floor (similarity.same_incident)."""
        if self.params.signature_floor <= 0.0 or not doc.kinds:
            return False
        specific = [k for k in story.places if not self.stats.is_general(k, self.params)]
        if disjoint(doc.places.keys(), specific):
            return False  # one mark in two places that share nothing: two incidents
        marks = (doc.marks, story.marks.keys())
        return same_incident((doc.kinds, story.kinds.keys()), marks, (doc.days, days), self.params)

    def _candidates(self, doc: _Doc) -> list[StoryState]:
        p = self.params
        weeks = self.index.weeks_around(doc.ref, p.window_days)
        # Only features some earlier report has can retrieve anything: a report's
        # heaviest features are often its own unique words.
        df = self.stats.df
        seen = {k: w for k, w in doc.vector.items() if df.get(k, 0) > 1}
        query = top_features(seen, p.query_features)
        ids = self.index.candidates(query, weeks, p.max_candidates, p.scan_budget)
        # A merged story's id stays in the postings it had (a merge does not read its
        # reports' old index features): it names no story any more.
        return [self.stories[i] for i in ids if i not in self.merged_into and i in self.stories]

    def _scores(self, doc: _Doc, exact: bool = False) -> list[tuple[float, float, StoryState]]:
        """(event score, plain similarity, story) for each candidate story.

        The storyline score (``_line_score`` of the plain similarity) is left to
        the callers that need it: most reports join a story and never do.

        Unless ``exact``, event scores below the threshold are left unfactored: the
        factors never raise a score, so they cannot change a decision; only the
        incident and actor floors can, and they are checked on their own.
        """
        out = []
        threshold = 0.0 if exact else self.params.threshold
        for story in self._candidates(doc):
            sim = self._similarity(doc, story)
            floor = self._same_incident(doc, story, story.days) or self._same_actor(doc, story)
            event = self._event_score(doc, story, sim) if sim >= threshold or floor else sim
            out.append((event, sim, story))
        return out

    def _line_score(self, doc: _Doc, story: StoryState, similarity: float) -> float:
        """Storyline similarity: the plain one, less when no specific name or place is shared."""
        stats, p = self.stats, self.params
        if p.storyline_conflict >= 1.0 or similarity <= 0.0:
            return similarity
        keys = [*story.places, *(k for k in story.names if not k.startswith("k:"))]
        theirs = {k: stats.idf(k) for k in keys if not stats.is_general(k, p)}
        factor = overlap_factor(
            {**doc.places, **without_kinds(doc.names)},
            theirs,
            p.storyline_conflict,
            p.storyline_match,
        )
        return similarity * factor

    # --- updating state -----------------------------------------------------------

    def _new_story(self, founder: str, storyline: str | None) -> StoryState:
        sid = story_id_for(founder)
        suffix = 1
        # Only on a hash collision, a re-used founder id, or a founder whose story was
        # merged away by this clusterer (its id stays the merged one's, never two stories).
        while sid in self.stories or sid in self.merged_into:
            suffix += 1
            sid = f"{story_id_for(founder)}-{suffix}"
        story = StoryState(id=sid, storyline=storyline or storyline_id_for(founder))
        self.stories[sid] = story
        return story

    def _join(self, doc: _Doc, story: StoryState) -> Placement:
        p = self.params
        story.n += 1
        vec = story.vector
        for key, weight in doc.vector.items():
            vec[key] = vec.get(key, 0.0) + weight
        if len(vec) > p.story_vector_cap * 3 // 2:
            keep = top_features(vec, p.story_vector_cap)
            story.vector = dict(keep)
        story.places.update(doc.places)
        story.names.update(doc.names)
        if len(story.names) > p.story_vector_cap:
            story.names = Counter(dict(story.names.most_common(p.story_vector_cap // 2)))
        for day in doc.days:
            i = bisect_left(story.days, day)
            if i == len(story.days) or story.days[i] != day:
                story.days.insert(i, day)
        story.kinds.update(doc.kinds)
        story.sites.update(doc.sites.keys())
        story.marks.update(doc.marks)
        story.people.update(doc.people)
        story.named.update(doc.named)
        if doc.year is not None:
            story.years[doc.year] += 1
        if doc.ref is not None:
            story.first = doc.ref if story.first is None else min(story.first, doc.ref)
            story.last = doc.ref if story.last is None else max(story.last, doc.ref)
        feats = [k for k, _ in top_features(doc.vector, p.index_features)]
        self.index.add(story.id, feats, week_of(doc.ref))
        placement = Placement(story.id, story.storyline)
        self.placements[doc.id] = placement
        return placement

    # --- public API ---------------------------------------------------------------

    def add(self, doc_id: str, features: DocFeatures) -> Placement:
        """Place one report: join the best story or found a new one; ids never change."""
        if doc_id in self.placements:
            return self.placements[doc_id]
        self.stats.add(features)
        if self.kept is not None:
            self.kept[doc_id] = features
        doc = self._prepare(doc_id, features)
        scored = self._scores(doc)
        p = self.params
        joinable = sorted(((s, st) for s, _, st in scored if s >= p.threshold), key=lambda x: -x[0])
        if joinable:
            best = joinable[0][1]
            self.merges.extend((best.id, other.id) for _, other in joinable[1:])
            return self._join(doc, best)
        lines = ((self._line_score(doc, st, sim), st) for _, sim, st in scored)
        line = max(lines, key=lambda x: x[0], default=None)
        storyline = line[1].storyline if line and line[0] >= p.online_storyline_threshold else None
        return self._join(doc, self._new_story(doc_id, storyline))

    def restore(self, doc_id: str, features: DocFeatures, placement: Placement) -> None:
        """Rebuild state from a stored placement without deciding anything."""
        if doc_id in self.placements:
            return
        self.stats.add(features)
        doc = self._prepare(doc_id, features)
        story = self.stories.get(placement.story_id)
        if story is None:
            story = StoryState(id=placement.story_id, storyline=placement.storyline_id)
            self.stories[story.id] = story
        self._join(doc, story)

    def add_batch(self, docs: Sequence[tuple[str, DocFeatures]]) -> dict[str, Placement]:
        """Place many reports at once: average-link within the batch, then attach.

        Reports are taken in date order in blocks of ``batch_block``; each block is
        clustered as a whole (so arrival order within it does not matter), then each
        cluster joins the existing story it matches on average, or becomes a story
        named after its earliest report. Existing stories keep their ids.
        """
        out: dict[str, Placement] = {}
        fresh: list[tuple[str, DocFeatures]] = []
        seen: set[str] = set()
        for doc_id, features in docs:
            if doc_id in self.placements:
                out[doc_id] = self.placements[doc_id]
            elif doc_id not in seen:
                seen.add(doc_id)
                fresh.append((doc_id, features))
        for doc_id, features in fresh:
            self.stats.add(features)
            if self.kept is not None:
                self.kept[doc_id] = features
        fresh.sort(key=lambda d: (d[1].reference_day() or "9999", d[0]))
        size = max(self.params.batch_block, 1)
        for start in range(0, len(fresh), size):
            block = [self._prepare(i, f) for i, f in fresh[start : start + size]]
            out.update(self._place_block(block))
        out.update((a, placement) for a, placement in self.moved.items() if a in out)
        return out

    def _place_block(self, block: list[_Doc]) -> dict[str, Placement]:
        p = self.params
        found = [self._scores(d, True) for d in block]
        near = self._near_stories(found) if p.recheck else None
        if near:
            return self._place_pooled(block, found, near)
        plain, _, clusters = self._cut(block)
        # Storyline scores now, before any cluster of the block joins a story.
        scored = self._line_scores(block, found)
        out: dict[str, Placement] = {}
        new_groups: list[list[int]] = []
        for members in clusters.values():
            event: dict[str, float] = {}
            for i in members:
                for score, _, story in scored[i]:
                    event[story.id] = event.get(story.id, 0.0) + score
            best = max(event.items(), key=lambda kv: kv[1], default=None)
            if (not best or best[1] / len(members) < p.threshold) and len(members) <= p.attach_size:
                # A small piece tied to a story (one street of one town: attach.py)
                # joins the best tied one on a lower bar, as within the block.
                tied = [
                    (score, sid)
                    for sid, score in event.items()
                    if score / len(members) >= p.attach_min
                    and any(self._tied(block[i], self.stories[sid]) for i in members)
                ]
                if tied:
                    story = self.stories[max(tied)[1]]
                    for i in members:
                        out[block[i].id] = self._join(block[i], story)
                    continue
            if best and best[1] / len(members) >= p.threshold:
                story = self.stories[best[0]]
                for i in members:
                    out[block[i].id] = self._join(block[i], story)
            else:
                new_groups.append(members)
        out.update(self._found_stories(block, new_groups, scored, plain))
        return out

    def _cut(self, docs: list[_Doc]) -> tuple[np.ndarray, list[int], dict[int, list[int]]]:
        """Cut prepared reports as one batch does: (plain pairwise similarity, each
        report's cluster label, the members of each label)."""
        p = self.params
        rows = [_block_doc(d) for d in docs]
        sim, plain = pair_similarity(rows, p)
        labels = average_link(sim, p.threshold)
        if p.attach_size > 0:
            links = identity_links(rows, p) | actor_links(rows, labels, p)
            labels = attach_pieces(labels, sim, links, p, day_links(rows, p))
        clusters: dict[int, list[int]] = {}
        for i, label in enumerate(labels):
            clusters.setdefault(label, []).append(i)
        return plain, list(labels), clusters

    def _line_scores(
        self, block: list[_Doc], found: list[list[tuple[float, float, StoryState]]]
    ) -> list[list[tuple[float, float, StoryState]]]:
        """(event score, storyline score, story) of each report's candidates."""
        return [
            [(e, self._line_score(d, story, plain), story) for e, plain, story in row]
            for d, row in zip(block, found, strict=True)
        ]

    # --- a block cut with the stored stories near it (pool.py) ------------------------

    def _near_stories(
        self, found: list[list[tuple[float, float, StoryState]]]
    ) -> list[tuple[StoryState, list[_Doc]]] | None:
        """The stored stories scoring at least ``recheck_min`` against a report of the
        block, each with its reports prepared; None when there are none, or when some
        report's features cannot be had (then the block is placed on the summaries)."""
        bar = self.params.recheck_min
        wanted = {story.id: story for row in found for e, _, story in row if e >= bar}
        if not wanted:
            return None
        members: dict[str, list[str]] = {sid: [] for sid in wanted}
        for doc_id, placement in self.placements.items():
            if placement.story_id in members:
                members[placement.story_id].append(doc_id)
        ids = sorted(a for docs in members.values() for a in docs)
        if self.features_of is not None:
            features = self.features_of(ids)
        elif self.kept is not None:
            features = {a: self.kept[a] for a in ids if a in self.kept}
        else:
            return None
        if any(a not in features for a in ids) or any(not m for m in members.values()):
            return None
        return [
            (wanted[sid], [self._prepare(a, features[a]) for a in sorted(members[sid])])
            for sid in sorted(wanted)
        ]

    def _place_pooled(
        self,
        block: list[_Doc],
        found: list[list[tuple[float, float, StoryState]]],
        near: list[tuple[StoryState, list[_Doc]]],
    ) -> dict[str, Placement]:
        """Cut the block with the stored stories near it as one batch (pool.py)."""
        pool, groups = list(block), []
        for _, reports in near:
            groups.append(list(range(len(pool), len(pool) + len(reports))))
            pool.extend(reports)
        plain, labels, clusters = self._cut(pool)
        home = homes(labels, groups, [_order_key(d) for d in pool])
        scored = self._line_scores(block, found)  # before any story changes
        # Each cluster home to stored stories keeps the oldest; the others merge into it.
        kept: dict[int, StoryState] = {}
        for k in sorted(range(len(near)), key=lambda k: _age(near[k][0])):
            kept.setdefault(home[k], near[k][0])
        owner = {i: k for k, group in enumerate(groups) for i in group}
        n = len(block)
        new_groups: list[list[int]] = []
        for label, members in clusters.items():
            if label in kept:
                continue
            if all(i < n for i in members):
                new_groups.append(members)
                continue
            # A piece of stored stories that none stays with: a story of its own, in the
            # storyline most of its stored reports come from.
            lines = Counter(near[owner[i]][0].storyline for i in members if i in owner)
            line = min(lines, key=lambda x: (-lines[x], x))
            founder = min(members, key=lambda i: _order_key(pool[i]))
            kept[label] = self._new_story(pool[founder].id, line)
        for k, (story, _) in enumerate(near):
            if kept[home[k]] is not story:
                self._retire(story, kept[home[k]])
        out: dict[str, Placement] = {}
        for label, story in kept.items():
            members = sorted(clusters[label], key=lambda i: _order_key(pool[i]))
            stored = [pool[i] for i in members if i >= n]
            before = {d.id for d in stored if self.placements[d.id].story_id == story.id}
            if len(before) != story.n or len(stored) != story.n:  # it lost or gained reports
                story = self._reset(story)
                for doc in stored:
                    placement = self._join(doc, story)
                    if doc.id not in before:
                        self.moved[doc.id] = placement
            for i in members:
                if i < n:
                    out[block[i].id] = self._join(block[i], story)
        out.update(self._found_stories(block, new_groups, scored, plain[:n, :n]))
        return out

    def _reset(self, story: StoryState) -> StoryState:
        """An empty state for a story whose reports change (they are joined again)."""
        fresh = StoryState(id=story.id, storyline=story.storyline)
        self.stories[story.id] = fresh
        return fresh

    def _retire(self, story: StoryState, into: StoryState) -> None:
        """A stored story that no cluster stays with: its id is recorded as merged into
        the story of the cluster holding most of its reports."""
        del self.stories[story.id]
        for old, kept in self.merged_into.items():
            if kept == story.id:
                self.merged_into[old] = into.id
        self.merged_into[story.id] = into.id

    def _found_stories(
        self,
        block: list[_Doc],
        groups: list[list[int]],
        scored: list[list[tuple[float, float, StoryState]]],
        sim: FloatMatrix,
    ) -> dict[str, Placement]:
        """Make new stories of clusters and group them into storylines."""
        p = self.params
        if not groups:
            return {}
        # Average-link similarity between new stories, from the block's pair matrix:
        # G @ S @ G.T with G the row-normalised membership matrix.
        member = np.zeros((len(groups), len(block)))
        for g, members in enumerate(groups):
            member[g, members] = 1.0 / len(members)
        between = member @ sim @ member.T
        lines = average_link(between, p.storyline_threshold)
        by_line: dict[int, list[int]] = {}
        for g, label in enumerate(lines):
            by_line.setdefault(label, []).append(g)
        out: dict[str, Placement] = {}
        for story_groups in by_line.values():
            members = [i for g in story_groups for i in groups[g]]
            line_score: dict[str, float] = {}
            for i in members:
                # A report counts once per storyline: its closest story there.
                closest: dict[str, float] = {}
                for _, s, story in scored[i]:
                    closest[story.storyline] = max(closest.get(story.storyline, 0.0), s)
                for line, s in closest.items():
                    line_score[line] = line_score.get(line, 0.0) + s
            best = max(line_score.items(), key=lambda kv: kv[1], default=None)
            storyline = None
            if best and best[1] / len(members) >= p.online_storyline_threshold:
                storyline = best[0]
            if storyline is None:
                founder = min(members, key=lambda i: _order_key(block[i]))
                storyline = storyline_id_for(block[founder].id)
            for g in story_groups:
                ordered = sorted(groups[g], key=lambda i: _order_key(block[i]))
                story = self._new_story(block[ordered[0]].id, storyline)
                for i in ordered:
                    out[block[i].id] = self._join(block[i], story)
        return out


def _order_key(doc: _Doc) -> tuple[int, str]:
    return (doc.ref if doc.ref is not None else 10**9, doc.id)


def _age(story: StoryState) -> tuple[int, int, str]:
    """Sort key of stories, the one that keeps its id in a merge first: the oldest
    (its first report's day; undated last), then the largest, then the smallest id."""
    return (story.first if story.first is not None else 10**9, -story.n, story.id)


def _block_doc(d: _Doc) -> BlockDoc:
    """A prepared report as the batch's similarity reads it."""
    return BlockDoc(
        d.vector,
        d.places,
        d.names,
        d.days,
        d.ref,
        d.year,
        d.kinds,
        d.sites,
        d.marks,
        d.people,
        d.named,
        d.roundup,
    )
