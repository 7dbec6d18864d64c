"""What ``stories.json``'s writers share: its index beside it, its sections, its room.

The index (``.storyline-json.idx``) records, for the file as written, each entry's id,
the key it was written from, its byte range and (when the section gives it) its place
in its list, and the file's layout (where its room is; see :mod:`.jsonplace`).
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The index's file name inside the report folder.
INDEX = ".storyline-json.idx"
#: Entries read from the store in one query.
BLOCK = 500


#: One entry of a section: (id, key) or (id, key, what the section is ordered by).
Entry = tuple[str, str] | tuple[str, str, Any]
#: One row of the index: [id, key, start, length] or [id, key, start, length, order].
Row = list[Any]
#: The on-disk form of the index this code writes (1: a list of rows per section).
FORMAT = 2
#: A row's order when it records none.
_NO_ORDER = object()


class Rows:
    """One section's index rows, held as columns (issue 16: 220k rows at 100k reports).

    Ids, keys and orders are lists (their strings are shared with the entries they were
    made from), the byte ranges two arrays of machine integers: no list and no integer
    object per row. ``rows[i]`` gives row ``i`` as a list.
    """

    __slots__ = ("ids", "keys", "lengths", "orders", "starts")

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.keys: list[str] = []
        self.starts = array("q")
        self.lengths = array("q")
        self.orders: list[Any] = []  # _NO_ORDER where a row records none

    @classmethod
    def of(cls, rows: Iterable[Sequence[Any]]) -> Rows:
        """Columns of rows given as lists ([id, key, start, length] or with the order)."""
        out = cls()
        for row in rows:
            out.append(str(row[0]), str(row[1]), int(row[2]), int(row[3]), *row[4:5])
        return out

    def append(self, entry_id: str, key: str, start: int, length: int, *order: Any) -> None:
        """Add a row (the order, when the entry gives one, as its one extra value)."""
        self.ids.append(entry_id)
        self.keys.append(key)
        self.starts.append(start)
        self.lengths.append(length)
        self.orders.append(order[0] if order else _NO_ORDER)

    def add(self, entry: Entry, start: int, length: int) -> None:
        """Add the row of ``entry`` (id, key and any order) written at these bytes."""
        self.ids.append(entry[0])
        self.keys.append(entry[1])
        self.starts.append(start)
        self.lengths.append(length)
        self.orders.append(entry[2] if len(entry) > 2 else _NO_ORDER)

    def extend(self, other: Rows, pick: Iterable[int] | None = None) -> None:
        """Add ``other``'s rows (those at the indices ``pick``, in that order, if given)."""
        if pick is None:
            self.ids += other.ids
            self.keys += other.keys
            self.starts += other.starts
            self.lengths += other.lengths
            self.orders += other.orders
            return
        pick = list(pick)
        self.ids += [other.ids[i] for i in pick]
        self.keys += [other.keys[i] for i in pick]
        self.starts += array("q", [other.starts[i] for i in pick])
        self.lengths += array("q", [other.lengths[i] for i in pick])
        self.orders += [other.orders[i] for i in pick]

    def set(self, i: int, entry: Entry, start: int, length: int) -> None:
        """Row ``i`` made the row of ``entry`` at these bytes."""
        self.ids[i], self.keys[i] = entry[0], entry[1]
        self.starts[i], self.lengths[i] = start, length
        self.orders[i] = entry[2] if len(entry) > 2 else _NO_ORDER

    def has_order(self, i: int) -> bool:
        """Whether row ``i`` records its place in its list."""
        return self.orders[i] is not _NO_ORDER

    def all_ordered(self) -> bool:
        """Whether every row records its place in its list."""
        return _NO_ORDER not in self.orders

    def position(self) -> dict[str, int]:
        """Each id's row number."""
        return dict(zip(self.ids, range(len(self.ids)), strict=True))

    def total_length(self) -> int:
        """The bytes of every entry."""
        return sum(self.lengths)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i: int) -> Row:
        row: Row = [self.ids[i], self.keys[i], self.starts[i], self.lengths[i]]
        if self.orders[i] is not _NO_ORDER:
            row.append(self.orders[i])
        return row

    def __iter__(self) -> Iterator[Row]:
        return (self[i] for i in range(len(self.ids)))

    def to_json(self) -> Iterator[str]:
        """The section's JSON, column by column (one column's text at a time)."""
        yield '{"ids":'
        yield json.dumps(self.ids, separators=(",", ":"))
        yield ',"keys":'
        yield json.dumps(self.keys, separators=(",", ":"))
        yield ',"starts":'
        yield json.dumps(self.starts.tolist(), separators=(",", ":"))
        yield ',"lengths":'
        yield json.dumps(self.lengths.tolist(), separators=(",", ":"))
        yield ',"orders":'
        if not self.all_ordered():
            yield "null"
        else:
            yield json.dumps(self.orders, separators=(",", ":"))
        yield "}"

    @classmethod
    def from_json(cls, data: Any) -> Rows:
        """Columns from the index on disk: this code's form, or a list of rows (format 1)."""
        if isinstance(data, list):
            return cls.of(data)
        out = cls()
        ids, keys, orders = data["ids"], data["keys"], data.get("orders")
        if not isinstance(ids, list) or not isinstance(keys, list):
            raise TypeError("index columns are not lists")
        out.ids, out.keys = ids, keys  # the decoded lists as they are: no copy
        out.starts = array("q", data["starts"])
        out.lengths = array("q", data["lengths"])
        out.orders = orders if isinstance(orders, list) else [_NO_ORDER] * len(ids)
        if not len(ids) == len(keys) == len(out.starts) == len(out.lengths) == len(out.orders):
            raise ValueError("index columns of different lengths")
        return out


