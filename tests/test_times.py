"""Time expressions: finding, normalising to TIMEX3, and resolving against a date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from storyline.analyze.times import extract_times, resolve_time
from storyline.model import TimeExpr

SATURDAY = date(2025, 5, 17)  # a Saturday in ISO week 20


def _times(nlp: Any, text: str, anchor: date | None = SATURDAY) -> list[TimeExpr]:
    return list(extract_times(nlp(text), anchor))


def _one(nlp: Any, text: str, anchor: date | None = SATURDAY) -> TimeExpr:
    found = _times(nlp, text, anchor)
    assert len(found) == 1, found
    return found[0]


def test_times_weekday_future_tense_points_forward(nlp: Any) -> None:
    t = _one(nlp, "The minister will speak to the mayor on Monday.")
    assert (t.text, t.type, t.value, t.granularity) == ("Monday", "DATE", "2025-05-19", "day")


def test_times_weekday_past_tense_points_back(nlp: Any) -> None:
    assert _one(nlp, "The two ministers met on Monday in Lisbon.").value == "2025-05-12"


def test_times_weekday_of_the_report_day_is_that_day(nlp: Any) -> None:
    assert _one(nlp, "Farmers blocked the road on Saturday.").value == "2025-05-17"


def test_times_possessive_weekday_follows_clause_tense(nlp: Any) -> None:
    t = _one(nlp, "Friday's talks ended without a deal.")
    assert (t.text, t.value) == ("Friday", "2025-05-16")


def test_times_expected_to_is_future(nlp: Any) -> None:
    assert _one(nlp, "The vote is expected to take place Tuesday.").value == "2025-05-20"


def test_times_last_and_next_week_are_iso_weeks(nlp: Any) -> None:
    values = [t.value for t in _times(nlp, "Prices rose last week and may fall next week.")]
    assert values == ["2025-W19", "2025-W21"]


def test_times_earlier_this_month(nlp: Any) -> None:
    t = _one(nlp, "Earlier this month, the council approved the plan.")
    assert (t.value, t.granularity, t.rel) == ("2025-05", "month", "month:0")


def test_times_since_month_year_is_absolute(nlp: Any) -> None:
    t = _one(nlp, "It was their first meeting since March 2022.")
    assert (t.value, t.granularity, t.rel) == ("2022-03", "month", None)


def test_times_full_date_with_year(nlp: Any) -> None:
    assert _one(nlp, "The strike began on February 24, 2022.").value == "2022-02-24"


def test_times_duration_two_hours(nlp: Any) -> None:
    t = _one(nlp, "The meeting lasted two hours.")
    assert (t.type, t.value, t.granularity) == ("DURATION", "PT2H", "duration")


def test_times_hyphenated_duration(nlp: Any) -> None:
    assert _one(nlp, "They agreed a 30-day truce.").value == "P30D"


def test_times_every_week_is_a_set(nlp: Any) -> None:
    t = _one(nlp, "The committee meets every week.")
    assert (t.type, t.value) == ("SET", "P1W")


def test_times_the_weekend_on_a_saturday_is_this_weekend(nlp: Any) -> None:
    t = _one(nlp, "A new exchange could take place over the weekend.")
    assert (t.text, t.value) == ("the weekend", "2025-W20-WE")


def test_times_yesterday_and_tonight(nlp: Any) -> None:
    found = _times(nlp, "Yesterday the river flooded, and more rain is due tonight.")
    assert [(t.type, t.value) for t in found] == [("DATE", "2025-05-16"), ("TIME", "2025-05-17TNI")]


def test_times_clock_joins_its_day(nlp: Any) -> None:
    t = _one(nlp, "The call began shortly after 10 am on Monday.", date(2025, 5, 19))
    assert (t.type, t.value) == ("TIME", "2025-05-19T10:00")


def test_times_bare_month_takes_tense(nlp: Any) -> None:
    t = _one(nlp, "Elections will be held in June.")
    assert (t.value, t.rel) == ("2025-06", "monthname:06:future")
    assert _one(nlp, "A truce held briefly in March.").value == "2025-03"


def test_times_month_name_verb_is_not_a_month(nlp: Any) -> None:
    found = _times(nlp, "Officials May decide whether the March organisers may proceed.", None)
    assert not [t for t in found if t.granularity == "month"]


def test_times_present_ref(nlp: Any) -> None:
    assert _one(nlp, "The bridge is currently closed.").value == "PRESENT_REF"


def test_times_without_anchor_keep_rule(nlp: Any) -> None:
    t = _one(nlp, "The two ministers met on Monday in Lisbon.", None)
    assert (t.value, t.rel) == ("XXXX-XX-XX", "weekday:MON:past")
    assert resolve_time(t, SATURDAY).value == "2025-05-12"
    assert resolve_time(t, date(2025, 6, 4)).value == "2025-06-02"


def test_times_month_day_without_anchor_is_partial(nlp: Any) -> None:
    t = _one(nlp, "They last spoke on May 19.", None)
    # the past verb's own day: read back up to a year (timex/yearback.py)
    assert (t.value, t.rel) == ("XXXX-05-19", "monthday:05-19:yearpast")
    assert resolve_time(t, date(2025, 6, 4)).value == "2025-05-19"


def test_times_spans_index_the_text(nlp: Any) -> None:
    text = "On Tuesday the court ruled, two days after the vote of 3 March 2024."
    for t in _times(nlp, text):
        assert text[t.span.start : t.span.end] == t.text
    assert [t.value for t in _times(nlp, text)] == ["2025-05-13", "P2D", "2024-03-03"]


def test_times_name_with_a_number_is_not_a_year(nlp: Any) -> None:
    assert _times(nlp, "The Russell 2000 index fell.") == []


@pytest.mark.parametrize(
    ("rel", "value"),
    [
        ("offset:day:-1", "2025-05-16"),
        ("week:-1", "2025-W19"),
        ("month:-1", "2025-04"),
        ("year:+1", "2026"),
        ("weekday:MON:future", "2025-05-19"),
        ("weekday:SAT:strictpast", "2025-05-10"),
        ("monthname:05:past", "2025-05"),
        ("monthname:08:past", "2024-08"),
        # a past month eleven months back would carry its year or "last": this June
        ("monthname:06:past", "2025-06"),
        ("monthname:06:strictpast", "2024-06"),
        ("monthday:12-07:past", "2024-12-07"),
        ("adjust:-1:|quarter:-1", "2024-Q1"),
        ("adjust:Y2023:Q4|quarter:-1", "2023-Q4"),
        ("weekend:strictfuture", "2025-W21-WE"),
        ("yearpart:Q3:past", "2024-Q3"),
        ("offset:day:0@T10:00", "2025-05-17T10:00"),
    ],
)
def test_times_resolve_rel_forms(rel: str, value: str) -> None:
    from storyline.model import Span

    t = TimeExpr(Span(0, 1), "x", "DATE", "XXXX-XX-XX", "day", rel)
    assert resolve_time(t, SATURDAY).value == value


def test_times_same_day_takes_the_day_named_before(nlp: Any) -> None:
    found = _times(nlp, "The dam failed on Tuesday. Rescuers arrived later the same day.")
    assert [(t.text, t.value) for t in found] == [
        ("Tuesday", "2025-05-13"),
        ("the same day", "2025-05-13"),
    ]


def test_times_scheduled_and_until_point_forward(nlp: Any) -> None:
    assert _one(nlp, "A hearing has been scheduled for Thursday.").value == "2025-05-22"
    assert _one(nlp, "The airport remains closed until Tuesday.").value == "2025-05-20"


def test_times_month_of_next_year(nlp: Any) -> None:
    t = _one(nlp, "The contract runs out in October of next year.")
    assert (t.value, t.granularity) == ("2026-10", "month")


def test_times_bracketed_weekday_is_the_same_moment(nlp: Any) -> None:
    text = "The minister spoke on Wednesday (early Thursday AEST) about the deal."
    found = _times(nlp, text, date(2025, 6, 4))
    assert [t.value for t in found] == ["2025-06-04", "2025-06-05"]


def test_times_masked_boilerplate_separates_expressions(nlp: Any) -> None:
    text = "The vote was held on Friday" + " " * 20 + "March 3, 2024 was quiet."
    found = _times(nlp, text)
    assert [t.text for t in found] == ["Friday", "March 3, 2024"]


def test_times_impossible_days_get_no_day_value(nlp: Any) -> None:
    found = _times(nlp, "The memo was dated 31 February 2025 and 29 February 2024.")
    assert [t.value for t in found] == ["2025-02", "2024-02-29"]


def test_times_participle_after_past_verb_is_past(nlp: Any) -> None:
    doc = nlp("Barges began sailing again through the canal on Sunday.")
    (t,) = extract_times(doc, None)
    assert t.rel == "weekday:SUN:past"


def test_times_reporting_period_references(nlp: Any) -> None:
    text = (
        "Acme said net income rose 8% in the third quarter. In the year-ago quarter it "
        "earned $3 million. Sales in the latest period were $9 million, up from $7 million "
        "a year earlier, and costs in the quarter fell."
    )
    found = [(t.text, t.value) for t in _times(nlp, text)]
    assert found == [
        ("the third quarter", "2024-Q3"),
        ("the year-ago quarter", "2023-Q3"),
        ("the latest period", "2024-Q3"),
        ("a year earlier", "2023-Q3"),
        ("the quarter", "2024-Q3"),
    ]


def test_times_period_reference_without_a_named_quarter(nlp: Any) -> None:
    # no quarter named: the last quarter ended before publication (Q1 of 2025)
    assert _one(nlp, "Profit in the quarter doubled.").value == "2025-Q1"
    assert _one(nlp, "Prices were lower a year ago.").value == "2024"


def test_times_month_day_without_year_follows_ap_style(nlp: Any) -> None:
    # a past clause in October naming December: this December (a payment date)
    t = _one(nlp, "The board declared a dividend payable Dec. 7.", date(1989, 10, 27))
    assert t.value == "1989-12-07"
    t = _one(nlp, "The treaty was signed last May.", date(1998, 2, 27))
    assert t.value == "1997-05"


def test_times_spoken_years_and_fiscal_years(nlp: Any) -> None:
    found = _times(nlp, "In nineteen ninety-six the plan was set for the year two thousand.")
    assert [(t.text, t.value) for t in found] == [
        ("nineteen ninety-six", "1996"),
        ("the year two thousand", "2000"),
    ]
    assert _one(nlp, "Sales rose in fiscal 1989.").value == "1989"
    assert _times(nlp, "About two thousand people came.") == []


def test_times_previous_weekday_and_is_to(nlp: Any) -> None:
    friday = date(1989, 10, 27)
    assert _one(nlp, "The index fell 4% from the previous Friday.", friday).value == "1989-10-20"
    assert _one(nlp, "The stock is to resume trading Tuesday.", friday).value == "1989-10-31"


def test_times_classifying_adjectives_are_not_sets(nlp: Any) -> None:
    assert _times(nlp, "Acme raised its quarterly dividend to 5 cents.") == []
    assert _one(nlp, "The figures are published quarterly.").value == "P1Q"
    assert _one(nlp, "The blockade now in force may widen.").value == "PRESENT_REF"


def test_times_a_plan_now_past_and_a_dated_colon(nlp: Any) -> None:
    monday = date(1989, 10, 30)
    t = _one(nlp, "The offer had been scheduled to expire Friday.", monday)
    assert t.value == "1989-10-27"
    t = _one(nlp, "The paper said in an editorial on Saturday, April 25: no.", date(1998, 4, 24))
    assert t.value == "1998-04-25"


def test_times_the_year_and_current(nlp: Any) -> None:
    found = _times(nlp, "Sales for the full year rose, and the current system stays.")
    assert [(t.text, t.value) for t in found] == [
        ("the full year", "2025"),
        ("current", "PRESENT_REF"),
    ]
    found = _times(nlp, "Revenue for the year ended March 31 fell.")
    assert [t.value for t in found] == ["P1Y", "2025-03-31"]


def test_times_this_quarter_is_the_present_one(nlp: Any) -> None:
    found = _times(nlp, "Profit rose in the first quarter and will fall this quarter.")
    assert [t.value for t in found] == ["2025-Q1", "2025-Q2"]
    assert _one(nlp, "Sales in the current quarter are strong.").value == "2025-Q2"


def test_times_centuries_and_spoken_decades(nlp: Any) -> None:
    found = _times(nlp, "Built in the 11th century, it thrived in the nineties.")
    assert [(t.text, t.value) for t in found] == [
        ("the 11th century", "10"),
        ("the nineties", "199"),
    ]


def test_times_event_dates_follow_the_tense_not_the_reporting_verb(nlp: Any) -> None:
    monday = date(2025, 5, 19)
    t = _one(nlp, "The navy launched its biggest missile test on Sunday.", monday)
    assert t.value == "2025-05-18"  # past: the day before, not six days later
    t = _one(nlp, "Officials said the talks will resume on Sunday.", monday)
    assert t.value == "2025-05-25"  # future inside reported speech stays future
    t = _one(nlp, "He said he met the envoy on Friday.", monday)
    assert t.value == "2025-05-16"
    assert _one(nlp, "Delegates met last week in Istanbul.", monday).value == "2025-W20"
    assert _one(nlp, "The ministers meet this week.", monday).value == "2025-W21"


def test_times_following_year_takes_the_date_told_before(nlp: Any) -> None:
    found = _times(nlp, "In May 2019 she joined the board, and the following year she quit.")
    assert [(t.text, t.value) for t in found] == [
        ("May 2019", "2019-05"),
        ("the following year", "2020"),
    ]
    found = _times(nlp, "Exports reached a peak in 2011. That year the mine closed.")
    assert [t.value for t in found] == ["2011", "2011"]
    # without a date before it, the report's own year is the base
    assert _one(nlp, "The previous year, the plant was sold.").value == "2024"
    # a relative base stays relative until the anchor is known
    t = _times(nlp, "The board met in March. The following month it sold the unit.", None)[1]
    assert t.rel == "shift:month:1|monthname:03:yearpast"
    assert resolve_time(t, SATURDAY).value == "2025-04"


def test_times_year_end_and_mid_afternoon(nlp: Any) -> None:
    assert _one(nlp, "The sale should close by year-end.").value == "2025"
    assert _one(nlp, "The index has fallen 3% since year-end.").value == "2024"
    t = _one(nlp, "By mid-afternoon yesterday, shares were up.")
    assert (t.type, t.value) == ("TIME", "2025-05-16TAF")


def test_times_relations_and_fractions_are_not_times(nlp: Any) -> None:
    assert _times(nlp, "He was killed soon after being captured.") == []
    assert _times(nlp, "Iraq imports about three-quarters of its food.") == []
    assert [t.value for t in _times(nlp, "It will not be profitable until 1994 or later.")] == [
        "1994"
    ]
    assert _one(nlp, "It turned a profit after several quarters of losses.").value == "PXQ"


def test_times_fractions_sets_and_year_prefixes(nlp: Any) -> None:
    assert _one(nlp, "A minute and a half later the pilot called.").value == "PT1M30S"
    assert _one(nlp, "They lived in camps for 2 1/2 years.").value == "P2.5Y"
    t = _one(nlp, "Orangemen march each July.")
    assert (t.type, t.value) == ("SET", "XXXX-07")
    assert _one(nlp, "It takes effect in next year's first quarter.").value == "2026-Q1"
    assert _one(nlp, "The unit was closed this past spring.").value == "2025-SP"
    assert _one(nlp, "A week or so ago, the general chose the target.").value == "2025-05-10"
    assert _one(nlp, "The talks that are supposed to conclude by June began.").value == "2025-06"


def test_times_weekday_without_a_verb_looks_back(nlp: Any) -> None:
    # a headline or a verbless fragment tells news: the last such day, not the next
    assert _one(nlp, "Talks in Geneva on Thursday", date(2025, 5, 19)).value == "2025-05-15"


def test_times_a_quarter_with_its_year_is_background_not_the_period(nlp: Any) -> None:
    text = (
        "The utility stopped paying a dividend in the third quarter of 1984. It reported"
        " third-quarter net of $68 million, up from $66 million a year ago."
    )
    found = _times(nlp, text, date(1989, 10, 27))
    assert [t.value for t in found] == ["1984-Q3", "1989-Q3", "1988-Q3"]


def test_times_had_been_due_looks_back(nlp: Any) -> None:
    monday = date(1989, 10, 30)
    assert _one(nlp, "It had been due to expire Friday.", monday).value == "1989-10-27"
    assert _one(nlp, "It is due to expire Friday.", monday).value == "1989-11-03"


def test_times_the_next_day_follows_the_day_told_before(nlp: Any) -> None:
    monday = date(2016, 12, 19)
    found = _times(nlp, "The boy was shot on Saturday and died the next day.", monday)
    assert [t.value for t in found] == ["2016-12-17", "2016-12-18"]
    found = _times(nlp, "He was shot on June 3, 2016, and died the following day.", monday)
    assert [t.value for t in found] == ["2016-06-03", "2016-06-04"]


def test_times_rule_prefilter_names_real_rules() -> None:
    from storyline.analyze.timex.normalize import NEEDS, RULES

    assert set(NEEDS) <= {r.name for r in RULES}


def test_times_weeks_ahead_and_an_additional_year(nlp: Any) -> None:
    assert _one(nlp, "They may sell bonds in the weeks ahead.").value == "PXW"
    assert _one(nlp, "The loan may be extended for an additional year.").value == "P1Y"


def test_times_a_dated_noun_under_a_progressive_is_not_ahead(nlp: Any) -> None:
    friday = date(2015, 7, 3)
    t = _one(nlp, "Authorities are investigating a Thursday evening homicide.", friday)
    assert t.value == "2015-07-02TEV"
    assert _one(nlp, "The ministers are meeting on Monday.", friday).value == "2015-07-06"
    t = _one(nlp, "Police say a gang member is to blame for the shooting on Tuesday.", friday)
    assert t.value == "2015-06-30"  # "is to blame" is no plan


def test_times_next_day_with_a_clock_is_read_on_that_day(nlp: Any) -> None:
    """A reference day joined to a clock or a part of day was a crash ('+1@TMO')."""
    said = "On March 3, 2021, the council met. The following day, at 9 a.m., the mayor quit."
    assert [t.value for t in _times(nlp, said)] == ["2021-03-03", "2021-03-04T09:00"]
    said = "On March 3, 2021, the council met. The next day this morning the mayor quit."
    assert [t.value for t in _times(nlp, said)] == ["2021-03-03", "2021-03-04TMO"]
    # with no date before it, the anchor is the base and the clock is kept
    assert _one(nlp, "The next day, at 9 a.m., the mayor quit.").value == "2025-05-18T09:00"
    # a relative base keeps the day and (sixth round of issue 14) its part of day
    said = "The council met on Tuesday. The next day, this morning, the mayor quit."
    assert [t.value for t in _times(nlp, said)] == ["2025-05-13", "2025-05-14TMO"]
