"""Time expressions, tenth round of issue 14 (branch s37f): a past told with an infinitive
(fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

#: A Thursday.
ANCHOR = date(2031, 10, 30)


def test_was_able_to_and_decided_to_look_back(nlp: Any) -> None:
    # the simple past of "be able" or "decide" tells what was done, not a plan
    found = time_values(
        nlp, "Deputies were able to trace the stolen tractor Friday, a clerk said.", ANCHOR
    )
    assert ("Friday", "2031-10-24") in found, found
    found = time_values(
        nlp, "A Velm roofer decided to settle his quarrel with a neighbour Sunday night.", ANCHOR
    )
    assert any(v.startswith("2031-10-26") for _, v in found), found


def test_able_and_decide_still_look_ahead_outside_the_past(nlp: Any) -> None:
    found = time_values(
        nlp, "Farmers will be able to sell their grain at the depot Friday.", ANCHOR
    )
    assert ("Friday", "2031-10-31") in found, found
    found = time_values(nlp, "The guild plans to march through Velm on Sunday.", ANCHOR)
    assert ("Sunday", "2031-11-02") in found, found


def test_a_naming_in_the_present_progressive_looks_back(nlp: Any) -> None:
    # the naming goes on now; the day dates the event named
    text = (
        "A boy is in hospital after what deputies are calling a hunting accident on Sunday night."
    )
    found = time_values(nlp, text, ANCHOR)
    assert ("Sunday night", "2031-10-26TNI") in found, found
    found = time_values(
        nlp, "Deputies are calling the fire at the Velm granary on Sunday an act of arson.", ANCHOR
    )
    assert ("Sunday", "2031-10-26") in found, found


def test_calling_a_meeting_still_plans(nlp: Any) -> None:
    found = time_values(nlp, "The mayor of Velm is calling a meeting for Sunday.", ANCHOR)
    assert ("Sunday", "2031-11-02") in found, found


def test_a_holiday_likeness_is_no_day(nlp: Any) -> None:
    # "-like", "-style" make the name tell a kind of thing
    found = time_values(
        nlp, "The Halloween-like mood at the Velm fair made the crowd hard to read.", ANCHOR
    )
    assert not any(text.startswith("Halloween") for text, _ in found), found
    found = time_values(nlp, "A Christmas-style market opened on the quay at Velm.", ANCHOR)
    assert not any(text.startswith("Christmas") for text, _ in found), found
    # the day itself is still read
    # (told done in the simple past: the last one, ten months back; timex/yearback.py)
    found = time_values(nlp, "The Velm market opened on Christmas Eve.", ANCHOR)
    assert ("Christmas Eve", "2030-12-24") in found, found
