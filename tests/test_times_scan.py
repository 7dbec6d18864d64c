"""The time rules' scan reads only the lines that can hold a match: the same matches.

``timex.find._scan`` skips the lines without a word a rule needs. That is exact only
while every rule matches within one line (no part of a pattern can take a line break,
no anchor but a word boundary, no empty match): checked here for every rule, from the
parsed pattern, so that a new rule that breaks it fails here rather than losing matches.
"""

from __future__ import annotations

import sre_constants as c
import sre_parse
from typing import Any

import pytest

from storyline.analyze.timex.find import _rule_candidates, _scan
from storyline.analyze.timex.normalize import NEEDS, RULES

_NL = ord("\n")
#: Categories that hold a line break (``\s``, ``\D``, ``\W``).
_NL_CATEGORIES = {"CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK"}


def _set_takes_newline(items: Any) -> bool:
    negate, hit = False, False
    for op, av in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            hit = hit or av == _NL
        elif op is c.RANGE:
            hit = hit or av[0] <= _NL <= av[1]
        elif op is c.CATEGORY:
            hit = hit or str(av) in _NL_CATEGORIES
        else:
            return True  # unknown: not provably safe
    return hit != negate


def _takes_newline(items: Any, flags: int) -> bool:
    """Whether any part of a parsed pattern can take a line break or is an anchor."""
    for op, av in items:
        if op is c.LITERAL:
            bad = av == _NL
        elif op is c.NOT_LITERAL:
            bad = av != _NL
        elif op is c.ANY:
            bad = bool(flags & c.SRE_FLAG_DOTALL)
        elif op is c.IN:
            bad = _set_takes_newline(av)
        elif op is c.CATEGORY:
            bad = str(av) in _NL_CATEGORIES
        elif op is c.AT:
            bad = av not in (c.AT_BOUNDARY, c.AT_NON_BOUNDARY)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            bad = _takes_newline(av[2], flags)
        elif op is c.SUBPATTERN:
            _, add, drop, sub = av
            bad = _takes_newline(sub, (flags | add) & ~drop)
        elif op is c.BRANCH:
            bad = any(_takes_newline(alt, flags) for alt in av[1])
        elif op in (c.ASSERT, c.ASSERT_NOT):
            bad = _takes_newline(av[1], flags)
        elif op is c.ATOMIC_GROUP:
            bad = _takes_newline(av, flags)
        elif op is c.GROUPREF_EXISTS:
            bad = _takes_newline(av[1], flags) or (
                av[2] is not None and _takes_newline(av[2], flags)
            )
        elif op is c.GROUPREF:
            bad = False  # a group that takes no line break, matched again
        else:
            bad = True  # an operator this check does not know: not provably safe
        if bad:
            return True
    return False


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_times_scan_every_rule_matches_within_one_line(rule: Any) -> None:
    parsed = sre_parse.parse(rule.regex.pattern, rule.regex.flags)
    assert not _takes_newline(parsed, rule.regex.flags), rule.name
    assert parsed.getwidth()[0] >= 1, rule.name  # no empty match


TEXTS = [
    "Two days ago the council met.\nIt meets again in two days, on Friday.\n\nNow it waits.",
    "Every Monday the market opens.\nThe season\nends in late summer 2019, each year.",
    "The shooting happened at noon today.\nNo time here.\nAt midnight\ntonight, at 10 p.m. EST",
    "İstanbul: three weeks ago.\nSince the 1990s, the mid-2000s.",  # lower() grows the text
    "no line break at all, five years ago, this morning and last night",
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
