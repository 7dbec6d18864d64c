"""Time expressions, fourth round of issue 14: wire datelines and the rules after them."""

from __future__ import annotations

from datetime import date
from typing import Any

from time_values import time_values

from storyline.analyze.clean import find_boilerplate
from storyline.analyze.pipeline import analyze_article
from storyline.analyze.times import dateline_times, extract_times
from storyline.model import Article

WIRE = (
    "Harbour pilots strike at Port Velin\n\n"
    "PORT VELIN, March 3 (Coastwire) --\n\n"
    "Harbour pilots at Port Velin walked out on Monday over night-shift pay, the "
    "pilots' union said.\n"
)


def test_a_wire_dateline_on_its_own_line_gives_its_date() -> None:
    debris = find_boilerplate(WIRE, "Harbour pilots strike at Port Velin")
    found = dateline_times(WIRE, debris, date(2032, 3, 3))
    assert [(t.text, t.value, t.type) for t in found] == [("March 3", "2032-03-03", "DATE")]
    # filed on new year's eve, published after midnight: the closest December 31
    text = WIRE.replace("March 3", "December 31")
    found = dateline_times(text, find_boilerplate(text, None), date(2033, 1, 1))
    assert [t.value for t in found] == ["2032-12-31"]
    # a date written with its year keeps it; a town in capitals and lower case both count
    text = "Velin, Nov. 30, 2031 (Coastwire) -\n\nThe pilots met.\n"
    found = dateline_times(text, find_boilerplate(text, None), date(2032, 3, 3))
    assert [(t.text, t.value) for t in found] == [("Nov. 30, 2031", "2031-11-30")]


def test_a_date_alone_on_a_line_is_a_stamp_not_a_dateline() -> None:
    text = "March 3, 2032 4:10 PM\n\nThe pilots met on Monday.\n"
    assert dateline_times(text, find_boilerplate(text, None), date(2032, 3, 3)) == ()
    text = "PORT VELIN (Coastwire) --\n\nThe pilots met on Monday.\n"
    assert dateline_times(text, find_boilerplate(text, None), date(2032, 3, 3)) == ()


def test_the_dateline_date_is_in_the_analysis_but_dates_no_clause(nlp: Any) -> None:
    article = Article(id="w1", text=WIRE, title="Harbour pilots strike at Port Velin",
                      published="2032-03-03")  # fmt: skip
    analysis = analyze_article(article, nlp)
    assert [(t.text, t.value) for t in analysis.times] == [
        ("March 3", "2032-03-03"),
        ("Monday", "2032-03-01"),
    ]
    dateline = analysis.times[0].span
    assert all(line.time != dateline for line in analysis.event_lines)


def test_a_date_a_change_is_effective_from_lies_ahead(nlp: Any) -> None:
    october = date(2031, 10, 20)
    text = "The council approved a new parking charge, effective March 1."
    assert time_values(nlp, text, october) == [("March 1", "2032-03-01")]
    text = "The ferry operator named a new captain, effective from Nov. 3."
    assert time_values(nlp, text, october) == [("Nov. 3", "2031-11-03")]
    # a date far behind the report stays behind it: the rule in force since January
    text = "The charge, effective Jan. 1, has cut traffic by a fifth."
    assert time_values(nlp, text, date(2031, 3, 20)) == [("Jan. 1", "2031-01-01")]


def test_a_unit_long_adjective_is_a_duration(nlp: Any) -> None:
    day = date(2031, 5, 6)
    text = "Negotiators left their third day-long session without a deal."
    assert time_values(nlp, text, day) == [("day-long", "P1D")]
    text = "The year-long inquiry into the ferry fire ended."
    assert time_values(nlp, text, day) == [("year-long", "P1Y")]
    # a length in metres is no time, nor is a word that only ends in a unit
    assert time_values(nlp, "The pier is a mile-long walk.", day) == []


def test_the_previous_or_following_weekday_counts_from_the_day_told_last(nlp: Any) -> None:
    anchor = date(2031, 6, 18)  # a Wednesday
    text = "On March 3, 2031, the council met. The following Monday the mayor resigned."
    assert time_values(nlp, text, anchor)[-1] == ("The following Monday", "2031-03-10")
    text = "The ferry sailed on May 9, 2031, a week after the previous Friday's storm."
    assert time_values(nlp, text, anchor)[-1] == ("the previous Friday", "2031-05-02")
    # a relative day before it: counted from that day once the anchor is known
    text = "Shares fell on Monday, down 3% from the previous Friday."
    assert time_values(nlp, text, anchor) == [
        ("Monday", "2031-06-16"),
        ("the previous Friday", "2031-06-13"),
    ]
    # no day before it: from the anchor, as "last Friday" is
    assert time_values(nlp, "Prices matched the previous Friday.", anchor) == [
        ("the previous Friday", "2031-06-13")
    ]


