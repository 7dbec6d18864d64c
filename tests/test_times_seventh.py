"""Time expressions, seventh round of issue 14 (fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

from storyline.analyze.times import extract_times, resolve_time
from storyline.analyze.timex.rates import is_newspaper, is_rate

#: A Monday.
ANCHOR = date(2031, 10, 27)


def test_a_rate_after_an_amount_is_no_time(nlp: Any) -> None:
    for text in (
        "The merger should save Orvik $40 million a year in fuel.",
        "The airline will fly four flights a week between Tarsk and Velm.",
        "Rooms at the lodge cost between $60 and $80 a night.",
        "The mill turns out about 12,000 tonnes annually.",
        "Brenna expects revenue to grow 6% annually through 2035.",
    ):
        found = [v for _, v in time_values(nlp, text, ANCHOR) if v.startswith("P")]
        assert found == [], (text, found)


def test_a_rate_without_an_amount_stays_a_set(nlp: Any) -> None:
    assert ("annually", "P1Y") in time_values(
        nlp, "The lantern fair is held annually in Korvu.", ANCHOR
    )
    assert ("a day", "P1D") in time_values(nlp, "The clinic doses him twice a day.", ANCHOR)
    # a count of time before the rate is a schedule, not an amount
    assert ("a week", "P1W") in time_values(nlp, "Guards now work six days a week.", ANCHOR)


def test_is_rate_reads_the_words_before() -> None:
    text = "It pays $3 a year; it grew by 20 in a year; 24 hours a day; a year later."
    assert is_rate(text, text.index("a year"), text.index("a year") + 6)
    at = text.index("in a year") + 3
    assert not is_rate(text, at, at + 6)
    at = text.index("a day")
    assert not is_rate(text, at, at + 5)
    at = text.rindex("a year")
    assert not is_rate(text, at, at + 6)


def test_a_newspaper_called_a_daily_is_no_set(nlp: Any) -> None:
    for text in (
        "The ruling party daily Vestnik printed the letter on its front page.",
        "A local daily reported that the dam had cracked.",
        "The business weekly Kapital said the bank would merge.",
    ):
        assert [v for _, v in time_values(nlp, text, ANCHOR) if v in ("P1D", "P1W")] == [], text
    # the adverb and the adjective before a noun of time stay sets
    assert ("daily", "P1D") in time_values(nlp, "Protesters gathered almost daily.", ANCHOR)
    text = "The party daily Vestnik ran it."
    assert is_newspaper(text, text.index("daily"), text.index("daily") + 5)


def test_a_date_moved_or_fixed_lies_ahead_even_in_the_past(nlp: Any) -> None:
    # a Wednesday report: the date agreed is ahead of the telling
    wed = date(2031, 10, 29)
    for text, day in (
        ("The ministry extended the deadline until Friday.", "2031-10-31"),
        ("The talks were moved to Saturday.", "2031-11-01"),
        ("The union called a strike for Monday.", "2031-11-03"),
        ("The funeral was set for Saturday.", "2031-11-01"),
    ):
        assert [v for _, v in time_values(nlp, text, wed)] == [day], text
    # the same verbs without the preposition of the new date keep their tense
    assert time_values(nlp, "The union called a strike on Monday.", wed) == [
        ("Monday", "2031-10-27")
    ]
    # a plan told in the past perfect is past
    found = time_values(nlp, "The board had extended the offer until Friday.", wed)
    assert found == [("Friday", "2031-10-24")]


def test_a_future_passive_looks_ahead(nlp: Any) -> None:
    # the parser hangs "will" on the passive "be": still a future
    wed = date(2031, 10, 29)
    found = time_values(nlp, "Markets will be closed Monday for a holiday.", wed)
    assert found == [("Monday", "2031-11-03")]


def test_a_clock_told_alone_is_on_the_day_told_last(nlp: Any) -> None:
    wed = date(2031, 10, 29)
    text = "A man was shot on Saturday in Velm. Deputies were called to the farm at 10 p.m."
    assert ("10 p.m.", "2031-10-25T22:00") in time_values(nlp, text, wed)
    text = "The river rose on Oct. 3. By 6 a.m. it had burst its banks."
    assert ("6 a.m.", "2031-10-03T06:00") in time_values(nlp, text, wed)
    # a plan keeps the day of the report; so does a clock with no day told before it
    text = "The council met on Monday. The minister will speak at 3 p.m."
    assert ("3 p.m.", "2031-10-29T15:00") in time_values(nlp, text, wed)
    assert time_values(nlp, "The council met at 3 p.m.", wed) == [("3 p.m.", "2031-10-29T15:00")]


def test_a_clock_far_from_the_day_told_keeps_the_day_of_the_report(nlp: Any) -> None:
    filler = " ".join(["The pier stayed shut and the ferries kept to the harbour."] * 12)
    text = f"The storm hit on Saturday. {filler} Crews arrived at 9 a.m."
    assert ("9 a.m.", "2031-10-29T09:00") in time_values(nlp, text, date(2031, 10, 29))


def test_a_day_ahead_lends_no_day_to_a_clock_of_the_narration(nlp: Any) -> None:
    text = "The driver will appear in court on Monday. The crash happened at 2 a.m."
    assert ("2 a.m.", "2031-10-29T02:00") in time_values(nlp, text, date(2031, 10, 29))


def test_a_year_told_before_a_time_word_is_no_amount() -> None:
    text = "In 2029 a year of drought began; it costs $5 a year."
    at = text.index("a year")
    assert not is_rate(text, at, at + 6)
    at = text.rindex("a year")
    assert is_rate(text, at, at + 6)


def test_a_date_fixed_in_a_reduced_relative_keeps_the_main_verb_tense(nlp: Any) -> None:
    # a Sunday report: the service fixed for Saturday was called off, so it was yesterday
    sun = date(2031, 11, 2)
    found = time_values(nlp, "A service set for Saturday in Velm was canceled.", sun)
    assert found == [("Saturday", "2031-11-01")]


def test_a_clock_after_a_night_told_from_another_day_keeps_that_night(nlp: Any) -> None:
    text = (
        "Two men were found dead this morning. Deputies said the shooting happened "
        "overnight. Neighbours heard shots at 10:30 pm near the mill."
    )
    found = dict(time_values(nlp, text, date(2031, 10, 29)))
    assert found["overnight"] == "2031-10-28TNI"
    assert found["10:30 pm"] == "2031-10-28T22:30"


def test_a_clock_on_a_weekday_is_no_second_mention_of_the_weekday(nlp: Any) -> None:
    # story/dating.py counts the expressions whose rel names a weekday
    text = "A man was shot on Saturday in Velm. Deputies were called to the farm at 10 p.m."
    times = extract_times(nlp(text), None)
    assert [t.rel for t in times if (t.rel or "").startswith("weekday:")] == ["weekday:SAT:past"]
    assert resolve_time(times[-1], date(2031, 10, 29)).value == "2031-10-25T22:00"
