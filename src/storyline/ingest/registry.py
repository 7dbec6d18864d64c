"""From the paths a user gives to Articles: expand folders, pick a reader per file, apply manifests.

The reader is chosen by sniffing the first bytes (see :mod:`storyline.ingest.sniff`),
so a page saved as ``.txt`` is still read as HTML. A file, JSON line, feed entry
or WARC record that cannot be read becomes an :class:`InputError` handed to
``on_error``; reading goes on with the next one.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from storyline.ingest.article import size_reason
from storyline.ingest.errors import InputError
from storyline.ingest.feed import iter_feed
from storyline.ingest.jsonl import iter_json, iter_jsonl
from storyline.ingest.manifest import MANIFEST_NAMES, Entry, Manifest, apply_entry, load_manifest
from storyline.ingest.paths import link_problem, resolved
from storyline.ingest.plain import read_plain
from storyline.ingest.sniff import sniff, suffix_of
from storyline.ingest.text import MAX_TEXT_BYTES, binary_kind
from storyline.ingest.warc import iter_warc
from storyline.ingest.webpage import MAX_HTML_BYTES, read_html
from storyline.model import Article

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

#: Suffixes a folder walk reads (files without a suffix are read too and sniffed).
FOLDER_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ".xml", ".rss", ".atom"}
    | {".jsonl", ".ndjson", ".json", ".warc", ".gz"}
)
_NOT_ARTICLES = ("readme", "license", "licence", "changelog", "copying")
_HEAD = 8192
_MAX_CONTAINER_BYTES = 20 * MAX_HTML_BYTES

ErrorHandler = Callable[[InputError], None]


class _Readable(Protocol):
    """Anything with a binary ``read``: an open file, stdin's buffer, a GzipFile."""

    def read(self, size: int = ..., /) -> bytes: ...


