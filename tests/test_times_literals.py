"""Words every match of a time rule holds, read from its pattern: the same matches.

``timex.literals.required_words`` lets ``find._scan`` skip the lines (and the texts)
without such a word for the rules that have no hand-written ``NEEDS``. Checked on
patterns, and against whole scans on fiction and, when ``.devdata`` is built, on the
GVA development sample's texts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline.analyze.needwords import folds_plainly
from storyline.analyze.timex.find import _rule_candidates, _scan
from storyline.analyze.timex.literals import required_words
from storyline.analyze.timex.normalize import CASELESS_FOLDS, NEEDS, RULES

DEV_SAMPLE = Path(__file__).resolve().parents[1] / ".devdata" / "gva" / "dev_sample.jsonl"


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\b(?:one|two)\s+days?\b", ("day",)),  # as long as one or two, but one word
        (r"(?i)\bQUARTER\b", ("quarter",)),
        (r"\b(?:last|next)\s+(?:week|month)", ("last", "next")),
        (r"(?:foo)?bar", ("bar",)),
        (r"(?:week)+ly", ("week",)),
        (r"(?:week)*ly", None),  # "ly" alone is too short to be worth finding
        (r"(?:week|)end", ("end",)),
        (r"(?=monday)\w+", None),  # a lookahead needs nothing of the match
        (r"\d\d:\d\d", None),
        (r"[abc]x", None),  # one character is too short
        (r"Jan\.?|Sept?", ("jan", "sep")),
        (r"caf\u00e9s", ("caf",)),  # only plain ASCII characters are kept
    ],
)
def test_times_literals_words_read_from_a_pattern(pattern: str, words: tuple[str, ...]) -> None:
    assert required_words(re.compile(pattern)) == words


def test_times_literals_odd_folds_read_whole() -> None:
    # IGNORECASE takes "ı" for "i" and "ſ" for "s", which lower() keeps as they are
    assert re.compile("(?i)since").search("\u017fince")
    assert not folds_plainly("\u017fince last week") and folds_plainly("since last week")
    # and "İ" for "i", which lower() makes two characters ("i" and a combining dot)
    assert re.compile("(?i)friday").search("FR\u0130DAY") and "friday" not in "FR\u0130DAY".lower()
    assert not folds_plainly("FR\u0130DAY")
    # the time rules read a text with them folded, where lower() holds every needed word
    assert folds_plainly("FR\u0130DAY \u017fince \u0131n".translate(CASELESS_FOLDS))


def _same_scans(text: str) -> None:
    lower = text.lower()
    for rule in RULES:
        needs = NEEDS.get(rule.name) or required_words(rule.regex)
        whole = [(m.span(), m.group()) for m in rule.regex.finditer(text)]
        if needs is not None and not any(word in lower for word in needs):
            assert whole == [], rule.name
            continue
        scanned = [(m.span(), m.group()) for m in _scan(rule.regex, text, lower, needs, [])]
        assert scanned == whole, rule.name


@pytest.mark.parametrize(
    "text",
    [
        "For three days\nthe council met. Over 12 hours and 30 minutes, at 14:30 GMT.\n",
        "In April 2019 the fair opened; on April 24 and 25 it rained.\nNow, currently, soon.",
        "Twice a year,\nonce a month. The next week. 10 years old.\nIn the past decade.",
        "On May 5,\n2020 and May\n6. Since '98, the 1990s.",
    ],
)
def test_times_literals_scan_finds_what_a_whole_scan_finds(text: str) -> None:
    _same_scans(text)


@pytest.mark.skipif(not DEV_SAMPLE.exists(), reason="needs .devdata (the GVA dev sample)")
def test_times_literals_same_matches_on_the_development_sample() -> None:
    with DEV_SAMPLE.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    for text in texts[:120]:
        _same_scans(text)
        assert _rule_candidates(text) is not None
