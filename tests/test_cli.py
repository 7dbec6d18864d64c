"""The command line: digest and analyze end to end, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import EXIT_FAILED, EXIT_SKIPPED, main

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


REPORT = (
    "Harbour crane collapses in Port Veyra\n\n"
    "A crane collapsed at the Port Veyra container terminal on Tuesday, killing two "
    "workers and injuring four, the harbour authority said.\n\n"
    "\u201cWe are devastated,\u201d said harbour master Ilse Marrow. \u201cThe crane was "
    "inspected last month.\u201d\n"
)


def test_cli_analyze_jsonl_keeps_text_exactly(tmp_path: Path) -> None:
    text = "Line one.\r\nLine  two \u201cquoted\u201d said Ana Bell.\n"
    row = {"id": "x1", "text": text, "title": "T", "published": "2025-05-17"}
    src = _write(tmp_path / "in.jsonl", json.dumps(row) + "\n")
    out = tmp_path / "out.jsonl"
    code, _, err = _run("analyze", str(src), "--out", str(out), "--jobs", "1", "--quiet")
    assert code == 0, err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["x1"]
    assert rows[0]["text"] == text
    for key in ("boilerplate", "entities", "times", "quotes", "claims"):
        assert isinstance(rows[0][key], list)


def test_cli_analyze_offsets_index_the_text(tmp_path: Path) -> None:
    src = _write(tmp_path / "crane.txt", REPORT)
    out = tmp_path / "out.jsonl"
    code, _, err = _run("analyze", str(src), "--out", str(out), "--jobs", "1", "--quiet")
    assert code == 0, err
    row = json.loads(out.read_text(encoding="utf-8"))
    for entity in row["entities"]:
        assert row["text"][entity["start"] : entity["end"]] == entity["text"]
    assert any(q["text"].strip('\u201c\u201d"').startswith("We are") for q in row["quotes"])


def test_cli_bad_input_is_skipped_with_one_line_and_exit_3(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", REPORT)
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = _write(tmp_path / "empty.txt", "")
    out = tmp_path / "out.jsonl"
    code, _, err = _run(
        "analyze", str(good), str(bad), str(empty), "--out", str(out), "--jobs", "1", "-q"
    )
    assert code == EXIT_SKIPPED
    lines = [line for line in err.splitlines() if line.startswith("storyline: skipped")]
    assert len(lines) == 2
    assert any("photo.txt" in line for line in lines)
    assert any("empty.txt" in line for line in lines)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_cli_nothing_readable_exits_1(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.txt", "")
    code, _, err = _run("analyze", str(empty), "--out", str(tmp_path / "o.jsonl"), "-q")
    assert code == EXIT_FAILED
    assert "nothing to analyze" in err


def test_cli_usage_error_exits_2() -> None:
    code, _, _ = _run("digest")
    assert code == 2


@pytest.fixture(scope="module")
def examples_digest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("digest")
    code, _, err = _run(
        "digest", str(ROOT / "examples"), "--out", str(out / "out"), "--db",
        str(out / "s.db"), "--jobs", "1", "-q",
    )  # fmt: skip
    assert code == 0, err
    return out


def test_cli_digest_writes_every_page(examples_digest: Path) -> None:
    out = examples_digest / "out"
    data = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert len(data["stories"]) >= 2
    assert (out / "index.html").is_file()
    for story in data["stories"]:
        assert (out / f"{story['id']}.html").is_file()
        assert (out / f"{story['id']}.md").is_file()


def test_cli_digest_again_keeps_story_ids(examples_digest: Path, tmp_path: Path) -> None:
    before = json.loads((examples_digest / "out" / "stories.json").read_text(encoding="utf-8"))
    extra = _write(tmp_path / "crane.txt", REPORT)
    code, _, err = _run(
        "digest", str(extra), "--out", str(tmp_path / "out"), "--db",
        str(examples_digest / "s.db"), "--jobs", "1", "-q",
    )  # fmt: skip
    assert code == 0, err
    after = json.loads((tmp_path / "out" / "stories.json").read_text(encoding="utf-8"))
    assert len(after["articles"]) == len(before["articles"]) + 1
    old = {a: s["id"] for s in before["stories"] for a in s["articles"]}
    new = {a: s["id"] for s in after["stories"] for a in s["articles"]}
    assert all(new[a] == sid for a, sid in old.items())


def test_cli_missing_model_is_one_line_and_exit_1(tmp_path: Path) -> None:
    src = _write(tmp_path / "crane.txt", REPORT)
    code, _, err = _run(
        "analyze", str(src), "--out", str(tmp_path / "o.jsonl"), "--model",
        "no_such_pipeline_xyz", "--jobs", "1", "-q",
    )  # fmt: skip
    assert code == EXIT_FAILED
    assert err.strip().splitlines() == [
        "storyline: spaCy pipeline 'no_such_pipeline_xyz' is not installed"
    ]
