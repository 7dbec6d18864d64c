"""Word tables for time expressions: number words, units, parts of day.

Months and weekdays are in :mod:`storyline.lexicon.calendar`.
"""

from __future__ import annotations

#: TIMEX3 weekday codes, index = ``date.weekday()``.
WEEKDAY_CODES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "half": 0.5, "a half": 0.5, "a couple of": 2,
    "couple of": 2, "a dozen": 12, "dozen": 12, "single": 1,
}  # fmt: skip

#: Vague quantities: the count is unknown, TIMEX3 writes it as ``X``.
VAGUE_NUMBERS = frozenset(
    {"several", "few", "a few", "many", "some", "numerous", "multiple", "couple", "a couple"}
)

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1,
}  # fmt: skip

#: unit word -> (TIMEX3 unit letter, is a time-of-day unit, granularity name)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "time"), "minute": ("M", True, "time"), "min": ("M", True, "time"),
    "hour": ("H", True, "time"), "hr": ("H", True, "time"), "day": ("D", False, "day"),
    "night": ("D", False, "day"), "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"), "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"), "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"), "century": ("CE", False, "decade"),
}  # fmt: skip

#: part of day -> TIMEX3 code
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
    "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y",
    "biannual": "P6M", "hourly": "PT1H",
}  # fmt: skip


def number_value(word: str) -> float | None:
    """The value of a number given as digits or words ("two", "3", "1½", "2.5"); None if vague."""
    w = word.lower().strip().replace(",", "")
    w = w.replace("½", ".5").replace("¼", ".25").replace("¾", ".75").replace(" 1/2", ".5")
    if w.startswith("."):
        w = "0" + w
    try:
        return float(w)
    except ValueError:
        pass
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = w.replace("-", " ").split()
    if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def fmt_number(value: float | None) -> str:
    """A count as TIMEX3 writes it: ``2``, ``1.5``, or ``X`` when unknown."""
    if value is None:
        return "X"
    return str(int(value)) if value == int(value) else f"{value:g}"