@dataclass(frozen=True, slots=True)
class Section:
    """One list of ``stories.json``: its entries in file order and how to read their text.

    ``order`` is the entries in file order (or a function giving them, called only when
    ``update`` cannot say); ``update``, given the previous file's rows of this section
    in file order, returns the new order made from them and what changed since, or
    None when it cannot (the rows lack what the section is ordered by).
    """

    name: str
    order: Sequence[Entry] | Callable[[], Sequence[Entry]]
    read: Callable[[Sequence[str]], Mapping[str, str]]  # ids -> entry texts
    update: Callable[[Rows], Sequence[Entry] | None] | None = None


def read_index(path: Path) -> dict[str, Any]:
    """The index of the file at ``path`` (its rows by section, in file order, as
    :class:`Rows`, and its layout), or an empty dict when there is none or it is not
    the file's own. The index of the earlier form (rows as lists) is read too."""
    index = path.with_name(INDEX)
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
        st = path.stat()
        if not isinstance(data, dict) or data.get("file") != [st.st_size, st.st_mtime_ns]:
            return {}
        if data.get("format", 1) not in (1, FORMAT):
            return {}
        sections = data.get("sections", {})
        data["sections"] = {str(name): Rows.from_json(rows) for name, rows in sections.items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return data


def write_index(path: Path, sections: Mapping[str, Rows], layout: Mapping[str, Any]) -> None:
    """Record the index of the file at ``path`` as it now is, beside it (written a
    column at a time: never the whole index as one text)."""
    st = path.stat()
    side = path.with_name(INDEX + ".tmp")
    with side.open("w", encoding="utf-8") as out:
        out.write(f'{{"format":{FORMAT},"file":[{st.st_size},{st.st_mtime_ns}],"layout":')
        out.write(json.dumps(layout, separators=(",", ":")))
        out.write(',"sections":{')
        for n, (name, rows) in enumerate(sections.items()):
            out.write(("," if n else "") + json.dumps(name) + ":")
            for part in rows.to_json():
                out.write(part)
        out.write("}}")
    side.replace(path.with_name(INDEX))


def kept_row(at: Mapping[str, int], keys: Sequence[str], entry: Entry) -> int | None:
    """The previous row of ``entry`` when it was written from the same key, else None
    (``at``: each id's row number, :meth:`Rows.position`; ``keys``: the rows' keys)."""
    i = at.get(entry[0])
    return i if i is not None and keys[i] == entry[1] else None


def section_order(section: Section, rows: Rows | None, canonical: bool = True) -> Sequence[Entry]:
    """The section's new order: made from the previous ``rows`` when they are in the
    section's own order (``canonical``) and it can, else read whole."""
    if rows is not None and canonical and section.update is not None:
        order = section.update(rows)
        if order is not None:
            return order
    return section.order() if callable(section.order) else section.order


def article_slack(length: int) -> int:
    """Spaces after an article's entry in a roomy file: its date's evidence may grow."""
    return length


#: The sections, in file order, that :mod:`.jsonplace` can change in place.
LAYOUT = ("articles", "stories", "storylines")


def blank(n: int) -> bytes:
    """``n`` bytes of JSON whitespace: lines of 63 spaces."""
    line = b" " * 63 + b"\n"
    return line * (n // 64) + b" " * (n % 64)
