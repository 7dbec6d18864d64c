"""The attacker's own death is not among the people he shot, and one of the injured who
died is not counted twice ("three were hurt, including a man who later died")."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def test_a_suspect_dead_by_his_own_hand_leaves_the_deputy_wounded(nlp: Any) -> None:
    text = (
        "A deputy was shot on Fenwick Road on Friday. Hours later, deputies said, the "
        "suspect died of a self-inflicted injury."
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
        "A clerk was shot twice at a Pell store. By noon the suspect had died of a "
        "self-inflicted injury; the suspect was dead when deputies got there."
    )
    assert counts(nlp, text) == (1, 1)


def test_one_of_the_injured_who_died_is_not_counted_twice(nlp: Any) -> None:
    text = (
        "Gunfire broke out at a party in Orla on Saturday. Three people were injured, "
        "including a woman who later died."
    )
    assert counts(nlp, text) == (1, 2)


def test_a_toddler_who_shot_himself_is_the_one_victim(nlp: Any) -> None:
    text = (
        "In Orla a toddler fatally shot himself with his grandfather's revolver on Sunday. "
        "The child was shot once, in his bedroom, deputies told reporters. He was "
        "pronounced dead at Pell General."
    )
    assert counts(nlp, text) == (1, 0)


def test_a_teen_who_killed_his_mother_and_himself_is_two_dead(nlp: Any) -> None:
    text = "A 16-year-old boy fatally shot his mother before killing himself in Orla."
    assert counts(nlp, text) == (2, 0)


def test_the_dead_of_a_murder_suicide_counted_with_the_killer(nlp: Any) -> None:
    text = (
        "Deputies say a father and his two sons were found dead inside a farmhouse in Orla "
        "in a murder-suicide. The father shot the boys before taking his own life."
    )
    assert counts(nlp, text) == (3, 0)


def test_the_killers_victims_in_a_murder_suicide_are_without_him(nlp: Any) -> None:
    text = "A man shot and killed his two sons in a murder-suicide before taking his own life."
    assert counts(nlp, text) == (3, 0)
