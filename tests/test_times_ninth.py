"""Time expressions, ninth round of issue 14 (branches s35d and s35w): vague words, years
and quarters, anchoring, weekday and month direction (fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

#: A Thursday.
ANCHOR = date(2031, 10, 30)


def test_the_annual_event_is_no_time(nlp: Any) -> None:
    # with an article or a possessive, "annual" names one event of a yearly series
    found = time_values(
        nlp, "Holders of Brisk Corp. voted down the plan at the annual meeting.", ANCHOR
    )
    assert not any(text == "annual" for text, _ in found), found
    found = time_values(
        nlp, "Osk Dairy unveiled its new churn at its annual trade fair in Velm.", ANCHOR
    )
    assert not any(text == "annual" for text, _ in found), found
    found = time_values(
        nlp, "Rowers crowded the quay for the club's annual regatta on the Tarn.", ANCHOR
    )
    assert not any(text == "annual" for text, _ in found), found
    # with no determiner or an indefinite one it stays a set
    found = time_values(
        nlp, "Velm Tools posted its first annual loss since the mill opened.", ANCHOR
    )
    assert ("annual", "P1Y") in found, found
    found = time_values(nlp, "Tarn Mills reported an annual profit of 4 million crowns.", ANCHOR)
    assert ("annual", "P1Y") in found, found


def test_the_latest_year_is_the_last_closed(nlp: Any) -> None:
    # a report names the year it has results for, which is over: as "the latest quarter"
    found = time_values(
        nlp, "Osk Dairy sold 40 million crowns of cheese in the latest fiscal year.", ANCHOR
    )
    assert ("the latest fiscal year", "2030") in found, found
    found = time_values(
        nlp, "Brisk Corp. doubled its exports in the latest year, the board said.", ANCHOR
    )
    assert ("the latest year", "2030") in found, found
    # the year itself and the year ended on a day are as before
    found = time_values(
        nlp, "Velm Tools expects lower sales for the fiscal year, its chief said.", ANCHOR
    )
    assert ("the fiscal year", "2031") in found, found


def test_past_units_without_article_are_the_past(nlp: Any) -> None:
    # the mirror of "in coming months": some time before now, no stretch of stated kind
    found = time_values(
        nlp, "Brisk Corp. had trimmed its staff in past years, too, the union said.", ANCHOR
    )
    assert ("past years", "PAST_REF") in found, found
    found = time_values(nlp, "Floods over past decades have moved the Tarn's bed north.", ANCHOR)
    assert ("past decades", "PAST_REF") in found, found
    # with an article it stays a stretch of unstated length
    found = time_values(nlp, "Osk Dairy has cut prices twice over the past months.", ANCHOR)
    assert ("the past months", "PXM") in found, found


def test_recent_weeks_and_months_are_a_stretch(nlp: Any) -> None:
    # a stretch of unstated length up to now, counted in its unit
    found = time_values(nlp, "Osk Dairy has raised milk prices twice in recent months.", ANCHOR)
    assert ("recent months", "PXM") in found, found
    found = time_values(nlp, "In recent weeks, ferries to Velm have sailed half empty.", ANCHOR)
    assert ("recent weeks", "PXW") in found, found
    # years are the recent past as an era; mixed units have no one unit
    found = time_values(nlp, "Tarn Mills has lost ground to imports in recent years.", ANCHOR)
    assert ("recent years", "PAST_REF") in found, found
    found = time_values(
        nlp, "Many growers in recent weeks and months have sold their land.", ANCHOR
    )
    assert ("recent weeks", "PAST_REF") in found, found


def test_the_day_before_a_weekday_is_no_time_of_its_own(nlp: Any) -> None:
    # "during the day Friday": the weekday tells the day, "the day" adds no time
    found = time_values(
        nlp, "Rescuers combed the hills. During the day Friday, the ferry stayed in Osk.", ANCHOR
    )
    assert [text for text, _ in found] == ["Friday"], found
    # "the day" alone stays the day told
    found = time_values(nlp, "Shares of Osk Dairy ended the day 3% lower.", ANCHOR)
    assert ("the day", "2031-10-30") in found, found


def test_a_year_earlier_after_a_span_of_months_is_the_year_before(nlp: Any) -> None:
    text = (
        "Marl Foods said its profit rose 8% in the third quarter, from $4 million a year "
        "earlier. For the nine months, Marl Foods earned $11 million, up from $9 million "
        "a year earlier. In the year-earlier period, the firm also sold a mill. "
        "Profit in the year-earlier nine months counted that gain."
    )
    found = time_values(nlp, text, ANCHOR)
    # after the quarter: the quarter a year back
    assert found[1] == ("a year earlier", "2030-Q3"), found
    # after "the nine months": the year before (TIMEX3 writes no nine months of a year)
    assert found[3] == ("a year earlier", "2030"), found
    # "the year-earlier period" after the span is that span, a year back: nine months
    assert ("the year-earlier period", "P9M") in found, found
    assert ("year-earlier nine months", "P9M") in found, found


def test_a_period_with_its_year_after_a_span_is_that_year(nlp: Any) -> None:
    text = (
        "In the first nine months, Osk Dairy earned $3 million, against a loss in the "
        "2030 period. Year-ago results included a plant closing."
    )
    found = time_values(nlp, text, ANCHOR)
    assert ("the 2030 period", "2030") in found, found
    assert ("Year-ago", "2030") in found, found


def test_a_quarter_after_the_span_is_the_base_again(nlp: Any) -> None:
    text = (
        "For the nine months, Vane Air earned $7 million. Its third-quarter sales "
        "rose 4% from a year earlier, and the year-earlier period was weak."
    )
    found = time_values(nlp, text, ANCHOR)
    assert ("a year earlier", "2030-Q3") in found, found
    assert ("the year-earlier period", "2030-Q3") in found, found


def test_a_past_in_a_clause_of_time_under_a_future_looks_ahead(nlp: Any) -> None:
    # reported speech puts the clause's present in the past: still ahead of the report
    found = time_values(
        nlp,
        "Brokers said funds were likely to sell as soon as the exchange reopened Monday.",
        ANCHOR,
    )
    assert ("Monday", "2031-11-03") in found, found
    found = time_values(
        nlp, "The mayor said she would sign the order once the council voted Tuesday.", ANCHOR
    )
    assert ("Tuesday", "2031-11-04") in found, found
    # a past in such a clause under a past stays behind the report
    found = time_values(
        nlp, "The funds sold their shares as soon as the exchange reopened Monday.", ANCHOR
    )
    assert ("Monday", "2031-10-27") in found, found
    # and a past perfect in it too
    found = time_values(nlp, "He said he would resign after the board had voted Monday.", ANCHOR)
    assert ("Monday", "2031-10-27") in found, found


def test_a_past_under_a_present_or_after_a_cause_stays_behind(nlp: Any) -> None:
    # a present progressive is no future told in the past
    found = time_values(
        nlp, "Two hikers are recovering after they were hurt Saturday night.", ANCHOR
    )
    assert ("Saturday night", "2031-10-25TNI") in found, found
    # "after" under a future often gives the cause: left to the clause's own past
    found = time_values(
        nlp, "The school would offer counsellors after a pupil was hurt Tuesday.", ANCHOR
    )
    assert ("Tuesday", "2031-10-28") in found, found


def test_a_stretch_of_months_is_no_reporting_span(nlp: Any) -> None:
    # "within six months", "closed for nine months": time told, not the period of a report
    text = (
        "Vane Air said third-quarter sales rose 4%. It expects to sell the hangar within "
        "six months, and profit fell from a year earlier."
    )
    found = time_values(nlp, text, ANCHOR)
    assert ("a year earlier", "2030-Q3") in found, found


def test_a_quarter_another_company_reports_is_the_period_from_there_on(nlp: Any) -> None:
    text = (
        "Osk Dairy said its third-quarter profit rose 5% from a year earlier. Separately, "
        "Vane Air reported first-quarter net income of $2 million, up from $1 million a "
        "year earlier."
    )
    found = [v for t, v in time_values(nlp, text, ANCHOR) if t == "a year earlier"]
    assert found == ["2030-Q3", "2030-Q1"], found
    # a quarter told in a comparison with the one reported is no new period
    text = (
        "Marl Foods reported third-quarter profit of $3 million after a weak second "
        "quarter, up from $2 million a year earlier."
    )
    found = [v for t, v in time_values(nlp, text, ANCHOR) if t == "a year earlier"]
    assert found == ["2030-Q3"], found
