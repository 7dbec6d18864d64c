"""The poller against a local server: new items, lying validators, failures, state, pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import FakeClock, bare_analyse
from live_server import LocalServer, Reply, Seen, page, rss, story_paragraphs

from storyline.live.fetcher import Fetcher, FetchPolicy
from storyline.live.place import Placed
from storyline.live.poller import Poller, WatchOptions
from storyline.live.sources import Source
from storyline.store import Store
from storyline.store.feeds import FeedStore

HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/rss+xml"}


def loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


class Harness:
    """A poller on a temporary store, with a recording placer."""

    def __init__(
        self, tmp_path: Path, clock: FakeClock, sources: Sequence[Source], **opts: float
    ) -> None:
        self.store = Store(tmp_path / "live.db")
        self.placed: list[list[str]] = []
        self.clock = clock
        self.fetcher = Fetcher(FetchPolicy(allow_private=True, read_timeout=1.0), resolver=loopback)
        self.poller = Poller(
            self.store,
            sources,
            fetcher=self.fetcher,
            analyse=bare_analyse,
            place=self.place,
            options=WatchOptions(host_delay=opts.get("host_delay", 0.0)),
            clock=clock,
            sleep=clock.sleep,
        )

    def place(self, store: Store, ids: Sequence[str]) -> Placed:
        self.placed.append(list(ids))
        return Placed(0, ())

    def later(self) -> None:
        """Move the clock past every source's next poll."""
        due = self.poller.next_due() or self.clock.now
        self.clock.now = max(self.clock.now, due) + 1

    def close(self) -> None:
        self.fetcher.close()
        self.store.close()


def item(server: LocalServer, n: int, **extra: str) -> dict[str, str]:
    path = f"/news/{n}"
    server.routes[path] = Reply(
        200, page(f"Ferry halted {n}", story_paragraphs(f"Port {n}", n)), HTML
    )
    summary = (
        f"Summary {n}: the night ferry in Port {n} was suspended after a steering fault, "
        "officials said."
    )
    return {"guid": f"urn:test:{n}", "link": server.url(path), "title": f"Ferry {n}",
            "description": summary, **extra}  # fmt: skip


@pytest.fixture
def harness(tmp_path: Path, clock: FakeClock, server: LocalServer):  # type: ignore[no-untyped-def]
    made: list[Harness] = []

    def make(sources: Sequence[Source], **opts: float) -> Harness:
        h = Harness(tmp_path, clock, sources, **opts)
        made.append(h)
        return h

    yield make
    for h in made:
        h.close()


def test_poller_items_that_change_between_polls(server: LocalServer, harness) -> None:  # type: ignore[no-untyped-def]
    items = [item(server, 1), item(server, 2)]
    server.routes["/feed"] = lambda seen: Reply(200, rss(items), XML)
    h = harness([Source(server.url("/feed"))])
    first = h.poller.poll()
    assert (first.polled, first.new) == (1, 2)
    articles = h.store.articles()
    assert {a.title for a in articles} == {"Ferry halted 1", "Ferry halted 2"}
    assert all(a.source == "Harbour Courier" for a in articles)
    assert all("cookies" not in a.text and "Subscribe" not in a.text for a in articles)
    assert all("steering gear" in a.text for a in articles)
    assert h.placed == [[a.id for a in articles]]
    items.insert(0, item(server, 3))
    h.later()
    second = h.poller.poll()
    assert second.new == 1
    assert h.store.count_articles() == 3
    assert [server.hits(f"/news/{n}") for n in (1, 2, 3)] == [1, 1, 1]


def test_poller_lying_304_cannot_hide_new_items(server: LocalServer, harness) -> None:  # type: ignore[no-untyped-def]
    items = [item(server, 1)]

    def liar(seen: Seen) -> Reply:
        if "if-none-match" in seen.headers:
            return Reply(304, headers={"ETag": '"forever"'})
        return Reply(200, rss(items), {**XML, "ETag": '"forever"'})

    server.routes["/feed"] = liar
    h = harness([Source(server.url("/feed"))])
    assert h.poller.poll().new == 1
    items.insert(0, item(server, 2))
    found = []
    for _ in range(4):
        h.later()
        found.append(h.poller.poll().new)
    assert found == [0, 0, 0, 1]  # three trusted 304s, then a request without validators
    conditional = ["if-none-match" in r.headers for r in server.requests if r.path == "/feed"]
    assert conditional == [False, True, True, True, False]


