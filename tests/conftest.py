"""Fixtures shared by every test module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The five seed reports; skips the test when they are absent."""
    seeds = shared_dir / "seeds"
    if not any(seeds.glob("*.txt")):
        pytest.skip("../shared/seeds is not present")
    return seeds


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once per test session."""
    from storyline.nlp import load_nlp

    return load_nlp()
