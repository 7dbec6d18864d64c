"""Ages that look like tolls: in apposition, in ranges, as decades, after comparisons."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def _counts(nlp: Any, text: str) -> tuple[float, float]:
    return counts(nlp, text)


def test_ages_of_two_people_in_apposition_count_them(nlp: Any) -> None:
    text = "Lena Pratt, 41, died at the scene, and her nephews, 6 and 9, were badly hurt."
    assert _counts(nlp, text) == (1, 2)


def test_an_age_closed_by_a_dash_is_no_toll(nlp: Any) -> None:
    text = "He killed three people -- Ann Pratt, 30; Joe Hill, 31; and Bo Ray, 44 -- on Friday."
    assert _counts(nlp, text) == (3, 0)


def test_both_and_an_age_is_no_toll(nlp: Any) -> None:
    assert _counts(nlp, "Two men, Jon Price and Al Cole, both 22 — were seriously injured.") == (
        0,
        2,
    )


def test_an_age_range_is_no_toll(nlp: Any) -> None:
    assert _counts(nlp, "Three women, ages 19 to 47, were hurt near the ferry dock.") == (0, 3)
    assert _counts(nlp, "Officers said four riders between the ages of 23 and 61 were hurt.") == (
        0,
        4,
    )
    assert _counts(nlp, "Two hikers, between 40 to 50 years of age, were hurt in the fall.") == (
        0,
        2,
    )


def test_a_decade_of_life_and_a_comparison_are_no_toll(nlp: Any) -> None:
    assert _counts(nlp, "A cyclist in his 30's was wounded on Pine Road.") == (0, 1)
    assert _counts(nlp, "Deputies said a girl younger than 14 was wounded near the pool.") == (
        0,
        1,
    )


def test_a_clock_time_after_a_part_of_the_day_is_no_toll(nlp: Any) -> None:
    text = "A teen was wounded late Friday night around 11 near Cobb Park."
    assert _counts(nlp, text) == (0, 1)


def test_a_count_after_a_comma_stays_a_count(nlp: Any) -> None:
    assert _counts(nlp, "Of the victims, 3 were hospitalized.") == (0, 3)
