"""The name factor is looser for two reports of one day (issue 12, seventh round)."""

from __future__ import annotations

import pytest

from storyline.story.clustering import ClusterParams
from storyline.story.clustering.batch import BlockDoc, pair_similarity
from storyline.story.clustering.similarity import conflict_factor, name_floor

PARAMS = ClusterParams()
WORDS = {"shot": 0.8, "porch": 0.6}
PLACE = {"p:brackenford": 2.0}
VICTIM = {"e:odalys fenwick": 3.0}
SPOKESMAN = {"e:tobias quarrie": 3.0}


def _doc(names: dict[str, float], days: tuple[int, ...], marks: frozenset[str]) -> BlockDoc:
    return BlockDoc(WORDS, PLACE, names, days, None, marks=marks)


def test_same_day_names_one_event_day_loosens_the_name_factor() -> None:
    victim = _doc(VICTIM, (100,), frozenset())
    spokesman = _doc(SPOKESMAN, (100,), frozenset())
    later = _doc(SPOKESMAN, (101,), frozenset())
    event, _ = pair_similarity([victim, spokesman, later], PARAMS)
    assert event[0, 1] == pytest.approx(PARAMS.same_day_name_conflict)
    # A day apart (within the date factor's slack) is not one day: the full conflict.
    assert event[0, 2] == pytest.approx(PARAMS.name_conflict)


def test_same_day_names_a_shared_mark_loosens_it_unless_the_days_are_apart() -> None:
    mark = frozenset({"site:corran lane"})
    victim = _doc(VICTIM, (), mark)
    spokesman = _doc(SPOKESMAN, (), mark)
    elsewhere = _doc(SPOKESMAN, (), frozenset({"site:mill row"}))
    weeks_later = _doc(SPOKESMAN, (130,), mark)
    dated = _doc(VICTIM, (100,), mark)
    event, _ = pair_similarity([victim, spokesman, elsewhere, weeks_later, dated], PARAMS)
    assert event[0, 1] == pytest.approx(PARAMS.same_day_name_conflict)
    assert event[0, 2] == pytest.approx(PARAMS.name_conflict)
    # Weeks apart on one street: another incident, whatever the mark.
    assert event[3, 4] == pytest.approx(PARAMS.name_conflict * PARAMS.date_conflict)


def test_same_day_names_the_online_path_agrees() -> None:
    mark = frozenset({"age:19"})
    assert name_floor(((100,), (100,)), ((), ()), False, PARAMS) == PARAMS.same_day_name_conflict
    assert name_floor(((), ()), (mark, mark), False, PARAMS) == PARAMS.same_day_name_conflict
    assert name_floor(((100,), (130,)), (mark, mark), True, PARAMS) == PARAMS.name_conflict
    one_day = conflict_factor(
        (PLACE, PLACE), (VICTIM, SPOKESMAN), ((100,), (100,)), PARAMS, marks=((), ())
    )
    assert one_day == pytest.approx(PARAMS.same_day_name_conflict)
    apart = conflict_factor(
        (PLACE, PLACE), (VICTIM, SPOKESMAN), ((100,), (101,)), PARAMS, marks=((), ())
    )
    assert apart == pytest.approx(PARAMS.name_conflict)
