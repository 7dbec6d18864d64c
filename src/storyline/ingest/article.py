"""Building an :class:`~storyline.model.Article` the same way for every reader."""

from __future__ import annotations

import re

from storyline.ingest.text import MAX_TEXT_BYTES, content_hash
from storyline.model import Article


def size_reason(size: int, *, at_least: bool = False) -> str:
    """The one wording of the one size limit, for a text or a file of ``size`` bytes.

    ``at_least`` says the size is a lower bound (a stream read only up to a cap).
    """
    over = "over " if at_least else ""
    limit = MAX_TEXT_BYTES / 1e6
    return f"too large: {over}{size / 1e6:.1f} MB (the limit is {limit:.0f} MB of text per article)"


def too_large(text: str) -> str | None:
    """The reason a text is refused for its size, or None when it is small enough."""
    size = len(text.encode("utf-8"))
    return size_reason(size) if size > MAX_TEXT_BYTES else None


def make_article(
    text: str,
    *,
    path: str,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: str | None = None,
    published_estimated: bool = False,
    author: str | None = None,
) -> Article:
    """An Article with its id and content hash derived from the text (unless ``id`` is given)."""
    digest = content_hash(text)
    return Article(
        id=id or digest[:16],
        text=text,
        title=_clean(title),
        source=_source(_clean(source)),
        url=_clean(url),
        published=published,
        published_estimated=published_estimated,
        path=path,
        author=_clean(author),
        content_hash=digest,
    )


def _clean(value: str | None) -> str | None:
    """Metadata strings stripped and collapsed; empty ones become None."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


# A host name with its port ("chron.com:80", as archived addresses give it).
_HOST_PORT = re.compile(r"((?:[a-z0-9-]+\.)+[a-z]{2,}):\d{1,5}", re.IGNORECASE)


def _source(value: str | None) -> str | None:
    """An outlet given as a host name is named without its port: the port is how the
    page was fetched, not who published it."""
    if value is None:
        return None
    match = _HOST_PORT.fullmatch(value)
    return match.group(1) if match else value
