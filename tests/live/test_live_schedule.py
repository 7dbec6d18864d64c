"""The poll schedule: adaptive, bounded, hinted by the feed, backing off with a cap."""

from __future__ import annotations

from storyline.live.schedule import Schedule, backoff, feed_hint, next_interval

S = Schedule()


def test_schedule_adapts_to_new_items_within_bounds() -> None:
    assert next_interval(S, 3600, 5, None) == 1800
    assert next_interval(S, 3600, 0, None) == 5400
    assert next_interval(S, 700, 3, None) == S.min_interval  # never under 10 minutes
    assert next_interval(S, 80000, 0, None) == S.max_interval  # never over 24 hours


def test_schedule_quiet_feed_slows_down_to_the_cap() -> None:
    interval = S.default_interval
    for _ in range(30):
        interval = next_interval(S, interval, 0, None)
    assert interval == 86400


def test_schedule_feed_hints_are_a_floor() -> None:
    assert feed_hint("60", None, None) == 3600
    assert feed_hint(None, "hourly", "2") == 1800
    assert feed_hint("30", "daily", None) == 86400
    assert feed_hint(None, "fortnightly", None) is None
    assert next_interval(S, 1200, 4, feed_hint("60", None, None)) == 3600


def test_schedule_backoff_doubles_caps_and_never_stops() -> None:
    waits = [backoff(S, n) for n in range(1, 12)]
    assert waits[:3] == [600, 1200, 2400]
    assert max(waits) == S.backoff_cap
    assert all(w > 0 for w in waits)
    assert backoff(S, 1, retry_after=5000) == 5000
    assert backoff(S, 1000) == S.backoff_cap
