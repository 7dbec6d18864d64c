"""``stories.json`` rewritten by splicing: entries that did not change are copied as bytes.

The file is three lists of entries (articles, stories, storylines; see
:func:`storyline.report.json.write_json_entries`, whose bytes this writes). Beside
it, ``.storyline-json.idx`` records, for the file as written, each entry's id, the
key it was written from, its byte range and (when the section gives it) its place in
its list, from which a section may make the new order without reading it whole (see
:mod:`storyline.update.jsonorder`). The next rewrite walks the new order
of each list: an entry whose key is unchanged is copied from the previous file
(runs of them in one ``copy_file_range``), the others are read from the store. A
digest that changes 20 stories thus reads 20 stories' entries and copies the rest,
with no entry decoded or encoded. Without a current index (a new folder, a file
edited by hand), every entry is read from the store, as a full write.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from storyline.report.json import VERSION
from storyline.update.jsonindex import (
    BLOCK,
    INDEX,
    LAYOUT,
    Entry,
    Row,
    Rows,
    Section,
    article_slack,
    blank,
    kept_row,
    read_index,
    section_order,
    write_index,
)
from storyline.update.jsonplace import update_in_place

__all__ = ["INDEX", "Entry", "Row", "Rows", "Section", "gap_size", "read_index", "write_spliced"]


class _Out:
    """The new file, written through a buffer; byte ranges of the old one copied in."""

    def __init__(self, fd: int, src: BinaryIO | None) -> None:
        self.fd = fd
        self.src = src
        self.buf: list[bytes] = []
        self.size = 0  # bytes in buf
        self.pos = 0  # bytes written, buffered and pending run included
        self.run: tuple[int, int] | None = None  # [start, end) of the old file, not copied yet

    def write(self, data: bytes) -> None:
        self._copy()
        self.buf.append(data)
        self.size += len(data)
        self.pos += len(data)
        if self.size > 1 << 20:
            self._flush()

    def copy(self, start: int, length: int, sep: bytes) -> int:
        """Copy an old entry (after ``sep``); return its new start."""
        if self.run is not None and self.run[1] + len(sep) == start and sep == b",\n":
            self.run = (self.run[0], start + length)  # the old file has the same separator
            self.pos += len(sep) + length
            return self.pos - length
        self.write(sep)
        self.run = (start, start + length)
        self.pos += length
        return self.pos - length

    def _flush(self) -> None:
        data = b"".join(self.buf)
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]
        self.buf, self.size = [], 0

    def _copy(self) -> None:
        if self.run is None:
            return
        start, end = self.run
        self.run = None
        self._flush()
        assert self.src is not None
        src = self.src.fileno()
        while start < end:
            try:
                n = os.copy_file_range(src, self.fd, end - start, start)
            except OSError:
                n = 0
            if n <= 0:  # not supported here: read and write
                n = os.write(self.fd, os.pread(src, min(end - start, 1 << 20), start))
            start += n

    def close(self) -> None:
        self._copy()
        self._flush()


def _blocks(items: Sequence[Entry]) -> Iterator[Sequence[Entry]]:
    for i in range(0, len(items), BLOCK):
        yield items[i : i + BLOCK]


def gap_size(stories: int, stories_bytes: int | None) -> int:
    """Free bytes a whole write leaves before the stories (see :mod:`.jsonplace`).

    A 32nd of the stories' bytes in the previous file; none for a first file (its
    size unknown until written: the next whole write leaves the room) or one whose
    stories take under 8 MiB (rewriting that whole is cheap).
    """
    size = stories_bytes or 0
    return 0 if size < 8 << 20 else size // 32


def write_spliced(
    path: Path, sections: Sequence[Section], gap: Callable[[int, int | None], int] = gap_size
) -> int:
    """Write ``stories.json`` at ``path``; return how many entries were read from the store.

    Changed in place when the previous file allows (:func:`.jsonplace.update_in_place`),
    else written whole, with ``gap(stories, their bytes before)`` free bytes for later
    digests to write new stories into.
    """
    with _collector_paused():  # not for a whole write: it reads every entry, cycles too
        old = read_index(path)
        if old.get("layout"):
            done = update_in_place(path, old, sections)
            if done is not None:
                return done
    return _write_whole(path, old, sections, gap)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while the index's rows are made, used and dropped.

    They are hundreds of thousands of small lists and tuples (220k rows at 100k
    reports), none in a cycle: reference counting frees them. Collecting while they
    live only walks them (and every other object the digest holds) again and again.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _write_whole(
    path: Path,
    old: Mapping[str, Any],
    sections: Sequence[Section],
    gap: Callable[[int, int | None], int],
) -> int:
    previous_rows: Mapping[str, Rows] = old.get("sections", {})
    layout_before: Mapping[str, Any] = old.get("layout") or {}
    tmp = path.with_name(path.name + ".tmp")
    written: dict[str, Rows] = {}
    layout: dict[str, Any] = {"ra": 0, "rb": 0, "close": 0, "waste": 0, "sorted": True}
    fresh = 0
    src = path.open("rb") if previous_rows else None
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            out = _Out(fd, src)
            out.write(b"{\n")
            told = previous_rows.get("stories")
            space = gap(len(told or ()), told.total_length() if told else None)
            for section in sections:
                out.write(f' "{section.name}": ['.encode())
                previous = previous_rows.get(section.name)
                canonical = section.name != "stories" or bool(layout_before.get("sorted", True))
                order = section_order(section, previous, canonical)
                # a roomy file: room after each article to grow into, before the stories
                slack = space > 0 and section.name == "articles"
                if section.name == "stories" and space:
                    out.write(blank(space))
                at = previous.position() if previous is not None else {}
                keys = previous.keys if previous is not None else []
                rows = Rows()
                first = True
                for block in _blocks(order):
                    wanted = [e[0] for e in block if kept_row(at, keys, e) is None]
                    texts = section.read(wanted) if wanted else {}
                    for entry in block:
                        sep = b"\n" if first else b",\n"
                        first = False
                        i = kept_row(at, keys, entry)
                        if i is not None and not slack:
                            assert previous is not None
                            length = previous.lengths[i]
                            rows.add(entry, out.copy(previous.starts[i], length, sep), length)
                            continue
                        if i is not None and src is not None:
                            assert previous is not None
                            data = os.pread(src.fileno(), previous.lengths[i], previous.starts[i])
                        else:
                            data = texts[entry[0]].encode("utf-8")
                            fresh += 1
                        out.write(sep)
                        rows.add(entry, out.pos, len(data))
                        out.write(data + (b" " * article_slack(len(data)) if slack else b""))
                del order, at
                if section.name == "articles":
                    layout["ra"] = out.pos
                if section.name == "stories":
                    layout["rb"] = rows.starts[0] if rows else out.pos
                out.write(b"]" if first else b"\n ]")
                if section.name == "stories":
                    layout["close"] = out.pos
                out.write(b",\n")
                written[section.name] = rows
            out.write(f' "version": {VERSION}\n}}\n'.encode())
            out.close()
        finally:
            os.close(fd)
    finally:
        if src is not None:
            src.close()
    path.with_name(INDEX).unlink(missing_ok=True)  # never an index of another file
    tmp.replace(path)
    names = [s.name for s in sections]
    write_index(path, written, layout if names == list(LAYOUT) else {})
    return fresh
