"""stories.json rewritten by splicing: the same bytes as a whole write, unchanged entries copied."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from storyline.report.json import entry_text, write_json_entries
from storyline.update.jsonfile import INDEX, Section, write_spliced


def _sections(docs: dict[str, dict[str, str]], keys: dict[str, str]) -> list[Section]:
    """Sections over ``docs`` (section -> id -> text), keys from ``keys`` (id -> key)."""

    def reader(name: str) -> object:
        def read(ids: Sequence[str]) -> Mapping[str, str]:
            return {i: docs[name][i] for i in ids}

        return read

    return [
        Section(name, [(i, keys[i]) for i in docs[name]], reader(name))  # type: ignore[arg-type]
        for name in ("articles", "stories", "storylines")
    ]


def _docs(n: int, tag: str = "") -> dict[str, dict[str, str]]:
    return {
        "articles": {f"a{i}": entry_text({"id": f"a{i}", "t": "é" * i}) for i in range(n)},
        "stories": {f"s{i}": entry_text({"id": f"s{i}", "x": [i, tag]}) for i in range(n)},
        "storylines": {},
    }


def _whole(docs: dict[str, dict[str, str]], path: Path) -> bytes:
    write_json_entries(
        path, *(list(docs[k].values()) for k in ("articles", "stories", "storylines"))
    )
    return path.read_bytes()


def test_splice_writes_the_bytes_of_a_whole_write(tmp_path: Path) -> None:
    docs = _docs(1200)  # more than one block of reads
    keys = {i: "1" for part in docs.values() for i in part}
    path = tmp_path / "stories.json"
    assert write_spliced(path, _sections(docs, keys)) == 2400  # no index yet: all read
    assert path.read_bytes() == _whole(docs, tmp_path / "whole.json")
    # One story changes, one moves to the front, an article is added: three entries read.
    docs["stories"]["s7"] = entry_text({"id": "s7", "x": "changed"})
    keys["s7"] = "2"
    moved = docs["stories"].pop("s500")
    docs["stories"] = {"s500": moved, **docs["stories"]}
    docs["articles"]["new"] = entry_text({"id": "new"})
    keys["new"] = "1"
    assert write_spliced(path, _sections(docs, keys)) == 2
    assert path.read_bytes() == _whole(docs, tmp_path / "whole.json")
    json.loads(path.read_text(encoding="utf-8"))


def test_splice_without_a_current_index_reads_every_entry(tmp_path: Path) -> None:
    docs = _docs(5)
    keys = {i: "1" for part in docs.values() for i in part}
    path = tmp_path / "stories.json"
    write_spliced(path, _sections(docs, keys))
    path.write_bytes(path.read_bytes() + b" ")  # edited by hand: the index is not its own
    assert write_spliced(path, _sections(docs, keys)) == 10
    assert path.read_bytes() == _whole(docs, tmp_path / "whole.json")
    os.remove(tmp_path / INDEX)
    assert write_spliced(path, _sections(docs, keys)) == 10
    empty: dict[str, dict[str, str]] = {"articles": {}, "stories": {}, "storylines": {}}
    assert write_spliced(path, _sections(empty, {})) == 0
    assert path.read_bytes() == _whole(empty, tmp_path / "whole.json")
