"""The clusterer's posting lists read on demand: what is asked of the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyline.store import Store
from storyline.store.cluster_lazy import LazyPostings, LazyWeeks


class _Counting:
    """A connection that counts the statements run through it."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.statements: list[str] = []

    def execute(self, sql: str, params: Any = None) -> Any:
        self.statements.append(sql)
        return self.db.execute(sql, params)


def _store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "s.db")
    with store.batch():
        store.connection.execute(
            "INSERT INTO cluster_postings (feature, week, ids) VALUES (?, ?, ?)",
            ("w:harbour", 7, '["s1"]'),
        )
    return store


def test_lazy_weeks_of_a_feature_without_rows_ask_once(tmp_path: Path) -> None:
    """A feature no row holds (every feature of a first digest) is counted once; no week
    of it is looked for after that, and it answers as before."""
    with _store(tmp_path) as store:
        db = _Counting(store.connection)
        postings = LazyPostings(db)  # type: ignore[arg-type]
        assert postings.get("w:lighthouse") is None
        assert "w:lighthouse" not in postings
        weeks = postings["w:lighthouse"]
        assert weeks.get(7) is None and 8 not in weeks
        weeks[9] = ["s2"]
        assert len(weeks) == 1 and weeks.get(9) == ["s2"] and list(weeks) == [9]
        assert len(db.statements) == 1


def test_lazy_weeks_of_a_stored_feature_read_their_rows(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        weeks = LazyWeeks(store.connection, "w:harbour")
        assert len(weeks) == 1
        assert weeks.get(7) == ["s1"] and weeks.get(8) is None
        weeks[8] = ["s3"]
        assert len(weeks) == 2 and sorted(weeks) == [7, 8]
