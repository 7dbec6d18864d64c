"""Average-link clustering of a block of reports, all pairs at once (numpy, scipy.sparse).

The pairwise similarity is the one the online clusterer uses (similarity.py):
vector dot product times the place, date and publication-gap factors, so the
same threshold means the same thing in both paths.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

from storyline.story.clustering.linkage import flat_groups
from storyline.story.clustering.params import ClusterParams
from storyline.story.clustering.similarity import Vector, without_kinds

FloatMatrix = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class BlockDoc:
    """One report of a block, its features already weighted."""

    vector: Vector
    places: Vector  # specific place -> rarity weight
    names: Vector  # specific name -> rarity weight
    days: tuple[int, ...]
    ref: int | None
    year: str | None = None  # year of the main event
    kinds: frozenset[str] = frozenset()  # kinds of incident named ("k:shooting")
    sites: Vector = field(default_factory=dict)  # streets and sites
    marks: frozenset[str] = frozenset()  # lead sites and ages ("site:...", "age:19")
    people: frozenset[str] = frozenset()  # people named in full at least twice
    named: frozenset[str] = frozenset()  # people named in full (at least once)
    roundup: bool = False  # its lead sums several incidents (features.sums_in_lead)


def _sparse(rows: Sequence[Sequence[tuple[str, float]]]) -> csr_matrix:
    """A CSR matrix of rows given as (key, value) pairs; columns numbered by first use."""
    columns: dict[str, int] = {}
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for row in rows:
        for key, value in row:
            indices.append(columns.setdefault(key, len(columns)))
            data.append(value)
        indptr.append(len(indices))
    shape = (len(rows), max(len(columns), 1))
    return csr_matrix((np.array(data, dtype=np.float64), indices, indptr), shape=shape)


def _overlap(a: csr_matrix, b: csr_matrix) -> NDArray[np.bool_]:
    """Which rows of ``a`` share a column with which rows of ``b``."""
    product = (a @ b.T).toarray()
    overlap: NDArray[np.bool_] = product > 0
    return overlap


def vector_similarity(vectors: Sequence[Vector]) -> FloatMatrix:
    """All pairwise dot products of sparse vectors, as a dense matrix."""
    return vector_similarity_rows([list(v.items()) for v in vectors])


def vector_similarity_rows(rows: Sequence[Sequence[tuple[str, float]]]) -> FloatMatrix:
    """All pairwise dot products of rows given as (key, value) pairs."""
    x = _sparse(rows)
    sim: FloatMatrix = (x @ x.T).toarray()
    return sim


def overlap_factors(
    sets: Sequence[Vector], floor: float | FloatMatrix, match: float
) -> FloatMatrix:
    """Pairwise place (or name) factors (see similarity.overlap_factor); ``floor`` is
    one for all pairs or one per pair."""
    rows = []
    for vec in sets:
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        rows.append([(p, w / norm) for p, w in vec.items()])
    cos = vector_similarity_rows(rows)
    factor: FloatMatrix = np.maximum(np.clip(cos / match, 0.0, 1.0), floor)
    has = np.array([bool(v) for v in sets])
    factor[~(has[:, None] & has[None, :])] = 1.0
    return factor


def time_factors(refs: Sequence[int | None], params: ClusterParams) -> FloatMatrix:
    """Pairwise publication-gap factors (1 where a day is unknown)."""
    known = np.array([r is not None for r in refs])
    days = np.array([r if r is not None else 0 for r in refs], dtype=np.float64)
    gap = np.abs(days[:, None] - days[None, :]) - params.time_grace_days
    factor: FloatMatrix = np.exp(-np.clip(gap, 0.0, None) / params.time_scale_days)
    factor[~(known[:, None] & known[None, :])] = 1.0
    return factor


def pair_similarity(
    docs: Sequence[BlockDoc], params: ClusterParams
) -> tuple[FloatMatrix, FloatMatrix]:
    """The block's similarity matrices: for events (all factors) and for storylines.

    Storylines gather events of one developing story, which happen in different
    places on different days, so their similarity keeps only the publication-gap
    factor.
    """
    plain = vector_similarity([d.vector for d in docs])
    plain *= time_factors([d.ref for d in docs], params)
    event = plain * overlap_factors(
        [d.places for d in docs], params.place_conflict, params.place_match
    )
    close: dict[int, NDArray[np.bool_]] = {}  # pairs with event days this close, by days

    def within(tol: int) -> NDArray[np.bool_]:
        if tol not in close:
            day, widened = _day_matrices(docs, tol)
            close[tol] = _overlap(widened, day)
        return close[tol]

    has_day = np.array([bool(d.days) for d in docs])
    far = has_day[:, None] & has_day[None, :] & ~within(params.date_tolerance_days)
    # A shared incident kind speaks for one incident only in one place at one time.
    places = _sparse([list(d.places.items()) for d in docs])
    scene = _overlap(places, places) & ~far
    same_mark, _ = _shared([[(m, 1.0) for m in d.marks] for d in docs])
    floor = _name_floors(within(0), same_mark, far, params)
    with_kinds = overlap_factors([d.names for d in docs], floor, params.name_match)
    plain_names = [without_kinds(d.names) for d in docs]
    without = overlap_factors(plain_names, floor, params.name_match)
    event *= np.where(scene, with_kinds, without)
    event[far] *= params.date_conflict
    years = np.array([d.year or "" for d in docs])
    known = years != ""
    other_year = known[:, None] & known[None, :] & (years[:, None] != years[None, :])
    event[other_year] *= params.year_conflict
    same_kind, other_kind = _shared([[(k, 1.0) for k in d.kinds] for d in docs])
    _, elsewhere = _shared([list(d.places.items()) for d in docs])
    _, other_site = _shared([list(d.sites.items()) for d in docs])
    event[other_kind] *= params.kind_conflict
    event[other_site] *= params.site_conflict
    if params.signature_floor > 0.0:
        # One kind of incident on one day with one mark (a street or site of the
        # lead, an age): a follow-up finds its incident so ("the March 5 shooting
        # on Dorsey Avenue").
        # ...but never across places that share nothing: on a busy day two shootings
        # in two states both have a 17-year-old victim.
        one_day = within(params.signature_tolerance_days)
        same = same_mark & same_kind & one_day & ~elsewhere
        event[same] = np.maximum(event[same], params.signature_floor)
    if params.person_floor > 0.0:
        # One kind of incident and one main actor (the victim, the suspect), on any
        # day: the arrest, the charges, the sentencing months later.
        same_person = _actor_pairs(docs, params.actor_named_once)
        same = same_person & same_kind & ~elsewhere
        event[same] = np.maximum(event[same], params.person_floor)
    if params.storyline_conflict < 1.0:
        # Events of one storyline share someone or somewhere specific (the victim,
        # the suspect, the street): two incidents that share only words do not.
        both = [{**d.places, **without_kinds(d.names)} for d in docs]
        plain = plain * overlap_factors(both, params.storyline_conflict, params.storyline_match)
    np.fill_diagonal(plain, 1.0)
    np.fill_diagonal(event, 1.0)
    return event, plain


def _actor_pairs(docs: Sequence[BlockDoc], once: bool) -> NDArray[np.bool_]:
    """Pairs of reports that share a main actor (both name them at least twice), or
    with ``once`` a main actor of one that the other names in full at least once."""
    if not once:
        main = _sparse([[(m, 1.0) for m in d.people] for d in docs])
        return _overlap(main, main)
    # One matrix for both, so that a key has one column in each half.
    both = _sparse(
        [[(m, 1.0) for m in d.people] for d in docs]
        + [[(m, 1.0) for m in d.named | d.people] for d in docs]
    )
    n = len(docs)
    main, named = both[:n], both[n:]
    pairs = _overlap(main, named)
    out: NDArray[np.bool_] = pairs | pairs.T
    return out


def _name_floors(
    one_day: NDArray[np.bool_],
    same_mark: NDArray[np.bool_],
    far: NDArray[np.bool_],
    params: ClusterParams,
) -> FloatMatrix:
    """The name factor's floor per pair: ``same_day_name_conflict`` for reports of one
    day (one event day, or one mark on days not apart; similarity.name_floor)."""
    near = one_day | (same_mark & ~far)
    loose = max(params.name_conflict, params.same_day_name_conflict)
    floors: FloatMatrix = np.where(near, loose, params.name_conflict)
    return floors


def _shared(
    rows: Sequence[Sequence[tuple[str, float]]],
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Pairs of reports whose sets share a key, and pairs whose non-empty sets share none."""
    has = np.array([bool(row) for row in rows])
    matrix = _sparse(rows)
    shared = _overlap(matrix, matrix)
    disjoint: NDArray[np.bool_] = has[:, None] & has[None, :] & ~shared
    return shared, disjoint


