"""Which reader a file needs, decided from its bytes first and its suffix second.

Users hand over what they have: HTML saved as ``.txt``, a feed without a suffix,
a gzipped WARC named ``.gz``. The first bytes decide; the suffix only breaks
ties between formats that look alike (plain text that starts with ``{``).
"""

from __future__ import annotations

import json
import re

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"

#: Kinds returned by :func:`sniff`.
KINDS = ("gzip", "warc", "html", "feed", "jsonl", "json", "text")

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

_PROLOGUE = re.compile(rb"^(?:\s+|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE\s+(?!html)[^>]*>)*", re.S)
_FEED_ROOT = re.compile(rb"^<(?:rss|feed|rdf:RDF|RDF)\b", re.I)
_HTML_START = re.compile(rb"^<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I)
_HTML_TAGS = re.compile(rb"<(?:p|div|article|br|h1|h2|span|a|section|main)\b[^>]*>", re.I)


def suffix_of(name: str) -> str:
    """The lower-cased last suffix of a file name (``.gz`` for ``x.warc.gz``)."""
    base = name.rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base.lstrip(".") else ""


def sniff(head: bytes, name: str = "") -> str:
    """The kind of content ``head`` (the first few KB of a file) holds; one of :data:`KINDS`."""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    body = head.lstrip(b"\xef\xbb\xbf")
    if body.startswith(WARC_MAGIC):
        return "warc"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        body = _utf16_head(head)
    start = body[_PROLOGUE.match(body).end() :]  # type: ignore[union-attr]
    if _FEED_ROOT.match(start):
        return "feed"
    if _HTML_START.match(start):
        return "html"
    suffix = suffix_of(name)
    if start.startswith(b"{"):
        # JSON lines start with a one-line object; a pretty-printed object is JSON.
        if suffix in _JSONL_SUFFIXES or start.startswith(b'{"') or _first_line_is_json(start):
            return "jsonl"
        if suffix == ".json":
            return "json"
    if start.startswith(b"[") and suffix in {".json", ""} | _JSONL_SUFFIXES:
        return "json"
    if suffix in _HTML_SUFFIXES or (start.startswith(b"<") and len(_HTML_TAGS.findall(body)) >= 3):
        return "html"
    if suffix in _FEED_SUFFIXES and start.startswith(b"<"):
        return "feed"
    return "text"


def _utf16_head(head: bytes) -> bytes:
    """The ASCII view of a UTF-16 head, enough to recognise markup."""
    try:
        return head.decode("utf-16", errors="ignore").encode("ascii", errors="replace")
    except UnicodeError:
        return b""


def _first_line_is_json(start: bytes) -> bool:
    """Whether the first line of ``start`` is a whole JSON object (JSON lines, not prose)."""
    line = start.split(b"\n", 1)[0].strip()
    if not line.endswith(b"}"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
