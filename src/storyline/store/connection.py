"""One database connection for the store, on SQLite or on PostgreSQL.

The store writes its SQL once, in SQLite's dialect, and this module carries it to
PostgreSQL (psycopg 3) when ``--db`` is a ``postgresql://`` URL:

- ``?`` placeholders become ``%s``;
- ``INSERT OR IGNORE`` becomes ``INSERT … ON CONFLICT DO NOTHING`` and ``INSERT OR
  REPLACE`` an upsert on the table's primary key (read from the catalogue);
- in table definitions, ``INTEGER`` is 64-bit (``BIGINT``), an ``INTEGER PRIMARY
  KEY`` or ``AUTOINCREMENT`` key is ``BIGSERIAL``, ``BLOB`` is ``BYTEA``, and every
  table that SQLite would give a ``rowid`` gets a last ``rowid BIGSERIAL`` column, so
  that "the order rows were added" reads the same on both;
- ``a IS b`` and ``a IS NOT b`` (SQLite's null-safe comparisons) are ``IS NOT
  DISTINCT FROM`` and ``IS DISTINCT FROM``;
- ``BEGIN IMMEDIATE`` is ``BEGIN``; ``PRAGMA`` statements are SQLite's alone.

Both connections run in autocommit mode: the store opens its own transactions.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

#: Parameters of one statement.
Params = Sequence[Any] | None

_T = TypeVar("_T")


def chunks(items: Sequence[_T], size: int = 500) -> Iterator[Sequence[_T]]:
    """``items`` in slices of ``size``: one ``IN (…)`` list a statement, within SQLite's
    bound on a statement's parameters."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


class StoreOpenError(Exception):
    """A database that cannot be opened or created (``path: reason``, one line)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class Cursor(Protocol):
    """The part of a DB-API cursor the store uses."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    """The part of a DB-API connection the store uses, in SQLite's dialect."""

    kind: str  # "sqlite" | "postgresql"

    def execute(self, sql: str, params: Params = None) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def executescript(self, script: str) -> None: ...

    def close(self) -> None: ...


def is_postgres(target: str | Path) -> bool:
    """Whether ``--db`` names a PostgreSQL database rather than a SQLite file."""
    return str(target).startswith(("postgresql://", "postgres://"))


def connect(
    target: str | Path, *, timeout: float = 5.0, readonly: bool = False, threads: bool = False
) -> Connection:
    """Open the database ``target`` names: a SQLite file (or ``:memory:``) or a URL.

    ``timeout`` is how long a SQLite write waits for another writer's lock; PostgreSQL
    waits for row locks itself. ``readonly`` opens it for reading only (the server's
    readers); ``threads`` lets one connection be used from several threads in turn.
    """
    if is_postgres(target):
        return PostgresConnection(str(target), readonly=readonly)
    return SqliteConnection(str(target), timeout=timeout, readonly=readonly, threads=threads)


class SqliteConnection:
    """A SQLite file in WAL mode: one writer, readers in parallel."""

    kind = "sqlite"

    def __init__(
        self, path: str, *, timeout: float = 5.0, readonly: bool = False, threads: bool = False
    ) -> None:
        try:
            if readonly:
                # A reader never writes, so it never creates the file or changes its mode.
                uri = f"file:{Path(path).resolve()}?mode=ro"
                self._db = sqlite3.connect(
                    uri, uri=True, isolation_level=None, timeout=timeout, check_same_thread=False
                )
            else:
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(
                    path, isolation_level=None, timeout=timeout, check_same_thread=not threads
                )
                _write_ahead_log(self._db, timeout)
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
        except (OSError, sqlite3.Error) as exc:
            if hasattr(self, "_db"):
                self._db.close()
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise StoreOpenError(path, f"cannot open the database ({reason})") from None

    def execute(self, sql: str, params: Params = None) -> Cursor:
        """Run one statement."""
        return self._db.execute(sql, () if params is None else params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        self._db.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        """Run several statements separated by semicolons (inside an open transaction, too)."""
        if self._db.in_transaction:  # sqlite3's executescript would commit it first
            for statement in _statements(script):
                self._db.execute(statement)
        else:
            self._db.executescript(script)

    def close(self) -> None:
        """Close the file."""
        self._db.close()


class PostgresConnection:
    """A PostgreSQL database through psycopg 3, speaking the store's SQLite dialect."""

    kind = "postgresql"

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        import psycopg

        try:
            self._db = psycopg.connect(url, autocommit=True)
            if readonly:
                self._db.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split())  # psycopg's messages run over lines
            raise StoreOpenError(_safe(url), f"cannot open the database ({reason})") from None
        self._keys: dict[str, tuple[str, ...]] = {}

    def execute(self, sql: str, params: Params = None) -> Cursor:
        """Run one statement, translated."""
        cur = self._db.cursor()
        cur.execute(self._translate(sql), None if params is None else tuple(params))
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        with self._db.cursor() as cur:
            cur.executemany(self._translate(sql), [tuple(r) for r in rows])

    def executescript(self, script: str) -> None:
        """Run several statements (table definitions translated) in one transaction.

        Inside a transaction the store opened (``BEGIN``), they join that one.
        """
        from psycopg.pq import TransactionStatus

        if self._db.info.transaction_status == TransactionStatus.IDLE:
            with self._db.transaction():
                for statement in _statements(script):
                    self._db.execute(translate_ddl(statement))
        else:
            for statement in _statements(script):
                self._db.execute(translate_ddl(statement))
        self._keys.clear()

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __del__(self) -> None:
        # A reader kept per thread goes when its thread does: close it, don't leak it.
        db = getattr(self, "_db", None)
        if db is not None and not db.closed:
            db.close()

    def _translate(self, sql: str) -> str:
        return translate_dml(sql, self._primary_key)

    def _primary_key(self, table: str) -> tuple[str, ...]:
        if table not in self._keys:
            rows = self._db.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                " WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY a.attnum",
                (table,),
            ).fetchall()
            self._keys[table] = tuple(str(r[0]) for r in rows)
        return self._keys[table]


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


