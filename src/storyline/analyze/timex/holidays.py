"""Named days of the calendar: Christmas, Thanksgiving, Easter, Election Day ...

A holiday named without its year is resolved like a month-day without one: the year
the clause's tense points to, within nine months of the anchor (``holiday:CODE:WAY``,
see resolve.py). With its year ("Christmas 1998") it is absolute. Floating holidays
are computed per year: Easter by the Gregorian computus, the American ones by their
rule ("the fourth Thursday of November"). "Easter week" is the ISO week of Easter
Sunday.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from storyline.analyze.timex.norm import Norm, direction


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday (0 = Monday) of a month; n = -1 for the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


#: Each holiday's code and its day in a given year.
DAYS: dict[str, Callable[[int], date]] = {
    "XMAS": _fixed(12, 25),
    "XMASEVE": _fixed(12, 24),
    "BOXING": _fixed(12, 26),
    "NEWYEAR": _fixed(1, 1),
    "NEWYEAREVE": _fixed(12, 31),
    "VALENTINE": _fixed(2, 14),
    "PATRICK": _fixed(3, 17),
    "HALLOWEEN": _fixed(10, 31),
    "JULY4": _fixed(7, 4),
    "BASTILLE": _fixed(7, 14),
    "VETERANS": _fixed(11, 11),
    "EASTER": easter,
    "GOODFRIDAY": lambda y: easter(y) - timedelta(days=2),
    "EASTERMONDAY": lambda y: easter(y) + timedelta(days=1),
    "ASHWEDNESDAY": lambda y: easter(y) - timedelta(days=46),
    "THANKSGIVING": lambda y: _nth(y, 11, 3, 4),
    "MEMORIAL": lambda y: _nth(y, 5, 0, -1),
    "LABOR": lambda y: _nth(y, 9, 0, 1),
    "MLK": lambda y: _nth(y, 1, 0, 3),
    "PRESIDENTS": lambda y: _nth(y, 2, 0, 3),
    "COLUMBUS": lambda y: _nth(y, 10, 0, 2),
    # the Tuesday after the first Monday of November
    "ELECTION": lambda y: _nth(y, 11, 0, 1) + timedelta(days=1),
}

#: Names (as written, lower case, "'s" and "day" variants folded) to codes.
_NAMES: dict[str, str] = {
    "christmas": "XMAS",
    "christmas day": "XMAS",
    "christmas eve": "XMASEVE",
    "boxing day": "BOXING",
    "new year's day": "NEWYEAR",
    "new year's eve": "NEWYEAREVE",
    "valentine's day": "VALENTINE",
    "st. patrick's day": "PATRICK",
    "st patrick's day": "PATRICK",
    "halloween": "HALLOWEEN",
    "the fourth of july": "JULY4",
    "bastille day": "BASTILLE",
    "veterans day": "VETERANS",
    "veterans' day": "VETERANS",
    "armistice day": "VETERANS",
    "easter": "EASTER",
    "easter sunday": "EASTER",
    "easter day": "EASTER",
    "easter week": "EASTER",
    "good friday": "GOODFRIDAY",
    "easter monday": "EASTERMONDAY",
    "ash wednesday": "ASHWEDNESDAY",
    "thanksgiving": "THANKSGIVING",
    "thanksgiving day": "THANKSGIVING",
    "memorial day": "MEMORIAL",
    "labor day": "LABOR",
    "martin luther king day": "MLK",
    "martin luther king jr. day": "MLK",
    "presidents day": "PRESIDENTS",
    "presidents' day": "PRESIDENTS",
    "columbus day": "COLUMBUS",
    "election day": "ELECTION",
}

#: Words after a holiday's name that make it a kind of thing, not a day.
_NOT_AFTER = (
    r"tree|card|carol|light|decoration|ornament|gift|present|pudding|cracker|stocking|song|"
    r"music|movie|film|special|story|spirit|message|island|egg|bunny|rising|offensive|"
    r"uprising|bombing|massacre|tsunami|truce|agreement|accord|parade|costume|candy|"
    # a season around the day, not the day: "the Christmas sales period"
    r"period|season|sale|shopping|holiday|break|rush|trading|spending|lull|recess|vacation"
)
#: "Christmas and New Year sales": the words after a second name count for the first
_AND_NAME = r"(?:[^\S\n]+and[^\S\n]+[A-Z][\w'’]*(?:[^\S\n]+[A-Z][\w'’]*)?)?"

_NAME_RE = (
    r"Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]?s\s+(?:Day|Eve)|"
    r"Valentine['’]?s\s+Day|St\.?\s+Patrick['’]?s\s+Day|Halloween|"
    r"the\s+Fourth\s+of\s+July|Bastille\s+Day|Veterans['’]?\s+Day|Armistice\s+Day|"
    r"Easter(?:\s+(?:Sunday|Day|Monday|[Ww]eek))?|Good\s+Friday|Ash\s+Wednesday|"
    r"Thanksgiving(?:\s+Day)?|Memorial\s+Day|Labor\s+Day|"
    r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Presidents['’]?\s+Day|Columbus\s+Day|"
    r"Election\s+Day"
)

#: A suffix that makes a holiday's name a likeness: "a Halloween-like crowd", "a
#: Christmas-style market" tell a kind, not a day.
_KIND_SUFFIX = r"-(?i:like|style|styled|themed|inspired|type|esque)\b"

PATTERN = re.compile(
    rf"\b(?=[A-Zt])(?P<name>{_NAME_RE})\b(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)\b)?"
    rf"(?!{_AND_NAME}[^\S\n]+(?i:{_NOT_AFTER})s?\b)(?!{_KIND_SUFFIX})",
)

_THING_AFTER = re.compile(rf"{_AND_NAME}[^\S\n]+(?i:{_NOT_AFTER})s?\b|{_KIND_SUFFIX}")
_NAME_BEFORE = re.compile(rf"\b(?:{_NAME_RE})$")


#: "sounded like the Fourth of July", "looked like Christmas morning": a holiday as a
#: likeness, no day told.
_LIKE = re.compile(r"(?i)\b(?:like|as\s+if\s+it\s+(?:was|were))[^\S\n]+(?P<det>(?:the|a)[^\S\n]+)?")


def likenesses(text: str) -> list[tuple[int, int]]:
    """The spans of holidays named after "like" ("sounded like the Fourth of July"): a
    likeness, no day told (nor the month in the holiday's name)."""
    out: list[tuple[int, int]] = []
    for m in _LIKE.finditer(text):
        # the name may hold its article ("the Fourth of July"), or follow it
        for at in (m.start("det"), m.end()):
            if at >= 0 and (h := PATTERN.match(text, at)) is not None:
                out.append((h.start(), h.end()))
                break
    return out


def names_a_thing(text: str, end: int) -> bool:
    """Whether a holiday's name ending at ``end`` names a thing ("a Christmas tree", "the
    Good Friday agreement"), not a day: spaCy's entities are checked with this too."""
    return bool(_THING_AFTER.match(text, end)) and bool(
        _NAME_BEFORE.search(text[max(0, end - 40) : end])
    )


#: Lower-case words one of which every holiday's name contains (the rule's cheap test).
NEEDS = (
    "christmas", "boxing", "new year", "valentine", "patrick", "halloween",
    "fourth of july", "bastille", "veterans", "armistice", "easter", "good friday",
    "ash wednesday", "thanksgiving", "memorial", "labor", "king", "presidents",
    "columbus", "election",
)  # fmt: skip


def _key(name: str) -> str:
    """A name as the table looks it up: lower case, without apostrophes or full stops
    ("New Years Eve", "St Patrick's Day" and "Veterans' Day" are written all ways)."""
    return " ".join(re.sub(r"['’.]", "", name.lower()).split())


_CODES = {_key(name): code for name, code in _NAMES.items()}


def _code(name: str) -> str:
    return _CODES[_key(name)]


def holiday_value(code: str, year: int, week: bool = False) -> str:
    """The TIMEX3 value of a holiday in a year: its day, or its ISO week."""
    day = DAYS[code](year)
    if week:
        iso_year, iso_week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{iso_week:02d}"
    return day.isoformat()


def holiday(m: re.Match[str], tense: str) -> Norm | None:
    """A holiday's norm: absolute with its year, else ``holiday:CODE[:W]:WAY``."""
    name = m["name"]
    code = _code(name)
    week = name.lower().endswith("week")
    gran = "week" if week else "day"
    if m["year"]:
        return Norm("DATE", holiday_value(code, int(m["year"]), week), gran)
    kind = f"{code}W" if week else code
    placeholder = "XXXX-WXX" if week else "XXXX-XX-XX"
    det = _DET_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
    if det is not None:  # "last Christmas", "next Easter": the one before or after the report
        way = "last" if det["det"].lower() in ("last", "past") else "next"
        return Norm("DATE", placeholder, gran, f"holiday:{kind}:{way}")
    return Norm("DATE", placeholder, gran, f"holiday:{kind}:{direction(tense)}")


_DET_BEFORE = re.compile(r"(?i)\b(?P<det>last|past|next|coming)[^\S\n]+$")
