"""Manifests: metadata for bare files, as CSV or JSON.

CSV has a header row with ``file`` (or ``path``) and any of ``source``, ``url``,
``published``, ``title``, ``author``. JSON is either a list of such objects or an
object mapping file names to them. File names are relative to the manifest's
folder. A ``manifest.csv`` or ``manifest.json`` inside an input folder applies
automatically.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.ingest.dates import normalise_date
from storyline.ingest.errors import InputError
from storyline.ingest.paths import resolved
from storyline.ingest.text import DecodeError, decode_bytes
from storyline.model import Article

#: File names that make a folder's manifest.
MANIFEST_NAMES = ("manifest.csv", "manifest.json")
_KEY_FIELDS = ("file", "path", "filename")


@dataclass(frozen=True, slots=True)
class Entry:
    """Metadata a manifest gives for one file."""

    source: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    author: str | None = None


#: Manifest entries keyed by the resolved path of the file they describe.
Manifest = dict[Path, Entry]


def load_manifest(path: Path) -> Manifest:
    """Read a CSV or JSON manifest; raises InputError when it cannot be read."""
    label = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(label, f"cannot read manifest ({exc.strerror or exc})") from None
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        raise InputError(label, str(exc)) from None
    rows = _json_rows(text, label) if path.suffix.lower() == ".json" else _csv_rows(text, label)
    base = resolved(path.parent)
    manifest: Manifest = {}
    for number, row in rows:
        name = next((row[k] for k in _KEY_FIELDS if row.get(k)), None)
        if not name:
            raise InputError(f"{label}:{number}", 'manifest row has no "file" column')
        raw_date = row.get("published") or None
        published = normalise_date(raw_date)
        if raw_date and published is None:
            raise InputError(f"{label}:{number}", f"cannot read date {raw_date!r}")
        manifest[resolved(base / name)] = Entry(
            source=row.get("source") or None,
            url=row.get("url") or None,
            published=published,
            title=row.get("title") or None,
            author=row.get("author") or None,
        )
    return manifest


def _csv_rows(text: str, label: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a CSV manifest with a header row."""
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().lower() for f in reader.fieldnames or ()]
    if not any(k in fields for k in _KEY_FIELDS):
        raise InputError(label, 'manifest CSV needs a header row with a "file" column')
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for row in reader:
            clean = {
                (k or "").strip().lower(): (v or "").strip()
                for k, v in row.items()
                if isinstance(v, str)
            }
            rows.append((reader.line_num, clean))
    except csv.Error as exc:
        raise InputError(f"{label}:{reader.line_num}", f"malformed CSV ({exc})") from None
    return rows


def _json_rows(text: str, label: str) -> list[tuple[int, dict[str, str]]]:
    """(item number, row) pairs of a JSON manifest (a list, or a mapping by file name)."""
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise InputError(label, f"malformed JSON manifest ({exc})") from None
    if isinstance(document, dict):
        items = [{**v, "file": k} if isinstance(v, dict) else v for k, v in document.items()]
    elif isinstance(document, list):
        items = document
    else:
        raise InputError(label, "a JSON manifest is a list of objects or an object by file name")
    rows: list[tuple[int, dict[str, str]]] = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise InputError(f"{label}:{number}", "manifest item is not an object")
        rows.append(
            (number, {str(k).lower(): str(v).strip() for k, v in item.items() if v is not None})
        )
    return rows


def apply_entry(article: Article, entry: Entry, *, whole_file: bool) -> Article:
    """The article with manifest metadata: it wins for a whole file, fills gaps for members."""
    if not whole_file:
        # One manifest row cannot describe every article in a container: only the source fits all.
        if entry.source and article.source is None:
            return replace(article, source=entry.source)
        return article
    return replace(
        article,
        source=entry.source or article.source,
        url=entry.url or article.url,
        title=entry.title or article.title,
        author=entry.author or article.author,
        published=entry.published or article.published,
        published_estimated=article.published_estimated and entry.published is None,
    )
