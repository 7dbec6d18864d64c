"""Tolls of local-news phrasings: numbered deaths, coordinated counts, the whole among."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def _counts(nlp: Any, text: str) -> tuple[float, float]:
    return counts(nlp, text)


def test_a_numbered_death_gives_the_dead_so_far(nlp: Any) -> None:
    assert _counts(nlp, "A third person has died after the shooting at the Elm Street bar.") == (
        3,
        0,
    )
    text = (
        "Two guests died and two more were hurt at a wedding on Friday. A third guest has "
        "died of her wounds, the coroner said."
    )
    assert _counts(nlp, text) == (3, 1)


def test_the_fifth_of_those_shot_is_no_count_of_the_dead(nlp: Any) -> None:
    text = (
        "Five workers were shot at a depot on Tuesday. Four of them were hurt, and the "
        "fifth worker died at Alder Clinic."
    )
    assert _counts(nlp, text)[0] == 1


def test_counts_joined_by_and_are_added_up(nlp: Any) -> None:
    text = (
        "KELSO (KQRT) - KELSO (KQRT) – A Kelso block is in shock after, deputies said, two "
        "women and five boys were wounded beside a church on Fir Lane."
    )
    assert _counts(nlp, text) == (0, 7)
    text = (
        "Three men in a stolen pickup fled from troopers on Sunday before arriving at a lot "
        "on Yew Road, shooting into the crowd and hitting two adults and a boy."
    )
    assert _counts(nlp, text) == (0, 3)


def test_counts_of_two_predicates_stay_apart(nlp: Any) -> None:
    assert _counts(nlp, "The gunman killed three men and wounded two women.") == (3, 2)


def test_the_count_after_among_is_the_whole(nlp: Any) -> None:
    text = (
        "A 9-year-old boy was hurt by shattered glass and a 12-year-old girl was among four "
        "people wounded in a Kelso park shooting early Sunday on the North Side."
    )
    assert _counts(nlp, text) == (0, 4)
    assert _counts(nlp, "Six were injured, including two children.") == (0, 6)


def test_a_fatal_wound_is_a_death(nlp: Any) -> None:
    assert _counts(nlp, "Deputies said a 52-year-old farmer suffered a fatal gunshot wound.") == (
        1,
        0,
    )
    assert _counts(nlp, "A 44-year-old driver suffered a bullet wound in his hand.") == (0, 1)


def test_a_non_fatal_wound_is_an_injury(nlp: Any) -> None:
    assert _counts(nlp, "Two bystanders sustained non-fatal wounds to the legs.") == (0, 2)


def test_a_third_person_after_the_hurt_is_no_count_of_the_dead(nlp: Any) -> None:
    text = "Troopers said two riders suffered cuts and a third rider died."
    assert _counts(nlp, text) == (1, 2)


def test_a_numbered_death_of_one_shot_in_its_own_sentence_counts(nlp: Any) -> None:
    text = (
        "Two clerks died in the robbery on Saturday. A third clerk, shot in the back as she "
        "fled, has died from her wounds."
    )
    assert _counts(nlp, text)[0] == 3
