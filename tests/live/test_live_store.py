"""The live state on both store backends: SQLite, and PostgreSQL when a test server is set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from conftest import FakeClock, bare_analyse
from live_server import LocalServer, Reply, page, rss, story_paragraphs

from storyline.live.fetcher import Fetcher, FetchPolicy
from storyline.live.place import Placed
from storyline.live.poller import Poller, WatchOptions
from storyline.live.sources import Source
from storyline.store import Store
from storyline.store.feeds import FeedStore


def test_live_store_state_round_trip(db_target: str) -> None:
    with Store(db_target) as store:
        feeds = FeedStore(store)
        with store.batch():
            state = feeds.register("https://a.example/rss", "feed", "A")
            feeds.save_state(replace(state, etag='"v1"', interval=900.0, failures=2))
            feeds.register("https://a.example/rss", "feed", "A News")  # renamed in SOURCES
            feeds.mark_seen(["k1", "k1", "k2"], source_url="f", article_id=None,
                            text_from="none", note="no text", at=5.0)  # fmt: skip
        got = feeds.state("https://a.example/rss")
        assert got is not None
        assert (got.name, got.etag, got.interval, got.failures) == ("A News", '"v1"', 900.0, 2)
        assert feeds.seen(["k1", "k3"]) == {"k1"}
        assert feeds.unplaced() == 0


def test_live_store_poll_on_each_backend(
    db_target: str, server: LocalServer, clock: FakeClock
) -> None:
    server.routes["/news/1"] = Reply(200, page("Ferry", story_paragraphs("Port Veyra", 1)),
                                     {"Content-Type": "text/html"})  # fmt: skip
    server.routes["/feed"] = Reply(
        200, rss([{"guid": "g1", "link": server.url("/news/1")}]), {"Content-Type": "text/xml"}
    )
    placed: list[Sequence[str]] = []
    with (
        Store(db_target) as store,
        Fetcher(FetchPolicy(allow_private=True), resolver=lambda h, p: ["127.0.0.1"]) as fetcher,
    ):
        poller = Poller(
            store,
            [Source(server.url("/feed"))],
            fetcher=fetcher,
            analyse=bare_analyse,
            place=lambda s, ids: placed.append(ids) or Placed(0, ()),
            options=WatchOptions(host_delay=0),
            clock=clock,
            sleep=clock.sleep,
        )
        assert poller.poll().new == 1
        clock.now += 86400
        assert poller.poll().new == 0
        assert store.count_articles() == 1
        assert FeedStore(store).text_from(store.articles()[0].id) == "page"