_INSERT = re.compile(
    r"^\s*INSERT\s+OR\s+(?P<verb>IGNORE|REPLACE)\s+INTO\s+(?P<table>\w+)\s*"
    r"\((?P<cols>[^)]*)\)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


_IS_NOT_VALUE = re.compile(r"\bIS\s+NOT\s+(?!NULL\b|DISTINCT\b|TRUE\b|FALSE\b)", re.IGNORECASE)
_IS_VALUE = re.compile(r"\bIS\s+(?!NOT\b|NULL\b|DISTINCT\b|TRUE\b|FALSE\b)", re.IGNORECASE)


def translate_dml(sql: str, primary_key: Any) -> str:
    """A statement of the store's SQLite dialect in PostgreSQL's.

    ``primary_key(table)`` gives a table's key columns, for ``INSERT OR REPLACE``.
    """
    text = sql.replace("%", "%%").replace("?", "%s")
    # SQLite's null-safe comparisons ``a IS b`` / ``a IS NOT b`` are PostgreSQL's DISTINCT FROM.
    text = _IS_NOT_VALUE.sub("IS DISTINCT FROM ", text)
    text = _IS_VALUE.sub("IS NOT DISTINCT FROM ", text)
    if re.match(r"^\s*BEGIN\s+IMMEDIATE\s*$", text, re.IGNORECASE):
        return "BEGIN"
    found = _INSERT.match(text)
    if found is None:
        return text
    table, cols, rest = found["table"], found["cols"], found["rest"].rstrip().rstrip(";")
    head = f"INSERT INTO {table} ({cols}){rest}"
    if found["verb"].upper() == "IGNORE":
        return f"{head} ON CONFLICT DO NOTHING"
    keys = primary_key(table)
    columns = [c.strip() for c in cols.split(",")]
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in keys)
    action = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    return f"{head} ON CONFLICT ({', '.join(keys)}) {action}"


_CREATE_TABLE = re.compile(r"^\s*CREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?\w+\s*\(", re.I)


@cache
def translate_ddl(statement: str) -> str:
    """A table or index definition of SQLite's dialect in PostgreSQL's."""
    if re.match(r"^\s*PRAGMA\b", statement, re.IGNORECASE):
        return "SELECT 1"
    text = re.sub(
        r"\bINTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b", "BIGSERIAL PRIMARY KEY", statement
    )
    text = re.sub(r"\bINTEGER\s+PRIMARY\s+KEY\b", "BIGSERIAL PRIMARY KEY", text)
    text = re.sub(r"\bINTEGER\b", "BIGINT", text)
    text = re.sub(r"\bBLOB\b", "BYTEA", text)
    table = _CREATE_TABLE.match(text)
    if table is None:
        return text
    without_rowid = re.search(r"\)\s*WITHOUT\s+ROWID\s*$", text, re.IGNORECASE)
    if without_rowid:
        return text[: without_rowid.start() + 1]
    close = text.rstrip().rindex(")")
    return f"{text[:close].rstrip()}, rowid BIGSERIAL)"


def _write_ahead_log(db: sqlite3.Connection, timeout: float) -> None:
    """Put the database in WAL mode, waiting up to ``timeout`` for other openers.

    A database already in WAL mode is left as it is (no lock taken). Two processes that
    create one new database at once can find the file in the middle of its change of
    mode, which SQLite answers "database is locked" without waiting: try again until
    ``timeout`` has passed.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            if str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)
