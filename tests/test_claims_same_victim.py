"""One victim named again by the same noun ("a child ... the child") is not one more."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def test_the_child_taken_to_hospital_is_the_child_who_died(nlp: Any) -> None:
    text = (
        "A child is dead after deputies say he was shot by accident. Medics took the child "
        "to Pell Valley Medical Center. Deputies say he died there."
    )
    assert counts(nlp, text) == (1, 0)


def test_the_other_man_is_another_victim(nlp: Any) -> None:
    text = (
        "A boy was killed on Birch Lane. Police said a man was also hurt. The other man was "
        "taken to Orla General."
    )
    assert counts(nlp, text) == (1, 1)
