"""Timeline lines: a verb with a day of its own in a joined clause, and a coming event
told in the present (fictional reports)."""

from __future__ import annotations

from typing import Any

from storyline.analyze.pipeline import analyze_article
from storyline.model import Analyzed, Article
from storyline.story.timeline.build import build_timeline


def _timeline(nlp: Any, text: str, published: str) -> list[tuple[str | None, str]]:
    article = Article(id="a", text=text, published=published)
    entries = build_timeline([Analyzed(article, analyze_article(article, nlp))])
    return [(e.date, e.text) for e in entries]


def test_timeline_joined_verbs_each_keep_their_own_day(nlp: Any) -> None:
    text = (
        "Ollie Brandt was stabbed Saturday near the ferry dock and died early Monday "
        "at Harbor General."
    )
    assert _timeline(nlp, text, "2025-05-21") == [
        ("2025-05-17", "Ollie Brandt was stabbed near the ferry dock"),
        ("2025-05-19", "Ollie Brandt died at Harbor General"),
    ]


def test_timeline_joined_verbs_after_then_keep_their_own_day(nlp: Any) -> None:
    text = (
        "The old ferryman was sailing to Kessel on Saturday, and then was declared missing "
        "by the harbour office on Monday."
    )
    dates = [d for d, _ in _timeline(nlp, text, "2025-05-21")]
    assert dates == ["2025-05-17", "2025-05-19"]


def test_timeline_joined_verbs_of_one_day_stay_one_event(nlp: Any) -> None:
    text = "The crew derailed and set fire to the depot on Monday."
    assert _timeline(nlp, text, "2025-05-21") == [
        ("2025-05-19", "The crew derailed and set fire to the depot")
    ]


def test_timeline_present_event_after_the_report_is_scheduled(nlp: Any) -> None:
    text = (
        "Judge Ada Pell sentences Brandt on June 3. A vigil is being held on May 28 at the library."
    )
    assert _timeline(nlp, text, "2025-05-21") == [
        ("2025-05-28", "A vigil is being held at the library (scheduled)"),
        ("2025-06-03", "Ada Pell sentences Brandt (scheduled)"),
    ]


def test_timeline_past_or_state_after_the_report_is_not_scheduled(nlp: Any) -> None:
    text = (
        "Pell remains in the hospital on Thursday. The Harbor Board approved the levy "
        "on June 3, 2025."
    )
    shown = [t for _, t in _timeline(nlp, text, "2025-05-21")]
    assert shown == ["Pell remains in the hospital", "The Harbor Board approved the levy"]


def test_timeline_a_coming_event_told_done_by_a_later_report_is_not_scheduled(nlp: Any) -> None:
    first = Article(
        id="a", text="Judge Ada Pell sentences Noel Brandt on June 3.", published="2025-05-21"
    )
    later = Article(
        id="b", text="Judge Ada Pell sentenced Noel Brandt on June 3.", published="2025-06-04"
    )
    items = [Analyzed(a, analyze_article(a, nlp)) for a in (first, later)]
    (entry,) = build_timeline(items)
    assert entry.date == "2025-06-03" and "(scheduled)" not in entry.text
    assert entry.articles == ("a", "b")


def test_timeline_a_line_read_as_planned_or_said_takes_no_mark(nlp: Any) -> None:
    text = (
        "A preliminary hearing is scheduled for June 3 in Kessel. "
        "The boy is awake on Friday, his mother says."
    )
    shown = [t for _, t in _timeline(nlp, text, "2025-05-21")]
    assert not any("(scheduled)" in t for t in shown), shown


def test_timeline_plan_told_in_other_words_after_the_report_is_planned(nlp: Any) -> None:
    # the time rules read the clause as looking ahead; the line's words do not say so
    text = (
        "The harbour office said the regatta was to go on Saturday despite the storm. "
        "The magistrate set a bail hearing for next week."
    )
    lines = dict(_timeline(nlp, text, "2025-05-21"))
    assert lines["2025-05-24"].endswith("(planned)"), lines
    assert lines["2025-W22"].endswith("(planned)"), lines


def test_timeline_done_or_already_planned_lines_are_not_marked_planned(nlp: Any) -> None:
    text = (
        "Ollie Brandt was stabbed Saturday near the dock. He died the next day. "
        "A hearing will be held Friday."
    )
    lines = [t for _, t in _timeline(nlp, text, "2025-05-21")]
    assert not any(t.endswith("(planned)") for t in lines), lines


def test_timeline_a_state_read_ahead_is_not_marked_planned(nlp: Any) -> None:
    # a report dated a day before its "Monday morning": the state then, no plan
    text = "A Velm boy is recovering Monday morning after a fall at the quarry."
    lines = [t for _, t in _timeline(nlp, text, "2025-05-18")]
    assert lines and not any(t.endswith("(planned)") for t in lines), lines
