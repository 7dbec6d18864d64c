"""The normalised form of a time expression and the helpers its rules share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.analyze.timex.lexicon import (
    UNITS,
    VAGUE_NUMBERS,
    fmt_number,
    number_value,
)
from storyline.lexicon.calendar import MONTHS


@dataclass(frozen=True, slots=True)
class Norm:
    """A normalised time expression before it is tied to a span of a document."""

    type: str  # DATE | TIME | DURATION | SET
    value: str
    granularity: str
    rel: str | None = None


#: ``rel`` of "the day", "that same day": the day last named before it (see find.py).
ANAPHOR = "anaphor:day"

Handler = Callable[[re.Match[str], str], Norm | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern, its handler, and the group that is the expression's span."""

    name: str
    regex: re.Pattern[str]
    handler: Handler
    group: str | int | tuple[str, ...] = 0  # the group, or the first of these that matched

    def span(self, m: re.Match[str]) -> tuple[int, int]:
        """The character span of the expression within a match of this rule."""
        groups = self.group if isinstance(self.group, tuple) else (self.group,)
        for g in groups:
            if m.group(g) is not None:
                return m.span(g)
        return m.span()


def direction(tense: str) -> str:
    """The search direction for a tense: past, future, or near (closest either way)."""
    if tense == "perfect":
        return "past"
    return tense if tense in ("past", "future") else "near"


def month_number(word: str) -> int:
    """The number of a month name or abbreviation."""
    return MONTHS[word.lower().rstrip(".")]


def day_number(text: str) -> int:
    """The day of a day-of-month token ("3rd" -> 3)."""
    return int(re.sub(r"\D", "", text))


def unit_info(word: str) -> tuple[str, bool, str]:
    """TIMEX3 letter, whether time of day, and granularity of a unit word (any number)."""
    w = word.lower()
    if w == "centuries":
        w = "century"
    elif w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return UNITS[w]


def duration_value(count: float | None, unit_word: str) -> str:
    """A TIMEX3 duration (``P2D``, ``PT2H``, ``PXY``) for a count of a unit."""
    letter, is_time, _ = unit_info(unit_word)
    if letter == "DE":
        return f"P{fmt_number(None if count is None else count * 10)}Y"
    if letter == "CE":
        # "for centuries" is PXC (TIMEX3's century); a counted one stays in years, as
        # MEANTIME writes it
        return "PXC" if count is None else f"P{fmt_number(count * 100)}Y"
    if unit_word.lower().startswith("fortnight"):
        return f"P{fmt_number(None if count is None else count * 2)}W"
    table = _SPLIT_TIME if is_time else _SPLIT
    if count is not None and count != int(count) and letter in table:
        # "2 1/2 years" is P2Y6M, "a minute and a half" PT1M30S (TimeML writes no fractions)
        small, per = table[letter]
        whole, rest = int(count), round((count - int(count)) * per)
        head = f"{whole}{letter}" if whole else ""
        return f"P{'T' if is_time else ''}{head}{rest}{small}"
    return f"P{'T' if is_time else ''}{fmt_number(count)}{letter}"


#: A fractional count of a unit written in a smaller unit: letter -> (letter, per unit).
_SPLIT: dict[str, tuple[str, int]] = {}  # years stay decimal: MEANTIME writes P2.5Y
_SPLIT_TIME = {"H": ("M", 60), "M": ("S", 60)}


def count_value(text: str | None) -> float | None:
    """The count of a number phrase ("two", "a", "3½", "two and a half"); None if vague."""
    if text is None:
        return 1.0
    t = " ".join(text.lower().split())
    if t in VAGUE_NUMBERS:
        return None
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")]
    value = number_value(t)
    if value is not None and half:
        value += 0.5
    return value


# --- handlers -------------------------------------------------------------------
