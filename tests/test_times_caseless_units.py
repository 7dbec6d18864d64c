"""Time words with letters ``IGNORECASE`` takes for ASCII ones: "ſ", "ı", "İ"."""

from __future__ import annotations

import pytest

from storyline.analyze.timex.find import _rule_candidates
from storyline.analyze.timex.normalize import normalize_text


@pytest.mark.parametrize(
    ("odd", "plain"),
    [
        ("two \u017feconds", "two seconds"),  # the unit's look-up failed (a KeyError)
        ("th\u0130s week", "this week"),  # the determiner's look-up failed likewise
        ("three m\u0131nutes", "three minutes"),
    ],
)
def test_normalize_text_reads_odd_letters_as_the_rules_match_them(odd: str, plain: str) -> None:
    assert normalize_text(odd) is not None
    assert normalize_text(odd) == normalize_text(plain)


def test_rule_candidates_keep_the_original_offsets() -> None:
    text = "The vote is for th\u0130s week, and the count took two \u017feconds."
    spans = [text[c.start : c.end] for c in _rule_candidates(text)]
    assert "th\u0130s week" in spans and "two \u017feconds" in spans
