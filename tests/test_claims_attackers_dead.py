"""The attacker's own death is not among the people he shot, and one of the injured who
died is not counted twice ("three were hurt, including a man who later died")."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def test_a_suspect_dead_by_his_own_hand_leaves_the_deputy_wounded(nlp: Any) -> None:
    text = (
        "A deputy was shot on Fenwick Road on Friday. The standoff ended when the suspect "
        "was dead of a self-inflicted gunshot."
    )
    assert counts(nlp, text) == (1, 1)


def test_the_gunman_who_turned_the_gun_on_himself_is_not_one_of_those_he_shot(
    nlp: Any,
) -> None:
    text = (
        "A man shot five people at a diner on Lorne Street, killing three of them, before "
        "turning the gun on himself."
    )
    assert counts(nlp, text) == (4, 2)


def test_a_suspect_shot_by_officers_is_one_of_the_shot(nlp: Any) -> None:
    text = "Officers shot the suspect outside a bank on Tansy Road. The suspect was killed."
    assert counts(nlp, text) == (1, 0)


def test_the_suspect_dead_by_his_own_hand_told_twice_is_one_death(nlp: Any) -> None:
    text = (
        "A clerk was shot at a store in Pell. The suspect was dead of a self-inflicted "
        "gunshot wound, and deputies said the suspect was dead when they arrived."
    )
    assert counts(nlp, text) == (1, 1)


def test_one_of_the_injured_who_died_is_not_counted_twice(nlp: Any) -> None:
    text = (
        "Gunfire broke out at a party in Orla on Saturday. Three people were injured, "
        "including a woman who later died."
    )
    assert counts(nlp, text) == (1, 2)


def test_a_young_child_who_shot_himself_is_the_one_victim(nlp: Any) -> None:
    text = (
        "A 4-year-old boy in Orla shot himself dead with a pistol he found at home in Orla. "
        "Deputies said the kitchen was where the child was shot. He was taken to Pell General, "
        "where he was pronounced dead."
    )
    assert counts(nlp, text) == (1, 0)


def test_a_teen_who_killed_his_mother_and_himself_is_two_dead(nlp: Any) -> None:
    text = "A 16-year-old boy fatally shot his mother before killing himself in Orla."
    assert counts(nlp, text) == (2, 0)


def test_the_dead_of_a_murder_suicide_counted_with_the_killer(nlp: Any) -> None:
    text = (
        "A father and his two sons were found dead in what deputies called a murder-suicide in Orla. "
        "Deputies believe the father shot the boys before taking his own life."
    )
    assert counts(nlp, text) == (3, 0)


def test_the_killers_victims_in_a_murder_suicide_are_without_him(nlp: Any) -> None:
    text = "A man shot and killed his two sons in a murder-suicide before taking his own life."
    assert counts(nlp, text) == (3, 0)
