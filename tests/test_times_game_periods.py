"""A quarter or a half of a game is no part of the year (branch s38e; fiction: every
sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

#: A Thursday.
ANCHOR = date(2031, 10, 30)


def test_a_quarter_or_half_of_play_is_no_time(nlp: Any) -> None:
    found = time_values(
        nlp, "Orla Venn threw a touchdown pass to tie the game in the fourth quarter.", ANCHOR
    )
    assert not any("Q4" in v for _, v in found), found
    found = time_values(
        nlp, "The Harbour Owls scored nine straight points early in the second half.", ANCHOR
    )
    assert not any("H2" in v for _, v in found), found


def test_a_quarter_of_the_year_stays_a_time(nlp: Any) -> None:
    found = time_values(nlp, "Velm Mills lost money in the fourth quarter, it said.", ANCHOR)
    assert any("Q4" in v for _, v in found), found
    found = time_values(
        nlp, "The club scored a sponsorship deal in the first half of 2030.", ANCHOR
    )
    assert any(v.startswith("2030") for _, v in found), found  # a year: not of play
    found = time_values(
        nlp,
        "Velm Mills hired two banks to assist it and lost money in the third quarter.",
        ANCHOR,
    )
    assert any("Q3" in v for _, v in found), found  # "assist" a verb: no game


def test_a_half_in_a_quote_after_the_game_is_told_is_of_play(nlp: Any) -> None:
    text = (
        "Orla Venn had 14 rebounds for the Owls.\n"
        "“She really took over in the second half,” her coach said.\n"
        "Tomas Reed was hurt in the first quarter of his last game in Velm."
    )
    found = time_values(nlp, text, ANCHOR)
    assert not any("H2" in v or "Q1" in v for _, v in found), found
