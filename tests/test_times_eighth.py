"""Time expressions, eighth round of issue 14 (fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

from storyline.analyze.times import extract_times

#: A Thursday.
ANCHOR = date(2031, 10, 30)


def _types(nlp: Any, text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in extract_times(nlp(text), ANCHOR)]


def test_half_of_a_decade_is_the_decade(nlp: Any) -> None:
    # a half of a decade is no calendar unit: the value keeps the decade, not a half-year
    found = time_values(
        nlp, "Ferry traffic to Osk barely grew in the last half of the '70s.", ANCHOR
    )
    assert ("the last half of the '70s", "197") in found, found
    found = time_values(
        nlp, "Tarn Mills built most of its looms in the first half of the 1950s.", ANCHOR
    )
    assert ("the first half of the 1950s", "195") in found, found
    found = time_values(nlp, "The canal was dug in the second half of the 18th century.", ANCHOR)
    assert ("the second half of the 18th century", "17") in found, found
    # a half of a year stays a half-year
    found = time_values(nlp, "Orders at Velm Tools slowed in the last half of 2030.", ANCHOR)
    assert ("the last half of 2030", "2030-H2") in found, found


def test_then_current_is_the_past(nlp: Any) -> None:
    found = time_values(
        nlp, "Holders could buy stock at half the then current price of Brisk Corp.", ANCHOR
    )
    assert ("then current", "PAST_REF") in found, found
    found = time_values(nlp, "The then-current board of Osk Dairy rejected the offer.", ANCHOR)
    assert ("then-current", "PAST_REF") in found, found
    # "current" alone stays the present
    found = time_values(nlp, "The current board of Osk Dairy rejected the offer.", ANCHOR)
    assert ("current", "PRESENT_REF") in found, found


def test_last_after_this_unit_is_the_unit_before(nlp: Any) -> None:
    # "this year as last": "last" stands for last year
    found = time_values(
        nlp, "Marl Foods expects to pay twice as much tax this year as last.", ANCHOR
    )
    assert ("last", "2030") in found, found
    found = time_values(
        nlp, "Vane Air carried more freight this quarter than last, it said.", ANCHOR
    )
    assert ("last", "2031-Q3") in found, found
    # "last" with its own noun, or "at last", is no such ellipsis
    found = time_values(nlp, "This year the Osk fair finally opened at last.", ANCHOR)
    assert [t for t, _ in found if t == "last"] == [], found


def test_plural_ordinal_quarters_are_sets(nlp: Any) -> None:
    found = _types(nlp, "Brisk Corp. books most of its sales in its second and fourth quarters.")
    assert ("second", "SET", "XXXX-Q2") in found, found
    assert ("fourth quarters", "SET", "XXXX-Q4") in found, found
    found = _types(nlp, "The orchard loses money in first quarters.")
    assert ("first quarters", "SET", "XXXX-Q1") in found, found
    # the first two quarters of a year stay its first half
    found = time_values(nlp, "Sales fell in the first two quarters of 2030.", ANCHOR)
    assert ("the first two quarters of 2030", "2030-H1") in found, found


def test_coming_or_future_units_without_article_are_the_future(nlp: Any) -> None:
    found = time_values(nlp, "Brokers expect Velm bonds to weaken in coming months.", ANCHOR)
    assert ("coming months", "FUTURE_REF") in found, found
    found = time_values(nlp, "The write-off will lower Tarn's taxes in future quarters.", ANCHOR)
    assert ("future quarters", "FUTURE_REF") in found, found
    found = time_values(nlp, "That bodes ill for coming quarters, an Osk analyst said.", ANCHOR)
    assert ("coming quarters", "FUTURE_REF") in found, found
    # with "the" a stretch of time ahead stays a duration
    found = time_values(nlp, "Brokers expect Velm bonds to weaken in the coming months.", ANCHOR)
    assert ("the coming months", "PXM") in found, found
