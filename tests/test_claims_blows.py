"""Tolls of local-news phrasings that name no victims: blows, rounds, attackers, wholes."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def test_shots_fired_are_no_victims(nlp: Any) -> None:
    text = "The gunman shot about 12 times at the riders of a blue van, killing a woman."
    assert counts(nlp, text) == (1, 0)
    text = "About 20 rounds were shot near the Maple Street bakery, but nobody was wounded."
    assert counts(nlp, text)[1] == 0


def test_reports_of_people_shot_count_the_reports(nlp: Any) -> None:
    text = "Deputies answered six reports of people shot across Dunmore on Sunday night."
    assert counts(nlp, text)[1] == 0


def test_the_active_subject_of_a_shooting_is_the_attacker(nlp: Any) -> None:
    text = "Deputies said three of the cousins were shooting a shotgun at cans behind the barn."
    assert counts(nlp, text) == (0, 0)
    assert counts(nlp, "Two masked men shot a clerk at the Birch Road market.") == (0, 1)


def test_a_count_told_again_part_by_part_is_counted_once(nlp: Any) -> None:
    text = (
        "Six people, four women and two men, were rushed to Larch Valley Hospital with "
        "gunshot wounds."
    )
    assert counts(nlp, text) == (0, 6)


def test_the_whole_of_a_part_is_not_the_part_s_toll(nlp: Any) -> None:
    text = (
        "Seven people were shot at a picnic in Oxbow Park. One of the seven, a 44-year-old "
        "welder, died at the scene."
    )
    assert counts(nlp, text) == (1, 6)


def test_one_of_whom_is_part_of_the_group_before(nlp: Any) -> None:
    text = (
        "A teacher was killed on Quince Avenue. Two others were hurt, one of whom was in "
        "critical condition."
    )
    assert counts(nlp, text) == (1, 2)


def test_the_one_taken_to_hospital_who_died_is_one_death(nlp: Any) -> None:
    text = (
        "A girl was struck by stray gunfire on Monday. The small girl was taken to Cedar "
        "Hospital by ambulance, but a deputy says the child passed away."
    )
    assert counts(nlp, text) == (1, 0)
    assert counts(
        nlp, "A boy was shot in the hip. The patient was examined, treated and died."
    ) == (
        1,
        0,
    )


def test_the_suspect_killed_beside_an_officer_shot_is_another_person(nlp: Any) -> None:
    text = "A deputy was wounded on Friday, and the suspect in the standoff was killed."
    assert counts(nlp, text) == (1, 1)


def test_one_of_the_wounded_who_died_leaves_the_rest_wounded(nlp: Any) -> None:
    assert counts(nlp, "One of five men wounded at a tavern in Elmton has died.") == (1, 4)


def test_a_corrected_figure_is_no_toll(nlp: Any) -> None:
    text = (
        "The sheriff initially reported that nine people were shot but later revised that to five."
    )
    assert counts(nlp, text) == (0, 5)


def test_gunshot_wounds_are_people_shot(nlp: Any) -> None:
    text = (
        "Officers found two men suffering from gunshot wounds, and one of the pair was "
        "pronounced dead at the scene."
    )
    assert counts(nlp, text) == (1, 1)


def test_a_date_after_the_killed_is_no_victim_of_the_subject(nlp: Any) -> None:
    text = (
        "The sheriff's office on Sunday identified the three people killed Christmas Eve at "
        "a farmhouse near Oxbow."
    )
    assert counts(nlp, text)[0] == 3
