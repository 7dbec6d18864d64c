"""The time rules' scan reads only the lines that can hold a match: the same matches.

``timex.find._scan`` skips the lines without a word a rule needs, for the rules that
match within one line (``timex.linebound``, read from the parsed pattern); the others
are read whole. Checked here against whole scans, and the check itself on patterns.
"""

from __future__ import annotations

import sre_parse

import pytest

from storyline.analyze.timex.find import _rule_candidates, _scan
from storyline.analyze.timex.linebound import _takes_newline, within_lines
from storyline.analyze.timex.normalize import NEEDS, RULES


def test_times_scan_most_rules_are_read_by_line() -> None:
    # the rules built by normalize._c match within one line; a rule that can cross one
    # (a holiday's name and its year across a break) is read whole, as it must be
    assert sum(within_lines(r.regex) for r in RULES) >= len(RULES) // 2


TEXTS = [
    "Two days ago the council met.\nIt meets again in two days, on Friday.\n\nNow it waits.",
    "Every Monday the market opens.\nThe season\nends in late summer 2019, each year.",
    "The shooting happened at noon today.\nNo time here.\nAt midnight\ntonight, at 10 p.m. EST",
    "İstanbul: three weeks ago.\nSince the 1990s, the mid-2000s.",  # lower() grows the text
    "no line break at all, five years ago, this morning and last night",
    "We met at Christmas,\n2019 was hard. Then Easter 2020 came.",  # a rule read whole
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_times_scan_finds_what_a_whole_scan_finds(text: str) -> None:
    lower = text.lower()
    for rule in RULES:
        needs = NEEDS.get(rule.name)
        whole = [(m.span(), m.group()) for m in rule.regex.finditer(text)]
        scanned = [(m.span(), m.group()) for m in _scan(rule.regex, text, lower, needs, [])]
        assert scanned == whole, rule.name
    assert _rule_candidates(text) is not None


@pytest.mark.parametrize(
    ("pattern", "bad"),
    [
        (r"\bnow\b(?![^\S\n]+old)", False),
        (r"a[^\S\n]{1,3}b", False),
        (r"a\s+b", True),
        (r"a[^x]b", True),
        (r"a.b", False),
        (r"(?s)a.b", True),
        (r"a\Wb", True),
        (r"ago$", True),
        (r"(?<=\d\s)a", True),
    ],
)
def test_times_scan_check_tells_a_rule_that_can_cross_a_line(pattern: str, bad: bool) -> None:
    parsed = sre_parse.parse(pattern)
    assert _takes_newline(parsed, parsed.state.flags) is bad
