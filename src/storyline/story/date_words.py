"""Relative day words in shown lines, with their date stated: "on Friday (16 May)".

A summary sentence or a timeline line is copied from a report, whose "yesterday",
"on Monday" or "Friday's talks" mean a day of that report's week. A reader of the
story page does not know which day that is, so every such word whose day is known
(the report's time expressions, resolved against its publication date) is followed
by its date in brackets. The cited passage is not touched: only the shown line is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from storyline.lexicon.calendar import MONTH_NAMES, MONTH_WORD, WEEKDAY_NAMES
from storyline.model import TimeExpr

__all__ = ["RELATIVE_DAY", "readable_date", "state_dates", "without_stated"]

_WEEKDAY = "(?:" + "|".join(WEEKDAY_NAMES) + ")"
#: A relative day word: a weekday (with a part of day), yesterday, today, tonight, ...
RELATIVE_DAY = re.compile(
    rf"\b(?:(?:early\s+|late\s+)?{_WEEKDAY}(?P<poss>['’]s)?(?:\s+(?:morning|afternoon|evening|"
    r"night))?|[Yy]esterday(?:\s+(?:morning|afternoon|evening))?|[Tt]oday|[Tt]omorrow|"
    r"[Tt]onight|[Ll]ast\s+night|[Oo]vernight)\b"
)
_FULL_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_STATED = re.compile(r"\s*\(\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\)")
#: The report states the day itself right after the word: "on Monday, September 26".
_SPELLED = re.compile(
    rf",?\s+(?:(?i:{MONTH_WORD})\.?\s+\d{{1,2}}\b|\d{{1,2}}\s+(?i:{MONTH_WORD})\b)"
)
#: Words that end the noun a possessive day qualifies ("Tuesday's fatal shooting in ..."):
#: a preposition, an article, a conjunction or an auxiliary verb.
_NOUN_END_TEXT = (
    "in on at of for to from by with near after before during as and or but that which who "
    "the a an was were is are has have had will would could said says"
)
_NOUN_END = frozenset(_NOUN_END_TEXT.split())
#: Words of the noun phrase after a possessive day, at most.
_NOUN_WORDS = 3


def _day_of(t: TimeExpr) -> date | None:
    m = _FULL_DAY.match(t.value)
    if m is None or t.type not in ("DATE", "TIME"):
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _label(day: date, year: int | None) -> str:
    text = f"{day.day} {MONTH_NAMES[day.month - 1]}"
    return text if year is None or day.year == year else f"{text} {day.year}"


_STATED_ANY = re.compile(r" \(\d{1,2} [A-Z][a-z]+(?: \d{4})?\)")


def without_stated(text: str) -> str:
    """A shown line with the dates :func:`state_dates` added taken out again (the report's
    own words, as its cited passage has them)."""
    return _STATED_ANY.sub("", text)


def readable_date(value: str) -> str:
    """A date value as a reader writes it: "16 May 2025"; other values as they are."""
    m = _FULL_DAY.match(value)
    if m is None or len(value) != 10:
        return value
    return f"{int(m[3])} {MONTH_NAMES[int(m[2]) - 1]} {m[1]}"


def _noun_end(text: str, start: int) -> int:
    """Where the noun phrase after a possessive day ends: "Tuesday's fatal shooting| in"."""
    end = start
    for n, m in enumerate(re.finditer(r"\s+([\w-]+)([^\w\s-]?)", text[start:])):
        if n >= _NOUN_WORDS or m.start() != end - start:
            break
        word = m[1]
        if word.lower() in _NOUN_END or (n > 0 and word.lower().endswith("ed")):
            break
        end = start + m.end(1)
        if m[2]:  # punctuation ends the phrase
            break
    return end


def state_dates(text: str, times: Sequence[TimeExpr], year: int | None = None) -> str:
    """``text`` with each relative day word followed by its date, where ``times`` knows it.

    ``times`` are the time expressions of the passage the line comes from (resolved);
    a word takes the date of the first unused expression that contains it. ``year``
    is the report's year: a date in another year shows its year.
    """
    pool = [(t, d) for t in times if (d := _day_of(t)) is not None]
    used: set[int] = set()
    out: list[str] = []
    last = 0
    for m in RELATIVE_DAY.finditer(text):
        if _STATED.match(text, m.end()) or _SPELLED.match(text, m.end()):
            continue
        word = m[0].lower().split("'")[0].split("’")[0]
        key = word.split()[-1] if word.split()[0] in ("early", "late") else word.split()[0]
        found = next(
            ((i, d) for i, (t, d) in enumerate(pool) if i not in used and key in t.text.lower()),
            None,
        )
        if found is None:
            continue
        used.add(found[0])
        end = m.end()
        if m["poss"]:  # "Friday's talks (16 May)": after the noun the day qualifies
            end = _noun_end(text, end)
        out.append(text[last:end] + f" ({_label(found[1], year)})")
        last = end
    out.append(text[last:])
    return "".join(out)
