"""Hardening (issue 20): each hostile path or input is one clear line, never a traceback.

One test per case the issue's table names: symbolic link loops (in a folder and on
the command line), an unwritable --out or --db found before any work, an output
inside an input folder refused, a report never replaced by an empty one, the one
size limit with one wording, and no traceback from workers after ``kill -9``.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import EXIT_FAILED, EXIT_USAGE, main
from storyline.ingest import InputError, iter_articles
from storyline.ingest.text import MAX_TEXT_BYTES

ROOT = Path(__file__).resolve().parents[1]
INPUTS_DOC = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")

REPORT = (
    "Ferry runs aground off Tessel Point\n\n"
    "A passenger ferry ran aground off Tessel Point on Friday evening, and all 43 people "
    "on board were brought ashore, the coastguard said.\n"
)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr


def _loop(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a").symlink_to("b")
    (folder / "b").symlink_to("a")


def _read(*inputs: Path) -> tuple[list[str], list[InputError]]:
    errors: list[InputError] = []
    texts = [a.text for a in iter_articles(list(inputs), on_error=errors.append)]
    return texts, errors


# --- symbolic links --------------------------------------------------------------------------


def test_hardening_symlink_loop_in_folder_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    _loop(tmp_path / "in")
    (tmp_path / "in" / "ferry.txt").write_text(REPORT, encoding="utf-8")
    texts, errors = _read(tmp_path / "in")
    assert texts == [REPORT]
    assert sorted(Path(e.path).name for e in errors) == ["a", "b"]
    assert all("symbolic link loop" in e.reason for e in errors)


def test_hardening_symlink_loop_on_command_line_names_the_loop(tmp_path: Path) -> None:
    _loop(tmp_path)
    _, errors = _read(tmp_path / "a")
    assert [e.reason.split(" (")[0] for e in errors] == ["symbolic link loop"]


def test_hardening_broken_link_on_command_line_names_its_target(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    _, errors = _read(tmp_path / "gone.txt")
    assert errors and "broken symbolic link" in errors[0].reason
    assert "nowhere.txt" in errors[0].reason


def test_hardening_symlink_loop_digest_stores_the_good_files(tmp_path: Path) -> None:
    _loop(tmp_path / "in")
    (tmp_path / "in" / "ferry.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / "s.db"
    code, err = _run(
        "digest", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--db", str(db), "-q",
        "--jobs", "1",
    )  # fmt: skip
    assert code == 3, err
    assert "Traceback" not in err and err.count("symbolic link loop") == 2
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_hardening_symlink_loop_analyze_leaves_no_empty_output(tmp_path: Path) -> None:
    _loop(tmp_path / "in")
    out = tmp_path / "rows.jsonl"
    out.write_text("kept\n", encoding="utf-8")
    code, err = _run("analyze", str(tmp_path / "in"), "--out", str(out), "-q", "--jobs", "1")
    assert code == EXIT_FAILED, err
    assert out.read_text(encoding="utf-8") == "kept\n"  # not truncated by a run with nothing
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# --- unwritable outputs, checked before any work ----------------------------------------------


@pytest.mark.parametrize("where", ["/proc/storyline-x/y", "FILE/sub"])
def test_hardening_unwritable_out_is_one_line_before_work(tmp_path: Path, where: str) -> None:
    (tmp_path / "FILE").write_text("not a folder", encoding="utf-8")
    out = where.replace("FILE", str(tmp_path / "FILE"))
    db = tmp_path / "s.db"
    missing = tmp_path / "no-such-input.txt"  # read only if the check came after the work
    code, err = _run("digest", str(missing), "--out", out, "--db", str(db), "-q")
    assert code == EXIT_USAGE, err
    assert err.startswith(f"storyline: --out {out}: ") and err.count("\n") == 1, err
    assert not db.exists()  # nothing was opened, read or analysed


@pytest.mark.parametrize("where", ["/proc/storyline-x.db", "FILE/s.db"])
def test_hardening_unwritable_db_is_one_line_before_work(tmp_path: Path, where: str) -> None:
    (tmp_path / "FILE").write_text("not a folder", encoding="utf-8")
    db = where.replace("FILE", str(tmp_path / "FILE"))
    src = tmp_path / "ferry.txt"
    src.write_text(REPORT, encoding="utf-8")
    code, err = _run("digest", str(src), "--out", str(tmp_path / "out"), "--db", db, "-q")
    assert code == EXIT_USAGE, err
    assert err.startswith(f"storyline: --db {db}: ") and err.count("\n") == 1, err
    assert not (tmp_path / "out").exists()


def test_hardening_db_that_is_not_a_database_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    db.write_bytes(b"this is a text file, not SQLite\n" * 200)
    src = tmp_path / "ferry.txt"
    src.write_text(REPORT, encoding="utf-8")
    code, err = _run("digest", str(src), "--out", str(tmp_path / "out"), "--db", str(db), "-q")
    assert code == EXIT_USAGE, err
    assert err.startswith(f"storyline: --db {db}: cannot open the database (")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_hardening_unwritable_analyze_out_is_one_line_before_work(tmp_path: Path) -> None:
    (tmp_path / "FILE").write_text("not a folder", encoding="utf-8")
    out = tmp_path / "FILE" / "rows.jsonl"
    code, err = _run("analyze", str(tmp_path / "nothing.txt"), "--out", str(out), "-q")
    assert code == EXIT_USAGE, err
    assert err.startswith(f"storyline: --out {out}: ") and err.count("\n") == 1, err


# --- outputs inside inputs ---------------------------------------------------------------------


@pytest.mark.parametrize("out", [".", "report", "report/deeper"])
def test_hardening_out_inside_input_folder_is_refused(tmp_path: Path, out: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(REPORT, encoding="utf-8")
    target = folder / out
    code, err = _run(
        "digest", str(folder), "--out", str(target), "--db", str(tmp_path / "s.db"), "-q"
    )
    assert code == EXIT_USAGE, err
    assert "inside the input folder" in err and err.count("\n") == 1
    assert not (tmp_path / "s.db").exists()
    assert sorted(p.name for p in folder.iterdir()) == ["ferry.txt"]


def test_hardening_analyze_out_inside_input_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ferry.txt").write_text(REPORT, encoding="utf-8")
    code, err = _run("analyze", str(tmp_path), "--out", str(tmp_path / "rows.jsonl"), "-q")
    assert code == EXIT_USAGE, err
    assert "inside the input folder" in err


def test_hardening_out_beside_inputs_is_fine(tmp_path: Path) -> None:
    from storyline.preflight import check_out_dir

    (tmp_path / "in").mkdir()
    check_out_dir(tmp_path / "in-report", [tmp_path / "in"])  # a name prefix is not inside
    check_out_dir(tmp_path / "out", [tmp_path / "in", tmp_path / "in" / "x.txt", "-"])


# --- a report is never replaced by an empty one --------------------------------------------------


def test_hardening_missing_input_keeps_the_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("index.html", "stories.json"):
        (out / name).write_text(f"an earlier {name}", encoding="utf-8")
    db = tmp_path / "fresh.db"
    code, err = _run("digest", str(tmp_path / "missing.txt"), "--out", str(out), "--db", str(db))
    assert code == EXIT_FAILED
    assert "report:" not in err
    assert "no such file or directory" in err and "no readable input" in err
    for name in ("index.html", "stories.json"):
        assert (out / name).read_text(encoding="utf-8") == f"an earlier {name}"


# --- one size limit, one wording, the one the docs name ------------------------------------------


def _size_reason(tmp_path: Path, name: str, size: int) -> str:
    path = tmp_path / name
    line = b"The harbour board met again on Tuesday to discuss the dredging plans. "
    with path.open("wb") as handle:
        handle.write(b"Dredging plans\n\n")
        handle.write(line * (size // len(line)))
    _, errors = _read(path)
    assert len(errors) == 1
    return errors[0].reason


def test_hardening_size_limit_one_wording(tmp_path: Path) -> None:
    limit = f"(the limit is {MAX_TEXT_BYTES // 1_000_000} MB of text per article)"
    small = _size_reason(tmp_path, "six.txt", 6_200_000)
    large = _size_reason(tmp_path, "fifty.txt", 50_000_000)
    assert small == f"too large: 6.2 MB {limit}"
    assert large == f"too large: 50.0 MB {limit}"
    assert f"`{small}`" in INPUTS_DOC  # the docs show the same words


def test_hardening_size_limit_html_same_wording(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    body = b"<p>The harbour board met again on Tuesday to discuss dredging.</p>\n"
    with path.open("wb") as handle:
        handle.write(b"<html><body>")
        handle.write(body * (41_000_000 // len(body)))
    _, errors = _read(path)
    assert [e.reason.split(" (")[1] for e in errors] == ["the limit is 5 MB of text per article)"]


# --- kill -9: orphaned workers die quietly ------------------------------------------------------

_DIGEST = """
import sys
from storyline.cli import main
sys.argv = ["storyline", *sys.argv[1:]]
main()
"""


def test_hardening_kill_9_leaves_no_worker_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(96):
        (folder / f"r{n:03}.txt").write_text(
            f"Report {n} on the harbour\n\n{REPORT} The pier {n} was closed for {n} days.\n" * 4,
            encoding="utf-8",
        )
    db = tmp_path / "s.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", _DIGEST, "digest", str(folder), "--out", str(tmp_path / "out"),
         "--db", str(db), "--jobs", "2", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 240
    analysed = 0
    while time.monotonic() < deadline and proc.poll() is None and analysed == 0:
        time.sleep(0.2)
        analysed = _count(db, "analyses")
    assert proc.poll() is None, "the digest finished before it could be killed"
    assert analysed > 0, "no batch was analysed in time"
    os.kill(proc.pid, signal.SIGKILL)
    # stderr stays open while any worker lives: reading to the end waits for them all
    _, err = proc.communicate(timeout=120)
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text and "BrokenPipe" not in text, text
    deadline = time.monotonic() + 30
    while _living_in_session(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)  # a killed worker may take a moment to be gone
    assert _living_in_session(proc.pid) == []


def _living_in_session(session: int) -> list[int]:
    """Processes of a session that still run (a dead orphan may linger as a zombie)."""
    living = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            living.append(int(entry.name))
    return living


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0])
