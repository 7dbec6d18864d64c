"""Turning a relative expression's ``rel`` string into a TIMEX3 value, given an anchor date.

``rel`` forms (docs/times.md): ``offset:day:N``; ``week:N``, ``month:N``, ``quarter:N``,
``year:N``, ``decade:N`` (the unit containing the anchor, shifted by N); ``weekday:MON:WAY``;
``monthday:05-19:WAY``; ``monthname:05:WAY``; ``season:SU:WAY``; ``yearpart:Q1:WAY``;
``weekend:WAY``; ``weekx`` (YYYY-WXX); ``holiday:CODE:WAY`` (holidays.py; ``CODEW`` for
its ISO week); each may end in ``@T10:00`` (a time of day on the resolved day). WAY is
``past`` (the latest such day not after the anchor), ``future`` (the first not before it),
``strictpast``/``strictfuture`` (excluding the anchor's own), ``near``
(the closest), or a signed shift (``-1``, ``0``, ``+1``).
"""

from __future__ import annotations

from datetime import date, timedelta

from storyline.analyze.timex.anaphora import SHIFT, shift_value
from storyline.analyze.timex.holidays import DAYS as HOLIDAYS
from storyline.analyze.timex.lexicon import WEEKDAY_CODES
from storyline.analyze.timex.periods import ADJUST, adjust_value
from storyline.analyze.timex.yearback import YEAR_PAST

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _pick(candidates: list[date], anchor: date, way: str) -> date:
    """Choose among dates one year (or week) apart by the direction ``way``."""
    if way == "past":
        return max(c for c in candidates if c <= anchor)
    if way == "strictpast":
        return max(c for c in candidates if c < anchor)
    if way == "future":
        return min(c for c in candidates if c >= anchor)
    if way == "strictfuture":
        return min(c for c in candidates if c > anchor)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def _weekday(code: str, anchor: date, way: str) -> date:
    target = WEEKDAY_CODES.index(code)
    back = (anchor.weekday() - target) % 7
    base = anchor - timedelta(days=back)
    return _pick([base - timedelta(days=7), base, base + timedelta(days=7)], anchor, way)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


#: Days within which a date written without its year is read the way its tense points.
HORIZON = 275
#: The same for a month named without its year: a month is coarser, so a past-tense
#: "in December" written in October is last December (ten months back), while a past
#: "June" written in May, eleven months back, would carry its year or "last".
MONTH_HORIZON = 310
#: The same for a date a past verb's own event happened on (yearback.py).
YEAR = 366
#: Days after the anchor within which such a date is still read as the one after it.
SOON = 14


def _within_horizon(candidates: list[date], anchor: date, way: str, horizon: int = HORIZON) -> date:
    """A date written without its year (AP style: the year is left out for dates of the
    current year, or of the last months of the previous one): among the readings within
    nine months of the anchor, the one the tense points to, else the closest. "Payable
    Dec. 7" under a past verb in late October is this December, not last year's."""
    if way == YEAR_PAST:  # a past verb's own date: back up to a year (yearback.py),
        # unless it is within days after the anchor (a page dated before it was updated)
        way = "past"
        if not any(0 < (c - anchor).days <= SOON for c in candidates):
            horizon = max(horizon, YEAR)
    near = [c for c in candidates if abs((c - anchor).days) <= horizon] or candidates
    try:
        return _pick(near, anchor, way)
    except ValueError:  # nothing that way within half a year: the tense misled
        return _pick(near, anchor, "near")


def _monthday(md: str, anchor: date, way: str) -> date | None:
    month, day = (int(x) for x in md.split("-"))
    cands = [d for y in (-1, 0, 1) if (d := _safe_date(anchor.year + y, month, day))]
    if not cands:
        return None
    if way.startswith("strict"):  # "last April 21": the one before, however far back
        return _pick(cands, anchor, way)
    if way == "near":
        # A month-day without a year is this year's unless it is over half a year off.
        same = _safe_date(anchor.year, month, day)
        if same is not None and abs((same - anchor).days) <= 183:
            return same
    return _within_horizon(cands, anchor, way)


def _month_pick(month: int, anchor: date, way: str) -> tuple[int, int]:
    firsts = [date(anchor.year + y, month, 1) for y in (-1, 0, 1)]
    this_month = anchor.replace(day=1)
    if way.lstrip("+-").isdigit():
        return anchor.year + int(way), month
    if way == "near":
        # Without tense, the closest such month: "November" in March is last November.
        chosen = min(firsts, key=lambda f: (abs((f - this_month).days), f > this_month))
        return chosen.year, chosen.month
    # "last May", "next May" look strictly that way; a bare month in a past or future
    # clause is that way within nine months, else the closest (see _within_horizon)
    chosen = (
        _pick(firsts, this_month, way)
        if way.startswith("strict")
        else _within_horizon(firsts, this_month, way, MONTH_HORIZON)
    )
    return chosen.year, chosen.month


