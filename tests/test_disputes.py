"""Disputes of every kind are computed by the story stages (story/disputes.py)."""

from __future__ import annotations

from storyline.model import Citation, Conflict, ConflictValue, Span, TimelineEntry
from storyline.story.disputes import find_disputes


def test_disputes_figures_and_dates_become_disputes_with_sides() -> None:
    conflict = Conflict(
        "injured",
        "the flood",
        (
            ConflictValue(7.0, ("a1",), None, "at_least", (Citation("a1", Span(3, 4)),)),
            ConflictValue(12.0, ("a2",), "Tomas Reed"),
        ),
        kind="update",
    )
    entry = TimelineEntry(
        "2025-03-10",
        "day",
        "the river burst its banks",
        ("a1", "a2"),
        disputed_dates=(("2025-03-10", ("a1",)), ("2025-03-11", ("a2",))),
    )
    plain = TimelineEntry("2025-03-12", "day", "the bridge reopened", ("a1",))
    figure, when = find_disputes([], [conflict], [entry, plain], [])
    assert (figure.kind, figure.about) == ("update", "injured, the flood")
    assert [(s.value, s.amount, s.qualifier) for s in figure.sides] == [
        ("7", 7.0, "at_least"),
        ("12", 12.0, "exact"),
    ]
    assert figure.sides[1].sources == ("Tomas Reed",)
    assert figure.sides[0].citations == (Citation("a1", Span(3, 4)),)
    assert when.kind == "date" and when.about == "when: the river burst its banks"
    assert [(s.value, s.articles, s.amount) for s in when.sides] == [
        ("2025-03-10", ("a1",), None),
        ("2025-03-11", ("a2",), None),
    ]
