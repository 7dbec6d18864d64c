"""The screens of the time rules with no words to look for: the same matches.

``timex.screens.SCREENS`` lets ``find._screened`` skip the lines (and the texts) without
a match of a rule's screen. Checked against whole scans on fiction, on drawn texts, and,
when ``.devdata`` is built, on the GVA development sample's texts; and the candidates of
``find._rule_candidates`` against those found without any screen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.timex import find
from storyline.analyze.timex.find import _rule_candidates, _screened
from storyline.analyze.timex.normalize import RULES
from storyline.analyze.timex.screens import SCREENS

DEV_SAMPLE = Path(__file__).resolve().parents[1] / ".devdata" / "gva" / "dev_sample.jsonl"

_SCREENED = [rule for rule in RULES if rule.name in SCREENS]


def _same_scans(text: str) -> None:
    starts: list[int] = []
    lines: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    for rule in _SCREENED:
        whole = [(m.span(), m.group()) for m in rule.regex.finditer(text)]
        screened = _screened(rule.regex, SCREENS[rule.name], text, starts, lines)
        assert [(m.span(), m.group()) for m in screened] == whole, rule.name


def _candidates(text: str) -> list[tuple[int, int, int, object]]:
    return [(c.start, c.end, c.priority, c.make("")) for c in _rule_candidates(text)]


def _same_candidates(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    screened = _candidates(text)
    with monkeypatch.context() as m:
        m.setattr(find, "SCREENS", {})
        assert _candidates(text) == screened


def test_times_screens_cover_the_rules_without_words() -> None:
    assert {rule.name for rule in _SCREENED} == {
        "duration", "set_rate", "year", "clock24", "numeric", "iso", "qcode", "short_year"
    }  # fmt: skip


_FICTION = [
    "For three days\nthe council met. Over 12 hours and 30 minutes, at 14:30 GMT.\n",
    "The ferry ran twice a day and once a week;\n40 km per hr, 3 per min, 2 a HR.",
    "Six-month-old plans: a 90-min delay,\nthe last 2 hrs, a few centuries, 1 1/2 days.",
    "In 1998 and by '04, the 2019-05-17 fair; 5/17/2019 and Q3 2020 at 09:15 local time.",
    "Administration criminals throughout the shrine\nminister three thresholds: no unit.",
    "A Turkish \u0131 and a long \u017f: two \u212aayaks, five \u0130nches,\n6 days later.",
    "Digits of other scripts: \u0662\u0660\u0662\u0660, \u0661\u0662:\u0663\u0660 UTC.",
    "",
    "\n\n",
    "No digits here and\nno unit either.",
]


@pytest.mark.parametrize("text", _FICTION)
def test_times_screens_scan_finds_what_a_whole_scan_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _same_scans(text)
    _same_candidates(text, monkeypatch)


def test_times_screens_skip_a_text_without_a_screen_match() -> None:
    duration = next(rule for rule in RULES if rule.name == "duration")
    assert SCREENS["duration"].search("No unit: the criminal went through the shrine.") is None
    assert list(_screened(duration.regex, SCREENS["duration"], "3 hr", [], {}))


_PIECES = st.sampled_from(
    [
        "3", "12", "2020", "1998", "'98", "\u2019 04", "14:30", ":", "/", "-", "Q", "Q2",
        "UTC", "GMT", "ET", "local time", "a", "an", "per", "once", "twice", "hr", "HR",
        "min", "minutes", "day", "days", "Days", "week", "year-old", "old", "centuries",
        "several", "a few", "the past", "five", "twenty-one", "and a half", "\n", " ",
        "  ", "\t", "\u0131", "\u017f", "\u212a", "\u0130", "\u0662", "through", "shrine",
    ]
)  # fmt: skip
_DRAWN = st.lists(_PIECES | st.text(max_size=8), max_size=40).map("".join)
_SPACED = st.lists(_PIECES, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=_DRAWN | _SPACED)
def test_times_screens_same_matches_on_drawn_texts(text: str) -> None:
    _same_scans(text)


@settings(max_examples=100, deadline=None)
@given(text=_SPACED)
def test_times_screens_same_candidates_on_drawn_texts(text: str) -> None:
    screened = _candidates(text)
    with patch.object(find, "SCREENS", {}):
        assert _candidates(text) == screened


@pytest.mark.skipif(not DEV_SAMPLE.exists(), reason="needs .devdata (the GVA dev sample)")
def test_times_screens_same_matches_on_the_development_sample(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with DEV_SAMPLE.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    for text in texts[:120]:
        _same_scans(text)
        _same_candidates(text, monkeypatch)
