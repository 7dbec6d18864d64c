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
