"""The one who shot himself, told again or in other words, is one death."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def test_a_child_who_shot_herself_and_died_is_one_death(nlp: Any) -> None:
    text = (
        "A six-year-old girl fatally shot herself with a relative's pistol in Brandt on "
        "Sunday. The girl was flown to Orla Medical Center, where she died."
    )
    assert counts(nlp, text) == (1, 0)


def test_someone_else_harmed_keeps_the_later_death(nlp: Any) -> None:
    text = (
        "Wendell Marsh shot his neighbor in the yard and later fatally shot himself, deputies "
        "in Orla said. She died at Brandt General on Monday."
    )
    assert counts(nlp, text)[0] == 2


def test_died_after_he_shot_himself_is_one_death(nlp: Any) -> None:
    text = "Deputies say a Dunmore boy, 4, died Sunday after he shot himself in the barn."
    assert counts(nlp, text) == (1, 0)


def test_turning_the_gun_on_himself_is_his_death_too(nlp: Any) -> None:
    text = (
        "Deputies in Keel County say Arlo Penn killed two farmhands at the feed mill and "
        "then turned the rifle on himself."
    )
    assert counts(nlp, text) == (3, 0)
    text = "Arlo Penn turned the rifle on himself near the Keel County feed mill but survived."
    assert counts(nlp, text)[0] == 0


def test_another_is_other_than_the_shooter(nlp: Any) -> None:
    text = (
        "Wes Tobin, 16, accidentally shot and killed another teen at a Keel County cabin. "
        "Ray Loam, 17, died at the cabin on Friday, deputies said."
    )
    assert counts(nlp, text) == (1, 0)
    text = (
        "A clerk was killed at the Keel County feed mill. Wes Tobin then shot and killed "
        "another man in the lot."
    )
    assert counts(nlp, text)[0] == 2
