"""Small pieces tied to a cluster by one street of one town (clustering/attach.py).

All reports here are fiction written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from storyline.story.clustering import ClusterParams, DocFeatures, StoryClusterer
from storyline.story.clustering.attach import attach_pieces, identity_links
from storyline.story.clustering.batch import BlockDoc

DAY = 740000
SHOT = frozenset({"k:shooting"})


def _block(
    sites: tuple[str, ...], town: str | None, days: tuple[int, ...], kinds: frozenset[str] = SHOT
) -> BlockDoc:
    places = dict.fromkeys(sites, 2.0) | ({town: 1.5} if town else {})
    return BlockDoc(
        vector={},
        places=places,
        names={},
        days=days,
        ref=None,
        kinds=kinds,
        sites=dict.fromkeys(sites, 2.0),
    )


FIRST = _block(("p:quarry lane",), "p:elmbrook", (DAY,))
FOLLOW_UP = _block(("p:quarry lane",), "p:elmbrook", ())  # the charges, weeks later
DATED_FOLLOW_UP = _block(("p:quarry lane",), "p:elmbrook", (DAY + 1,))
NEXT_WEEK = _block(("p:quarry lane",), "p:elmbrook", (DAY + 5,))  # another shooting there
OTHER_TOWN = _block(("p:quarry lane",), "p:harwick", ())
TOWN_ONLY = _block((), "p:elmbrook", ())
A_FIRE = _block(("p:quarry lane",), "p:elmbrook", (), frozenset({"k:fire"}))


def test_cluster_attach_one_street_of_one_town_ties_a_follow_up() -> None:
    docs = [FIRST, FOLLOW_UP, DATED_FOLLOW_UP, NEXT_WEEK, OTHER_TOWN, TOWN_ONLY, A_FIRE]
    links = identity_links(docs, ClusterParams())
    assert links[0, 1] and links[1, 0]
    assert links[0, 2]  # it dates the shooting itself
    assert not links[0, 3]  # same street, same town, days apart: two incidents
    assert not links[0, 4]  # the same street name in another town
    assert not links[0, 5]  # the town alone is no tie
    assert not links[0, 6]  # a fire on that street is another incident
    assert not links.diagonal().any()


def _event(n: int, within: float, across: float) -> np.ndarray:
    sim = np.full((n, n), across)
    sim[:3, :3] = within
    np.fill_diagonal(sim, 1.0)
    return sim


def test_cluster_attach_a_tied_piece_joins_on_a_lower_bar() -> None:
    params = ClusterParams(attach_size=2, attach_min=0.05)
    labels = [0, 0, 0, 1, 2]
    links = np.zeros((5, 5), dtype=bool)
    links[3, 0] = links[0, 3] = True  # the follow-up is tied to one report of the three
    event = _event(5, 0.4, 0.06)
    out = attach_pieces(labels, event, links, params)
    assert out[3] == out[0] and out[4] != out[0]  # the untied piece stays apart
    # Under the bar, or with the rule off, nothing moves.
    assert attach_pieces(labels, _event(5, 0.4, 0.02), links, params) == labels
    assert attach_pieces(labels, event, links, replace(params, attach_size=0)) == labels


def test_cluster_attach_does_not_depend_on_the_order_of_reports() -> None:
    params = ClusterParams(attach_size=2, attach_min=0.05)
    labels = [0, 0, 0, 1, 2]
    links = np.zeros((5, 5), dtype=bool)
    links[3, 0] = links[0, 3] = links[4, 3] = links[3, 4] = True
    event = _event(5, 0.4, 0.06)
    first = attach_pieces(labels, event, links, params)
    order = [4, 2, 3, 0, 1]
    again = attach_pieces(
        [labels[i] for i in order], event[np.ix_(order, order)], links[np.ix_(order, order)], params
    )
    groups = {frozenset(j for j in range(5) if first[j] == first[i]) for i in range(5)}
    regrouped = {frozenset(order[j] for j in range(5) if again[j] == again[i]) for i in range(5)}
    assert groups == regrouped


def _report(words: dict[str, int], published: str, *, site: bool = True) -> DocFeatures:
    entities = [("elmbrook", "GPE")] + ([("quarry lane", "SITE")] if site else [])
    return DocFeatures(
        terms=tuple(sorted(words.items())),
        entities=tuple(sorted(entities)),
        places=tuple(sorted(k for k, _ in entities)),
        published=published,
    )


SCENE = {"shot": 3, "porch": 3, "neighbour": 3, "siren": 3, "midnight": 3, "hedg": 3}
FIRST_REPORTS = [_report({**SCENE, f"extra{i}": 1}, "2025-03-05") for i in range(3)]
CHARGES = _report({"shot": 1, "jury": 6, "plea": 6, "bail": 6, "verdict": 6}, "2025-05-20")
FILLER = [_report({"council": 1, f"item{i}": 1}, "2025-03-20", site=False) for i in range(8)]


def _together(params: ClusterParams, halves: bool) -> bool:
    docs = [(str(i), d) for i, d in enumerate([*FILLER, *FIRST_REPORTS, CHARGES])]
    clusterer = StoryClusterer(params)
    placed = {}
    for part in (docs[:-1], docs[-1:]) if halves else (docs,):
        placed.update(clusterer.add_batch(part))
    return placed["11"].story_id == placed["8"].story_id


def test_cluster_attach_the_charges_join_their_shooting_in_one_batch_or_two() -> None:
    on = ClusterParams(attach_size=2, attach_min=0.0)
    off = replace(on, attach_size=0)
    assert not _together(off, halves=False)  # the words alone split them
    assert _together(on, halves=False)
    assert not _together(off, halves=True)
    assert _together(on, halves=True)
