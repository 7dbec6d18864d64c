"""Years and months named by reference to the date told before them: "the following year".

News tells background in order: "On May 22, 1995, she was made a general, and the
following year she was appointed attaché" — the following year is 1996, not the year
after the report. "The following year", "the previous month", "that year", "the same
month" take the year (or month) of the last calendar date named before them in the
document, shifted; with no such date they fall back on the publication date, as
"next year" would. A relative base ("in March", "last year") stays relative: the rel
``shift:UNIT:N|BASE`` is resolved once the anchor is known (resolve.py).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.analyze.timex.lexicon import WEEKDAY_CODES
from storyline.analyze.timex.norm import Norm

#: rel prefix of a unit named by reference: ``eventref:year:+1``.
EVENT_REF = "eventref:"
#: rel prefix of a relative base shifted by a unit: ``shift:year:+1|monthname:03:past``.
SHIFT = "shift:"

_SHIFTS = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}
_BASE_GRANULARITY = frozenset({"day", "month", "year", "season", "quarter", "time"})
_ABSOLUTE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
#: rel of a clock told alone ("at 10 p.m."), before clockday.py gives it its day
_BARE_CLOCK = re.compile(r"^offset:day:0@T\d\d:\d\d$")


def event_ref(m: re.Match[str], tense: str) -> Norm | None:
    """ "the following year", "the previous month", "that year", "the next day"."""
    det = (m["det"] or m["det2"]).lower().split()
    shift = _SHIFTS[det[-1] if det[-1] in _SHIFTS else det[0]]
    unit = (m["unit"] or m["unit2"]).lower()
    empty = {"year": "XXXX", "month": "XXXX-XX"}.get(unit, "XXXX-XX-XX")
    return Norm("DATE", empty, unit, f"{EVENT_REF}{unit}:{shift:+d}")


def _is_base(norm: Norm) -> bool:
    if norm.type not in ("DATE", "TIME") or norm.granularity not in _BASE_GRANULARITY:
        return False
    if norm.rel is None:
        return bool(_ABSOLUTE.match(norm.value))
    if _BARE_CLOCK.match(norm.rel):
        # "shot on Saturday ... called at 10 p.m. ... died the next day": a clock told
        # alone is on the day told before it (clockday.py), which stays the base
        return False
    return not norm.rel.startswith((EVENT_REF, "anaphor:"))


def _shift_absolute(value: str, unit: str, n: int) -> str | None:
    m = _ABSOLUTE.match(value)
    if m is None:
        return None
    year = int(m[1])
    if unit == "year":
        return f"{year + n:04d}"
    if m[2] is None or (unit == "day" and m[3] is None):
        return None
    if unit == "day":
        try:
            return (date(year, int(m[2]), int(m[3])) + timedelta(days=n)).isoformat()
        except ValueError:
            return None
    index = year * 12 + int(m[2]) - 1 + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def resolve_event_refs(norms: list[Norm]) -> list[Norm]:
    """Each unit named by reference given the last calendar date named before it."""
    out: list[Norm] = []
    base: Norm | None = None
    for norm in norms:
        rel = norm.rel or ""
        if rel.startswith(EVENT_REF + "weekday:"):
            norm = _weekday_ref(norm, rel[len(EVENT_REF) :], base)
        elif rel.startswith(EVENT_REF):
            # "the next morning": a part of day joined to the reference ("@TMO") stays on
            # the day it names when that day is known as a date or from the anchor.
            head, _, clock = rel.partition("@")
            unit, shift = head[len(EVENT_REF) :].split(":")
            n = int(shift)
            offset = f"offset:day:{n}" if unit == "day" else f"{unit}:{n}"
            fallback = Norm(norm.type, norm.value, unit, f"{offset}@{clock}" if clock else offset)
            if base is None:
                norm = fallback
            elif base.rel is None:
                value = _shift_absolute(base.value, unit, n)
                if value and clock and unit == "day":
                    norm = Norm("TIME", value + clock, "time")
                else:
                    norm = Norm("DATE", value, unit) if value else fallback
            elif (unit == "month" and base.granularity == "year") or (
                unit == "day" and base.granularity not in ("day", "time")
            ):
                norm = fallback
            elif clock and unit == "day":  # "the next morning" after "on Friday"
                norm = Norm("TIME", "XXXX-XX-XXT" + clock[1:], "time",
                            f"{SHIFT}{unit}:{n}@{clock}|{base.rel}")  # fmt: skip
            else:  # a relative base, shifted
                norm = Norm("DATE", "XXXX-XX-XX", unit, f"{SHIFT}{unit}:{n}|{base.rel}")
        elif _is_base(norm):
            base = norm
        out.append(norm)
    return out


def _weekday_from(day: date, code: str, way: str) -> date:
    """The weekday ``code`` strictly before (``strictpast``) or after ``day``."""
    target = WEEKDAY_CODES.index(code)
    if way == "strictpast":
        return day - timedelta(days=(day.weekday() - target - 1) % 7 + 1)
    return day + timedelta(days=(target - day.weekday() - 1) % 7 + 1)


def _weekday_ref(norm: Norm, rel: str, base: Norm | None) -> Norm:
    """ "the previous Friday", "the following Monday": counted from the day told last
    (``rel`` is ``weekday:CODE:WAY``); without a day before it, from the anchor."""
    head, _, clock = rel.partition("@")
    _, code, way = head.split(":")
    if base is None or base.granularity not in ("day", "time"):
        return Norm(norm.type, norm.value, norm.granularity, rel)
    if base.rel is None:
        m = _ABSOLUTE.match(base.value)
        if m is None or m[3] is None:
            return Norm(norm.type, norm.value, norm.granularity, rel)
        day = _weekday_from(date(int(m[1]), int(m[2]), int(m[3])), code, way)
        return Norm(norm.type, day.isoformat() + clock, norm.granularity)
    base_rel = base.rel.partition("@")[0]
    return Norm(norm.type, norm.value, norm.granularity, f"{SHIFT}weekday:{code}{way}|{base_rel}")


def shift_value(rel: str, resolved: tuple[str, str] | None) -> tuple[str, str] | None:
    """The value of ``shift:UNIT:N|BASE`` given BASE resolved to (value, granularity);
    ``shift:weekday:CODEWAY|BASE`` is that weekday before or after BASE's day;
    ``shift:day:N@TNI|BASE`` a part of day on the shifted day."""
    head, _, clock = rel.partition("|")[0].partition("@")
    _, unit, shift = head.split(":")
    if resolved is None:
        return None
    if clock:  # a part of day on the shifted day: ``shift:day:-1@TNI|BASE``
        shifted = _shift_absolute(resolved[0], unit, int(shift))
        return (shifted + clock, "time") if shifted and len(shifted) == 10 else None
    if unit == "weekday":
        m = _ABSOLUTE.match(resolved[0])
        if m is None or m[3] is None:
            return None
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return _weekday_from(day, shift[:3], shift[3:]).isoformat(), "day"
    value = _shift_absolute(resolved[0], unit, int(shift))
    return (value, unit) if value else None