def test_poller_unchanged_etag_on_a_changed_body(server: LocalServer, harness) -> None:  # type: ignore[no-untyped-def]
    items = [item(server, 1)]
    server.routes["/feed"] = lambda seen: Reply(200, rss(items), {**XML, "ETag": '"same"'})
    h = harness([Source(server.url("/feed"))])
    h.poller.poll()
    items.append(item(server, 2))
    h.later()
    assert h.poller.poll().new == 1


def test_poller_page_failure_keeps_the_feed_summary(server: LocalServer, harness) -> None:  # type: ignore[no-untyped-def]
    items = [item(server, 1), item(server, 2), item(server, 3)]
    server.routes["/news/1"] = Reply(500, b"down")
    server.routes["/news/2"] = Reply(200, b"x" * 10_000_000, HTML)  # over the size limit
    server.routes["/news/3"] = Reply(302, headers={"Location": "/news/3"})  # a loop
    server.routes["/feed"] = Reply(200, rss(items), XML)
    h = harness([Source(server.url("/feed"), name="Test Wire")])
    report = h.poller.poll()
    assert (report.new, report.summaries) == (3, 3)
    feeds = FeedStore(h.store)
    for article in h.store.articles():
        assert article.text.startswith("Summary ")
        assert article.source == "Test Wire"
        assert feeds.text_from(article.id) == "summary"


def test_poller_robots_disallowed_page_not_fetched(server: LocalServer, harness) -> None:  # type: ignore[no-untyped-def]
    server.routes["/robots.txt"] = Reply(
        200, b"User-agent: *\nDisallow: /news/\n", {"Content-Type": "text/plain"}
    )
    server.routes["/feed"] = Reply(200, rss([item(server, 1)]), XML)
    h = harness([Source(server.url("/feed"))])
    assert h.poller.poll().summaries == 1
    assert server.hits("/news/1") == 0


def test_poller_feed_errors_back_off_and_recover(
    server: LocalServer, harness, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    server.routes["/feed"] = Reply(500, b"down")
    h = harness([Source(server.url("/feed"))])
    waits = []
    for _ in range(3):
        assert h.poller.poll().failed == 1
        state = FeedStore(h.store).state(server.url("/feed"))
        assert state is not None
        waits.append(round((state.next_poll or 0) - clock.now))
        assert h.poller.due() == []
        h.later()
    assert waits == [600, 1200, 2400]
    assert state.failures == 3 and "HTTP 500" in (state.last_error or "")
    server.routes["/feed"] = Reply(200, rss([item(server, 1)]), XML)
    assert h.poller.poll().new == 1
    state = FeedStore(h.store).state(server.url("/feed"))
    assert state is not None and state.failures == 0 and state.last_error is None


def test_poller_feed_timeout_is_a_failure(server: LocalServer, harness) -> None:  # type: ignore[no-untyped-def]
    server.routes["/feed"] = Reply(200, rss([]), XML, delay=1.5)
    h = harness([Source(server.url("/feed"))])
    assert h.poller.poll().failed == 1


def test_poller_same_text_under_two_urls_stored_once(server: LocalServer, harness) -> None:  # type: ignore[no-untyped-def]
    one = item(server, 1)
    twin = {**one, "guid": "urn:test:twin", "link": server.url("/news/twin")}
    server.routes["/news/twin"] = server.routes["/news/1"]
    server.routes["/feed"] = Reply(200, rss([one, twin]), XML)
    h = harness([Source(server.url("/feed"))])
    report = h.poller.poll()
    assert (report.new, report.duplicates) == (1, 1)
    assert h.store.count_articles() == 1


def test_poller_ttl_sets_a_floor_on_the_interval(server: LocalServer, harness) -> None:  # type: ignore[no-untyped-def]
    server.routes["/feed"] = Reply(200, rss([item(server, 1)], extra="<ttl>180</ttl>"), XML)
    h = harness([Source(server.url("/feed"))])
    h.poller.poll()
    state = FeedStore(h.store).state(server.url("/feed"))
    assert state is not None and state.interval == 3 * 3600


def test_poller_host_delay_and_placement_before_waiting(
    server: LocalServer, harness, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    server.routes["/feed"] = Reply(200, rss([item(server, 1), item(server, 2)]), XML)
    h = harness([Source(server.url("/feed"))], host_delay=5.0)
    h.poller.poll()
    assert clock.slept and all(s == pytest.approx(5.0) for s in clock.slept)
    assert len(clock.slept) == 3  # robots.txt, feed, page 1, page 2: four requests, three gaps
    assert [len(p) for p in h.placed] == [1, 1]  # page 1 placed before waiting for page 2


def test_poller_sitemap_index_and_news_titles(server: LocalServer, harness) -> None:  # type: ignore[no-untyped-def]
    item(server, 1)
    item(server, 2)
    urlset = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        + "".join(
            f"<url><loc>{server.url(f'/news/{n}')}</loc><news:news><news:publication_date>"
            f"2026-05-2{n}</news:publication_date><news:title>T{n}</news:title></news:news></url>"
            for n in (1, 2)
        )
        + "</urlset>"
    )
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{server.url('/sm-1.xml')}</loc></sitemap></sitemapindex>"
    )
    server.routes["/sitemap.xml"] = Reply(200, index.encode(), {"Content-Type": "application/xml"})
    server.routes["/sm-1.xml"] = Reply(200, urlset.encode(), {"Content-Type": "text/xml"})
    h = harness([Source(server.url("/sitemap.xml"), "sitemap")])
    assert h.poller.poll().new == 2
    h.later()
    assert h.poller.poll().new == 0


