"""A block cut together with the stored stories near it, so that arrival order matters less.

A digest of new reports used to cut its block alone and then let each piece join
the one stored story it matched best on the story's summary (its summed vector,
the union of its places, names and days). Three things then differ from one batch
of every report: the summary is more lenient than the pairs (a story naming two
towns conflicts with neither), so a piece joins a story that the batch keeps
apart; a new report that bridges two stored stories joins one of them, while the
batch, which sees the three together, joins all three; and a stored story was cut
without the reports that came later, which in the batch draw one of its reports
to another cluster first.

Here the stored stories near the block (a candidate scoring at least
``recheck_min`` against one of its reports) come into the block with their own
reports, and the pooled reports are cut as a batch would cut them (average link
over the batch's pairwise similarity, then the small tied pieces attached). Each
stored story stays with the cluster that holds most of its reports (:func:`homes`);
a cluster that is home to several keeps the oldest and the others are merged into
it; a cluster home to none is a new story (clusterer.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any


def homes(
    labels: Sequence[int], groups: Sequence[Sequence[int]], order: Sequence[Any]
) -> list[int]:
    """The cluster each group of rows (a stored story's reports) stays with.

    The cluster holding most of the group's rows; on a tie, the one holding the
    earliest of them by ``order`` (a sort key per row).
    """
    out = []
    for group in groups:
        count = Counter(labels[i] for i in group)
        top = max(count.values())
        first = min((i for i in group if count[labels[i]] == top), key=lambda i: order[i])
        out.append(labels[first])
    return out
