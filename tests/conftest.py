"""Fixtures shared by every test module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from skip_summary import pytest_terminal_summary

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

__all__ = ["pytest_terminal_summary"]  # the hook, from the plugin module beside this file


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is not present (looked for {SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The five seed reports; skips the test when they are absent."""
    seeds = shared_dir / "seeds"
    if not any(seeds.glob("*.txt")):
        pytest.skip(f"../shared/seeds has no seed reports (looked in {seeds})")
    return seeds


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once per test session."""
    from storyline.nlp import load_nlp

    return load_nlp()
