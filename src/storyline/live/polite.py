"""Politeness: a minimum delay between requests to one host, and robots.txt.

robots.txt follows RFC 9309: a 4xx answer (no robots.txt) allows everything; a
5xx answer, a timeout or a refused connection disallows everything for the
moment (it is asked again after ``retry_unreachable`` seconds). The rules and the
``Crawl-delay`` for our User-Agent are kept for ``ttl`` seconds per origin. A
crawl delay longer than the host delay replaces it for that host.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from storyline.live.fetcher import Clock, Fetcher, FetchError

ROBOTS_TYPES = frozenset({"text/plain", "text/html", "application/octet-stream", ""})
#: robots.txt files are small; a larger one is read only this far.
ROBOTS_MAX_BYTES = 512_000


class HostGate:
    """Waits so that two requests to one host are at least ``delay`` seconds apart."""

    def __init__(
        self,
        delay: float,
        *,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}

    def wait_time(self, host: str, delay: float | None = None) -> float:
        """Seconds to wait before the next request to ``host`` may go."""
        last = self._last.get(host)
        if last is None:
            return 0.0
        gap = max(self.delay, delay or 0.0)
        return max(0.0, last + gap - self.clock())

    def last(self, host: str) -> float:
        """When the last request to ``host`` went (-inf if none did)."""
        return self._last.get(host, float("-inf"))

    def wait(self, host: str, delay: float | None = None) -> None:
        """Sleep until a request to ``host`` may go, then count it as sent."""
        pause = self.wait_time(host, delay)
        if pause > 0:
            self.sleep(pause)
        self._last[host] = self.clock()


@dataclass(frozen=True, slots=True)
class RobotsVerdict:
    """May this URL be fetched, and how far apart must requests to its host be."""

    allowed: bool
    crawl_delay: float | None = None
    reason: str | None = None


@dataclass(slots=True)
class _Rules:
    parser: RobotFileParser | None  # None: a blanket verdict
    allow_all: bool
    fetched_at: float
    expires: float


class Robots:
    """robots.txt per origin, fetched through the fetcher and the host gate, cached."""

    def __init__(
        self,
        fetcher: Fetcher,
        gate: HostGate,
        *,
        clock: Clock = time.monotonic,
        ttl: float = 86400.0,
        retry_unreachable: float = 3600.0,
    ) -> None:
        self.fetcher = fetcher
        self.gate = gate
        self.clock = clock
        self.ttl = ttl
        self.retry_unreachable = retry_unreachable
        self.agent = fetcher.policy.user_agent.split("/", 1)[0].split()[0]
        self._rules: dict[str, _Rules] = {}

    def verdict(self, url: str) -> RobotsVerdict:
        """Whether our User-Agent may fetch ``url``, and the host's crawl delay."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._rules.get(origin)
        if rules is None or rules.expires <= self.clock():
            rules = self._load(origin, parts.hostname or "")
            self._rules[origin] = rules
        if rules.parser is None:
            if rules.allow_all:
                return RobotsVerdict(True)
            return RobotsVerdict(False, reason="robots.txt unreachable: waiting to ask again")
        delay = rules.parser.crawl_delay(self.agent)
        crawl_delay = float(delay) if delay is not None else None
        if rules.parser.can_fetch(self.agent, url):
            return RobotsVerdict(True, crawl_delay)
        return RobotsVerdict(False, crawl_delay, "disallowed by robots.txt")

    def crawl_delay(self, url: str) -> float | None:
        """The crawl delay of the URL's host, if its robots.txt gives one."""
        return self.verdict(url).crawl_delay

    def _load(self, origin: str, host: str) -> _Rules:
        now = self.clock()
        self.gate.wait(host)
        try:
            got = self.fetcher.get(origin + "/robots.txt", types=ROBOTS_TYPES)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return _Rules(None, True, now, now + self.ttl)
            return _Rules(None, False, now, now + self.retry_unreachable)
        # UnsafeURLError goes up: the host itself is refused, whatever robots.txt says.
        parser = RobotFileParser()
        text = got.body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
        parser.parse(text.splitlines())
        return _Rules(parser, True, now, now + self.ttl)
