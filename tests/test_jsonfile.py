"""stories.json rewritten by splicing: the same bytes as a whole write, unchanged entries copied."""

from __future__ import annotations

import json
import os
import tracemalloc
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from storyline.report.json import entry_text, write_json_entries
from storyline.update.jsonfile import INDEX, Rows, Section, read_index, write_spliced


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


def _parsed(path: Path) -> dict[str, object]:
    """The document, its stories by id (their order is not the contract's)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["stories"] = {s["id"]: s for s in data["stories"]}
    return dict(data)


def _check_index(path: Path) -> None:
    """Every entry the index records is at the bytes it names."""
    index = read_index(path)
    raw = path.read_bytes()
    assert index["file"][0] == len(raw)
    for rows in index["sections"].values():
        for entry_id, _, start, length, *_ in rows:
            assert json.loads(raw[start : start + length])["id"] == entry_id


def _gap(stories: int, size: int | None) -> int:
    return 4096


def test_splice_changes_the_file_in_place_as_a_whole_write_reads(tmp_path: Path) -> None:
    docs = _docs(40)
    docs["storylines"] = {f"l{i}": entry_text({"id": f"l{i}", "n": i}) for i in range(5)}
    keys = {i: "1" for part in docs.values() for i in part}
    path = tmp_path / "stories.json"
    write_spliced(path, _sections(docs, keys), _gap)
    write_spliced(path, _sections(docs, keys), _gap)  # the previous size known: room left
    inode = path.stat().st_ino
    rounds = [
        ("s3", "s39", "a5"),  # the first and the last stories change
        ("s0", "s1", "a39"),
        ("s38", "s20", "a0"),
    ]
    for n, (first, second, article) in enumerate(rounds):
        docs["stories"][first] = entry_text({"id": first, "x": ["changed", n]})
        keys[first] = f"c{n}"
        docs["stories"].pop(second)  # gone
        docs["stories"] = {f"n{n}": entry_text({"id": f"n{n}"}), **docs["stories"]}
        keys[f"n{n}"] = "1"
        docs["articles"][article] = entry_text({"id": article})  # shorter: fits in place
        keys[article] = f"c{n}"
        docs["articles"][f"new{n}"] = entry_text({"id": f"new{n}", "t": "ü" * n})
        keys[f"new{n}"] = "1"
        line = docs["storylines"].pop(f"l{n}")
        docs["storylines"] = {f"l{n}": line, **docs["storylines"]}  # moved first
        assert write_spliced(path, _sections(docs, keys), _gap) == 4  # the changed alone
        assert path.stat().st_ino == inode  # changed where it stands
        assert _parsed(path) == _parsed(Path(_whole_path(docs, tmp_path)))
        _check_index(path)
    # Every story gone (a file then mostly whitespace is written whole), then one back.
    docs["stories"] = {}
    write_spliced(path, _sections(docs, keys), _gap)
    assert _parsed(path) == _parsed(Path(_whole_path(docs, tmp_path)))
    docs["stories"] = {"z": entry_text({"id": "z"})}
    keys["z"] = "1"
    write_spliced(path, _sections(docs, keys), _gap)
    assert _parsed(path) == _parsed(Path(_whole_path(docs, tmp_path)))
    _check_index(path)


def test_splice_writes_whole_when_the_room_runs_out_or_an_article_grows(tmp_path: Path) -> None:
    docs = _docs(30)
    keys = {i: "1" for part in docs.values() for i in part}
    path = tmp_path / "stories.json"
    write_spliced(path, _sections(docs, keys), _gap)
    write_spliced(path, _sections(docs, keys), _gap)
    inode = path.stat().st_ino
    docs["stories"]["s1"] = entry_text({"id": "s1", "x": "y" * 9000})  # more than the room
    keys["s1"] = "2"
    write_spliced(path, _sections(docs, keys), _gap)
    assert path.stat().st_ino != inode  # written whole, anew
    assert path.read_bytes().startswith(_whole(docs, tmp_path / "w.json")[:20])
    assert _parsed(path) == _parsed(tmp_path / "w.json")
    inode = path.stat().st_ino
    docs["articles"]["a2"] = entry_text({"id": "a2", "t": "more than its room" * 9})
    keys["a2"] = "2"
    write_spliced(path, _sections(docs, keys), _gap)
    assert path.stat().st_ino != inode
    assert _parsed(path) == _parsed(Path(_whole_path(docs, tmp_path)))
    _check_index(path)
    # A story changed in place comes first; written whole, the stories are as given again.
    docs["stories"]["s2"] = entry_text({"id": "s2", "x": "new"})
    keys["s2"] = "3"
    write_spliced(path, _sections(docs, keys), _gap)
    assert json.loads(path.read_bytes())["stories"][0]["id"] == "s2"
    docs["articles"]["a3"] = entry_text({"id": "a3", "t": "more than its room" * 9})
    keys["a3"] = "2"
    write_spliced(path, _sections(docs, keys), _gap)
    assert json.loads(path.read_bytes())["stories"][0]["id"] == "s0"


def _whole_path(docs: dict[str, dict[str, str]], tmp_path: Path) -> Path:
    _whole(docs, tmp_path / "whole.json")
    return tmp_path / "whole.json"


def test_more_changed_stories_than_the_room_are_read_once_for_a_whole_write(
    tmp_path: Path,
) -> None:
    docs = _docs(200)
    keys = {i: "1" for part in docs.values() for i in part}
    path = tmp_path / "stories.json"
    write_spliced(path, _sections(docs, keys), _gap)
    write_spliced(path, _sections(docs, keys), _gap)
    inode = path.stat().st_ino
    for i in docs["stories"]:  # every story assembled again (a new analysis version)
        keys[i] = "2"
    reads: list[str] = []
    sections = _sections(docs, keys)
    told = sections[1].read

    def counted(ids: Sequence[str]) -> Mapping[str, str]:
        reads.extend(ids)
        return told(ids)

    sections[1] = Section("stories", sections[1].order, counted)
    assert write_spliced(path, sections, _gap) == 200
    assert path.stat().st_ino != inode  # written whole
    assert sorted(reads) == sorted(docs["stories"])  # each once: none held for the room
    assert _parsed(path) == _parsed(Path(_whole_path(docs, tmp_path)))


def test_splice_in_place_leaves_the_rooms_whitespace_unwritten(tmp_path: Path) -> None:
    docs = _docs(40)
    keys = {i: "1" for part in docs.values() for i in part}
    path = tmp_path / "stories.json"
    write_spliced(path, _sections(docs, keys), _gap)
    write_spliced(path, _sections(docs, keys), _gap)  # room before the stories
    index = json.loads(path.with_name(INDEX).read_text(encoding="utf-8"))
    ra, rb = index["layout"]["ra"], index["layout"]["rb"]
    raw = bytearray(path.read_bytes())
    start = raw.index(b"[", ra) + 1  # after the separator that opens the stories
    raw[start:rb] = b"\t" * (rb - start)  # still JSON whitespace, but not what a write makes
    path.write_bytes(bytes(raw))
    st = path.stat()
    index["file"] = [st.st_size, st.st_mtime_ns]
    path.with_name(INDEX).write_text(json.dumps(index), encoding="utf-8")
    docs["stories"] = {"n": entry_text({"id": "n"}), **docs["stories"]}
    keys["n"] = "1"
    docs["articles"]["new"] = entry_text({"id": "new"})
    keys["new"] = "1"
    assert write_spliced(path, _sections(docs, keys), _gap) == 2  # changed in place
    after = path.read_bytes()
    written = len(entry_text({"id": "n"})) + len(entry_text({"id": "new"})) + 64
    assert after.count(b"\t") >= rb - start - written  # the rest of the room untouched
    assert _parsed(path) == _parsed(Path(_whole_path(docs, tmp_path)))
    _check_index(path)


def test_every_story_changed_reads_no_article_and_holds_no_blank_before_the_whole_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.update.jsonfile as jsonfile

    docs = _docs(60)
    docs["stories"] = {f"s{i}": entry_text({"id": f"s{i}", "x": "q" * 20_000}) for i in range(60)}
    keys = {i: "1" for part in docs.values() for i in part}
    path = tmp_path / "stories.json"
    write_spliced(path, _sections(docs, keys), _gap)
    write_spliced(path, _sections(docs, keys), _gap)
    for i in keys:  # a new analysis version: every story's key, and so every article's
        keys[i] = "2"
    sections = _sections(docs, keys)
    reads: list[str] = []
    told = sections[0].read

    def counted(ids: Sequence[str]) -> Mapping[str, str]:
        reads.extend(ids)
        return told(ids)

    sections[0] = Section("articles", sections[0].order, counted)
    whole = jsonfile._write_whole
    peaks: list[int] = []

    def traced(*args: Any) -> int:
        peaks.append(tracemalloc.get_traced_memory()[1])  # the in-place attempt's peak
        return whole(*args)

    monkeypatch.setattr(jsonfile, "_write_whole", traced)
    tracemalloc.start()
    try:
        write_spliced(path, sections, _gap)
    finally:
        tracemalloc.stop()
    assert sorted(reads) == sorted(docs["articles"])  # once each: by the whole write alone
    assert peaks and peaks[0] < 20 * 20_000  # the 60 stories' 1.2 MB of blanks never made
    assert _parsed(path) == _parsed(Path(_whole_path(docs, tmp_path)))
    _check_index(path)


def test_rows_are_kept_in_columns_and_read_back_from_either_form() -> None:
    rows = Rows.of([["a", "k1", 3, 10, 7], ["b", "k2", 15, 4, 2]])
    assert list(rows) == [["a", "k1", 3, 10, 7], ["b", "k2", 15, 4, 2]]
    assert rows.position() == {"a": 0, "b": 1} and rows.total_length() == 14
    text = "".join(rows.to_json())
    assert json.loads(text)["starts"] == [3, 15]
    assert list(Rows.from_json(json.loads(text))) == list(rows)
    bare = Rows.of([["a", "k1", 3, 10]])  # no order recorded: none written, none read
    assert json.loads("".join(bare.to_json()))["orders"] is None
    assert list(Rows.from_json(json.loads("".join(bare.to_json())))) == [["a", "k1", 3, 10]]
    assert not Rows.from_json(json.loads("".join(bare.to_json()))).has_order(0)


def test_an_index_of_the_earlier_form_is_read_and_one_of_an_unknown_form_is_not(
    tmp_path: Path,
) -> None:
    docs = _docs(40)
    keys = {i: "1" for part in docs.values() for i in part}
    path = tmp_path / "stories.json"
    write_spliced(path, _sections(docs, keys), _gap)
    write_spliced(path, _sections(docs, keys), _gap)
    index = json.loads(path.with_name(INDEX).read_text(encoding="utf-8"))
    assert index["format"] == 2 and set(index["sections"]["stories"]) >= {"ids", "starts"}
    earlier = {  # as the code before columns wrote it: a list of rows per section
        "file": index["file"],
        "sections": {n: list(Rows.from_json(c)) for n, c in index["sections"].items()},
        "layout": index["layout"],
    }
    path.with_name(INDEX).write_text(json.dumps(earlier), encoding="utf-8")
    inode = path.stat().st_ino
    docs["stories"] = {"n": entry_text({"id": "n"}), **docs["stories"]}
    keys["n"] = "1"
    assert write_spliced(path, _sections(docs, keys), _gap) == 1  # in place, from the old form
    assert path.stat().st_ino == inode
    assert _parsed(path) == _parsed(Path(_whole_path(docs, tmp_path)))
    _check_index(path)
    index = json.loads(path.with_name(INDEX).read_text(encoding="utf-8"))
    index["format"] = 99  # a later form this code does not know: written whole
    path.with_name(INDEX).write_text(json.dumps(index), encoding="utf-8")
    assert read_index(path) == {}
    assert write_spliced(path, _sections(docs, keys), _gap) == 81
    _check_index(path)
