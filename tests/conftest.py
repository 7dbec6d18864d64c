"""Fixtures shared by every test module."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The URL of a throwaway PostgreSQL server's database, from STORYLINE_TEST_PG."""
    url = os.environ.get("STORYLINE_TEST_PG")
    if not url:
        pytest.skip(
            "PostgreSQL tests skip: STORYLINE_TEST_PG is not set"
            " (scripts/pg_test_cluster.sh start DIR prints a URL; .ci/run sets it)"
        )
    return url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped after it."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    base, _, _ = pg_server.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store test keeps its database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "s.db")
    url: str = request.getfixturevalue("pg_url")
    return url
