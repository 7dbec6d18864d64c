"""The last lines of a test run say which tests were skipped and why (issue 20)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

SAMPLE = """
import pytest

@pytest.fixture
def shared():
    pytest.skip("../shared is not present (looked for /nowhere/shared)")

def test_needs_shared_one(shared):
    pass

def test_needs_shared_two(shared):
    pass

@pytest.mark.skipif(True, reason="needs a headless Chromium")
def test_needs_browser():
    pass

def test_runs():
    assert True
"""


def test_skip_summary_last_lines_name_reason_count_and_file(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text("from skip_summary import pytest_terminal_summary\n")
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
    }
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", os.devnull,
         "--rootdir", str(tmp_path), str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    last = run.stdout.strip().splitlines()[-4:]
    assert last[0].startswith("-") and "skipped tests: which and why" in last[0]
    assert last[1] == (
        "2 skipped: ../shared is not present (looked for /nowhere/shared) — in test_sample.py (2)"
    )
    assert last[2] == "1 skipped: needs a headless Chromium — in test_sample.py (1)"
    assert "1 passed, 3 skipped" in last[3]
