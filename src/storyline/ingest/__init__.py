"""Ingestion: any input (text, HTML, JSON lines, RSS/Atom, WARC, folders) to Articles.

Readers never analyse; they decode, extract the main text and the metadata, and
name every problem as an :class:`InputError` (``path: reason``).

Exceptions::

    Exception
    └── InputError        a file, JSON line, feed entry or WARC record was skipped
"""

from storyline.ingest.errors import InputError
from storyline.ingest.registry import iter_articles
from storyline.ingest.text import article_id, content_hash

__all__ = ["InputError", "article_id", "content_hash", "iter_articles"]
