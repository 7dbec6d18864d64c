"""API tokens for ``storyline serve``: created once, stored only as a hash, revocable.

A token is 32 random bytes (URL-safe base64) after a ``sl_`` prefix. Only its
SHA-256 is stored: with that much entropy a plain hash cannot be reversed, and it
lets a request be checked with one indexed look-up. The ``tokens`` table is
made by :mod:`storyline.store.migrations` (version 4), on SQLite or PostgreSQL.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from storyline.store.connection import connect
from storyline.store.migrations import migrate

PREFIX = "sl_"


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A token as listed: never the token itself."""

    id: int
    name: str
    created_at: str
    revoked_at: str | None


def hash_token(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Tokens:
    """The tokens table of a storyline database."""

    def __init__(self, path: str | Path) -> None:
        # Shared by the server's request threads; a write waits up to a minute for a digest.
        self._db = connect(path, timeout=60.0, threads=True)
        migrate(self._db)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> Tokens:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def create(self, name: str) -> str:
        """Make a token called ``name``; returns it (the only time it is ever shown)."""
        token = PREFIX + secrets.token_urlsafe(32)
        self._db.execute(
            "INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?)",
            (name, hash_token(token), _now()),
        )
        return token

    def list(self) -> list[TokenInfo]:
        """Every token ever made, oldest first."""
        rows = self._db.execute(
            "SELECT id, name, created_at, revoked_at FROM tokens ORDER BY id"
        ).fetchall()
        return [
            TokenInfo(int(i), str(n), str(c), None if r is None else str(r)) for i, n, c, r in rows
        ]

    def revoke(self, name_or_id: str) -> int:
        """Revoke the live tokens with this name (or this id); returns how many."""
        ident = int(name_or_id) if name_or_id.isdigit() else -1
        cur = self._db.execute(
            "UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL AND (name = ? OR id = ?)",
            (_now(), name_or_id, ident),
        )
        return cur.rowcount

    def check(self, token: str) -> TokenInfo | None:
        """The live token this secret is, or None."""
        row = self._db.execute(
            "SELECT id, name, created_at, revoked_at FROM tokens"
            " WHERE hash = ? AND revoked_at IS NULL",
            (hash_token(token),),
        ).fetchone()
        if row is None:
            return None
        return TokenInfo(
            int(row[0]), str(row[1]), str(row[2]), None if row[3] is None else str(row[3])
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
