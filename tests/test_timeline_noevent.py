"""Dated sentences that give the timeline no event (story/timeline/noevent.py)."""

from __future__ import annotations

import pytest

from storyline.story.timeline.noevent import stamp_line, tells_no_event


@pytest.mark.parametrize(
    ("sentence", "line"),
    [
        ("TWO MEN WERE HURT AT THE KESSEL DEPOT THIS MORNING.", "TWO MEN WERE HURT"),
        ("Frost Will Stay Below Zero Tonight Across The Vellmar Valley.", "Frost Will Stay"),
        ("Kessel fair opens on Friday | 1:12", "Kessel fair opens"),
        ("1:06 Mayor of Kessel thanks voters on Tuesday Pause", "Mayor of Kessel thanks voters"),
        ("His condition was not known on Tuesday.", "His condition was not known"),
        ("Police had not made an arrest by Monday.", "Police had not made an arrest"),
        ("A spokesman did not respond to calls on Friday.", "A spokesman did not respond"),
        ("No charges had been filed over the Kessel crash by Monday.", "No charges had been filed"),
        ("No one was hurt at the depot on Friday.", "No one was hurt at the depot"),
    ],
)
def test_timeline_noevent_furniture_and_what_has_not_happened(sentence: str, line: str) -> None:
    assert tells_no_event(sentence, line)


@pytest.mark.parametrize(
    ("sentence", "line"),
    [
        ("Tomas Reed pleaded not guilty on Monday.", "Tomas Reed pleaded not guilty"),
        (
            "Ilsa Brandt was convicted of robbery on Monday and may not keep a rifle.",
            "Ilsa Brandt was convicted of robbery and may not keep a rifle",
        ),
        ("The FBI and the ATF searched the Kessel depot on Friday.", "The FBI searched"),
        ("Jose Ramon Brandt-Reed was arraigned in Vellmar District Court.", "He was arraigned"),
        ("The victim did not survive the night, police said Monday.", "The victim did not survive"),
        ("Noel Brandt was arrested on Friday.", "Noel Brandt was arrested"),
        ("North Kessel police arrested two men on Friday.", "North Kessel police arrested two men"),
    ],
)
def test_timeline_noevent_leaves_events(sentence: str, line: str) -> None:
    assert not tells_no_event(sentence, line)


def test_timeline_noevent_a_date_stamp_on_a_line_of_its_own() -> None:
    text = "FOR RELEASE\n\nDATE: May 3, 2025 9:04 AM CST\n\nPolice in Kessel are looking for a van."
    at = text.index("May 3")
    assert stamp_line(text, at, at + len("May 3, 2025 9:04 AM"))
    text = "UPDATE @ 4:40 p.m. (May 28):\n\nThe man was charged."
    at = text.index("May 28")
    assert stamp_line(text, at, at + len("May 28"))
    text = "Police in Kessel said on May 3 that the van was found."
    at = text.index("May 3")
    assert not stamp_line(text, at, at + len("May 3"))


def test_timeline_noevent_a_stamp_read_word_by_word() -> None:
    # each word on its own gives what the whole line gives: prose anywhere on it
    text = "POSTED Tue., May 5 at 9 a.m. Noon\nMore"
    at = text.index("May 5")
    assert stamp_line(text, at, at + len("May 5"))
    text = "Monday, May 5, 2025, 9am Police in Kessel found the van near midnight."
    at = text.index("May 5")
    assert not stamp_line(text, at, at + len("May 5"))
    text = "MONDAY\tMAY 5\u2003NOONTIME"
    at = text.index("MAY 5")
    assert stamp_line(text, at, at + len("MAY 5"))
    text = "Sunday May 5 amidst"
    at = text.index("May 5")
    assert not stamp_line(text, at, at + len("May 5"))
