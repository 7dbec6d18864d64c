"""Reporting periods named by reference: "the quarter", "the year-ago period", "a year earlier".

Business news names its reporting period once ("the third quarter") and then refers
back to it: "the quarter", "the latest period", "in the year-earlier quarter", "from
$5 million a year ago". TIMEX3 values such references by the period they point at.
The rules here mark them with ``anaphor:quarter:OP[:Qn]`` (OP: a year shift ``+0``,
``-1``, or a year ``Y1988``; Qn: a named quarter) or ``anaphor:yearback``;
:func:`resolve_periods` then gives each the last quarter named before it in the
document (else the last quarter ended before the publication date, ``quarter:-1``),
shifted. A relative base stays relative: ``adjust:OP:Qn|REL`` is resolved by
:func:`adjust_value` once the anchor is known.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from storyline.analyze.timex.norm import Norm

#: Refers to a quarter: "the quarter" (+0), "the year-ago quarter" (-1), "the 1988 period" (Y1988).
QUARTER_REF = "anaphor:quarter:"
#: Refers to a period ("the year-ago period", "the 1988 period"): a quarter, unless a span
#: of months was told after the last quarter (:func:`resolve_norms`).
PERIOD_REF = "anaphor:period:"
#: "a year ago", "a year earlier", "year-earlier": a year before the period in question.
YEARBACK = "anaphor:yearback"
#: Prefix of a relative base to resolve and then adjust.
ADJUST = "adjust:"

_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_MONTHS = {"six": 6, "nine": 9}


def period_ref(m: re.Match[str], tense: str) -> Norm | None:
    """ "the (latest|year-ago|comparable) quarter", "the 1988 period", "last year's quarter"."""
    back = bool(m["back"] or m["tail"] or m["lastyear"])
    q = f":Q{_ORD[m['ord'].lower()]}" if m["ord"] else ""
    if m["year"]:
        if q:
            return Norm("DATE", f"{m['year']}-{q[1:]}", "quarter")
        ref = PERIOD_REF if m["unit"].lower() == "period" else QUARTER_REF
        return Norm("DATE", "XXXX-QX", "quarter", f"{ref}Y{m['year']}")
    if q and not back:
        return None  # "the third quarter": the quarter rule's
    if not back and ((m["det"] or "").lower() == "this" or (m["mod"] or "").lower() == "current"):
        if m["unit"].lower() == "period":
            return None
        return Norm("DATE", "XXXX-QX", "quarter", "quarter:0")  # "this quarter": the present one
    if m["unit"].lower() == "period" and not (back or m["mod"]):
        return None  # "the period": too vague to be a quarter
    op = "-1" if back else "+0"
    ref = PERIOD_REF if m["unit"].lower() == "period" and not q else QUARTER_REF
    return Norm("DATE", "XXXX-QX", "quarter", f"{ref}{op}{q}")


#: "the latest year", "the latest fiscal year": the last year reported, as "the latest quarter"
_LATEST = re.compile(r"(?i)\blatest\b")


def latest_year(words: str) -> Norm | None:
    """ "the latest (fiscal) year": the last one closed, the year before the report's (a
    report names the period it has results for, which is over); None for other words."""
    if _LATEST.search(words) is None:
        return None
    return Norm("DATE", "XXXX", "year", "year:-1")


def year_back(m: re.Match[str], tense: str) -> Norm | None:
    """ "a year ago", "a year earlier", "year-earlier results"; "the year-earlier nine
    months" is a span of nine months (as "the nine months" is), not a date."""
    if m["months"]:
        return Norm("DURATION", f"P{_MONTHS[m['months'].lower()]}M", "duration")
    return Norm("DATE", "XXXX", "year", YEARBACK)


def _shift_value(value: str, op: str, quarter: str) -> str | None:
    """A quarter value ("1989-Q3") with its year shifted or set and its quarter replaced."""
    m = re.match(r"^(\d{4})-(Q[1-4]|QX)$", value)
    if m is None:
        return None
    year = int(op[1:]) if op.startswith("Y") else int(m[1]) + int(op)
    return f"{year:04d}-{quarter or m[2]}"