def resolve_rel(rel: str, anchor: date) -> tuple[str, str] | None:
    """The TIMEX3 value and granularity of a ``rel`` string at ``anchor``; None if unknown."""
    if rel.startswith(ADJUST):
        return adjust_value(rel, lambda inner: resolve_rel(inner, anchor))
    if rel.startswith(SHIFT):
        return shift_value(rel, resolve_rel(rel.partition("|")[2], anchor))
    base, _, clock = rel.partition("@")
    parts = base.split(":")
    kind = parts[0]
    value: str | None = None
    gran = "day"
    if kind == "offset" and len(parts) == 3 and parts[1] == "day":
        value = (anchor + timedelta(days=int(parts[2]))).isoformat()
    elif kind == "week":
        value, gran = _iso_week(anchor + timedelta(weeks=int(parts[1]))), "week"
    elif kind == "weekx":  # a week told by reference, left unnumbered: "for the week"
        value, gran = f"{anchor.year:04d}-WXX", "week"
    elif kind == "month":
        y, m = _shift_month(anchor.year, anchor.month, int(parts[1]))
        value, gran = f"{y:04d}-{m:02d}", "month"
    elif kind == "quarter":
        q = (anchor.month - 1) // 3 + int(parts[1])
        value, gran = f"{anchor.year + q // 4:04d}-Q{q % 4 + 1}", "quarter"
    elif kind == "year":
        value, gran = f"{anchor.year + int(parts[1]):04d}", "year"
    elif kind == "decade":
        value, gran = f"{anchor.year // 10 + int(parts[1]):03d}", "decade"
    elif kind == "weekday":
        value = _weekday(parts[1], anchor, parts[2]).isoformat()
    elif kind == "monthday":
        d = _monthday(parts[1], anchor, parts[2])
        value = d.isoformat() if d else None
    elif kind == "holiday":
        value, gran = _holiday(parts[1], anchor, parts[2])
    elif kind == "monthname":
        y, m = _month_pick(int(parts[1]), anchor, parts[2])
        value, gran = f"{y:04d}-{m:02d}", "month"
    elif kind == "season":
        value, gran = _season(parts[1], anchor, parts[2]), "season"
    elif kind == "yearpart":
        value, gran = _yearpart(parts[1], anchor, parts[2]), "quarter"
    elif kind == "weekend":
        if anchor.weekday() == 6 and not parts[1].startswith("strict"):
            sat = anchor - timedelta(days=1)  # on a Sunday, "the weekend" is this one
        else:
            sat = _weekday("SAT", anchor, parts[1])
        value, gran = f"{_iso_week(sat)}-WE", "week"
    if value is None:
        return None
    if clock:
        return value + clock, "time"
    return value, gran


def _holiday(code: str, anchor: date, way: str) -> tuple[str, str]:
    """A holiday named without its year: the year its tense points to, as a month-day."""
    week = code.endswith("W") and code[:-1] in HOLIDAYS
    day_of = HOLIDAYS[code[:-1] if week else code]
    days = [day_of(anchor.year + y) for y in (-1, 0, 1)]
    if way in (
        "last",
        "next",
    ):  # "last Christmas" is the one before the report, whatever the horizon
        chosen = (
            max(d for d in days if d < anchor)
            if way == "last"
            else min(d for d in days if d > anchor)
        )
    else:
        chosen = _within_horizon(days, anchor, way)
    if week:
        return _iso_week(chosen), "week"
    return chosen.isoformat(), "day"


def _season(code: str, anchor: date, way: str) -> str:
    start = _SEASON_START[code]
    if way.lstrip("+-").isdigit():
        current = anchor.year if anchor.month >= start or code != "WI" else anchor.year - 1
        return f"{current + int(way):04d}-{code}"
    firsts = [date(anchor.year + y, start, 1) for y in (-1, 0, 1)]
    if way == "near":
        chosen = min(firsts, key=lambda f: abs((f - anchor).days))
    else:
        chosen = _pick(firsts, anchor, way.replace("strict", ""))
    return f"{chosen.year:04d}-{code}"


def _yearpart(code: str, anchor: date, way: str) -> str:
    if way.lstrip("+-").isdigit():
        return f"{anchor.year + int(way):04d}-{code}"
    n = int(code[1])
    start_month = (n - 1) * (3 if code[0] == "Q" else 6) + 1
    if way == "past" and date(anchor.year, start_month, 1) > anchor:
        return f"{anchor.year - 1:04d}-{code}"
    return f"{anchor.year:04d}-{code}"
