"""Time expressions, fifth round of issue 14 (fiction: every sentence is made up)."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

#: A Wednesday.
ANCHOR = date(2031, 10, 29)


def test_the_following_weekday_keeps_its_capital_the(nlp: Any) -> None:
    text = "The ferry sank on Oct. 3. The following Monday, divers reached the hull."
    found = time_values(nlp, text, ANCHOR)
    assert ("The following Monday", "2031-10-06") in found
    # "Last Friday" opening a sentence is last Friday, as in the middle of one
    assert ("Last Friday", "2031-10-24") in time_values(
        nlp, "Last Friday, the mill closed.", ANCHOR
    )


def test_the_week_told_by_reference_is_an_unnumbered_week(nlp: Any) -> None:
    text = (
        "The Tarvo index slid 12 points on Friday. For the week, it gave up 3%. "
        "Friday was the week's busiest session."
    )
    found = time_values(nlp, text, ANCHOR)
    assert ("the week", "2031-WXX") in found
    assert [v for t, v in found if t.startswith("the week")] == ["2031-WXX", "2031-WXX"]
    # a week of its own is not a reference: "the week of", "the week ahead", "the weekend"
    for other in (
        "Talks resume in the week of Nov. 10.",
        "Traders are cautious over the week ahead.",
        "The pier stayed shut for the weekend.",
    ):
        assert not [v for _, v in time_values(nlp, other, ANCHOR) if v.endswith("WXX")], other


def test_a_modal_perfect_looks_back(nlp: Any) -> None:
    text = "Fears about the recall may have been responsible for a drop in the shares on Monday."
    assert ("Monday", "2031-10-27") in time_values(nlp, text, ANCHOR)
    # a future perfect still looks ahead, a modal alone too
    assert ("Monday", "2031-11-03") in time_values(
        nlp, "The crews will have finished by Monday.", ANCHOR
    )
    assert ("Monday", "2031-11-03") in time_values(nlp, "The shares may recover on Monday.", ANCHOR)


def test_a_noun_or_a_report_in_the_present_tells_the_past(nlp: Any) -> None:
    # published on a Wednesday: Friday is five days back, two ahead
    assert ("Friday", "2031-10-24") in time_values(
        nlp, "He is a suspect in Friday's robbery.", ANCHOR
    )
    text = "The woman is the main witness to the robbery on Friday."
    assert ("Friday", "2031-10-24") in time_values(nlp, text, ANCHOR)
    text = "On Friday around 9 p.m., the owner says, a car stopped outside the shop."
    assert [v for t, v in time_values(nlp, text, ANCHOR) if t == "Friday"] == ["2031-10-24"]
    # a present that is no report keeps the closest day
    assert ("Friday", "2031-10-31") in time_values(
        nlp, "The new timetable starts on Friday.", ANCHOR
    )


def test_following_without_the_is_a_preposition(nlp: Any) -> None:
    text = "The school issued a statement following Friday's fire drill."
    assert ("Friday", "2031-10-24") in time_values(nlp, text, ANCHOR)


def test_a_mishap_before_a_weekday_dates_a_past_event(nlp: Any) -> None:
    # published on a Wednesday: a progressive would put Friday two days ahead
    text = "Police in Dunmore are investigating a shooting Friday night that hurt two men."
    assert ("Friday night", "2031-10-24TNI") in time_values(nlp, text, ANCHOR)
    text = "Charges might be brought over the crash on Saturday, the prosecutor said."
    assert ("Saturday", "2031-10-25") in time_values(nlp, text, ANCHOR)
    # "will" in the sentence keeps the plan ahead; a planned event is no mishap
    text = "The council will hold a hearing into the shooting Friday."
    assert ("Friday", "2031-10-31") in time_values(nlp, text, ANCHOR)
    assert ("Friday", "2031-10-31") in time_values(
        nlp, "Residents are holding a vigil Friday.", ANCHOR
    )


def test_an_inquiry_in_progress_looks_into_the_past(nlp: Any) -> None:
    text = "Police are investigating the deaths of two hikers near the quarry Friday night."
    assert ("Friday night", "2031-10-24TNI") in time_values(nlp, text, ANCHOR)
    text = "Deputies are looking for the driver in a hit-and-run late Saturday."
    assert [v for t, v in time_values(nlp, text, ANCHOR) if "Saturday" in t] == ["2031-10-25"]
    # looking forward to something is a plan
    text = "Fans are looking forward to the derby Friday."
    assert [v for t, v in time_values(nlp, text, ANCHOR) if "Friday" in t] == ["2031-10-31"]


def test_a_purpose_infinitive_takes_its_verbs_tense(nlp: Any) -> None:
    text = "A neighbour phoned the police station to report a loud argument Sunday night."
    assert ("Sunday night", "2031-10-26TNI") in time_values(nlp, text, ANCHOR)
    # an infinitive a plan governs still looks ahead
    assert ("Sunday", "2031-11-02") in time_values(
        nlp, "The union plans to march on Sunday.", ANCHOR
    )


def test_as_of_with_a_present_is_the_moment_of_the_telling(nlp: Any) -> None:
    # published on a Wednesday, updated on the Thursday: the closest Thursday
    text = "The fire is out. As of early Thursday morning, police are questioning two men."
    assert ("early Thursday morning", "2031-10-30TMO") in time_values(nlp, text, ANCHOR)
    # a past in the sentence keeps the past
    assert ("Thursday", "2031-10-23") in time_values(
        nlp, "As of Thursday, police had arrested no one.", ANCHOR
    )
