"""Small pieces of a block joined to the cluster they share a street and a town with.

Average link dilutes a follow-up: the arrest or the charges weeks later share
the street (or the park, the apartment complex) and the town with the first
reports, but few words, so the follow-up's average over a story of several
reports stays under the threshold. After the block is cut, a piece of at most
``attach_size`` reports tied to another cluster joins the one it matches best on
average, when that average reaches ``attach_min`` (well under the threshold).

Two reports are tied when they name one kind of incident, one street or site
(places.py: "Ryburn Avenue", "Libby Lake Park") and one place that is no street
or site (the town), and their event days are not both known and apart: two
shootings on one street of one town on different days stay two incidents,
while a follow-up that dates nothing, or dates the shooting, is tied to it.

A person is a tie too (``attach_actors``), on a narrower footing: two reports that
name one kind of incident and one person in full, never by an office, one of them
as its main actor (named twice), that share a place (the town), when the person is
named by the reports of only two clusters of the cut, the piece and one other, and
neither report's lead sums several incidents (a roundup, a blotter:
features.sums_in_lead). A city's police chief or a spokeswoman whom the tagger did
not see as one is named across many incidents, and a weekend roundup names the
victims of several, so neither ties; a court story that names the victim or the
accused finds the story that was about them (docs/quality.md).

Reports of one day are tied on less (``day_links``, at the higher bar
``attach_day_min``): one kind of incident, one town, published at most
``attach_day_gap`` days apart, event days not apart, neither a roundup. The first
reports of an incident often share the town and the kind but no street (one names
the block, another the apartment complex, a third nothing), so their average stays
just under the threshold; two shootings of one town on one day are kept apart by
the bar, which is well above what a town and a kind alone give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from storyline.story.clustering.batch import BlockDoc, FloatMatrix
from storyline.story.clustering.params import ClusterParams
from storyline.story.clustering.similarity import days_close


def identity_links(docs: Sequence[BlockDoc], params: ClusterParams) -> NDArray[np.bool_]:
    """Pairs of reports tied by one kind of incident on one street of one town (see above).

    Only pairs that share a street or site are looked at (an inverted index of
    them): few pairs do, so the cost stays small beside the block's similarities.
    """
    links = np.zeros((len(docs), len(docs)), dtype=bool)
    holders: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        for key in doc.sites:
            holders.setdefault(key, []).append(i)
    towns = [{k for k in d.places if k not in d.sites} for d in docs]
    tol = params.date_tolerance_days
    for ids in holders.values():
        for n, i in enumerate(ids):
            for j in ids[n + 1 :]:
                a, b = docs[i], docs[j]
                if links[i, j] or not (a.kinds & b.kinds) or towns[i].isdisjoint(towns[j]):
                    continue
                if a.days and b.days and not days_close(a.days, b.days, tol):
                    continue  # one street, one town, days apart: two incidents
                links[i, j] = links[j, i] = True
    return links


def actor_links(
    docs: Sequence[BlockDoc], labels: Sequence[int], params: ClusterParams
) -> NDArray[np.bool_]:
    """Pairs of reports tied by one person that only they and their clusters name (see above).

    Only people named by reports of exactly two clusters, one of them a small piece,
    are looked at (an inverted index of the names): few are, so the cost stays small.
    """
    links = np.zeros((len(docs), len(docs)), dtype=bool)
    if not params.attach_actors or params.attach_size <= 0:
        return links
    sizes = Counter(labels)
    holders: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        for key in doc.named:  # every person named in full, main actors among them
            holders.setdefault(key, []).append(i)
    for key, ids in holders.items():
        clusters = {labels[i] for i in ids}
        if len(clusters) != 2 or min(sizes[c] for c in clusters) > params.attach_size:
            continue  # named in one cluster only, or in many: an official, a common name
        for n, i in enumerate(ids):
            for j in ids[n + 1 :]:
                a, b = docs[i], docs[j]
                if key not in a.people and key not in b.people:
                    continue
                if labels[i] == labels[j] or a.roundup or b.roundup or not (a.kinds & b.kinds):
                    continue
                if a.places.keys().isdisjoint(b.places.keys()):
                    continue  # no place in common (or none named): perhaps two people
                links[i, j] = links[j, i] = True
    return links


def day_links(docs: Sequence[BlockDoc], params: ClusterParams) -> NDArray[np.bool_]:
    """Pairs of reports of one kind of incident in one town published within
    ``attach_day_gap`` days, event days not apart, neither a roundup (see above).

    Each town's reports are taken in publication order and only those within the gap
    are paired, so the cost is that of the pairs of a day, not of a town's reports.
    """
    links = np.zeros((len(docs), len(docs)), dtype=bool)
    if params.attach_day_min >= 1.0 or params.attach_size <= 0:
        return links
    holders: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        if doc.ref is None or doc.roundup or not doc.kinds:
            continue
        for key in doc.places:
            if key not in doc.sites:
                holders.setdefault(key, []).append(i)
    gap, tol = params.attach_day_gap, params.date_tolerance_days
    for ids in holders.values():
        ids.sort(key=lambda i: docs[i].ref or 0)
        for n, i in enumerate(ids):
            a = docs[i]
            for j in ids[n + 1 :]:
                b = docs[j]
                if (b.ref or 0) - (a.ref or 0) > gap:
                    break
                if links[i, j] or not (a.kinds & b.kinds):
                    continue
                if a.days and b.days and not days_close(a.days, b.days, tol):
                    continue
                links[i, j] = links[j, i] = True
    return links


def attach_pieces(
    labels: Sequence[int],
    event: FloatMatrix,
    links: NDArray[np.bool_],
    params: ClusterParams,
    days: NDArray[np.bool_] | None = None,
) -> list[int]:
    """The block's labels after each small piece joined the cluster it is tied to.

    ``links`` tie at ``attach_min``, ``days`` (day_links) at ``attach_day_min``.
    Every piece chooses among the clusters of the cut (not those grown by other
    pieces), so the result does not depend on the order pieces are taken in; a
    piece chooses only a cluster at least as large as itself, and pieces that
    choose each other (or one cluster) end up together.
    """
    if params.attach_size <= 0 or not len(labels):
        return list(labels)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    parent = {label: label for label in groups}

    def root(label: int) -> int:
        while parent[label] != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    for label, members in groups.items():
        if len(members) > params.attach_size:
            continue
        tied = {labels[int(j)] for j in np.flatnonzero(links[members].any(axis=0))}
        near = (
            set()
            if days is None
            else {labels[int(j)] for j in np.flatnonzero(days[members].any(axis=0))}
        )
        best: tuple[float, int] | None = None
        for other in sorted((tied | near) - {label}):
            theirs = groups[other]
            if len(theirs) < len(members):
                continue
            bar = params.attach_min if other in tied else params.attach_day_min
            mean = float(event[np.ix_(members, theirs)].mean())
            if mean >= bar and (best is None or mean > best[0]):
                best = (mean, other)
        if best is not None:
            a, b = root(label), root(best[1])
            parent[max(a, b)] = min(a, b)
    return [root(label) for label in labels]