def iter_articles(
    inputs: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Article]:
    """Articles from files, folders (recursively) and ``-`` (stdin), in order.

    Bad inputs are passed to ``on_error`` and skipped; without ``on_error`` the
    first one is raised.
    """

    def report(error: InputError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    explicit: Manifest = {}
    if manifest is not None:
        try:
            explicit = load_manifest(Path(manifest))
        except InputError as exc:
            report(exc)
    seen: set[Path] = set()
    for item in inputs:
        for path, label, entry in _expand(item, explicit, report):
            if path is not None:
                key = resolved(path)
                if key in seen:
                    continue  # the same file named twice (a folder and a file in it)
                seen.add(key)
            produced = False
            for result, whole_file in _read(path, label):
                produced = True
                if isinstance(result, InputError):
                    report(result)
                elif entry is not None:
                    yield apply_entry(result, entry, whole_file=whole_file)
                else:
                    yield result
            if not produced:  # e.g. a JSON array with no element: said, not silently dropped
                report(InputError(label, "no article in the file (it holds no records)"))


def _expand(
    item: str | Path, explicit: Manifest, report: ErrorHandler
) -> Iterator[tuple[Path | None, str, Entry | None]]:
    """(path, label, manifest entry) for every file an input names; path None means stdin."""
    label = str(item)
    if label == "-":
        yield None, "<stdin>", None
        return
    if label.startswith(("http:/", "https:/")):  # Path() folds "//" into "/"
        report(
            InputError(label, "URLs are not fetched: save the page (or a WARC) and pass the file")
        )
        return
    path = Path(item)
    if path.is_dir():
        yield from _walk(path, explicit, report)
    elif path.exists():
        yield path, label, _lookup(path, explicit, explicit)
    else:
        report(InputError(label, link_problem(path) or "no such file or directory"))


def _walk(
    root: Path, explicit: Manifest, report: ErrorHandler
) -> Iterator[tuple[Path | None, str, Entry | None]]:
    """Files under ``root`` in sorted order, skipping hidden ones, manifests and non-articles."""
    found: Manifest = {}
    files: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        for name in sorted(names):
            if name.startswith("."):
                continue
            if name.lower() in MANIFEST_NAMES:
                try:
                    found.update(load_manifest(here / name))
                except InputError as exc:
                    report(exc)
                continue
            if not _is_article_file(name):
                continue
            problem = link_problem(here / name)
            if problem:
                report(InputError(str(here / name), problem))
            else:
                files.append(here / name)
    found.update(explicit)  # a manifest named on the command line wins
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        yield path, str(path), _lookup(path, found, explicit)


def _is_article_file(name: str) -> bool:
    """Whether a folder walk should read this file."""
    stem = name.lower().split(".", 1)[0]
    if stem in _NOT_ARTICLES:
        return False
    suffix = suffix_of(name)
    return suffix == "" or suffix in FOLDER_SUFFIXES


def _lookup(path: Path, manifest: Manifest, explicit: Manifest) -> Entry | None:
    """The manifest entry for ``path``: by full path, else by a file name unique in ``explicit``.

    Only the explicit manifest matches by bare name: it may sit anywhere, while a
    folder's manifest names its own files exactly.
    """
    key = resolved(path)
    if key in manifest:
        return manifest[key]
    same_name = [entry for p, entry in explicit.items() if p.name == path.name]
    return same_name[0] if len(same_name) == 1 else None


def _read(path: Path | None, label: str) -> Iterator[tuple[Article | InputError, bool]]:
    """Read one file (or stdin): (article or error, whether it is the whole file) pairs."""
    try:
        if path is None:
            yield from _dispatch(sys.stdin.buffer, label, label)
            return
        with path.open("rb") as stream:
            yield from _dispatch(stream, label, path.name)
    except OSError as exc:
        yield InputError(label, f"cannot read file ({exc.strerror or exc})"), True


def _dispatch(
    stream: _Readable, label: str, name: str
) -> Iterator[tuple[Article | InputError, bool]]:
    """Sniff the stream and hand it to the right reader."""
    head = stream.read(_HEAD)
    if not head.strip() and not stream.read(1):
        yield InputError(label, "empty file"), True
        return
    kind = sniff(head, name)
    if kind == "gzip":
        yield from _gunzip(head, stream, label, name)
        return
    yield from _by_kind(kind, head, stream, label)


def _by_kind(
    kind: str, head: bytes, stream: _Readable, label: str
) -> Iterator[tuple[Article | InputError, bool]]:
    """Run the reader for ``kind`` on a stream whose first bytes ``head`` were already read."""
    if kind == "warc":
        for item in iter_warc(_chain(head, stream), label):
            yield item, False
        return
    if kind == "jsonl":
        for item in iter_jsonl(_chain(head, stream), label):
            yield item, False
        return
    limit = {"text": MAX_TEXT_BYTES * 4, "html": MAX_HTML_BYTES}.get(kind, _MAX_CONTAINER_BYTES)
    data = head + stream.read(limit + 1 - len(head))
    if len(data) > limit:
        size, at_least = _size_of(stream, len(data))
        reason = binary_kind(head) or size_reason(size, at_least=at_least)
        yield InputError(label, reason), True
        return
    try:
        if kind == "html":
            yield read_html(data, label), True
        elif kind == "feed":
            for item in iter_feed(data, label):
                yield item, False
        elif kind == "json":
            for item in iter_json(data, label):
                yield item, False
        else:
            yield read_plain(data, label), True
    except InputError as exc:
        yield exc, True


def _size_of(stream: _Readable, read: int) -> tuple[int, bool]:
    """(size, whether it is only a lower bound): a regular file's size, else the bytes read."""
    try:
        info = os.fstat(stream.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return read, True
    return (info.st_size, False) if stat.S_ISREG(info.st_mode) else (read, True)


def _gunzip(
    head: bytes, stream: _Readable, label: str, name: str
) -> Iterator[tuple[Article | InputError, bool]]:
    """Decompress a gzip file (a .warc.gz, or any text format gzipped) and read what is inside.

    A gzip stream cut short still yields the WARC records or JSON lines before the
    cut; a single document cut short is refused whole.
    """
    inner_name = name[:-3] if name.lower().endswith(".gz") else name
    raw = _Gunzip(gzip.GzipFile(fileobj=_chain(head, stream)))
    inner = io.BufferedReader(raw)
    inner_head = inner.read(_HEAD)
    kind = sniff(inner_head, inner_name)
    reported = False
    if kind in ("warc", "jsonl"):
        for item, whole_file in _by_kind(kind, inner_head, inner, label):
            reported = reported or isinstance(item, InputError)
            yield item, whole_file
    else:
        data = inner_head + inner.read(_MAX_CONTAINER_BYTES + 1 - len(inner_head))
        if raw.failure is None:
            yield from _by_kind(kind, data, io.BytesIO(), label)
    if raw.failure is not None and not reported:
        yield InputError(label, f"truncated or corrupt gzip data ({raw.failure})"), True


class _Gunzip(io.RawIOBase):
    """Decompressed bytes of a gzip stream; a damaged stream ends early and says why."""

    def __init__(self, source: gzip.GzipFile) -> None:
        super().__init__()
        self._source = source
        self.failure: str | None = None

    def readable(self) -> bool:
        """Always readable."""
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        """Fill ``buffer`` with decompressed bytes; 0 at the end or at the damage."""
        if self.failure is not None:
            return 0
        view = memoryview(buffer).cast("B")
        try:
            data = self._source.read1(len(view))  # one raw read: data before damage survives
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            self.failure = str(exc) or type(exc).__name__
            return 0
        view[: len(data)] = data
        return len(data)


class _Replay(io.RawIOBase):
    """A raw stream that replays already-read bytes before the rest of a file."""

    def __init__(self, head: bytes, rest: _Readable) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        """Always readable."""
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        """Fill ``buffer`` from the replayed head first, then from the file."""
        view = memoryview(buffer).cast("B")
        if self._head:
            data, self._head = self._head[: len(view)], self._head[len(view) :]
        else:
            data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _chain(head: bytes, rest: _Readable) -> io.BufferedReader:
    """A buffered binary stream: ``head`` followed by what remains of ``rest``."""
    return io.BufferedReader(_Replay(head, rest))
