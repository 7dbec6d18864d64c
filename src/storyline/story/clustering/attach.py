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
A shared main actor is no tie here: on the development set it tied a city's
police chief or a common name across incidents as often as a follow-up to its
incident (docs/quality.md).
"""

from __future__ import annotations

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


def attach_pieces(
    labels: Sequence[int],
    event: FloatMatrix,
    links: NDArray[np.bool_],
    params: ClusterParams,
) -> list[int]:
    """The block's labels after each small piece joined the cluster it is tied to.

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
        tied = np.flatnonzero(links[members].any(axis=0))
        best: tuple[float, int] | None = None
        for other in sorted({labels[int(j)] for j in tied} - {label}):
            theirs = groups[other]
            if len(theirs) < len(members):
                continue
            mean = float(event[np.ix_(members, theirs)].mean())
            if mean >= params.attach_min and (best is None or mean > best[0]):
                best = (mean, other)
        if best is not None:
            a, b = root(label), root(best[1])
            parent[max(a, b)] = min(a, b)
    return [root(label) for label in labels]
