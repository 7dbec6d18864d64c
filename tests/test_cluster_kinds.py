"""Incident kinds in the name factor: one crash, named two ways, is not split."""

from __future__ import annotations

import pytest

from storyline.story.clustering import ClusterParams, DocFeatures
from storyline.story.clustering.batch import BlockDoc, pair_similarity, vector_similarity
from storyline.story.clustering.similarity import (
    DocStats,
    conflict_factor,
    doc_vector,
    incident_kinds,
    name_vector,
    overlap_factor,
    without_kinds,
)


def _doc(terms: dict[str, int], *people: str) -> DocFeatures:
    return DocFeatures(
        terms=tuple(sorted(terms.items())),
        entities=tuple((p, "PERSON") for p in people),
    )


# Fiction: one lorry crash near a village, reported once with the police sergeant's
# name and once with the victims'; two shootings in one town, each with its victim.
CRASH_OFFICER = _doc({"crash": 2, "lorry": 1, "#517": 1}, "tessa quill")
CRASH_VICTIMS = _doc({"collision": 1, "lorry": 1, "#517": 1}, "ivo brandt", "rhea brandt")
SHOT_ONE = _doc({"shot": 2, "street": 1}, "dario fenn", "tessa quill")
SHOT_TWO = _doc({"shoot": 1, "park": 1}, "milo carrick", "ada stroud")
OTHERS = [_doc({"council": 1, "budget": 1}, f"member {i}") for i in range(6)]


def _stats() -> DocStats:
    stats = DocStats()
    for doc in [CRASH_OFFICER, CRASH_VICTIMS, SHOT_ONE, SHOT_TWO, *OTHERS]:
        stats.add(doc)
    return stats


def _name_factor(a: DocFeatures, b: DocFeatures, params: ClusterParams) -> float:
    stats = _stats()
    return overlap_factor(
        name_vector(a, stats, params),
        name_vector(b, stats, params),
        params.name_conflict,
        params.name_match,
    )


def test_cluster_kinds_read_from_stemmed_words() -> None:
    assert incident_kinds(CRASH_VICTIMS) == ["k:crash"]
    assert incident_kinds(SHOT_TWO) == ["k:shooting"]
    assert incident_kinds(OTHERS[0]) == []


def test_cluster_kinds_one_crash_named_two_ways_is_not_split() -> None:
    params = ClusterParams()
    assert _name_factor(CRASH_OFFICER, CRASH_VICTIMS, params) == 1.0
    off = ClusterParams(kind_weight=0.0)
    assert _name_factor(CRASH_OFFICER, CRASH_VICTIMS, off) == off.name_conflict


def test_cluster_kinds_two_shootings_with_two_victims_still_conflict() -> None:
    params = ClusterParams()
    assert _name_factor(SHOT_ONE, SHOT_TWO, params) < 1.0
    # Different kinds share nothing: a crash and a shooting keep the full conflict.
    assert _name_factor(CRASH_VICTIMS, SHOT_TWO, params) == params.name_conflict


def test_cluster_kinds_stay_out_of_reports_without_names_and_of_storylines() -> None:
    stats, params = _stats(), ClusterParams()
    nameless = _doc({"crash": 1})
    assert name_vector(nameless, stats, params) == {}
    names = name_vector(CRASH_OFFICER, stats, params)
    assert "k:crash" in names
    assert "k:crash" not in without_kinds(names)


def test_cluster_kinds_count_only_in_one_place_at_one_time() -> None:
    stats, params = _stats(), ClusterParams()
    names = (name_vector(CRASH_OFFICER, stats, params), name_vector(CRASH_VICTIMS, stats, params))
    village, town = {"p:orlow": 2.0}, {"p:kestwick": 2.0}
    may_3, may_4, june_9 = (739009,), (739010,), (739046,)
    same = conflict_factor((village, village), names, (may_3, may_4), params)
    assert same == 1.0
    # Another place, or days far apart: two crashes, and the names conflict in full.
    elsewhere = conflict_factor((village, town), names, (may_3, may_4), params)
    assert elsewhere == params.place_conflict * params.name_conflict
    later = conflict_factor((village, village), names, (may_3, june_9), params)
    assert later == params.name_conflict * params.date_conflict


def test_cluster_kinds_batch_matrix_agrees_with_the_pair_rule() -> None:
    stats, params = _stats(), ClusterParams()
    village, town = {"p:orlow": 2.0}, {"p:kestwick": 2.0}
    docs = [
        BlockDoc(
            doc_vector(f, stats, params), place, name_vector(f, stats, params), (739009,), 739009
        )
        for f, place in [(CRASH_OFFICER, village), (CRASH_VICTIMS, village), (CRASH_VICTIMS, town)]
    ]
    event, _ = pair_similarity(docs, params)
    plain = vector_similarity([d.vector for d in docs])
    assert event[0, 1] == pytest.approx(plain[0, 1])
    # One day, so the name factor's floor is the looser one (test_cluster_same_day_names).
    conflict = params.place_conflict * params.same_day_name_conflict
    assert event[0, 2] == pytest.approx(plain[0, 2] * conflict)


def test_cluster_kinds_arson_is_a_fire_and_a_fire_is_not_shots_fired() -> None:
    assert incident_kinds(_doc({"arson": 1})) == ["k:fire", "k:arson"]
    assert incident_kinds(_doc({"fir": 2, "shot": 1})) == ["k:shooting"]
