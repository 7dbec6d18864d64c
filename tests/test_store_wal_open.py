"""Opening a SQLite store puts it in WAL mode, and waits out another opener's change of mode."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from storyline.store.connection import _write_ahead_log, connect


class _Db:
    """A connection whose first ``busy`` statements find the database locked."""

    def __init__(self, mode: str, busy: int) -> None:
        self.mode, self.busy, self.seen = mode, busy, []

    def execute(self, sql: str) -> Any:
        self.seen.append(sql)
        if self.busy:
            self.busy -= 1
            raise sqlite3.OperationalError("database is locked")
        if sql.endswith("=WAL"):
            self.mode = "wal"
        mode = self.mode

        class _Row:
            def fetchone(self) -> tuple[str]:
                return (mode,)

        return _Row()


def test_a_locked_change_of_mode_is_tried_again_until_it_lands() -> None:
    db = _Db("delete", busy=3)
    _write_ahead_log(db, timeout=5.0)  # type: ignore[arg-type]
    assert db.mode == "wal" and db.seen[-1] == "PRAGMA journal_mode=WAL"


def test_a_database_in_wal_mode_is_left_as_it_is() -> None:
    db = _Db("wal", busy=0)
    _write_ahead_log(db, timeout=5.0)  # type: ignore[arg-type]
    assert db.seen == ["PRAGMA journal_mode"]


def test_a_lock_that_outlasts_the_timeout_is_said() -> None:
    db = _Db("delete", busy=10_000)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _write_ahead_log(db, timeout=0.2)  # type: ignore[arg-type]


def test_a_new_store_file_is_in_wal_mode(tmp_path: Path) -> None:
    con = connect(tmp_path / "s.db")
    try:
        assert str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
    finally:
        con.close()
