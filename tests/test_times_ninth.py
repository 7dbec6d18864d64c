"""Time expressions, ninth round of issue 14, branch s35d (fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from storyline.analyze.times import extract_times

#: A Thursday.
ANCHOR = date(2031, 10, 30)


def _values(nlp: Any, text: str, anchor: date = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in extract_times(nlp(text), anchor)]


def test_the_annual_event_is_no_time(nlp: Any) -> None:
    # with an article or a possessive, "annual" names one event of a yearly series
    found = _values(nlp, "Holders of Brisk Corp. voted down the plan at the annual meeting.")
    assert not any(text == "annual" for text, _ in found), found
    found = _values(nlp, "Osk Dairy unveiled its new churn at its annual trade fair in Velm.")
    assert not any(text == "annual" for text, _ in found), found
    found = _values(nlp, "Rowers crowded the quay for the club's annual regatta on the Tarn.")
    assert not any(text == "annual" for text, _ in found), found
    # with no determiner or an indefinite one it stays a set
    found = _values(nlp, "Velm Tools posted its first annual loss since the mill opened.")
    assert ("annual", "P1Y") in found, found
    found = _values(nlp, "Tarn Mills reported an annual profit of 4 million crowns.")
    assert ("annual", "P1Y") in found, found


def test_the_latest_year_is_the_last_closed(nlp: Any) -> None:
    # a report names the year it has results for, which is over: as "the latest quarter"
    found = _values(nlp, "Osk Dairy sold 40 million crowns of cheese in the latest fiscal year.")
    assert ("the latest fiscal year", "2030") in found, found
    found = _values(nlp, "Brisk Corp. doubled its exports in the latest year, the board said.")
    assert ("the latest year", "2030") in found, found
    # the year itself and the year ended on a day are as before
    found = _values(nlp, "Velm Tools expects lower sales for the fiscal year, its chief said.")
    assert ("the fiscal year", "2031") in found, found


def test_past_units_without_article_are_the_past(nlp: Any) -> None:
    # the mirror of "in coming months": some time before now, no stretch of stated kind
    found = _values(nlp, "Brisk Corp. had trimmed its staff in past years, too, the union said.")
    assert ("past years", "PAST_REF") in found, found
    found = _values(nlp, "Floods over past decades have moved the Tarn's bed north.")
    assert ("past decades", "PAST_REF") in found, found
    # with an article it stays a stretch of unstated length
    found = _values(nlp, "Osk Dairy has cut prices twice over the past months.")
    assert ("the past months", "PXM") in found, found


def test_recent_weeks_and_months_are_a_stretch(nlp: Any) -> None:
    # a stretch of unstated length up to now, counted in its unit
    found = _values(nlp, "Osk Dairy has raised milk prices twice in recent months.")
    assert ("recent months", "PXM") in found, found
    found = _values(nlp, "In recent weeks, ferries to Velm have sailed half empty.")
    assert ("recent weeks", "PXW") in found, found
    # years are the recent past as an era; mixed units have no one unit
    found = _values(nlp, "Tarn Mills has lost ground to imports in recent years.")
    assert ("recent years", "PAST_REF") in found, found
    found = _values(nlp, "Many growers in recent weeks and months have sold their land.")
    assert ("recent weeks", "PAST_REF") in found, found


def test_the_day_before_a_weekday_is_no_time_of_its_own(nlp: Any) -> None:
    # "during the day Friday": the weekday tells the day, "the day" adds no time
    found = _values(
        nlp, "Rescuers combed the hills. During the day Friday, the ferry stayed in Osk."
    )
    assert [text for text, _ in found] == ["Friday"], found
    # "the day" alone stays the day told
    found = _values(nlp, "Shares of Osk Dairy ended the day 3% lower.")
    assert ("the day", "2031-10-30") in found, found