def test_poller_restart_places_what_a_stopped_poll_stored(
    server: LocalServer, tmp_path: Path, clock: FakeClock
) -> None:
    server.routes["/feed"] = Reply(200, rss([item(server, 1), item(server, 2)]), XML)
    sources = [Source(server.url("/feed"))]
    first = Harness(tmp_path, clock, sources)

    def crash(store: Store, ids: Sequence[str]) -> Placed:
        raise KeyboardInterrupt

    first.poller.place = crash
    with pytest.raises(KeyboardInterrupt):
        first.poller.poll()
    first.close()
    again = Harness(tmp_path, clock, sources)
    again.poller.resume()
    assert again.placed == [[]]  # the adapter places every unplaced report
    assert again.poller.poll(sources).new == 0
    assert again.store.count_articles() == 2
    again.close()


def test_poller_a_report_that_breaks_analysis_is_recorded_not_retried(
    server: LocalServer,
    harness,  # type: ignore[no-untyped-def]
) -> None:
    server.routes["/feed"] = Reply(200, rss([item(server, 1), item(server, 2)]), XML)
    h = harness([Source(server.url("/feed"))])

    def fragile(articles):  # type: ignore[no-untyped-def]
        if any("Port 2" in a.text for a in articles):
            raise ValueError("cannot analyse this one")
        return bare_analyse(articles)

    h.poller.analyse = fragile
    report = h.poller.poll()
    assert (report.new, report.unreadable) == (1, 1)
    h.later()
    assert h.poller.poll().new == 0
    assert h.store.count_articles() == 1


def test_poller_interleaves_hosts_while_each_waits(
    server: LocalServer, tmp_path: Path, clock: FakeClock
) -> None:
    """Two hosts (test names resolved to 127.0.0.1): one's delay is spent on the other's pages."""

    def two_hosts(host: str, port: int) -> list[str]:
        assert host in {"a.test", "b.test"}
        return ["127.0.0.1"]

    def url(host: str, path: str) -> str:
        return f"http://{host}:{server.port}{path}"

    for host in ("a", "b"):
        links = []
        for n in (1, 2):
            path = f"/{host}/{n}"
            server.routes[path] = Reply(200, page(f"{host} {n}", story_paragraphs(host, n)), HTML)
            links.append({"guid": path, "link": url(f"{host}.test", path)})
        server.routes[f"/{host}/feed"] = Reply(200, rss(links), XML)
    store = Store(tmp_path / "live.db")
    fetcher = Fetcher(FetchPolicy(allow_private=True), resolver=two_hosts)
    poller = Poller(
        store,
        [Source(url("a.test", "/a/feed")), Source(url("b.test", "/b/feed"))],
        fetcher=fetcher,
        analyse=bare_analyse,
        place=lambda s, i: Placed(0, ()),
        options=WatchOptions(host_delay=5.0),
        clock=clock,
        sleep=clock.sleep,
    )
    start = clock.now
    assert poller.poll().new == 4
    pages = [r.path for r in server.requests if r.path[-1].isdigit()]
    assert sorted(pages) == ["/a/1", "/a/2", "/b/1", "/b/2"]
    # robots a, feed a (+5), robots b, feed b (+5), then the four pages two by two (+5, +5):
    # 20 s; one source after the other would take 30 s.
    assert clock.now - start == pytest.approx(20.0)
    fetcher.close()
    store.close()
