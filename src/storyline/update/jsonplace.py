"""``stories.json`` changed in place: a digest writes what changed, not the whole file.

A whole write (:mod:`storyline.update.jsonfile`) leaves free bytes (JSON whitespace)
between the end of the ``articles`` list and the first story, and records in its
index where that region starts (``ra``: the end of the last article), where it ends
(``rb``: the first story still in the file) and where the ``stories`` list closes
(``close``). A later digest then changes the file where it stands:

- an article new since is appended to ``articles`` (its place in input order), at
  ``ra``; an article whose entry changed is written over its old entry, padded with
  spaces, when it fits in the room its entry has (a roomy file leaves an entry's
  length of spaces after each article, for its date's evidence to grow
  into); else the file is written whole;
- a story that changed or is gone has its entry (and its comma) overwritten with
  whitespace; a new or changed story is written just before the first story still
  in the file, into the free region, the newest first. The ``stories`` list is thus
  the stories the digests since the last whole write changed, the latest digest's
  first, then the others in the order of that write (newest first);
- what follows the ``stories`` list (``storylines``, which a digest reorders, and
  ``version``) is made again, and written from its first changed byte on.

When the free region cannot take the new stories, or the whitespace left by removed
entries passes a quarter of the file, the file is written whole (with a new free
region). The index is removed before the first byte is changed and written after the
last, so a digest stopped half-way leaves no index, and the next one writes the file
whole. A reader that opens the file while a digest changes it may see it half
changed; a whole write replaces the file at once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from storyline.report.json import VERSION
from storyline.update.jsonindex import (
    BLOCK,
    INDEX,
    LAYOUT,
    Entry,
    Rows,
    Section,
    article_slack,
    blank,
    kept_row,
    section_order,
    write_index,
)

#: Filler is written this many bytes at a time (a multiple of a blank line's 64).
_PIECE = 1 << 16
#: Between the last article and the first story, as a whole write leaves it.
_SEPARATOR = b'\n ],\n "stories": ['


def _texts(section: Section, ids: Sequence[str]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for i in range(0, len(ids), BLOCK):
        chunk = ids[i : i + BLOCK]
        read = section.read(chunk)
        out.update((k, read[k].encode("utf-8")) for k in chunk)
    return out


def _pwrite_all(fd: int, data: bytes | memoryview, offset: int) -> None:
    view = memoryview(data)
    while view:
        n = os.pwrite(fd, view, offset)
        view, offset = view[n:], offset + n


def _fill(fd: int, offset: int, n: int, lines: bool) -> None:
    """``n`` bytes of whitespace at ``offset``: ``blank(n)`` (lines of spaces) or spaces,
    written a piece at a time."""
    while n > 0:
        step = min(n, _PIECE)  # whole pieces, then the rest: the same bytes as blank(n)
        _pwrite_all(fd, blank(step) if lines else b" " * step, offset)
        offset, n = offset + step, n - step


def update_in_place(path: Path, old: Mapping[str, Any], sections: Sequence[Section]) -> int | None:
    """Change ``stories.json`` at ``path`` in place; return how many entries were read
    from the store, or None (nothing changed) when it must be written whole."""
    if [s.name for s in sections] != list(LAYOUT):
        return None
    layout: Mapping[str, Any] = old["layout"]
    rows_of: Mapping[str, Rows] = old["sections"]
    ra, rb, close = int(layout["ra"]), int(layout["rb"]), int(layout["close"])
    waste = int(layout["waste"])
    size = path.stat().st_size
    articles, stories, lines = sections
    old_articles = rows_of.get("articles") or Rows()
    old_stories = rows_of.get("stories") or Rows()
    if not old_articles:
        return None  # the first article would need no comma before it: write whole
    # (offset, bytes, then so many bytes of filler, the filler lines of spaces or not):
    # filler is made as it is written, never held (a blanked story is its whole length)
    writes: list[tuple[int, bytes, int, bool]] = []

    # --- stories: blanked where they were, the new ones written before the rest -----
    # (made from the previous rows: the new and changed entries come newest first)
    order_s = section_order(stories, old_stories)
    by_id = old_stories.position()
    wanted: list[Entry] = []
    keep: set[int] = set()  # row numbers of the stories kept as they are
    for entry in order_s:
        was = kept_row(by_id, old_stories.keys, entry)
        if was is not None:
            keep.add(was)
        else:
            wanted.append(entry)
    survivors = sorted(keep)
    if len(survivors) + len(wanted) != len(order_s):
        return None
    last = len(old_stories) - 1
    for i, (start, length) in enumerate(zip(old_stories.starts, old_stories.lengths, strict=True)):
        if i in keep:
            continue
        length += 0 if i == last else 1  # its comma with it
        writes.append((start, b"", length, True))
        waste += length
    if survivors and last not in keep:
        comma = old_stories.starts[survivors[-1]] + old_stories.lengths[survivors[-1]]
        writes.append((comma, b" ", 0, False))  # the new last story has no comma after it
    # Before reading any entry (or the articles' order): stories that were in the file
    # take about their old room, so a digest that changed more of them than the room holds
    # (every story, after a new analysis version) writes the file whole, never holding
    # them (or their articles).
    likely = _likely(wanted, by_id, old_stories)
    if likely > rb - ra - len(_SEPARATOR) or waste * 4 > size:
        return None

    # --- articles: which are appended, which changed where they stand ----------------
    order = section_order(articles, old_articles)
    if len(order) < len(old_articles):
        return None
    for entry_id, entry in zip(old_articles.ids, order, strict=False):
        if entry_id != entry[0]:
            return None  # an article gone or moved: write whole
    changed = [i for i, key in enumerate(old_articles.keys) if key != order[i][1]]
    appended = order[len(old_articles) :]

    # --- articles: appended, or changed where they stand --------------------------
    texts = _texts(articles, [order[i][0] for i in changed] + [e[0] for e in appended])
    new_articles = Rows()
    new_articles.extend(old_articles)
    starts = old_articles.starts
    for i in changed:
        entry = order[i]
        data = texts[entry[0]]
        start = starts[i]
        # its room: up to the next article's separator, or the end of the list
        room = (starts[i + 1] - 2 if i + 1 < len(starts) else ra) - start
        if len(data) > room:
            return None
        writes.append((start, data, room - len(data), False))
        new_articles.set(i, entry, start, len(data))
    head = bytearray()
    for entry in appended:
        data = texts[entry[0]]
        head += b",\n"
        new_articles.add(entry, ra + len(head), len(data))
        head += data + b" " * article_slack(len(data))
    if likely > rb - ra - len(head) - len(_SEPARATOR):
        return None
    story_texts = _texts(stories, [e[0] for e in wanted])
    block = bytearray()
    placed: list[tuple[Entry, int, int]] = []
    for n, entry in enumerate(wanted):
        data = story_texts[entry[0]]
        block += b"\n"
        placed.append((entry, len(block), len(data)))
        block += data
        if n < len(wanted) - 1 or survivors:
            block += b","
    block += b"\n" if wanted else b""
    free = rb - ra - len(head) - len(_SEPARATOR) - len(block)
    if free < 0 or waste * 4 > size:
        return None
    # Between the separator and the first story the file is whitespace already: only
    # the new articles (over the old separator), the separator and the new stories change.
    writes.append((ra, bytes(head) + _SEPARATOR, 0, False))
    base = rb - len(block)
    if block:
        writes.append((base, bytes(block), 0, False))
    new_stories = Rows()
    for entry, at, n in placed:
        new_stories.add(entry, base + at, n)
    new_stories.extend(old_stories, survivors)

    # --- after the stories: made again, written from its first changed byte ---------
    with path.open("rb") as src:
        old_tail = os.pread(src.fileno(), size - close, close)
    tail, new_lines = _tail(lines, rows_of.get("storylines") or Rows(), old_tail, close)
    fresh = len(texts) + len(story_texts) + tail[1]
    data = tail[0]
    same = 0
    limit = min(len(data), len(old_tail))
    step = 1 << 16
    while same < limit and data[same : same + step] == old_tail[same : same + step]:
        same += step
    same = min(same, limit)
    while same < limit and data[same] == old_tail[same]:
        same += 1

    path.with_name(INDEX).unlink(missing_ok=True)  # a stop half-way leaves no index
    fd = os.open(path, os.O_WRONLY)
    try:
        for offset, chunk, fill, as_lines in sorted(writes, key=lambda w: w[0]):
            _pwrite_all(fd, chunk, offset)
            _fill(fd, offset + len(chunk), fill, as_lines)
        if same < len(data):
            _pwrite_all(fd, memoryview(data)[same:], close + same)
        os.ftruncate(fd, close + len(data))
    finally:
        os.close(fd)
    new_layout = {
        "ra": ra + len(head),
        "rb": base if wanted else rb,
        "close": close,
        "waste": waste,
        # a whole write lists the stories newest first; new ones before others do not
        "sorted": bool(layout.get("sorted", True)) and not (wanted and survivors),
    }
    write_index(
        path,
        {"articles": new_articles, "stories": new_stories, "storylines": new_lines},
        new_layout,
    )
    return fresh


def _likely(wanted: Sequence[Entry], at: Mapping[str, int], rows: Rows) -> int:
    """The bytes the ``wanted`` stories will likely take: what each took before (and its
    comma), nothing for a new one."""
    return sum(rows.lengths[at[e[0]]] + 2 for e in wanted if e[0] in at)


def _tail(
    section: Section, old_rows: Rows, old_tail: bytes, close: int
) -> tuple[tuple[bytes, int], Rows]:
    """What follows the ``stories`` list, made again: its bytes and how many entries
    were read, and the section's rows (offsets in the file)."""
    order = section_order(section, old_rows)
    before, keys = old_rows.position(), old_rows.keys
    # each entry's previous row, when written from its key
    hits = [kept_row(before, keys, entry) for entry in order]
    wanted = [e[0] for e, i in zip(order, hits, strict=True) if i is None]
    texts = _texts(section, wanted)
    head = f',\n "{section.name}": ['.encode()
    parts = [head]
    pos = len(head)  # bytes of the new tail so far, the pending run included
    run: list[int] | None = None  # [start, end) of the old tail, not yet in parts
    rows = Rows()
    for n, (entry, i) in enumerate(zip(order, hits, strict=True)):
        sep = b"\n" if n == 0 else b",\n"
        if i is not None:
            at, length = old_rows.starts[i] - close, old_rows.lengths[i]
            if run is not None and n > 0 and run[1] + 2 == at:
                run[1] = at + length  # it follows the run in the old tail, after ",\n"
            else:
                if run is not None:
                    parts.append(old_tail[run[0] : run[1]])
                parts.append(sep)
                run = [at, at + length]
            rows.add(entry, close + pos + len(sep), length)
            pos += len(sep) + length
            continue
        if run is not None:
            parts.append(old_tail[run[0] : run[1]])
            run = None
        data = texts[entry[0]]
        parts += (sep, data)
        rows.add(entry, close + pos + len(sep), len(data))
        pos += len(sep) + len(data)
    if run is not None:
        parts.append(old_tail[run[0] : run[1]])
    parts.append(b"\n ]" if order else b"]")
    parts.append(f',\n "version": {VERSION}\n}}\n'.encode())
    return (b"".join(parts), len(texts)), rows