def test_a_refusal_or_a_failure_told_with_could_or_would_looks_back(nlp: Any) -> None:
    wednesday = date(2031, 6, 18)
    for text, value in [
        ("The ferry's owner could not be reached for comment Monday.", "2031-06-16"),
        ("A spokeswoman couldn't say Tuesday whether the pier would reopen.", "2031-06-17"),
        ("Neither the skipper nor his lawyer could be found Monday.", "2031-06-16"),
        ("The harbour board would not comment Monday.", "2031-06-16"),
        # a plan stays ahead: "could" without a negation, "would not" with another verb
        ("The talks could resume Monday.", "2031-06-23"),
        ("The skipper said he would not sail Friday.", "2031-06-20"),
    ]:
        assert [t.value for t in extract_times(nlp(text), wednesday)] == [value], text


def test_a_present_in_a_clause_of_time_under_a_future_looks_ahead(nlp: Any) -> None:
    wednesday = date(2031, 6, 18)
    for text, value in [
        ("The mayor will speak after the council meets Monday.", "2031-06-23"),
        ("The strike will go ahead if the talks fail Monday.", "2031-06-23"),
        # a past clause, or a past participle under the future, stays behind
        ("The ferry left when the harbour opened Monday.", "2031-06-16"),
        ("He will appear in court after being arrested Monday.", "2031-06-16"),
    ]:
        assert [t.value for t in extract_times(nlp(text), wednesday)] == [value], text


def test_at_the_time_is_the_past_moment_just_told(nlp: Any) -> None:
    day = date(2031, 6, 18)
    assert time_values(nlp, "The skipper was 19 at the time.", day) == [("the time", "PAST_REF")]
    text = "The minister spoke in March, saying at the time she was ready to resign."
    assert time_values(nlp, text, day)[-1] == ("the time", "PAST_REF")
    # a moment named by its own clause or noun is left alone
    assert time_values(nlp, "At the time the ferry sank, the crew slept.", day) == []
    assert time_values(nlp, "At the time of the vote, the hall was full.", day) == []
    # "in the past that ...": the past, with its clause after it
    text = "Officials have said in the past that the pier was unsafe."
    assert time_values(nlp, text, day) == [("the past", "PAST_REF")]


def test_at_this_moment_is_now_and_for_a_while_a_vague_stretch(nlp: Any) -> None:
    day = date(2031, 6, 18)
    text = "The envoy would not travel at this crucial moment."
    assert time_values(nlp, text, day) == [("this crucial moment", "PRESENT_REF")]
    text = "Islanders will live without the ferry for a while."
    assert time_values(nlp, text, day) == [("a while", "PXX")]
    # "the moment he landed" names its own moment
    assert time_values(nlp, "The moment he landed, the crew cheered.", day) == []


def test_today_after_a_name_is_a_title(nlp: Any) -> None:
    day = date(2031, 6, 18)
    assert time_values(nlp, "The skipper told Harbour Today the ferry would sail.", day) == []
    assert time_values(nlp, "This is VCR Today.", day) == []
    # the day itself, opening a sentence or after a colon
    text = "The council met. Today the ferry sails."
    assert time_values(nlp, text, day) == [("Today", "2031-06-18")]


def test_the_people_of_tomorrow_are_no_date(nlp: Any) -> None:
    day = date(2031, 6, 18)
    assert time_values(nlp, "The yard builds the ferries of tomorrow.", day) == []
    for text in (
        "The vote is set for the end of tomorrow.",
        "The agenda of tomorrow's vote leaked.",
    ):
        assert time_values(nlp, text, day) == [("tomorrow", "2031-06-19")], text


def test_today_opening_a_paragraph_after_a_name_is_the_day(nlp: Any) -> None:
    text = "Its founders included Martin Luther King Jr.\n\nToday, the church is a fixture."
    assert time_values(nlp, text, date(2031, 6, 18)) == [("Today", "2031-06-18")]
