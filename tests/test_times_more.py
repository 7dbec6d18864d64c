"""Time expressions, third round of issue 14: rules found on TimeBank and AQUAINT half A."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

from storyline.analyze.times import extract_times


def test_a_month_before_the_noun_it_dates(nlp: Any) -> None:
    april = date(2031, 4, 14)
    assert time_values(nlp, "Detectives have new evidence in the October killing.", april) == [
        ("October", "2030-10")
    ]
    # the progressive dates the clause, not the agreement: the closest June
    found = time_values(nlp, "The firm is trying to sell itself under a June agreement.", april)
    assert found == [("June", "2031-06")]
    found = time_values(nlp, "Guests praised the late-November tour of the port.", date(2031, 1, 9))
    assert found == [("late-November", "2030-11")]


def test_a_month_name_as_a_name_is_not_dated(nlp: Any) -> None:
    text = "The May government fell. The March organisers met the April for Rivers group."
    assert time_values(nlp, text, date(2031, 4, 14)) == []


def test_the_second_day_of_a_pair_takes_the_month(nlp: Any) -> None:
    found = time_values(nlp, "The fair will be held on April 24 and 25.", date(2031, 2, 10))
    assert found == [("April 24", "2031-04-24"), ("25", "2031-04-25")]
    found = time_values(nlp, "Prices rose between March 3 and 30,000 units.", date(2031, 2, 10))
    assert found == [("March 3", "2031-03-03")]


def test_a_month_abbreviation_before_a_name_is_a_first_name(nlp: Any) -> None:
    text = "Ministers from Norway and Jan Halvorsen of the council signed."
    assert time_values(nlp, text, date(2031, 3, 13)) == []
    assert time_values(nlp, "Sales rose in Jan and fell.", date(2031, 3, 13)) == [
        ("Jan", "2031-01")
    ]


def test_a_deadline_with_its_hour_lies_ahead(nlp: Any) -> None:
    monday = date(2031, 3, 3)
    text = "The agency has given the owners until 9 a.m. Tuesday to sign the lease."
    assert time_values(nlp, text, monday) == [("9 a.m. Tuesday", "2031-03-04T09:00")]
    text = "The council must answer by noon Friday."
    assert time_values(nlp, text, monday) == [("noon Friday", "2031-03-07T12:00")]


def test_a_planned_event_lies_ahead_of_the_plan(nlp: Any) -> None:
    friday = date(2031, 3, 7)
    text = "Farmers planned a large march in the capital on Saturday."
    assert time_values(nlp, text, friday) == [("Saturday", "2031-03-08")]
    text = "Farmers held a large march in the capital on Saturday."
    assert time_values(nlp, text, friday) == [("Saturday", "2031-03-01")]


def test_a_quoted_title_is_a_programme_not_a_time(nlp: Any) -> None:
    wednesday = date(2031, 3, 5)
    text = 'The envoy said on the radio show "This Week" that talks would go on.'
    assert [v for v in time_values(nlp, text, wednesday) if v[0] == "This Week"] == []
    text = 'She said "this week will be hard" and left.'
    assert time_values(nlp, text, wednesday) == [("this week", "2031-W10")]


def test_later_alone_is_a_time_only_ahead(nlp: Any) -> None:
    day = date(2031, 3, 5)
    assert time_values(nlp, "She fled the island and later became a doctor.", day) == []
    assert time_values(nlp, "The minister will decide later.", day) == [("later", "FUTURE_REF")]


def test_todays_world_is_the_present_age_not_the_day(nlp: Any) -> None:
    day = date(2031, 3, 5)
    assert time_values(nlp, "The rules do not fit today's world, she said.", day) == []
    assert time_values(nlp, "Today's vote was delayed.", day) == [("Today", "2031-03-05")]


def test_midday_after_a_preposition_is_noon(nlp: Any) -> None:
    day = date(2031, 3, 5)
    text = "The suspect will appear before a judge at midday."
    assert time_values(nlp, text, day) == [("midday", "2031-03-05T12:00")]
    assert time_values(nlp, "They shared a midday meal.", day) == []


def test_plural_weekdays_are_sets(nlp: Any) -> None:
    day = date(2031, 3, 5)
    text = "Two new ferries will leave on Monday and Tuesday nights."
    assert [(t.text, t.type, t.value) for t in extract_times(nlp(text), day)] == [
        ("Monday", "SET", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ]
    assert time_values(nlp, "The market is closed on Sundays.", day) == [("Sundays", "XXXX-WXX-7")]
    assert time_values(nlp, "Talks on Monday and Tuesday ended.", day) == [
        ("Monday", "2031-03-03"),
        ("Tuesday", "2031-03-04"),
    ]
