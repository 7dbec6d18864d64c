"""Publication dates from metadata, normalised to ISO 8601.

A bare date stays a date (``2025-03-11``); a date with a time keeps its time and
offset (``2025-03-11T08:15:00+00:00``). Formats seen in manifests, meta tags and
feeds are parsed directly; dateparser is only the last resort for the odd one.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

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
