"""Relative day words shown with their date (story/date_words.py)."""

from __future__ import annotations

from storyline.model import Span, TimeExpr
from storyline.story.date_words import state_dates


def _t(text: str, value: str, start: int = 0) -> TimeExpr:
    return TimeExpr(Span(start, start + len(text)), text, "DATE", value, "day")


def test_date_words_state_the_day_after_the_word() -> None:
    times = [_t("on Friday", "2025-05-16"), _t("yesterday", "2025-05-18")]
    text = "Delegates met on Friday and spoke again yesterday."
    assert state_dates(text, times, 2025) == (
        "Delegates met on Friday (16 May) and spoke again yesterday (18 May)."
    )


def test_date_words_possessive_takes_the_date_after_its_noun() -> None:
    times = [_t("Friday's", "2025-05-16")]
    assert state_dates("After Friday's talks, nothing moved.", times, 2025) == (
        "After Friday's talks (16 May), nothing moved."
    )


def test_date_words_another_year_shows_the_year_and_unknown_days_stay() -> None:
    times = [_t("on Monday", "2024-12-30")]
    assert (
        state_dates("It began on Monday.", times, 2025) == "It began on Monday (30 December 2024)."
    )
    undated = [TimeExpr(Span(0, 6), "Monday", "DATE", "XXXX-XX-XX", "day", "weekday:MON:past")]
    assert state_dates("It began on Monday.", undated, 2025) == "It began on Monday."


def test_date_words_an_already_stated_date_is_left_alone() -> None:
    times = [_t("on Friday", "2025-05-16")]
    text = "They met on Friday (16 May)."
    assert state_dates(text, times, 2025) == text


def test_date_words_without_stated_gives_the_report_words_back() -> None:
    from storyline.story.date_words import without_stated

    times = [_t("on Friday", "2025-05-16")]
    text = "They met on Friday."
    assert without_stated(state_dates(text, times, 2025)) == text


def test_date_words_possessive_date_goes_after_the_whole_noun_phrase() -> None:
    times = [_t("Tuesday's", "2016-05-17")]
    text = "Charges follow Tuesday's fatal shooting in Ravenel."
    assert state_dates(text, times, 2016) == (
        "Charges follow Tuesday's fatal shooting (17 May) in Ravenel."
    )
    text = "Friday's talks ended without a deal."
    assert state_dates(text, [_t("Friday's", "2025-05-16")], 2025) == (
        "Friday's talks (16 May) ended without a deal."
    )


def test_date_words_a_day_the_report_spells_out_is_not_stated_twice() -> None:
    times = [_t("Monday", "2016-09-26")]
    text = "He was at home on Monday, September 26, with friends."
    assert state_dates(text, times, 2016) == text
