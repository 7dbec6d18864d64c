"""Building an :class:`~storyline.model.Article` the same way for every reader."""

from __future__ import annotations

from storyline.ingest.text import MAX_TEXT_BYTES, content_hash
from storyline.model import Article


def too_large(text: str) -> str | None:
    """The reason a text is refused for its size, or None when it is small enough."""
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        return (
            f"too large: {size / 1e6:.1f} MB of text (the limit is {MAX_TEXT_BYTES / 1e6:.0f} MB)"
        )
    return None


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
        source=_clean(source),
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
