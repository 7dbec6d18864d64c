"""SOURCES: what to follow, read from a TOML file or an OPML export of a feed reader.

TOML::

    [[feed]]
    url = "https://example.org/world/rss.xml"
    name = "Example News"      # optional: the outlet, used as each report's source
    interval = 900             # optional: seconds between polls to start from

    [[sitemap]]
    url = "https://example.org/news-sitemap.xml"

OPML: every ``<outline>`` with an ``xmlUrl`` is a feed; its ``text`` (or ``title``)
is the outlet's name.
"""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from storyline.live.address import UnsafeURLError, check_url

Kind = Literal["feed", "sitemap"]


class SourcesError(Exception):
    """A SOURCES file that cannot be used, and why (one line: ``path: reason``)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Source:
    """One feed or sitemap to follow."""

    url: str
    kind: Kind = "feed"
    name: str | None = None
    interval: float | None = None  # seconds; None: the poller's default


def load_sources(path: str | Path) -> list[Source]:
    """The sources a TOML or OPML file names, in file order, each URL once."""
    label = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SourcesError(label, f"cannot read ({exc.strerror or exc})") from None
    head = data.lstrip()[:200].lower()
    if head.startswith(b"<") or str(path).lower().endswith((".opml", ".xml")):
        found = _from_opml(data, label)
    else:
        found = _from_toml(data, label)
    unique: dict[str, Source] = {}
    for source in found:
        unique.setdefault(source.url, source)
    if not unique:
        raise SourcesError(label, "no [[feed]] or [[sitemap]] with a url")
    return list(unique.values())


def _from_toml(data: bytes, label: str) -> list[Source]:
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SourcesError(label, f"not valid TOML ({exc})") from None
    unknown = sorted(set(doc) - {"feed", "sitemap"})
    if unknown:
        raise SourcesError(
            label, f"unknown table(s) {', '.join(unknown)}: use [[feed]], [[sitemap]]"
        )
    out = []
    for kind in ("feed", "sitemap"):
        tables = doc.get(kind, [])
        if not isinstance(tables, list):
            raise SourcesError(label, f"{kind} must be an array of tables: write [[{kind}]]")
        for n, table in enumerate(tables, start=1):
            out.append(_source(table, kind, f"{label}: [[{kind}]] #{n}"))
    return out


def _source(table: Any, kind: Kind, where: str) -> Source:
    if not isinstance(table, dict):
        raise SourcesError(where, "not a table")
    extra = sorted(set(table) - {"url", "name", "interval"})
    if extra:
        raise SourcesError(where, f"unknown key(s) {', '.join(extra)}")
    url, name, interval = table.get("url"), table.get("name"), table.get("interval")
    if not isinstance(url, str) or not url.strip():
        raise SourcesError(where, "url missing")
    if name is not None and not isinstance(name, str):
        raise SourcesError(where, "name must be a string")
    if interval is not None and (
        isinstance(interval, bool) or not isinstance(interval, int | float) or interval <= 0
    ):
        raise SourcesError(where, "interval must be a positive number of seconds")
    return Source(_checked(url.strip(), where), kind, (name or "").strip() or None,
                  None if interval is None else float(interval))  # fmt: skip


def _from_opml(data: bytes, label: str) -> list[Source]:
    if b"<!doctype" in data[:2048].lower() or b"<!entity" in data.lower():
        raise SourcesError(label, "OPML with a DOCTYPE or entity declarations refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise SourcesError(label, f"not valid OPML/XML ({exc})") from None
    out = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            name = (outline.get("text") or outline.get("title") or "").strip() or None
            out.append(Source(_checked(url, f"{label}: outline {name or url}"), "feed", name))
    return out


def _checked(url: str, where: str) -> str:
    try:
        check_url(url)
    except UnsafeURLError as exc:
        raise SourcesError(where, exc.reason) from None
    return url
