"""Fault test (issue 20): a digest killed with SIGKILL at random points, then run again.

A real ``storyline digest`` process on the examples is killed at a random moment
(several seeds, spread over the time an uninterrupted run takes: reading, analysis,
clustering, assembling or writing). The database must pass SQLite's integrity
check right after the kill, and a second, uninterrupted run on the same database
must leave exactly what a single uninterrupted run leaves: the stored reports,
their analyses, the placements and the stories written to ``stories.json``.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = (1, 2, 3)

_TABLES = {
    "articles": "SELECT id, content_hash, text, title, source, url, published, "
    "published_estimated, path, author FROM articles ORDER BY id",
    "analyses": "SELECT article_id, version, data FROM analyses ORDER BY article_id",
    "features": "SELECT article_id, data FROM features ORDER BY article_id",
    "placements": "SELECT article_id, story_id, storyline_id FROM placements ORDER BY article_id",
    "duplicates": "SELECT article_id, original_id FROM duplicates ORDER BY article_id",
}


def _digest(folder: Path, **popen: object) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "storyline", "digest", str(EXAMPLES),
        "--out", str(folder / "out"), "--db", str(folder / "s.db"), "--jobs", "1", "--quiet",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=folder, **popen)  # type: ignore[call-overload,no-any-return]


def _finish(folder: Path) -> None:
    proc = _digest(folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()


def _state(folder: Path) -> dict[str, object]:
    with sqlite3.connect(folder / "s.db") as con:
        state: dict[str, object] = {
            name: con.execute(sql).fetchall() for name, sql in _TABLES.items()
        }
    state["stories.json"] = (folder / "out" / "stories.json").read_text(encoding="utf-8")
    state["pages"] = sorted(p.name for p in (folder / "out").iterdir())
    return state


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


def _analysed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as con:
            return int(con.execute("SELECT count(*) FROM analyses").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="module")
def reference(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, object], tuple[float, float]]:
    """What one uninterrupted run leaves, and when it began to store analyses and ended."""
    folder = tmp_path_factory.mktemp("reference")
    started = time.monotonic()
    log = folder / "stderr.txt"
    with log.open("wb") as stderr:
        proc = _digest(folder, stdout=subprocess.DEVNULL, stderr=stderr)
        first = None
        while proc.poll() is None:
            if first is None and _analysed(folder / "s.db"):
                first = time.monotonic() - started
            time.sleep(0.02)
    took = time.monotonic() - started
    assert proc.returncode == 0, log.read_text(encoding="utf-8")
    return _state(folder), (first if first is not None else 0.0, took)


@pytest.mark.parametrize("seed", SEEDS)
def test_fault_kill_9_then_resume_equals_one_run(
    reference: tuple[dict[str, object], tuple[float, float]], tmp_path: Path, seed: int
) -> None:
    expected, (first, took) = reference
    # a random moment between loading the pipeline (nothing written yet) and the end
    delay = random.Random(seed).uniform(0.8 * first, took)
    proc = _digest(tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    killed = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    db = tmp_path / "s.db"
    if db.exists():
        assert _integrity(db) == "ok"
    _finish(tmp_path)
    assert _integrity(db) == "ok"
    state = _state(tmp_path)
    for name, value in expected.items():
        assert state[name] == value, (
            f"{name} differs after a kill at {delay:.1f}s (killed={killed})"
        )
