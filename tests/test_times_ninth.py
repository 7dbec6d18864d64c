"""Time expressions, ninth round of issue 14: anchoring, weekday and month direction
(fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from storyline.analyze.times import extract_times

#: A Thursday.
ANCHOR = date(2031, 10, 30)


def _values(nlp: Any, text: str, anchor: date = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in extract_times(nlp(text), anchor)]


def test_a_year_earlier_after_a_span_of_months_is_the_year_before(nlp: Any) -> None:
    text = (
        "Marl Foods said its profit rose 8% in the third quarter, from $4 million a year "
        "earlier. For the nine months, Marl Foods earned $11 million, up from $9 million "
        "a year earlier. In the year-earlier period, the firm also sold a mill. "
        "Profit in the year-earlier nine months counted that gain."
    )
    found = _values(nlp, text)
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
    found = _values(nlp, text)
    assert ("the 2030 period", "2030") in found, found
    assert ("Year-ago", "2030") in found, found


def test_a_quarter_after_the_span_is_the_base_again(nlp: Any) -> None:
    text = (
        "For the nine months, Vane Air earned $7 million. Its third-quarter sales "
        "rose 4% from a year earlier, and the year-earlier period was weak."
    )
    found = _values(nlp, text)
    assert ("a year earlier", "2030-Q3") in found, found
    assert ("the year-earlier period", "2030-Q3") in found, found


def test_a_past_in_a_clause_of_time_under_a_future_looks_ahead(nlp: Any) -> None:
    # reported speech puts the clause's present in the past: still ahead of the report
    found = _values(
        nlp,
        "Brokers said funds were likely to sell as soon as the exchange reopened Monday.",
    )
    assert ("Monday", "2031-11-03") in found, found
    found = _values(nlp, "The mayor said she would sign the order once the council voted Tuesday.")
    assert ("Tuesday", "2031-11-04") in found, found
    # a past in such a clause under a past stays behind the report
    found = _values(nlp, "The funds sold their shares as soon as the exchange reopened Monday.")
    assert ("Monday", "2031-10-27") in found, found
    # and a past perfect in it too
    found = _values(nlp, "He said he would resign after the board had voted Monday.")
    assert ("Monday", "2031-10-27") in found, found


def test_a_past_under_a_present_or_after_a_cause_stays_behind(nlp: Any) -> None:
    # a present progressive is no future told in the past
    found = _values(nlp, "Two hikers are recovering after they were hurt Saturday night.")
    assert ("Saturday night", "2031-10-25TNI") in found, found
    # "after" under a future often gives the cause: left to the clause's own past
    found = _values(nlp, "The school would offer counsellors after a pupil was hurt Tuesday.")
    assert ("Tuesday", "2031-10-28") in found, found


def test_a_stretch_of_months_is_no_reporting_span(nlp: Any) -> None:
    # "within six months", "closed for nine months": time told, not the period of a report
    text = (
        "Vane Air said third-quarter sales rose 4%. It expects to sell the hangar within "
        "six months, and profit fell from a year earlier."
    )
    found = _values(nlp, text)
    assert ("a year earlier", "2030-Q3") in found, found


def test_a_quarter_another_company_reports_is_the_period_from_there_on(nlp: Any) -> None:
    text = (
        "Osk Dairy said its third-quarter profit rose 5% from a year earlier. Separately, "
        "Vane Air reported first-quarter net income of $2 million, up from $1 million a "
        "year earlier."
    )
    found = [v for t, v in _values(nlp, text) if t == "a year earlier"]
    assert found == ["2030-Q3", "2030-Q1"], found
    # a quarter told in a comparison with the one reported is no new period
    text = (
        "Marl Foods reported third-quarter profit of $3 million after a weak second "
        "quarter, up from $2 million a year earlier."
    )
    found = [v for t, v in _values(nlp, text) if t == "a year earlier"]
    assert found == ["2030-Q3"], found
