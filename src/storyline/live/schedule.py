"""When to poll a source next: pure functions of what the last polls found.

* The interval adapts to how often a source really has new items: halved after a
  poll that found some, grown by half after one that found none.
* The source's own hints are a floor: RSS ``ttl`` (minutes) and
  ``sy:updatePeriod`` / ``sy:updateFrequency`` (how often the publisher updates).
* Everything is clamped to ``[min_interval, max_interval]`` (10 min to 24 h).
* After a failure the wait doubles per consecutive failure up to ``backoff_cap``
  (and honours ``Retry-After``), and the source is tried again: never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

_PERIODS = {"hourly": 3600.0, "daily": 86400.0, "weekly": 604800.0, "monthly": 2592000.0}
_PERIODS["yearly"] = 31536000.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Schedule:
    """The bounds of the poll interval and of the backoff, in seconds."""

    default_interval: float = 900.0
    min_interval: float = 600.0
    max_interval: float = 86400.0
    backoff_base: float = 600.0
    backoff_cap: float = 6 * 3600.0
    #: After this many 304 answers in a row the next request is sent without
    #: validators: a server whose 304 lies cannot hide new items for longer.
    max_trusted_unchanged: int = 3


def feed_hint(ttl: object, period: object, frequency: object) -> float | None:
    """The shortest interval a feed asks for (``ttl``, ``sy:updatePeriod``), in seconds."""
    hints = []
    minutes = _number(ttl)
    if minutes is not None and minutes > 0:
        hints.append(minutes * 60.0)
    if isinstance(period, str) and period.strip().lower() in _PERIODS:
        times = _number(frequency) or 1.0
        hints.append(_PERIODS[period.strip().lower()] / max(times, 1.0))
    return max(hints) if hints else None


def clamp(schedule: Schedule, seconds: float, hint: float | None = None) -> float:
    """An interval inside the bounds, and not shorter than the source's hint."""
    floor = max(schedule.min_interval, hint or 0.0)
    return min(schedule.max_interval, max(floor, seconds))


def next_interval(
    schedule: Schedule, current: float | None, new_items: int, hint: float | None
) -> float:
    """The interval after a successful poll that found ``new_items`` new items."""
    base = current or schedule.default_interval
    grown = base / 2 if new_items > 0 else base * 1.5
    return clamp(schedule, grown, hint)


def backoff(schedule: Schedule, failures: int, retry_after: float | None = None) -> float:
    """The wait after the ``failures``-th consecutive failure (1, 2, ...): doubling, capped."""
    wait = schedule.backoff_base * 2.0 ** max(0, min(failures - 1, 30))
    if retry_after is not None:
        wait = max(wait, retry_after)
    return min(schedule.backoff_cap, wait)


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None
