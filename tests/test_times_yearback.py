"""Time expressions, issue 14 on real local news (branch s40f): a date without its year
that a past verb's own event happened on, "last" before a month-day, "the next day"
after a clock told alone, a passive of perception under "could" (fiction: every sentence
is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

#: A Thursday in March.
SPRING = date(2031, 3, 13)
#: A Friday in October.
AUTUMN = date(2031, 10, 17)


def test_a_past_verbs_own_month_day_looks_back_up_to_a_year(nlp: Any) -> None:
    # ten months back: beyond the nine-month horizon, but the bail hearing is done
    found = time_values(
        nlp,
        "Border agents held Oskar Vey in 2030, and a magistrate granted him bail on May 11.",
        SPRING,
    )
    assert ("May 11", "2030-05-11") in found, found
    found = time_values(nlp, "Oskar Vey was detained June 2 and freed June 5.", SPRING)
    assert ("June 2", "2030-06-02") in found, found
    assert ("June 5", "2030-06-05") in found, found


def test_a_past_mishap_nouns_month_day_looks_back(nlp: Any) -> None:
    found = time_values(
        nlp,
        "Four men admitted their parts in the Nov. 22 brawl outside a Velm dance hall.",
        AUTUMN,
    )
    assert any(v == "2030-11-22" for _, v in found), found


def test_a_past_verbs_own_month_looks_back_up_to_a_year(nlp: Any) -> None:
    found = time_values(nlp, "The courier was convicted on three counts in April.", SPRING)
    assert ("April", "2030-04") in found, found


def test_a_fixed_or_planned_date_still_looks_ahead(nlp: Any) -> None:
    # a date a verb fixes, a modal's, an adjective's: not the past verb's own
    for text in (
        "The magistrate set the hearing for May 11.",
        "Oskar Vey will be sentenced on May 11.",
        "The guild declared a dividend payable May 11.",
    ):
        found = time_values(nlp, text, SPRING)
        assert ("May 11", "2031-05-11") in found, (text, found)


def test_last_before_a_month_day_looks_strictly_back(nlp: Any) -> None:
    found = time_values(
        nlp, "The rifle had been reported missing last April 20 from a Velm pawnshop.", SPRING
    )
    assert ("April 20", "2030-04-20") in found, found


def test_the_next_day_after_a_clock_told_alone_follows_the_day_told(nlp: Any) -> None:
    text = (
        "Ada Rusk was hit by a stray round on Monday. Medics reached her at 10:30 p.m. "
        "She died the next day."
    )
    found = time_values(nlp, text, date(2031, 3, 14))
    assert ("the next day", "2031-03-11") in found, found


def test_the_following_day_before_that_clause_is_a_day_after_the_day_told(nlp: Any) -> None:
    text = (
        "A clerk was shot on Dec. 2 inside a Velm tobacco shop. "
        "Detectives learned the following day that he had been shot four times."
    )
    found = time_values(nlp, text, SPRING)
    assert ("the following day", "2030-12-03") in found, found


def test_could_be_seen_tells_what_was_seen(nlp: Any) -> None:
    found = time_values(
        nlp, "Shortly after 4 p.m. Wednesday, medics could be seen loading a cart.", SPRING
    )
    assert any(v.startswith("2031-03-12") for _, v in found), found
    found = time_values(nlp, "Oskar Vey could be charged Monday.", SPRING)
    assert any(v.startswith("2031-03-17") for _, v in found), found


def test_a_past_verbs_date_days_after_the_report_stays_after_it(nlp: Any) -> None:
    # a page dated before it was updated: the date is the one just after (story/updated.py)
    found = time_values(nlp, "Velm police arrested Oskar Vey on March 16.", SPRING)
    assert ("March 16", "2031-03-16") in found, found


def test_a_holiday_after_like_is_no_day(nlp: Any) -> None:
    for text in (
        "A neighbour said the volley sounded like the Fourth of July.",
        "The square looked like Christmas morning after the storm.",
    ):
        assert time_values(nlp, text, SPRING) == [], text
    found = time_values(nlp, "The Velm parade was held on the Fourth of July.", AUTUMN)
    assert any(v.endswith("-07-04") for _, v in found), found
