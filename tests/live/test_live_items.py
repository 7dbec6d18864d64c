"""Items and their keys: canonical URLs, feed parsing with hints, sitemaps, page reading."""

from __future__ import annotations

import pytest
from live_server import page, rss, story_paragraphs

from storyline.live.fetcher import Fetched
from storyline.live.items import (
    Item,
    ParseError,
    canonical_url,
    item_keys,
    parse_feed,
    parse_sitemap,
)
from storyline.live.pages import read_page, summary_article
from storyline.store import Store
from storyline.store.feeds import FeedStore


def test_items_canonical_url_drops_tracking_and_fragment() -> None:
    assert canonical_url("HTTPS://News.Example.org:443/a/b?utm_source=x&id=7&fbclid=z#top") == (
        "https://news.example.org/a/b?id=7"
    )
    assert canonical_url("http://a.example:8080") == "http://a.example:8080/"


def test_items_keys_guid_scoped_to_feed_url_global() -> None:
    item = Item(url="https://a.example/x?utm_medium=rss", guid="42")
    assert item_keys("https://a.example/rss", item) == [
        "guid https://a.example/rss 42",
        "url https://a.example/x",
    ]


def test_items_feed_entries_and_sy_hint() -> None:
    extra = "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>"
    data = rss(
        [{"guid": "g1", "link": "https://a.example/1", "description": "<p>One.</p><p>Two.</p>"}],
        extra=extra,
    )
    listing = parse_feed(data)
    assert listing.title == "Test Wire"
    assert listing.hint == 900
    [entry] = listing.items
    assert (entry.guid, entry.url, entry.summary) == ("g1", "https://a.example/1", "One.\n\nTwo.")
    assert entry.published is not None and entry.published.startswith("2026-05-28")


def test_items_not_a_feed() -> None:
    with pytest.raises(ParseError):
        parse_feed(b"<html><body>hello</body></html>")


def test_items_sitemap_refuses_entities_and_other_roots() -> None:
    with pytest.raises(ParseError, match="DOCTYPE"):
        parse_sitemap(b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "b">]><urlset/>')
    with pytest.raises(ParseError, match="not a sitemap"):
        parse_sitemap(b"<rss/>")


def test_items_page_date_falls_back_to_the_feed_date() -> None:
    html = page("Ferry halted", story_paragraphs("Port Veyra", 1)).replace(
        b'<meta property="article:published_time" content="2026-05-28T08:00:00+00:00">', b""
    )
    fetched = Fetched("http://x.test/a", 200, {"content-type": "text/html"}, html)
    item = Item(url="http://x.test/a", published="2026-05-20T06:00:00+00:00")
    article = read_page(fetched, item, outlet="Courier")
    assert article.published == "2026-05-20T06:00:00+00:00"
    assert not article.published_estimated
    assert article.source == "Courier"


def test_items_short_summary_is_not_a_report() -> None:
    article, note = summary_article(
        Item(url="u", summary="Too short."), feed_url="f", outlet=None, why="HTTP 500"
    )
    assert article is None and "too short" in note


def test_items_store_marks_where_text_came_from() -> None:
    with Store(":memory:") as store:
        feeds = FeedStore(store)
        feeds.mark_seen(["k1", "k2"], source_url="f", article_id="a1", text_from="summary",
                        note="HTTP 500", at=1.0)  # fmt: skip
        assert feeds.seen(["k2", "k3"]) == {"k2"}
        assert feeds.text_from("a1") == "summary"
        with pytest.raises(ValueError):
            feeds.mark_seen(["k4"], source_url="f", article_id=None, text_from="?", note=None, at=1)


def test_items_relative_links_resolved_on_the_feed_url() -> None:
    data = rss([{"guid": "g", "link": "/world/ferry", "description": "x"}])
    [entry] = parse_feed(data, base="https://a.example/rss/world.xml").items
    assert entry.url == "https://a.example/world/ferry"
