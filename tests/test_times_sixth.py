"""Time expressions, sixth round of issue 14 (fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

#: A Monday.
ANCHOR = date(2031, 10, 27)


def test_a_season_of_a_spoken_year(nlp: Any) -> None:
    found = time_values(nlp, "Fuel hit a low during the winter of nineteen ninety-four.", ANCHOR)
    assert [v for _, v in found] == ["1994-WI"]


def test_the_first_two_quarters_of_a_year_are_its_first_half(nlp: Any) -> None:
    found = time_values(
        nlp, "Orders should stay weak through the first two quarters of 2032.", ANCHOR
    )
    assert ("the first two quarters of 2032", "2032-H1") in found
    found = time_values(nlp, "Margins shrank in the last two quarters of 2030.", ANCHOR)
    assert ("the last two quarters of 2030", "2030-H2") in found


def test_one_day_before_a_verb_is_a_day_to_come(nlp: Any) -> None:
    assert time_values(nlp, "The coach hopes the club will one day win the league.", ANCHOR) == [
        ("one day", "FUTURE_REF")
    ]
    # a count of days keeps its duration
    for text in (
        "The ballot came one day after a vote on tolls.",
        "The strike lasted one day and ended.",
        "He had been in the post one day.",
    ):
        assert ("one day", "P1D") in time_values(nlp, text, ANCHOR), text


def test_the_nth_day_of_something_now_is_the_day_of_the_telling(nlp: Any) -> None:
    assert time_values(nlp, "It's the second day of a strike by ferry crews.", ANCHOR) == [
        ("the second day", "2031-10-27")
    ]
    found = time_values(nlp, "In Marlow, today is the ninth day of the blockade.", ANCHOR)
    assert ("the ninth day", "2031-10-27") in found
    # a past day told before is not the day of the report
    assert not time_values(nlp, "It was the third day of rain.", ANCHOR)


def test_centuries_without_a_count(nlp: Any) -> None:
    assert time_values(nlp, "The abbey guarded the ford for centuries.", ANCHOR) == [
        ("centuries", "PXC")
    ]
    assert ("two centuries", "P200Y") in time_values(
        nlp, "The abbey stood for two centuries.", ANCHOR
    )


def test_overnight_is_the_night_before_the_day_told_last(nlp: Any) -> None:
    text = (
        "Tarvo shares closed lower Friday after overnight losses in Oslo. "
        "The index ended 2% down from the previous Friday."
    )
    found = time_values(nlp, text, ANCHOR)
    assert ("overnight", "2031-10-23TNI") in found
    assert ("the previous Friday", "2031-10-17") in found
    # with no day told before, the night before the report
    assert time_values(nlp, "A kiosk was set on fire overnight, police said.", ANCHOR) == [
        ("overnight", "2031-10-26TNI")
    ]


def test_a_part_of_day_counted_from_a_weekday_keeps_its_part(nlp: Any) -> None:
    text = "The barge ran aground on Friday after an overnight gale."
    assert ("overnight", "2031-10-23TNI") in time_values(nlp, text, ANCHOR)


def test_overnight_as_an_adverb_is_not_counted_from_the_day_told(nlp: Any) -> None:
    # "kept overnight" after Wednesday's collision is Wednesday night as often as the
    # night before: the adverb keeps the night before the report
    text = "A van hit a tram on Wednesday. The driver was kept in hospital overnight."
    assert ("overnight", "2031-10-21TNI") not in time_values(nlp, text, ANCHOR)


def test_a_weekday_owning_a_mishap_is_past_whatever_the_verb(nlp: Any) -> None:
    for text in (
        "Prosecutors will review Friday's shooting next month.",
        "The council will discuss Friday's deadly crash at its next session.",
    ):
        assert ("Friday", "2031-10-24") in time_values(nlp, text, ANCHOR), text
    # a scheduled event keeps its direction
    assert ("Saturday", "2031-11-01") in time_values(
        nlp, "The mayor will attend Saturday's vigil.", ANCHOR
    )


def test_the_day_after_tomorrow_and_before_yesterday(nlp: Any) -> None:
    assert time_values(nlp, "The envoy lands the day after tomorrow.", ANCHOR) == [
        ("the day after tomorrow", "2031-10-29")
    ]
    assert time_values(nlp, "The envoy left the day before yesterday.", ANCHOR) == [
        ("the day before yesterday", "2031-10-25")
    ]


def test_last_and_next_before_a_holiday(nlp: Any) -> None:
    # written in late October: last Christmas is ten months back, past the horizon
    assert ("Christmas", "2030-12-25") in time_values(
        nlp, "The mill reopened last Christmas.", ANCHOR
    )
    assert ("Christmas Eve", "2030-12-24") in time_values(
        nlp, "Crowds came last Christmas Eve.", ANCHOR
    )
    assert ("Easter", "2032-03-28") in time_values(nlp, "The bridge opens next Easter.", ANCHOR)


def test_every_other_unit_is_every_second_one(nlp: Any) -> None:
    assert time_values(nlp, "The regatta is held every other year.", ANCHOR) == [
        ("every other year", "P2Y")
    ]
    assert time_values(nlp, "Ferries leave every two hours.", ANCHOR) == [
        ("every two hours", "PT2H")
    ]
    # "each other" is no count: the weekday after it is a day, not a set
    found = time_values(nlp, "The two ferries passed close to each other Sunday night.", ANCHOR)
    assert ("Sunday night", "2031-10-26TNI") in found
