"""A storyline's events in order and the figures that changed (story/storyline.py)."""

from __future__ import annotations

from storyline.model import Fact, Story, SummarySentence
from storyline.story.storyline import build_storylines

PUBLISHED = {"a": "2025-04-01", "b": "2025-04-03", "c": "2025-04-02", "d": "2025-05-01"}


def _story(sid: str, line: str, articles: tuple[str, ...], *facts: Fact) -> Story:
    summary = (SummarySentence(f"{sid} happened.", articles),)
    return Story(sid, f"Title {sid}", line, articles, summary=summary, facts=facts)


def _killed(value: float, state: str = "agreed", about: str = "mine collapse") -> Fact:
    return Fact("killed", about, state, f"{value:g} killed", (value,), ("a",), 2)


def test_events_in_order_each_in_one_line() -> None:
    lines = build_storylines(
        [
            _story("late", "l1", ("b",)),
            _story("early", "l1", ("a", "c")),
            _story("x", "l2", ("d",)),
        ],
        PUBLISHED,
    )
    assert [line.id for line in lines] == ["l2", "l1"]  # newest first
    l1 = lines[1]
    assert [(e.story, e.first, e.last) for e in l1.events] == [
        ("early", "2025-04-01", "2025-04-02"),
        ("late", "2025-04-03", "2025-04-03"),
    ]
    assert l1.events[0].line == "early happened."
    assert l1.title == "Title late"


def test_a_figure_that_changed_is_tracked_story_by_story() -> None:
    lines = build_storylines(
        [
            _story("one", "l1", ("a",), _killed(5), _killed(3, about="earlier flood")),
            _story("two", "l1", ("b",), _killed(7), _killed(3, about="earlier flood")),
        ],
        PUBLISHED,
    )
    (track,) = lines[0].figures  # the unchanged figure is not listed
    assert [(s.story, s.value) for s in track.steps] == [("one", "5"), ("two", "7")]
    assert track.what == "killed"


def test_an_updated_toll_is_tracked_even_in_one_story() -> None:
    fact = Fact("killed", "mine", "updated", "5 or 7 killed", (5, 7), ("a", "b"), 2)
    (line,) = build_storylines([_story("one", "l1", ("a", "b"), fact)], PUBLISHED)
    assert [s.value for s in line.figures[0].steps] == ["5 or 7"]
