"""Handlers for calendar expressions: dates, months, years, decades, quarters, seasons."""

from __future__ import annotations

import re
from datetime import date

from storyline.analyze.timex.lexicon import (
    ORDINALS,
    SEASONS,
    number_value,
)
from storyline.analyze.timex.norm import (
    Handler,
    Norm,
    day_number,
    direction,
    month_number,
)
from storyline.lexicon.calendar import MONTHS


def _day_value(year: int, month: int, day: int) -> str | None:
    """An ISO date, or None for a day the calendar does not have (31 February)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _day_norm(year: int, month: int, day: int) -> Norm | None:
    value = _day_value(year, month, day)
    return Norm("DATE", value, "day") if value else None


def _full_date(m: re.Match[str], tense: str) -> Norm | None:
    month, day = month_number(m["mon"]), day_number(m["day"])
    if _day_value(2000, month, day) is None:  # a leap year admits 29 February
        return None
    if m["year"]:
        return _day_norm(int(m["year"]), month, day)
    rel = f"monthday:{month:02d}-{day:02d}:{direction(tense)}"
    return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", "day", rel)


def _iso_date(m: re.Match[str], tense: str) -> Norm | None:
    return _day_norm(int(m["year"]), int(m["m"]), int(m["d"]))


def _numeric_date(m: re.Match[str], tense: str) -> Norm | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    month, day = (a, b) if a <= 12 else (b, a)  # month first (US), unless impossible
    return _day_norm(year, month, day)


def _short_year(m: re.Match[str], tense: str) -> Norm | None:
    yy = int(m["yy"])
    return Norm("DATE", f"{2000 + yy if yy < 50 else 1900 + yy:04d}", "year")


def _month_year(m: re.Match[str], tense: str) -> Norm | None:
    return Norm("DATE", f"{m['year']}-{month_number(m['mon']):02d}", "month")


#: Month abbreviations that are also first names or words when written without a period.
_ABBR_NAMES = frozenset({"jan", "feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec"})


def _bare_month(m: re.Match[str], tense: str) -> Norm | None:
    if m["mon"].lower() in _ABBR_NAMES and re.match(r"\s+[A-Z]", m.string[m.end("mon") :]):
        return None  # "Hungary and Jan Kavan of the Czech Republic": a first name
    month = month_number(m["mon"])
    det = (m["det"] or "").lower()
    before = m.string[max(0, m.start("body") - 6) : m.start("body")].lower().split()
    if not det and before and before[-1] in ("last", "next", "this", "past"):
        det = before[-1]  # "signed last May": the cue word is the determiner
    way = {"last": "past", "past": "past", "next": "future", "this": "near"}.get(
        det, direction(tense)
    )
    if det == "last":
        way = "strictpast"
    elif det == "next":
        way = "strictfuture"
    elif det == "this":
        way = "0"
    if m["yrel"]:  # "October of next year"
        way = {"this": "0", "next": "+1", "last": "-1"}[m["yrel"].lower()]
    return Norm("DATE", f"XXXX-{month:02d}", "month", f"monthname:{month:02d}:{way}")


def _attr_month(m: re.Match[str], tense: str) -> Norm | None:
    """ "the October slaying", "a June agreement": a month dating the noun after it. The
    clause's verb dates the clause, not the noun's event ("is continuing ... under a June
    agreement"), so only a past clause looks back; otherwise the closest such month."""
    month = month_number(m["mon"])
    way = "past" if direction(tense) == "past" else "near"
    return Norm("DATE", f"XXXX-{month:02d}", "month", f"monthname:{month:02d}:{way}")


_YEAR_NAME_OK = frozenset(
    {"In", "By", "Since", "Until", "From", "During", "Of", "Early", "Late", "Mid", "Before",
     "After", "For", "Through", "Between", "And", "Or", "To", "The", "Spring", "Summer",
     "Autumn", "Fall", "Winter", "As", "At", "Fiscal", "FY", "Q1", "Q2", "Q3", "Q4", "On"}
)  # fmt: skip


def _year(m: re.Match[str], tense: str) -> Norm | None:
    before = m.string[max(0, m.start() - 30) : m.start()].split()
    if not m["mod"] and before:
        prev = before[-1].strip("(\"'“")
        if (
            prev[:1].isupper()
            and prev not in _YEAR_NAME_OK
            and prev.lower().rstrip(".") not in MONTHS
        ):
            return None  # "Russell 2000", "Windows 2000", "Vision 2030": a name
    return Norm("DATE", m["year"], "year")  # "fiscal 2022" too: TimeBank writes the year


def _decade(m: re.Match[str], tense: str) -> Norm | None:
    digits = m["dec"] or m["dec2"]
    if len(digits) == 2:
        digits = ("20" if digits == "00" or digits == "10" else "19") + digits
    return Norm("DATE", digits[:3], "decade")


def _quarter(m: re.Match[str], tense: str) -> Norm | None:
    word = m["ord"].lower().rstrip(".")
    n = ORDINALS.get(word) or number_value(re.sub(r"(st|nd|rd|th)$", "", word) or "x")
    if n is None:
        return None
    half = m["unit"].lower() == "half"
    n = int(n)
    if n == -1:
        n = 2 if half else 4
    if not 1 <= n <= (2 if half else 4):
        return None
    code = f"H{n}" if half else f"Q{n}"
    year = m["year"] or m["year2"]
    if year:
        return Norm("DATE", f"{year}-{code}", "quarter")
    yrel = m["yrel"] or m["yrel0"]  # "the first quarter of next year", "next year's first quarter"
    if yrel:
        shift = {"this": 0, "last": -1, "next": 1}[yrel.lower()]
        return Norm("DATE", f"XXXX-{code}", "quarter", f"yearpart:{code}:{shift:+d}")
    return Norm("DATE", f"XXXX-{code}", "quarter", f"yearpart:{code}:{direction(tense)}")


def _q_code(m: re.Match[str], tense: str) -> Norm | None:
    year = m["year"]
    if year:
        return Norm("DATE", f"{year}-Q{m['q']}", "quarter")
    return Norm("DATE", f"XXXX-Q{m['q']}", "quarter", f"yearpart:Q{m['q']}:{direction(tense)}")


def _season(m: re.Match[str], tense: str) -> Norm | None:
    word = m["season"].lower()
    if word == "fall" and not (m["year"] or m["det"] or m["mod"]):
        return None  # "a sharp fall", "markets fall": the noun and the verb, not autumn
    code = SEASONS[word]
    if m["year"]:
        return Norm("DATE", f"{m['year']}-{code}", "season")
    det = " ".join((m["det"] or "").lower().split())
    if det == "this past":  # "this past spring": the latest spring begun
        return Norm("DATE", f"XXXX-{code}", "season", f"season:{code}:past")
    shift = {"this": "0", "last": "-1", "next": "+1", "past": "-1", "coming": "+1"}.get(det)
    rel = f"season:{code}:{shift or direction(tense)}"
    return Norm("DATE", f"XXXX-{code}", "season", rel)


def _spoken_year(m: re.Match[str], tense: str) -> Norm | None:
    """ "nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven",
    "the winter of nineteen ninety-four"."""
    body = m["body"].lower()
    if body.startswith("two") and not (m["mon"] or m[0].lower().startswith("the")):
        before = m.string[max(0, m.start() - 6) : m.start()].lower().split()
        if not before or before[-1] not in ("in", "of", "since", "until", "by"):
            return None  # "two thousand people": a number
    tail = m["tail"] or m["tail2"] or ""
    words = tail.lower().replace("-", " ").replace("oh ", "").split()
    rest = sum(int(number_value(w) or 0) for w in words)
    year = (2000 if body.startswith("two") else 1900) + rest
    if m["mon"]:
        return Norm("DATE", f"{year:04d}-{month_number(m['mon']):02d}", "month")
    if m["season"]:  # "the winter of nineteen ninety-four"
        return Norm("DATE", f"{year:04d}-{SEASONS[m['season'].lower()]}", "season")
    return Norm("DATE", f"{year:04d}", "year")


def _century(m: re.Match[str], tense: str) -> Norm | None:
    """ "the 20th century" -> 19 (TIMEX3 writes a century by its first two digits)."""
    return Norm("DATE", f"{int(m['n']) - 1:02d}", "decade")


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


def _spoken_decade(m: re.Match[str], tense: str) -> Norm | None:
    """ "the nineties" -> 199 (the last century's: this one's are written with digits)."""
    return Norm("DATE", f"19{_DECADE_WORDS[m['w'].lower()]}", "decade")


#: The handlers the rule table refers to, by name.
HANDLERS: dict[str, Handler] = {
    "full_date": _full_date,
    "iso_date": _iso_date,
    "numeric_date": _numeric_date,
    "short_year": _short_year,
    "month_year": _month_year,
    "bare_month": _bare_month,
    "attr_month": _attr_month,
    "year": _year,
    "decade": _decade,
    "spoken_year": _spoken_year,
    "century": _century,
    "spoken_decade": _spoken_decade,
    "quarter": _quarter,
    "q_code": _q_code,
    "season": _season,
}
