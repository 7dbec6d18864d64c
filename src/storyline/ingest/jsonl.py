"""JSON lines (one article object per line) and JSON arrays of article objects.

Field names are those of the output contract: ``id``, ``text``, ``title``,
``published``, ``source``, ``url`` (plus ``author``). The text is kept exactly as
given, so output offsets index the caller's own strings; a bad line is skipped
and named ``file:line``, the others are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from storyline.ingest.article import make_article, too_large
from storyline.ingest.dates import normalise_date
from storyline.ingest.errors import InputError
from storyline.model import Article

_STRING_FIELDS = ("title", "source", "url", "author")


def record_to_article(record: object, path: str, index: int | None = None) -> Article:
    """An Article from one decoded JSON object (line or item ``index``); raises InputError."""
    member = f"{path}:{index}" if index is not None else path
    if not isinstance(record, dict):
        raise InputError(member, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(member, 'missing or empty "text" field')
    reason = too_large(text)
    if reason:
        raise InputError(member, reason)
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        raise InputError(member, '"id" must be a string or a number')
    fields: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(member, f'"{name}" must be a string or null')
        fields[name] = value
    return make_article(
        text,
        path=f"{path}::{index}" if index is not None else path,
        id=str(raw_id) if raw_id not in (None, "") else None,
        published=normalise_date(record.get("published")),
        published_estimated=record.get("published_estimated") is True,
        **fields,
    )


def iter_jsonl(lines: Iterable[bytes], path: str) -> Iterator[Article | InputError]:
    """Articles from the lines of a JSON-lines file; bad lines come out as InputError."""
    for number, raw in enumerate(lines, start=1):
        member = f"{path}:{number}"
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield InputError(member, "not UTF-8 (JSON lines must be UTF-8)")
            continue
        except ValueError as exc:
            yield InputError(member, f"malformed JSON ({exc})")
            continue
        try:
            yield record_to_article(record, path, number)
        except InputError as exc:
            yield exc


def iter_json(data: bytes, path: str) -> Iterator[Article | InputError]:
    """Articles from a JSON file holding one article object or an array of them."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        yield InputError(path, f"malformed JSON ({exc})")
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        try:
            yield record_to_article(record, path, number if isinstance(document, list) else None)
        except InputError as exc:
            yield exc
