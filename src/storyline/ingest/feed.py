"""RSS and Atom feeds through feedparser: one article per entry that carries text.

The feed title is the source; each entry brings its title, link, author and
date. Entry HTML is reduced to paragraphs of plain text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from storyline.ingest.article import make_article, too_large
from storyline.ingest.dates import normalise_date
from storyline.ingest.errors import InputError
from storyline.ingest.htmltext import html_to_text
from storyline.model import Article


def iter_feed(data: bytes, path: str) -> Iterator[Article | InputError]:
    """Articles from the bytes of an RSS or Atom feed; unreadable entries come out as InputError."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    problem = _parse_problem(parsed)
    entries = list(parsed.entries)
    if not entries:
        if problem:
            why = f"malformed feed ({problem})"
        elif not parsed.get("version"):
            why = "XML that is not an RSS or Atom feed"
        else:
            why = "feed has no entries"
        yield InputError(path, why)
        return
    source = _text(parsed.feed.get("title"))
    dropped = 0
    for number, entry in enumerate(entries, start=1):
        member = f"{path}::{number}"
        text = _entry_text(entry)
        if not text:
            dropped += 1
            if not problem:
                yield InputError(member, "feed entry has no text (no content or summary)")
            continue
        reason = too_large(text)
        if reason:
            yield InputError(member, reason)
            continue
        yield make_article(
            text,
            path=member,
            title=_text(entry.get("title")),
            source=source,
            url=_text(entry.get("link")),
            published=_entry_date(entry),
            author=_text(entry.get("author")),
        )
    if problem and dropped:
        yield InputError(path, f"malformed feed ({problem}); {dropped} entries could not be read")


def _parse_problem(parsed: Any) -> str | None:
    """What was wrong with the XML, if anything beyond a harmless encoding override."""
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if exc is None or type(exc).__name__ in {"CharacterEncodingOverride", "NonXMLContentType"}:
        return None
    return str(exc) or type(exc).__name__


def _entry_text(entry: Any) -> str:
    """The longest text an entry offers: its full content, else its summary."""
    candidates = [part.get("value", "") for part in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    texts = [html_to_text(value) for value in candidates if isinstance(value, str) and value]
    return max(texts, key=len, default="")


def _entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) date, keeping its original time zone."""
    for key in ("published", "updated", "created"):
        value = normalise_date(entry.get(key))
        if value:
            return value
    for key in ("published_parsed", "updated_parsed"):
        value = normalise_date(entry.get(key))
        if value:
            return value
    return None


def _text(value: object) -> str | None:
    """A metadata value as a string, or None."""
    return value if isinstance(value, str) and value.strip() else None
