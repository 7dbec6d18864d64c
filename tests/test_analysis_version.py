"""Stored analyses are redone when the code that made them changes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from storyline.store import ANALYSIS_VERSION

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "analysis_fingerprint.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("analysis_fingerprint", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_recorded_fingerprint_is_the_codes() -> None:
    script = _script()
    version, value = script.recorded()
    assert version == ANALYSIS_VERSION, (
        f"ANALYSIS_VERSION is {ANALYSIS_VERSION} but {version} is recorded:"
        " run scripts/analysis_fingerprint.py --write"
    )
    assert value == script.fingerprint(), (
        "the analysis code changed: bump ANALYSIS_VERSION in src/storyline/store/sqlite.py"
        " (stores redo their analyses) and run scripts/analysis_fingerprint.py --write"
    )


def test_layout_comments_and_docstrings_do_not_count(tmp_path: Path) -> None:
    script = _script()
    plain = tmp_path / "a.py"
    plain.write_text('def f(x):\n    """Say it."""\n    return x + 1\n')
    other = tmp_path / "b.py"
    other.write_text("def f(x):  # a comment\n    return (x +\n            1)\n")
    changed = tmp_path / "c.py"
    changed.write_text("def f(x):\n    return x + 2\n")
    assert script._content(plain) == script._content(other)
    assert script._content(plain) != script._content(changed)


def test_write_refuses_a_change_without_a_bump(tmp_path: Path) -> None:
    script = _script()
    script.RECORD = tmp_path / "record.txt"
    script.RECORD.write_text(f"{script.current_version()} 0000000000000000\n")
    assert script.main(["--write"]) == 1
    script.RECORD.write_text(f"{script.current_version() - 1} 0000000000000000\n")
    assert script.main(["--write"]) == 0
    assert script.recorded() == (script.current_version(), script.fingerprint())
