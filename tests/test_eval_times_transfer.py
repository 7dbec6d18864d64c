"""eval/times_transfer.py: families of time rules switched off in turn, and the spread of
value F1 over documents (fiction: every sentence is made up)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from time_values import time_values
from times_transfer import Switch, doc_f1, families, spread, switched_off

#: A Wednesday.
ANCHOR = date(2031, 11, 12)
TEXT = "The Orvell ferry board met on Monday and will vote again next week."


def test_doc_f1_pools_the_documents() -> None:
    assert doc_f1([(1, 2, 2), (3, 4, 4)]) == 2 * 4 / 12
    assert doc_f1([]) == 0.0


def test_spread_of_identical_documents_is_nil() -> None:
    s = spread([(2, 3, 3)] * 12, rounds=50)
    assert s["low"] == s["high"] == s["f1"] == 2 * 2 / 6
    assert s["gap_median"] == s["gap_95"] == 0.0


def test_spread_of_mixed_documents_opens_an_interval() -> None:
    docs = [(3, 3, 3)] * 10 + [(0, 3, 3)] * 10
    s = spread(docs, rounds=200)
    assert s["low"] < s["f1"] == 0.5 < s["high"]
    assert 0.0 < s["gap_median"] <= s["gap_95"]


def test_a_rule_switched_off_and_put_back(nlp: Any) -> None:
    before = time_values(nlp, TEXT, ANCHOR)
    assert ("Monday", "2031-11-10") in before, before
    with switched_off(lambda s: s.drop_rule("weekday")):
        during = time_values(nlp, TEXT, ANCHOR)
    assert not any(words == "Monday" for words, _ in during), during
    assert time_values(nlp, TEXT, ANCHOR) == before


def test_a_handler_and_a_tense_list_switched_off(nlp: Any) -> None:
    # "plan to" looks ahead: the coming Monday, not the one two days back
    text = "Harbour pilots plan to strike Monday, their union said."
    assert ("Monday", "2031-11-17") in time_values(nlp, text, ANCHOR)
    with switched_off(families()["tense: _FUTURE_GOVERNORS"]):
        assert ("Monday", "2031-11-17") not in time_values(nlp, text, ANCHOR)
    with switched_off(lambda s: s.refuse("weekday", lambda m: True)):
        assert not time_values(nlp, "The Orvell board met on Monday.", ANCHOR)
    assert ("Monday", "2031-11-17") in time_values(nlp, text, ANCHOR)


def test_every_family_switches_and_restores() -> None:
    rules = Switch().rules()
    for family in families().values():
        with switched_off(family):
            pass
    assert Switch().rules() == rules
