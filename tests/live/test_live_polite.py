"""Politeness: the per-host delay and robots.txt (RFC 9309 answers, Crawl-delay)."""

from __future__ import annotations

from conftest import FakeClock
from live_server import LocalServer, Reply

from storyline.live.fetcher import Fetcher, FetchPolicy
from storyline.live.polite import HostGate, Robots

ROBOTS = (
    b"User-agent: *\nDisallow: /private/\n\n"
    b"User-agent: storyline\nDisallow: /no-bots/\nCrawl-delay: 7\n"
)


def loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


def robots_for(server: LocalServer, clock: FakeClock) -> Robots:
    fetcher = Fetcher(FetchPolicy(allow_private=True), resolver=loopback)
    return Robots(fetcher, HostGate(0, clock=clock, sleep=clock.sleep), clock=clock)


def test_polite_host_gate_spaces_requests_per_host(clock: FakeClock) -> None:
    gate = HostGate(5.0, clock=clock, sleep=clock.sleep)
    gate.wait("a.test")
    gate.wait("b.test")  # another host: no wait
    clock.now += 2
    gate.wait("a.test")
    assert clock.slept == [3.0]
    gate.wait("a.test", delay=10.0)  # a crawl delay longer than the host delay wins
    assert clock.slept == [3.0, 10.0]


def test_polite_robots_rules_and_crawl_delay(server: LocalServer, clock: FakeClock) -> None:
    server.routes["/robots.txt"] = Reply(200, ROBOTS, {"Content-Type": "text/plain"})
    robots = robots_for(server, clock)
    assert not robots.verdict(server.url("/no-bots/a")).allowed
    assert robots.verdict(server.url("/private/a")).allowed  # our group replaces '*'
    ok = robots.verdict(server.url("/news/a"))
    assert ok.allowed and ok.crawl_delay == 7.0
    assert server.hits("/robots.txt") == 1  # cached
    clock.now += 2 * 86400
    robots.verdict(server.url("/news/b"))
    assert server.hits("/robots.txt") == 2  # asked again after a day


def test_polite_robots_missing_allows_all(server: LocalServer, clock: FakeClock) -> None:
    robots = robots_for(server, clock)  # no route: 404
    assert robots.verdict(server.url("/anything")).allowed


def test_polite_robots_unreachable_disallows_for_now(server: LocalServer, clock: FakeClock) -> None:
    server.routes["/robots.txt"] = Reply(500, b"oops")
    robots = robots_for(server, clock)
    verdict = robots.verdict(server.url("/news/a"))
    assert not verdict.allowed and "unreachable" in (verdict.reason or "")
    server.routes["/robots.txt"] = Reply(
        200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"}
    )
    clock.now += 3601
    assert robots.verdict(server.url("/news/a")).allowed
