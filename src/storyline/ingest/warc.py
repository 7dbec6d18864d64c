"""WARC archives: every HTML (or plain-text) 200 response becomes an article.

The record's target URI becomes the article URL; its capture date stands in,
marked estimated, for pages that carry no date of their own. A record cut
short (a truncated download) is reported and ends the file: nothing after it
can be trusted.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from storyline.ingest.dates import normalise_date
from storyline.ingest.errors import InputError
from storyline.ingest.plain import read_plain
from storyline.ingest.webpage import read_html
from storyline.model import Article

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(stream: IO[bytes], path: str) -> Iterator[Article | InputError]:
    """Articles from an uncompressed WARC stream; bad or cut records come out as InputError."""
    number = 0
    yielded = False
    for item in _records(stream, path):
        if isinstance(item, int):
            number = item
            continue
        yielded = True
        yield item
    if not yielded:  # said, not silently dropped: a WARC of requests, images or damage
        what = f"{number} record(s), none" if number else "no record, or one"
        reason = f"no article in the WARC ({what} a successful HTML or text response)"
        yield InputError(path, reason)


def _records(stream: IO[bytes], path: str) -> Iterator[Article | InputError | int]:
    """Articles and errors of the records, each record first announced by its number."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    try:
        for record in ArchiveIterator(stream, no_record_parse=False, arc2warc=True):
            number += 1
            yield number
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            member = f"{path}::{uri or number}"
            content_type = _content_type(record)
            wanted = _wanted(record, content_type)
            payload = record.content_stream().read()
            if _truncated(record):
                yield InputError(member, f"truncated WARC record {number} (file ends mid-record)")
                return
            if not wanted:
                continue
            captured = normalise_date(record.rec_headers.get_header("WARC-Date"))
            captured_day = captured[:10] if captured else None
            try:
                if content_type.startswith("text/plain"):
                    yield read_plain(payload, member)
                else:
                    yield read_html(
                        payload,
                        member,
                        url=uri or None,
                        fallback_date=captured_day,
                        charset=_charset(record),
                    )
            except InputError as exc:
                yield exc
    except (EOFError, zlib.error) as exc:
        yield InputError(path, f"truncated WARC (compressed stream ends early: {exc})")
    except Exception as exc:  # warcio raises assorted errors on damaged headers
        yield InputError(path, f"malformed or truncated WARC after record {number} ({exc})")


def _content_type(record: Any) -> str:
    """The lower-cased media type of the payload."""
    headers = record.http_headers if record.rec_type in ("response", "revisit") else None
    value = (
        headers.get_header("Content-Type") if headers else None
    ) or record.rec_headers.get_header("Content-Type")
    return (value or "").split(";", 1)[0].strip().lower()


def _charset(record: Any) -> str | None:
    """The charset named in the HTTP Content-Type header, if any."""
    headers = record.http_headers
    value = (headers.get_header("Content-Type") if headers else None) or ""
    _, _, rest = value.partition("charset=")
    return rest.split(";", 1)[0].strip(" \"'") or None


def _wanted(record: Any, content_type: str) -> bool:
    """Whether the record is a successful capture of a page or a text document."""
    if record.rec_type not in ("response", "resource", "conversion"):
        return False
    if content_type not in _TEXT_TYPES:
        return False
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        return status.startswith("2")
    return True


def _truncated(record: Any) -> bool:
    """Whether the record's block ended before its declared Content-Length."""
    remaining = getattr(record.raw_stream, "limit", 0)
    return isinstance(remaining, int) and remaining > 0
