"""Small pieces tied to a cluster by one person no third cluster names (attach.actor_links),
or by one town on one day (attach.day_links).

All reports, names and places here are fiction written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from storyline.model import Analyzed, Article, ArticleAnalysis, Span
from storyline.story.clustering import ClusterParams, DocFeatures, StoryClusterer, doc_features
from storyline.story.clustering.attach import actor_links, attach_pieces, day_links
from storyline.story.clustering.batch import BlockDoc
from storyline.story.clustering.similarity import named_people

SHOT = frozenset({"k:shooting"})
TOWN = {"p:elmbrook": 1.5}


def _block(
    people: tuple[str, ...] = (),
    named: tuple[str, ...] = (),
    places: dict[str, float] | None = None,
    kinds: frozenset[str] = SHOT,
    roundup: bool = False,
) -> BlockDoc:
    return BlockDoc(
        vector={},
        places=TOWN if places is None else places,
        names={},
        days=(),
        ref=None,
        kinds=kinds,
        people=frozenset(people),
        named=frozenset(people + named),
        roundup=roundup,
    )


VICTIM = "wren castellano"
PARAMS = ClusterParams()


def test_cluster_attach_actors_a_court_story_is_tied_to_the_story_about_the_victim() -> None:
    # Cluster 0: two first reports, one makes her its main actor; cluster 1: the plea.
    docs = [_block(people=(VICTIM,)), _block(), _block(named=(VICTIM,))]
    links = actor_links(docs, [0, 0, 1], PARAMS)
    assert links[0, 2] and links[2, 0]
    assert not links[1, 2]  # the report that does not name her is no tie
    assert not actor_links(docs, [0, 0, 1], replace(PARAMS, attach_actors=False)).any()


def test_cluster_attach_actors_a_name_in_three_clusters_ties_nothing() -> None:
    # The same person in three stories of the cut: a spokesman the tagger did not see
    # as one, or a common name.
    docs = [_block(people=(VICTIM,)), _block(named=(VICTIM,)), _block(people=(VICTIM,))]
    assert not actor_links(docs, [0, 1, 2], PARAMS).any()


def test_cluster_attach_actors_passing_names_roundups_and_other_places_tie_nothing() -> None:
    first = _block(people=(VICTIM,))
    cases = [
        _block(named=(VICTIM,), roundup=True),  # a weekend's roundup names many victims
        _block(named=(VICTIM,), places={"p:harwick": 1.5}),  # another town
        _block(named=(VICTIM,), places={}),  # no place: it could be anywhere
        _block(named=(VICTIM,), kinds=frozenset({"k:fire"})),  # another kind of incident
    ]
    for other in cases:
        assert not actor_links([first, other], [0, 1], PARAMS).any()
    # Named once in each (a relative quoted twice): neither report is about her.
    once = [_block(named=(VICTIM,)), _block(named=(VICTIM,))]
    assert not actor_links(once, [0, 1], PARAMS).any()
    # Two clusters larger than attach_size: neither is a small piece.
    big = [first, first, first, *([_block(named=(VICTIM,))] * 3)]
    assert not actor_links(big, [0, 0, 0, 1, 1, 1], PARAMS).any()


def _report(words: dict[str, int], people: dict[str, int], published: str) -> DocFeatures:
    entities = [("elmbrook", "GPE"), *((p, "PERSON") for p in people)]
    return DocFeatures(
        terms=tuple(sorted(words.items())),
        entities=tuple(sorted(entities)),
        places=("elmbrook",),
        mentions=tuple(sorted(people.items())),
        published=published,
    )


SCENE = {"shot": 3, "porch": 3, "neighbour": 3, "siren": 3, "midnight": 3, "hedg": 3}
FIRST_REPORTS = [
    _report({**SCENE, "extra0": 1}, {VICTIM: 2}, "2025-03-05"),
    _report({**SCENE, "extra1": 1}, {}, "2025-03-05"),
    _report({**SCENE, "extra2": 1}, {}, "2025-03-06"),
]
PLEA = _report(
    {"shot": 1, "jury": 6, "plea": 6, "bail": 6, "verdict": 6}, {VICTIM: 1}, "2025-05-20"
)
FILLER = [
    _report({"council": 1, f"item{i}": 1}, {f"member{i} x": 1}, "2025-03-20") for i in range(8)
]


def _together(params: ClusterParams) -> bool:
    docs = [(str(i), d) for i, d in enumerate([*FILLER, *FIRST_REPORTS, PLEA])]
    placed = StoryClusterer(params).add_batch(docs)
    return placed["11"].story_id == placed["8"].story_id


def test_cluster_attach_actors_the_plea_joins_the_story_about_the_victim() -> None:
    assert _together(PARAMS)
    assert not _together(replace(PARAMS, attach_actors=False))  # its average stays low


def _analysed(text: str, title: str) -> Analyzed:
    article = Article(id="a", text=text, title=title)
    sentences, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        sentences.append(Span(start, min(end, len(text))))
        start = end + 1
    return Analyzed(article, ArticleAnalysis("a", sentences=tuple(sentences)))


def test_cluster_attach_actors_a_roundup_lead_is_read_into_the_features() -> None:
    roundup = _analysed(
        "Four people were hurt in separate shootings across Elmbrook overnight. "
        "The first came near the mill.",
        "Quiet town, loud night",
    )
    one = _analysed(
        "A man was shot on Quarry Lane in Elmbrook. Police said he would recover.",
        "Man shot on Quarry Lane",
    )
    assert doc_features(roundup).roundup and not doc_features(one).roundup
    f = doc_features(roundup)
    assert DocFeatures.from_dict(f.to_dict()) == f
    old = f.to_dict()
    del old["roundup"]
    assert DocFeatures.from_dict(old).roundup is False  # stored before the field existed


def test_cluster_attach_actors_an_institution_filed_as_a_person_is_nobody() -> None:
    feats = DocFeatures(
        terms=(("shot", 1),),
        entities=(("harwick ems", "PERSON"), ("ivo lindqvist", "PERSON")),
        mentions=(("harwick ems", 2), ("ivo lindqvist", 1)),
    )
    assert named_people(feats) == frozenset({"ivo lindqvist"})


def _day(
    ref: int | None,
    town: str = "p:elmbrook",
    days: tuple[int, ...] = (),
    kinds: frozenset[str] = SHOT,
    roundup: bool = False,
    sites: tuple[str, ...] = (),
) -> BlockDoc:
    return BlockDoc(
        vector={},
        places={town: 1.5, **dict.fromkeys(sites, 2.0)},
        names={},
        days=days,
        ref=ref,
        kinds=kinds,
        sites=dict.fromkeys(sites, 2.0),
        roundup=roundup,
    )


DAY = 740000


def test_cluster_attach_day_links_tie_reports_of_one_town_on_one_day() -> None:
    first = _day(DAY, days=(DAY,))
    cases = {
        "later that day": (_day(DAY), True),
        "next morning": (_day(DAY + 1), False),
        "same day, its own street": (_day(DAY, sites=("p:quarry lane",)), True),
        "three days on": (_day(DAY + 3), False),
        "another town": (_day(DAY, town="p:harwick"), False),
        "a fire": (_day(DAY, kinds=frozenset({"k:fire"})), False),
        "a roundup": (_day(DAY, roundup=True), False),
        "an incident of last week": (_day(DAY, days=(DAY - 7,)), False),
        "undated": (_day(None), False),
    }
    for name, (other, tied) in cases.items():
        links = day_links([first, other], PARAMS)
        assert bool(links[0, 1]) is tied, name
    assert day_links([first, _day(DAY + 1)], replace(PARAMS, attach_day_gap=1)).any()
    assert not day_links([first, _day(DAY)], replace(PARAMS, attach_day_min=1.0)).any()


def test_cluster_attach_day_links_join_only_at_their_own_higher_bar() -> None:
    labels = [0, 0, 1]
    none = np.zeros((3, 3), dtype=bool)
    tied = none.copy()
    tied[2, 0] = tied[0, 2] = True

    def event(across: float) -> np.ndarray:
        sim = np.full((3, 3), across)
        sim[:2, :2] = 0.4
        np.fill_diagonal(sim, 1.0)
        return sim

    # Tied by the day only: joins at 0.08, not at 0.06 (a street tie joins at 0.06).
    assert attach_pieces(labels, event(0.08), none, PARAMS, tied) == [0, 0, 0]
    assert attach_pieces(labels, event(0.06), none, PARAMS, tied) == labels
    assert attach_pieces(labels, event(0.06), tied, PARAMS, none) == [0, 0, 0]
