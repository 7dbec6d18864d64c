"""eval/timeline_check.py: which relative day words a page line leaves without their date."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from timeline_check import unresolved


def test_a_weekday_without_its_date_is_unresolved() -> None:
    assert unresolved("The ferry crews met on Friday and left.") == ["Friday"]


def test_a_weekday_with_its_date_in_brackets_or_written_out_is_resolved() -> None:
    assert unresolved("The crews met on Friday (16 May) and left.") == []
    assert unresolved("The fair opens Wednesday, April 5 at the hall.") == []
    assert unresolved("He was arrested Tuesday, Dec. 13, and charged.") == []


def test_a_possessive_weekday_may_carry_its_date_after_its_noun_phrase() -> None:
    assert unresolved("Police named a suspect in Tuesday's harbour fire (24 May).") == []
    assert unresolved("Police named a suspect in Tuesday's harbour fire.") == ["Tuesday's"]
