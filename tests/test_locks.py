"""The locks: every dependency of pyproject.toml pinned with its hashes (scripts/lock.sh).

A dependency added to pyproject.toml without re-running ``scripts/lock.sh`` fails
here, before ``make install`` on a fresh machine would miss it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(r"^([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==(\S+) \\$")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(lock: str) -> dict[str, str]:
    """Package → version of every pin, each checked to carry at least one sha256 hash."""
    lines = (ROOT / lock).read_text(encoding="utf-8").splitlines()
    pins: dict[str, str] = {}
    for n, line in enumerate(lines):
        if not line or line[0] in "# ":
            continue
        match = _PIN.match(line)
        assert match, f"{lock}: not pinned with ==: {line!r}"
        assert lines[n + 1].strip().startswith("--hash=sha256:"), f"{lock}: no hash for {line!r}"
        pins[_norm(match[1])] = match[2]
    return pins


def _names(requirements: list[str]) -> set[str]:
    return {_norm(re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0]) for r in requirements}


def test_locks_pin_every_dependency_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    missing = _names(project["dependencies"]) - runtime.keys()
    assert not missing, f"run scripts/lock.sh: {sorted(missing)} not in requirements.lock"
    missing = _names(project["optional-dependencies"]["dev"]) - dev.keys()
    assert not missing, f"run scripts/lock.sh: {sorted(missing)} not in requirements-dev.lock"
    differ = {n for n in runtime.keys() & dev.keys() if runtime[n] != dev[n]}
    assert not differ, f"the two locks pin {sorted(differ)} differently"
    assert _pins("requirements-pip.lock").keys() == {"pip"}
    assert "markupsafe" in _names(project["dependencies"])  # imported directly by report/
