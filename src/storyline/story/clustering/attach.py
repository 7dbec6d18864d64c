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

from storyline.story.clustering.batch import BlockDoc, FloatMatrix, day_overlap, shared
from storyline.story.clustering.params import ClusterParams


def identity_links(docs: Sequence[BlockDoc], params: ClusterParams) -> NDArray[np.bool_]:
    """Pairs of reports tied by one kind of incident on one street of one town (see above)."""
    same_kind, _ = shared([[(k, 1.0) for k in d.kinds] for d in docs])
    same_site, _ = shared([list(d.sites.items()) for d in docs])
    same_town, _ = shared([[(k, w) for k, w in d.places.items() if k not in d.sites] for d in docs])
    dated = np.array([bool(d.days) for d in docs])
    apart = dated[:, None] & dated[None, :] & ~day_overlap(docs, params.date_tolerance_days)
    links: NDArray[np.bool_] = same_kind & same_site & same_town & ~apart
    np.fill_diagonal(links, False)
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
