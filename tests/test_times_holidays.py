"""Holidays: named days resolved to their date in the year the tense points to."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from time_values import time_values

from storyline.analyze.timex.holidays import DAYS, PATTERN, easter, holiday, holiday_value


@pytest.mark.parametrize(
    ("year", "day"),
    [(1998, date(1998, 4, 12)), (2000, date(2000, 4, 23)), (2024, date(2024, 3, 31))],
)
def test_easter_by_the_computus(year: int, day: date) -> None:
    assert easter(year) == day


def test_floating_american_holidays() -> None:
    assert holiday_value("THANKSGIVING", 2025) == "2025-11-27"
    assert holiday_value("ELECTION", 2024) == "2024-11-05"  # Monday 4th, then Tuesday
    assert holiday_value("ELECTION", 2026) == "2026-11-03"  # Monday 2nd, then Tuesday
    assert holiday_value("MEMORIAL", 2025) == "2025-05-26"
    assert holiday_value("LABOR", 2025) == "2025-09-01"
    assert holiday_value("EASTER", 2025, week=True) == "2025-W16"
    assert all(DAYS[code](2031).year == 2031 for code in DAYS)


def test_a_past_holiday_is_last_one_a_future_one_next(nlp: Any) -> None:
    january = date(2031, 1, 9)
    assert time_values(nlp, "The raft was found on Thanksgiving Day off the coast.", january) == [
        ("Thanksgiving Day", "2030-11-28")
    ]
    october = date(2030, 10, 20)
    assert time_values(nlp, "The mayor will campaign until Election Day.", october) == [
        ("Election Day", "2030-11-05")
    ]


def test_holiday_with_its_year_and_easter_week(nlp: Any) -> None:
    found = time_values(nlp, "Pilgrims arrived as Easter week began.", date(2030, 4, 22))
    assert found == [("Easter week", "2030-W16")]
    found = time_values(nlp, "The harbour froze on Christmas Eve 1962.", date(2030, 4, 22))
    assert found == [("Christmas Eve 1962", "1962-12-24")]


def test_holiday_names_of_things_are_not_days(nlp: Any) -> None:
    text = (
        "The Good Friday agreement held. Villagers decorated a Christmas tree. "
        "Retailers praised the Christmas and New Year sales period. Eastern Airlines flew."
    )
    assert time_values(nlp, text, date(2030, 1, 15)) == []


@pytest.mark.parametrize(
    "name",
    ["New Years Eve", "New Year’s Day", "Valentines Day", "St Patricks Day", "Veterans' Day"],
)
def test_every_spelling_the_rule_finds_has_a_day(name: str) -> None:
    # Apostrophes and full stops are written all ways; the name was found, so it is dated.
    match = PATTERN.search(f"The shop shut on {name} 2030.")
    assert match is not None
    norm = holiday(match, "past")
    assert norm is not None and norm.value.startswith("2030-")


def test_a_holiday_without_apostrophe_is_dated_in_a_report(nlp: Any) -> None:
    found = time_values(nlp, "A man was shot on New Years Eve outside a bar.", date(2031, 1, 3))
    assert found == [("New Years Eve", "2030-12-31")]
