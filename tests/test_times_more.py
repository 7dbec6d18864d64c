"""Time expressions, third round of issue 14: rules found on TimeBank and AQUAINT half A."""

from __future__ import annotations

from datetime import date
from typing import Any

from storyline.analyze.times import extract_times


def _values(nlp: Any, text: str, anchor: date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in extract_times(nlp(text), anchor)]


def test_a_month_before_the_noun_it_dates(nlp: Any) -> None:
    april = date(2031, 4, 14)
    assert _values(nlp, "Detectives have new evidence in the October killing.", april) == [
        ("October", "2030-10")
    ]
    # the progressive dates the clause, not the agreement: the closest June
    found = _values(nlp, "The firm is trying to sell itself under a June agreement.", april)
    assert found == [("June", "2031-06")]
    found = _values(nlp, "Guests praised the late-November tour of the port.", date(2031, 1, 9))
    assert found == [("late-November", "2030-11")]


def test_a_month_name_as_a_name_is_not_dated(nlp: Any) -> None:
    text = "The May government fell. Marchers joined the March for Clean Rivers."
    assert _values(nlp, text, date(2031, 4, 14)) == []
