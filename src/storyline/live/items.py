"""What a poll found: the items of a feed or a sitemap, and the keys that identify them.

An item is known when any of its keys was stored before: its GUID (scoped to its
feed, as RSS defines it) or its canonical URL (global: the same report in two
section feeds is one report). Content hashes are the third key, checked once the
page is read (``Store.has_content``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from storyline.ingest.dates import normalise_date
from storyline.ingest.htmltext import html_to_text
from storyline.live.schedule import feed_hint

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


class ParseError(Exception):
    """A feed or sitemap body that cannot be read."""


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a feed (or URL of a sitemap)."""

    url: str | None
    guid: str | None = None
    title: str | None = None
    summary: str = ""  # plain text of the entry's content or summary
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    """A parsed feed or sitemap: its items, its title and its poll-interval hint."""

    items: tuple[Item, ...]
    title: str | None = None
    hint: float | None = None  # seconds (ttl, sy:updatePeriod)
    sitemaps: tuple[str, ...] = ()  # child sitemaps of a sitemap index


def canonical_url(url: str) -> str:
    """A URL with scheme and host lower-cased, default port, fragment and tracking dropped."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in {None, 80 if scheme == "http" else 443} else None
    netloc = host if port is None else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def item_keys(feed_url: str, item: Item, *, extra_urls: tuple[str, ...] = ()) -> list[str]:
    """The keys by which an item is recognised on a later poll."""
    keys = []
    if item.guid:
        keys.append(f"guid {feed_url} {item.guid.strip()}")
    for url in (item.url, *extra_urls):
        if url:
            keys.append(f"url {canonical_url(url)}")
    return list(dict.fromkeys(keys))


def parse_feed(data: bytes, base: str | None = None) -> Listing:
    """The items of an RSS or Atom feed, in feed order; relative links resolved on ``base``."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    if not parsed.entries and not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        raise ParseError(f"not an RSS or Atom feed{f' ({problem})' if problem else ''}")
    items = []
    for entry in parsed.entries:
        link = _str(entry.get("link"))
        if link and base:
            link = urljoin(base, link)
        guid = _str(entry.get("id")) or link
        texts = [c.get("value", "") for c in entry.get("content", [])]
        texts.append(entry.get("summary", ""))
        summary = max((html_to_text(t) for t in texts if isinstance(t, str) and t), key=len,
                      default="")  # fmt: skip
        items.append(
            Item(
                url=link,
                guid=guid,
                title=_str(entry.get("title")),
                summary=summary,
                published=_entry_date(entry),
            )
        )
    feed = parsed.feed
    hint = feed_hint(feed.get("ttl"), feed.get("sy_updateperiod"), feed.get("sy_updatefrequency"))
    return Listing(tuple(items), _str(feed.get("title")), hint)


def parse_sitemap(data: bytes, base: str | None = None) -> Listing:
    """The URLs of a sitemap (with news:title and dates), or the children of an index."""
    if b"<!doctype" in data[:2048].lower() or b"<!entity" in data.lower():
        raise ParseError("sitemap with a DOCTYPE or entity declarations refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ParseError(f"not valid sitemap XML ({exc})") from None
    kind = _local(root.tag)
    if kind == "sitemapindex":
        children = []
        for node in root:
            loc = _child_text(node, "loc")
            if loc:
                children.append((_child_text(node, "lastmod") or "", loc))
        children.sort(reverse=True)  # newest first when dated
        return Listing((), sitemaps=tuple(loc for _, loc in children))
    if kind != "urlset":
        raise ParseError(f"not a sitemap (root element {kind!r})")
    items = []
    for node in root:
        loc = _child_text(node, "loc")
        if not loc:
            continue
        loc = urljoin(base, loc) if base else loc
        news = next((c for c in node if _local(c.tag) == "news"), None)
        title = _child_text(news, "title") if news is not None else None
        date = (_child_text(news, "publication_date") if news is not None else None) or (
            _child_text(node, "lastmod")
        )
        items.append(Item(url=loc, title=title, published=normalise_date(date)))
    items.sort(key=lambda i: i.published or "", reverse=True)
    return Listing(tuple(items))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(node: ET.Element | None, name: str) -> str | None:
    if node is None:
        return None
    for child in node:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created", "published_parsed", "updated_parsed"):
        value = normalise_date(entry.get(key))
        if value:
            return value
    return None


def _str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
