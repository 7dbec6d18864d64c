"""Number phrases: digits and words, vague amounts, qualifiers, ranges, and what is not a count."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.numbers.parse import find_numbers, word_value


def _phrases(nlp: Any, text: str) -> list[tuple[str, float, str, float | None]]:
    doc = nlp(text)
    return [
        (doc[p.start : p.end].text, p.value, p.qualifier, p.value_max) for p in find_numbers(doc)
    ]


@pytest.mark.parametrize(
    ("word", "value"),
    [("9", 9.0), ("1,000", 1000.0), ("nine", 9.0), ("twenty-five", 25.0), ("3½", 3.5),
     ("5bn", 5e9), ("2.5", 2.5), ("Eleven", 11.0)],
)  # fmt: skip
def test_numbers_word_value_reads_digits_and_words(word: str, value: float) -> None:
    assert word_value(word) == value


def test_numbers_word_value_rejects_words() -> None:
    assert word_value("bus") is None
    assert word_value("") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials counted more than 5,000 tents.", ("more than 5,000", 5000.0, "at_least", None)),
        ("At least five houses burned.", ("At least five", 5.0, "at_least", None)),
        ("Up to 40 boats sailed.", ("Up to 40", 40.0, "at_most", None)),
        ("Nearly 300 workers joined.", ("Nearly 300", 300.0, "at_most", None)),
        ("About 230 residents left.", ("About 230", 230.0, "about", None)),
        ("Hundreds of residents gathered.", ("Hundreds", 200.0, "at_least", None)),
        ("A dozen trucks arrived.", ("A dozen", 12.0, "about", None)),
        ("Two hundred thousand people marched.", ("Two hundred thousand", 200000.0, "exact", None)),
        ("Between 10 and 12 rooms flooded.", ("Between 10 and 12", 10.0, "range", 12.0)),
        ("Five or six boats sank.", ("Five or six", 5.0, "range", 6.0)),
        ("Fifty or more vans waited.", ("Fifty or more", 50.0, "at_least", None)),
    ],
)
def test_numbers_qualifiers_and_ranges(nlp: Any, text: str, expected: tuple[object, ...]) -> None:
    assert _phrases(nlp, text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 7-year-old boy waved.",
        "The parade was held on May 17, 2025.",
        "The meeting began at 10:30 p.m.",
        "She lives at 42 Orchard Lane.",
        "Police closed the 1200 block of Pine Street.",
        "It was the second such visit.",
        "The Tu-95 and the A-50 flew over.",
        "Farmers drove along Route 9.",
        "Maria Lopez, 45, of Dunmore, spoke.",
        "Ray Dunn, 75; judge and author.",
        "She died at the age of 85.",
        "Updated 13: 26 on 14 / 09 / 2013.",
        "The company launched the iPhone 4 there.",
        "They ordered the 787 instead.",
        "No one answered.",
        "The patrons, ages 19 and 33, left the hall.",
        "The cousins, aged 21, 32, and 49, sang.",
        "A neighbour heard the noise and called 911.",
        "The 911 dispatcher sent a unit.",
    ],
)
def test_numbers_not_counts_are_skipped(nlp: Any, text: str) -> None:
    assert _phrases(nlp, text) == []


def test_numbers_money_and_percent_units(nlp: Any) -> None:
    doc = nlp("The firm lost $5.2 billion, or 12 per cent of its value.")
    units = [(p.value, p.unit) for p in find_numbers(doc)]
    assert units == [(5.2e9, "dollars"), (12.0, "percent")]


def test_numbers_duration_with_article(nlp: Any) -> None:
    assert _phrases(nlp, "The talks lasted just over an hour.") == [
        ("just over an hour", 1.0, "at_least", None)
    ]


def test_numbers_two_digit_runs_keep_first(nlp: Any) -> None:
    # a unit conversion pasted badly: "50 31 miles" is one distance, not 5031
    assert [v for _, v, _, _ in _phrases(nlp, "The base lies 50 31 miles away.")] == [50.0]
