"""Counts of the dead and the wounded told side by side, each with its own harm word."""

from __future__ import annotations

from typing import Any

from claim_counts import counts


def test_wounded_after_a_dash_are_wounded(nlp: Any) -> None:
    text = "In all six were struck -- 2 killed and 4 wounded -- near the Orla depot."
    assert counts(nlp, text) == (2, 4)


def test_shooting_several_and_killing_one_of_them(nlp: Any) -> None:
    text = "Prosecutors say Lott is charged with shooting three people and killing one of them."
    assert counts(nlp, text) == (1, 2)


def test_a_count_told_again_by_condition_is_counted_once(nlp: Any) -> None:
    text = (
        "A man was killed at the Orla depot on Friday. Four others were hurt, three in "
        "serious condition and one with light wounds."
    )
    assert counts(nlp, text) == (1, 4)


def test_counts_that_do_not_add_up_are_not_parts(nlp: Any) -> None:
    text = "Three men were hurt at the Orla depot; two women and two boys were hurt on Pell Road."
    assert counts(nlp, text)[1] >= 4