def _day_matrices(docs: Sequence[BlockDoc], tol: int) -> tuple[csr_matrix, csr_matrix]:
    """Event days per report, as is and widened by ``tol`` days (columns = day numbers)."""
    all_days = [x for d in docs for x in d.days]
    base = min(all_days) - tol if all_days else 0
    width = (max(all_days) + tol - base + 1) if all_days else 1

    def build(spread: int) -> csr_matrix:
        rows, cols = [], []
        for i, d in enumerate(docs):
            for x in d.days:
                for k in range(-spread, spread + 1):
                    rows.append(i)
                    cols.append(x + k - base)
        data = np.ones(len(rows), dtype=np.float64)
        return csr_matrix((data, (rows, cols)), shape=(len(docs), width))

    return build(0), build(tol)


def average_link(sim: FloatMatrix, threshold: float) -> list[int]:
    """Cluster labels (0..k-1) of average-link clustering cut at ``threshold`` similarity."""
    n = sim.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [0]
    dist = 1.0 - (sim + sim.T) / 2.0
    np.fill_diagonal(dist, 0.0)
    dist = np.clip(dist, 0.0, None)
    labels = flat_groups(dist, 1.0 - threshold)  # SciPy's groups (see linkage.py)
    # Renumber by first appearance so that labels follow the block order.
    seen: dict[int, int] = {}
    return [seen.setdefault(int(label), len(seen)) for label in labels]
