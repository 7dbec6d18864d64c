"""HTML pages: main text and metadata (title, date, author, site) through trafilatura."""

from __future__ import annotations

import logging
import re

from storyline.ingest.article import make_article, size_reason, too_large
from storyline.ingest.dates import normalise_date
from storyline.ingest.errors import InputError
from storyline.ingest.text import MAX_TEXT_BYTES, DecodeError, decode_bytes
from storyline.model import Article

#: Pages are markup-heavy: refuse raw HTML only well above the text limit.
MAX_HTML_BYTES = 8 * MAX_TEXT_BYTES
#: Fewer extracted words than this is a page without an article (an index, an error page).
MIN_WORDS = 8
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)

# trafilatura logs every page it finds too short; the caller reports that instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def read_html(
    data: bytes | str,
    path: str,
    *,
    url: str | None = None,
    fallback_date: str | None = None,
    charset: str | None = None,
) -> Article:
    """An Article from an HTML page; raises InputError when the page has no article text.

    ``fallback_date`` (e.g. a WARC capture date) is used, marked estimated, when
    the page itself carries no date. ``charset`` (an HTTP header's) is tried when the
    bytes are not UTF-8, before the page's own meta charset.
    """
    import trafilatura

    if isinstance(data, bytes):
        if len(data) > MAX_HTML_BYTES:
            raise InputError(path, size_reason(len(data)))
        try:
            page = decode_bytes(data, charset or _meta_charset(data))
        except DecodeError as exc:
            raise InputError(path, str(exc)) from None
    else:
        page = data
    if not page.strip():
        raise InputError(path, "empty file")
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise InputError(path, f"malformed HTML ({type(exc).__name__}: {exc})") from None
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else doc
    words = len(str(meta.get("text") or "").split()) if isinstance(meta, dict) else 0
    if words < MIN_WORDS or not isinstance(meta, dict):
        closed = "</body>" in page[-4096:].lower() or "</html>" in page[-4096:].lower()
        if not closed:
            raise InputError(path, "malformed or truncated HTML (no </html>) with no article text")
        raise InputError(path, f"no article text found in the HTML page ({words} words)")
    # One paragraph per line from trafilatura; a blank line between them, as in plain text.
    paragraphs = [line.strip() for line in str(meta["text"]).split("\n") if line.strip()]
    text = "\n\n".join(paragraphs)
    reason = too_large(text)
    if reason:
        raise InputError(path, reason)
    published = normalise_date(meta.get("date"))
    estimated = False
    if published is None and fallback_date:
        published, estimated = fallback_date, True
    return make_article(
        text,
        path=path,
        title=_str(meta.get("title")),
        source=_str(meta.get("sitename")) or _str(meta.get("hostname")),
        url=url or _str(meta.get("url")),
        published=published,
        published_estimated=estimated,
        author=_str(meta.get("author")),
    )


def _meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few KB (``<meta charset=...>``)."""
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def _str(value: object) -> str | None:
    """A metadata value as a string, or None."""
    return value if isinstance(value, str) and value.strip() else None
