"""What ``stories.json``'s writers share: its index beside it, its sections, its room.

The index (``.storyline-json.idx``) records, for the file as written, each entry's id,
the key it was written from, its byte range and (when the section gives it) its place
in its list, and the file's layout (where its room is; see :mod:`.jsonplace`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
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
    update: Callable[[Sequence[Row]], Sequence[Entry] | None] | None = None


def read_index(path: Path) -> dict[str, Any]:
    """The index of the file at ``path`` (its rows by section, in file order, and its
    layout), or an empty dict when there is none or it is not the file's own."""
    index = path.with_name(INDEX)
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
        st = path.stat()
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("file") != [st.st_size, st.st_mtime_ns]:
        return {}
    sections = data.get("sections", {})
    data["sections"] = {str(name): list(rows) for name, rows in sections.items()}
    return data


def write_index(path: Path, sections: Mapping[str, list[Row]], layout: Mapping[str, Any]) -> None:
    """Record the index of the file at ``path`` as it now is, beside it."""
    st = path.stat()
    index = {"file": [st.st_size, st.st_mtime_ns], "sections": sections, "layout": layout}
    side = path.with_name(INDEX + ".tmp")
    side.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    side.replace(path.with_name(INDEX))


def section_order(
    section: Section, rows: Sequence[Row] | None, canonical: bool = True
) -> Sequence[Entry]:
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
