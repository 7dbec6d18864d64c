"""Publication dates: the one module that reads and writes ``Article.published``.

Where an article's date comes from, in order: its metadata (:func:`normalise_date`,
at ingest), else the date the report prints in its own date or byline line
(:func:`stated_date`, at analysis, from the boilerplate spans), else an estimate
from the other reports of its story (``story.dating``, which marks it
``published_estimated``). Every stage reads the day through :func:`publication_day`.

A bare date stays a date (``2025-03-11``); a date with a time keeps its time and
offset (``2025-03-11T08:15:00+00:00``). Formats seen in manifests, meta tags and
feeds are parsed directly; dateparser is only the last resort for the odd one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from storyline.lexicon.calendar import MONTH_WORD, MONTHS
from storyline.model import Boilerplate

_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%Y%m%d",
)
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso(moment: datetime) -> str:
    """ISO text of a datetime, without microseconds."""
    return moment.replace(microsecond=0).isoformat()


def normalise_date(value: object) -> str | None:
    """ISO date or datetime text for a string, date, datetime or struct_time; None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _iso(datetime(*value[:6]))
    if not isinstance(value, str):
        return None
    raw = value.strip()
    if not raw:
        return None
    if _DATE_ONLY.match(raw):
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            return None
    try:
        return _iso(datetime.fromisoformat(raw))
    except ValueError:
        pass
    try:
        return _iso(parsedate_to_datetime(raw))  # RFC 2822, as in RSS and e-mail
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return _dateparser(raw)


def _dateparser(raw: str) -> str | None:
    """Fallback: dateparser, demanding a full date so that "March" alone is not a day."""
    if len(raw) > 64 or not any(c.isdigit() for c in raw):
        return None
    import dateparser

    parsed: datetime | None = dateparser.parse(
        raw,
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    if parsed is None:
        return None
    if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and parsed.tzinfo is None:
        return parsed.date().isoformat()
    return _iso(parsed)


def publication_day(published: str | None) -> date | None:
    """The day of an ``Article.published`` value ("2025-05-17" or a datetime), if usable."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


_STATED = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_WORD})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTH_WORD})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))\b",
    re.I,
)
_STATED_KINDS = frozenset({"dateline", "byline"})


def stated_date(text: str, spans: Sequence[Boilerplate]) -> str | None:
    """The publication date a report prints in a date or byline line ("Published: 11 March 2025").

    A "Published"/"Posted" line wins over an "Updated" one; the first such line
    otherwise. Returns an ISO date, or None when no date line carries a full date.
    """
    found: list[tuple[int, str]] = []
    for item in spans:
        if item.kind not in _STATED_KINDS:
            continue
        line = text[item.span.start : item.span.end]
        match = _STATED.search(line)
        if match is None:
            continue
        iso = _iso_date(match)
        if iso is None:
            continue
        rank = 1 if re.match(r"\s*(?:last\s+)?(?:updated|modified)\b", line, re.I) else 0
        found.append((rank, iso))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _iso_date(match: re.Match[str]) -> str | None:
    """ISO text of a date matched by ``_STATED``, or None when it is not a real date."""
    if match.group("iso"):
        try:
            return date.fromisoformat(match.group("iso")).isoformat()
        except ValueError:
            return None
    day = match.group("d1") or match.group("d2")
    number = MONTHS[(match.group("m1") or match.group("m2")).lower()]
    year = match.group("y1") or match.group("y2")
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None
