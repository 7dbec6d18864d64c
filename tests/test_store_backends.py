"""The same digest on SQLite and on PostgreSQL: the same stories, and SQL carried across."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import api
from storyline.store.connection import StoreOpenError, connect, translate_ddl, translate_dml

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _no_key(table: str) -> tuple[str, ...]:
    return {"meta": ("key",), "bands": ("band", "key", "num")}.get(table, ())


def test_store_backends_translate_placeholders_and_conflicts() -> None:
    assert translate_dml("SELECT a FROM t WHERE b = ? AND c LIKE 'x%'", _no_key) == (
        "SELECT a FROM t WHERE b = %s AND c LIKE 'x%%'"
    )
    assert translate_dml("INSERT OR IGNORE INTO t (a, b) VALUES (?, ?)", _no_key) == (
        "INSERT INTO t (a, b) VALUES (%s, %s) ON CONFLICT DO NOTHING"
    )
    assert translate_dml("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", _no_key) == (
        "INSERT INTO meta (key, value) VALUES (%s, %s)"
        " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
    )
    assert translate_dml("INSERT OR REPLACE INTO bands (band, key, num) VALUES (?,?,?)", _no_key)
    assert translate_dml("BEGIN IMMEDIATE", _no_key) == "BEGIN"
    assert translate_dml("WHERE a IS NOT b.c AND d IS NOT NULL AND e IS f", _no_key) == (
        "WHERE a IS DISTINCT FROM b.c AND d IS NOT NULL AND e IS NOT DISTINCT FROM f"
    )


def test_store_backends_translate_table_definitions() -> None:
    ddl = translate_ddl(
        "CREATE TABLE IF NOT EXISTS r (id INTEGER PRIMARY KEY AUTOINCREMENT, b BLOB)"
    )
    assert (
        ddl == "CREATE TABLE IF NOT EXISTS r (id BIGSERIAL PRIMARY KEY, b BYTEA, rowid BIGSERIAL)"
    )
    keyed = translate_ddl("CREATE TABLE k (a INTEGER, PRIMARY KEY (a)) WITHOUT ROWID")
    assert keyed == "CREATE TABLE k (a BIGINT, PRIMARY KEY (a))"
    assert translate_ddl("PRAGMA foreign_keys=ON") == "SELECT 1"


def test_store_backends_unreachable_database_is_one_clear_error() -> None:
    with pytest.raises(
        StoreOpenError, match=r"^postgresql://u:\*\*\*@.*: cannot open the database \("
    ):
        connect("postgresql://u:secret@127.0.0.1:9/none?connect_timeout=2")


def _stories(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((out / "stories.json").read_text())
    return data


def test_store_backends_digest_on_postgresql_equals_sqlite(pg_url: str, tmp_path: Path) -> None:
    api.digest([EXAMPLES], out_dir=tmp_path / "lite", db=tmp_path / "s.db", jobs=1)
    api.digest([EXAMPLES], out_dir=tmp_path / "pg", db=pg_url, jobs=1)
    assert _stories(tmp_path / "pg") == _stories(tmp_path / "lite")
    again = api.digest([EXAMPLES], out_dir=tmp_path / "pg2", db=pg_url, jobs=1)
    assert again.added == 0
    assert _stories(tmp_path / "pg2") == _stories(tmp_path / "lite")


def test_store_backends_cli_names_a_database_it_cannot_open(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from storyline.cli import main

    url = "postgresql://u:secret@127.0.0.1:9/none?connect_timeout=2"
    result = CliRunner().invoke(
        main, ["digest", str(EXAMPLES), "--db", url, "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1].startswith("storyline: --db postgresql://u:***@")
    assert "cannot open the database" in lines[-1]
    assert "secret" not in result.output
    assert "Traceback" not in result.output


def test_store_backends_serve_and_token_take_a_url_and_say_when_it_fails() -> None:
    from click.testing import CliRunner

    from storyline.cli import main

    url = "postgresql://u@127.0.0.1:9/x?connect_timeout=2"
    for command in (["serve", "--db", url], ["token", "list", "--db", url]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, command
        assert f"storyline: --db {url}: cannot open the database (" in result.output
        assert "Traceback" not in result.output