def adjust_value(
    rel: str, resolve: Callable[[str], tuple[str, str] | None]
) -> tuple[str, str] | None:
    """Resolve ``adjust:OP:Qn|REL`` with ``resolve`` (REL -> (value, granularity))."""
    head, _, inner = rel.partition("|")
    _, op, quarter = head.split(":")
    got = resolve(inner)
    if got is None:
        return None
    value = _shift_value(got[0], op, quarter)
    return (value, "quarter") if value else None


def _quarter_base(norm: Norm) -> str | None:
    """What a quarter mention contributes as a base: its value, or ``rel`` when relative."""
    if norm.type != "DATE" or norm.granularity != "quarter" or norm.value.endswith(("H1", "H2")):
        return None
    if norm.rel is None:
        return norm.value if re.match(r"^\d{4}-Q[1-4]$", norm.value) else None
    return "rel:" + norm.rel


def _apply(base: str, op: str, quarter: str) -> Norm:
    if base.startswith("rel:"):
        return Norm("DATE", "XXXX-QX", "quarter", f"{ADJUST}{op}:{quarter}|{base[4:]}")
    value = _shift_value(base, op, quarter)
    return Norm("DATE", value or "XXXX-QX", "quarter")


#: The reporting spans of months that business news gives after its quarter: "the nine
#: months", "the first six months" (the year to date, or the half), told with the article;
#: "within six months", "closed for nine months" are stretches of time, not a period.
_SPAN = re.compile(r"^P[69]M$")
_THE_SPAN = re.compile(
    r"(?i)\b(?:the|its)\s+(?:(?:first|latest|past|last)\s+)?(?:six|nine|6|9)\s+months$"
)


def reporting_span(lead: str) -> bool:
    """Whether ``lead`` (an expression with the words just before it) ends in a reporting
    span of months: "for the nine months", "in the first six months"."""
    return bool(_THE_SPAN.search(lead))


def _after_span(rel: str, span: Norm) -> Norm | None:
    """A reference back told after a span of months: "up from $5 million a year
    earlier" after "for the nine months" is the year before (TIMEX3 has no value for
    the nine months of that year), "in the 1988 period" that year, and "the
    year-earlier period" the same span a year back, a span of as many months."""
    if rel == YEARBACK:
        return Norm("DATE", "XXXX", "year", "year:-1")
    op = rel[len(PERIOD_REF) :].split(":")[0] if rel.startswith(PERIOD_REF) else ""
    if op.startswith("Y"):
        return Norm("DATE", op[1:], "year")
    if op == "-1":
        return Norm("DURATION", span.value, "duration")
    return None


def resolve_norms(
    norms: list[Norm], spans: Collection[int] = (), reported: Collection[int] = ()
) -> list[Norm]:
    """Each period reference given the last quarter named before it (see module doc),
    or the span of months told after that quarter (``spans``: the indices of the norms
    that are reporting spans, see :func:`reporting_span`). ``reported``: the indices of
    quarters a verb of reporting governs ("America West reported third-quarter profit"),
    each the reporting period from there on."""
    out: list[Norm] = []
    last: str | None = None
    relative_seen = False
    span: Norm | None = None
    for i, norm in enumerate(norms):
        rel = norm.rel or ""
        if span is not None and (rel == YEARBACK or rel.startswith(PERIOD_REF)):
            norm = _after_span(rel, span) or norm
            rel = norm.rel or ""
        if rel.startswith(PERIOD_REF):
            rel = QUARTER_REF + rel[len(PERIOD_REF) :]
        if norm.type == "DURATION" and _SPAN.match(norm.value) and (i in spans or span is not None):
            span = norm
        elif rel.startswith(QUARTER_REF):
            parts = rel[len(QUARTER_REF) :].split(":")
            op, quarter = parts[0], (parts[1] if len(parts) > 1 else "")
            norm = _apply(last or "rel:quarter:-1", op, quarter)
            if op == "+0" and not quarter:
                last = _quarter_base(norm) or last
                span = None
        elif rel == YEARBACK:
            norm = _apply(last, "-1", "") if last else Norm("DATE", "XXXX", "year", "year:-1")
        elif (base := _quarter_base(norm)) is not None:
            span = None
            # The reporting period is the first quarter named without a year ("the third
            # quarter"); one written with its year ("the third quarter of 1984") is
            # background, the base only until a quarter without a year is named.
            undated = base.startswith("rel:")
            if last is None or (undated and (not relative_seen or i in reported)):
                last = base
            relative_seen = relative_seen or undated
        out.append(norm)
    return out
