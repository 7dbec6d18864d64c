"""Flat average-link clusters of a small block without importing SciPy's cluster package.

``scipy.cluster.hierarchy`` imports ``scipy.cluster.vq``, and with it
``scipy.spatial``, ``scipy.linalg`` and ``scipy.special``: about 0.1 s of CPU in a
digest, which imports nothing else of them (the clusterer's sparse products need only
``scipy.sparse``). For a block of up to :data:`SMALL` reports the flat clusters are
found here, as SciPy finds them, with numpy; a larger block still goes to SciPy, whose
compiled loop is faster there.

SciPy cuts average link (``linkage(method="average")``, then ``fcluster(criterion=
"distance")``) in three steps, all followed here:

- the nearest-neighbour chain (``_hierarchy.nn_chain``): from the first live cluster,
  step to its nearest neighbour (the first of equals, and the one before it in the chain
  whenever nothing is nearer) until two are each other's nearest; merge them into the
  place of the higher, the distances to it updated as ``(nx * dx + ny * dy) / (nx + ny)``
  in the same float operations;
- the merges sorted by height and numbered by union-find: a merge's own height is then
  the largest in its subtree;
- the flat clusters: the largest subtrees whose largest height is at most the cut.

So a flat cluster is a component of the merges of height at most the cut, which is how
it is found here. Only which reports go together is returned: callers number clusters
by first appearance (``batch.average_link``). ``tests/test_linkage.py`` compares with
SciPy on blocks with many ties.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["SMALL", "flat_groups"]

#: The largest block cut here: beyond it SciPy's compiled chain is the faster (the steps
#: here are a few numpy calls per merge: 3 ms for 321 reports, 0.16 s for 3,000, where
#: SciPy takes 0.1 s).
SMALL = 1000


def flat_groups(dist: NDArray[np.float64], cut: float) -> list[int]:
    """A group number per row of the symmetric distance matrix ``dist`` (finite, zero on
    the diagonal): rows that average link joins at a height of at most ``cut`` share one.

    The same groups as ``fcluster(linkage(squareform(dist), "average"), cut,
    "distance")``; the numbers themselves are arbitrary (a root row of each group)."""
    n = dist.shape[0]
    if n > SMALL or not np.isfinite(dist).all():
        return _scipy_groups(dist, cut)
    merges = _chain(dist)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for x, y, height in merges:
        if height <= cut:
            parent[root(x)] = root(y)
    return [root(i) for i in range(n)]


def _chain(dist: NDArray[np.float64]) -> list[tuple[int, int, float]]:
    """The merges of SciPy's nearest-neighbour chain, in its order: (row, row, height)."""
    n = dist.shape[0]
    upper = np.triu(dist, 1)
    d = upper + upper.T  # the upper triangle, as SciPy's condensed form reads it
    np.fill_diagonal(d, np.inf)  # a live cluster is never its own neighbour
    size = [1] * n
    chain: list[int] = []
    merges: list[tuple[int, int, float]] = []
    for _ in range(n - 1):
        if not chain:
            chain.append(next(i for i in range(n) if size[i]))
        while True:
            x = chain[-1]
            row = d[x]
            y = int(row.argmin())  # the first of equals, as SciPy's strict "<" keeps it
            nearest = float(row[y])
            if len(chain) > 1:
                back = chain[-2]
                if not nearest < d[x, back]:  # nothing nearer than the one before: go back
                    y, nearest = back, float(d[x, back])
                    break
            chain.append(y)
        del chain[-2:]
        x, y = min(x, y), max(x, y)
        nx, ny = size[x], size[y]
        merges.append((x, y, nearest))
        size[x], size[y] = 0, nx + ny
        # distances to the merged cluster (in y's place); x's row and column leave play
        new = (nx * d[x] + ny * d[y]) / (nx + ny)
        new[y] = np.inf
        d[y, :] = new
        d[:, y] = new
        d[x, :] = np.inf
        d[:, x] = np.inf
    return merges


def _scipy_groups(dist: NDArray[np.float64], cut: float) -> list[int]:
    from scipy.cluster.hierarchy import fcluster, linkage  # type: ignore[import-untyped]
    from scipy.spatial.distance import squareform  # type: ignore[import-untyped]

    tree = linkage(squareform(dist, checks=False), method="average")
    return [int(label) for label in fcluster(tree, t=cut, criterion="distance")]
