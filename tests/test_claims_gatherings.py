"""A funeral, vigil or memorial mourns an earlier death: its toll is not the incident's."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def test_the_death_a_funeral_mourns_is_not_counted(nlp: Any) -> None:
    text = (
        "Relatives had come to Pell Hall for the funeral of Dov Arkin, who died on Oct. 3, "
        "when four people were shot in its parking lot."
    )
    assert counts(nlp, text) == (0, 4)


def test_the_death_a_vigil_honors_is_not_counted(nlp: Any) -> None:
    text = (
        "Neighbors held a vigil honoring a man killed on Tansy Road in March when gunfire "
        "erupted, wounding three."
    )
    assert counts(nlp, text) == (0, 3)


def test_deaths_outside_a_gathering_still_count(nlp: Any) -> None:
    text = "Two brothers were killed after a vigil at Quarry Park, and a cousin was wounded."
    assert counts(nlp, text) == (2, 1)
