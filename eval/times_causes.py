"""Group the errors of eval/times_tempeval.py by cause, so a change can be measured per cause.

Each error (a gold TIMEX3 missed or given another value, or an expression of ours that
no gold one overlaps) gets one cause from the words of the expression and the gold
type and value, checked in this order:

- ``holidays`` — "Thanksgiving Day", "Election Day", "Easter week";
- ``anchor: reference to another date`` — "the following year", "that quarter", "a
  year earlier", "the year-ago period": the value depends on which date is the anchor
  (the creation date or the last one named);
- ``weekday direction`` — a weekday (and its time of day): which week;
- ``month direction`` — a month or month-day without a year: which year;
- ``weeks`` — "last week", "this week", "the week": ISO week or ``WXX``;
- ``quarters, halves and seasons``; ``fiscal and reporting years`` ("the fiscal year",
  "year-end"); ``decades and centuries``;
- ``the past N units / recent`` — "the past three years", "recent months", "in
  coming months": duration, PAST_REF or FUTURE_REF;
- ``vague references`` — now, currently, recently, soon, the future;
- ``durations`` and ``sets`` by gold type; ``times of day``;
- ``other``.

Each is split into miss, wrong value and extra. Run with ``--causes`` from
eval/times_tempeval.py.
"""

from __future__ import annotations

import re

_CAUSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "holidays (Thanksgiving, Election Day, Easter)",
        re.compile(
            r"(?i)christmas|thanksgiving|easter\b|election day|new year['’]?s|halloween|"
            r"memorial day|labor day|good friday|valentine"
        ),
    ),
    (
        "anchor: reference to another date",
        re.compile(
            r"(?i)\b(?:following|previous|preceding|same|that|earlier|ago|later|before|after)\b"
            r"|year[- ](?:ago|earlier)|\bthen\b"
        ),
    ),
    (
        "weekday direction",
        re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend"),
    ),
    ("weeks", re.compile(r"(?i)\bweek\b")),
    (
        "quarters, halves and seasons",
        re.compile(r"(?i)quarter|\bhalf\b|\bperiod\b|spring|summer|autumn|\bfall\b|winter"),
    ),
    (
        "fiscal and reporting years",
        re.compile(r"(?i)fiscal|year[- ']s? ?end|\bthe (?:\w+ )?year\b"),
    ),
    ("decades and centuries", re.compile(r"(?i)decade|centur|\d0'?s\b|'\d0s|ties\b")),
    (
        "the past N units / recent",
        re.compile(r"(?i)\b(?:past|last|next|coming|recent|few|several)\b.*s\b"),
    ),
    (
        "month direction",
        re.compile(
            r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d+)?$"
        ),
    ),
    (
        "vague references",
        re.compile(
            r"(?i)\b(?:now|current|currently|recent|recently|soon|future|past|once|already)"
        ),
    ),
    (
        "sets",
        re.compile(
            r"(?i)\b(?:daily|nightly|weekly|monthly|quarterly|annual|annually|yearly|hourly|"
            r"every|each|per)\b"
        ),
    ),
)


def cause(text: str, gold_type: str = "", gold_value: str = "") -> str:
    """The cause of an error about ``text`` (the gold text, or ours for an extra)."""
    for name, pattern in _CAUSES:
        if pattern.search(text):
            return name
    if gold_type == "DURATION" or re.match(r"^P", gold_value):
        return "durations"
    if gold_type == "SET":
        return "sets"
    if gold_type == "TIME" or "T" in gold_value[10:11]:
        return "times of day"
    return "other"


def parse_error(line: str) -> tuple[str, str] | None:
    """(kind, cause) of one error line of times_tempeval.py (MISS, VALUE or EXTRA)."""
    m = re.match(r"^(MISS|VALUE|EXTRA)\s+(['\"])(.*?)\2\s+(\S+)(?:\s+(\S+))?", line)
    if m is None:
        return None
    kind, text = m[1], m[3]
    if kind == "EXTRA":
        return kind, cause(text, "", m[4])
    gold_type = m[4]
    rest = m[5] or ""
    value = rest.removeprefix("gold=") if kind == "VALUE" else rest
    return kind, cause(text, gold_type, value)
