"""The flat average-link groups found without SciPy's cluster package are SciPy's."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage  # type: ignore[import-untyped]
from scipy.spatial.distance import squareform  # type: ignore[import-untyped]

from storyline.story.clustering.batch import average_link
from storyline.story.clustering.linkage import SMALL, flat_groups


def _scipy(dist: np.ndarray, cut: float) -> list[int]:
    tree = linkage(squareform(dist, checks=False), method="average")
    return [int(x) for x in fcluster(tree, t=cut, criterion="distance")]


def _partition(labels: list[int]) -> list[int]:
    seen: dict[int, int] = {}
    return [seen.setdefault(x, len(seen)) for x in labels]


def _distances(rng: np.random.Generator, n: int, levels: int | None) -> np.ndarray:
    """A block's distances as ``average_link`` makes them; with ``levels``, drawn from a
    few values (ties everywhere, as floors and zero similarities give)."""
    sim = rng.random((n, n)) if levels is None else rng.integers(0, levels, (n, n)) / levels
    dist = 1.0 - (sim + sim.T) / 2.0
    np.fill_diagonal(dist, 0.0)
    return np.asarray(np.clip(dist, 0.0, None))


@pytest.mark.parametrize("levels", [None, 2, 3, 5, 40])
def test_linkage_groups_are_scipys(levels: int | None) -> None:
    rng = np.random.default_rng(7)
    for n in (2, 3, 4, 5, 8, 13, 40, 120):
        for _ in range(12):
            dist = _distances(rng, n, levels)
            for cut in (0.0, 0.25, 0.5, 0.55, 0.7, 1.0):
                ours = _partition(flat_groups(dist, cut))
                assert ours == _partition(_scipy(dist, cut)), (n, levels, cut)


def test_linkage_groups_of_clustered_points() -> None:
    """Points in tight bunches: many merges of big clusters, whose distances are
    averaged again and again (the float operations must be SciPy's)."""
    rng = np.random.default_rng(11)
    for n in (30, 200, 400):
        centres = rng.random((8, 3))
        points = centres[rng.integers(0, 8, n)] + rng.normal(0, 0.05, (n, 3))
        dist = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(-1))
        # every height the chain meets, as a cut: a cut just at a merge's height decides
        heights = linkage(squareform(dist, checks=False), method="average")[:, 2]
        for cut in [*heights[:: max(1, len(heights) // 25)], 0.1, 0.3]:
            assert _partition(flat_groups(dist, float(cut))) == _partition(_scipy(dist, cut))


def test_linkage_large_block_goes_to_scipy() -> None:
    rng = np.random.default_rng(3)
    dist = _distances(rng, SMALL + 1, 4)
    assert _partition(flat_groups(dist, 0.6)) == _partition(_scipy(dist, 0.6))


def test_average_link_numbers_groups_by_first_appearance() -> None:
    sim = np.array(
        [
            [1.0, 0.1, 0.9, 0.0],
            [0.1, 1.0, 0.2, 0.8],
            [0.9, 0.2, 1.0, 0.1],
            [0.0, 0.8, 0.1, 1.0],
        ]
    )
    assert average_link(sim, 0.5) == [0, 1, 0, 1]
    assert average_link(sim, 0.95) == [0, 1, 2, 3]
    assert average_link(np.ones((1, 1)), 0.5) == [0]


def test_placing_imports_no_scipy_cluster() -> None:
    """What a digest imports to place reports leaves SciPy's cluster and spatial
    packages out (0.1 s of CPU; see linkage.py)."""
    code = (
        "import sys, storyline.story.clustering.clusterer, storyline.update.place; "
        "print([m for m in sys.modules if m.startswith(('scipy.cluster', 'scipy.spatial'))])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
