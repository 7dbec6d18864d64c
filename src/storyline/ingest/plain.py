"""Plain-text files: the decoded file is the article, its first line maybe the title."""

from __future__ import annotations

from storyline.ingest.article import make_article, too_large
from storyline.ingest.errors import InputError
from storyline.ingest.text import DecodeError, decode_bytes, headline_of, normalise_newlines
from storyline.model import Article


def read_plain(data: bytes, path: str) -> Article:
    """An Article from the bytes of a plain-text file; raises InputError when it is not text."""
    if not data.strip():
        raise InputError(path, "empty file")
    try:
        text = normalise_newlines(decode_bytes(data))
    except DecodeError as exc:
        raise InputError(path, str(exc)) from None
    if not text.strip():
        raise InputError(path, "empty file (only whitespace)")
    reason = too_large(text)
    if reason:
        raise InputError(path, reason)
    return make_article(text, path=path, title=headline_of(text))
