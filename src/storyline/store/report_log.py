"""What each digest changed, so that a report folder is brought up to date from a list.

Every digest that changes anything opens a *generation*: a number one above the
last, a random token naming it, and the ids of the stories and storylines whose
pages it wrote again or removed (``report_log``, schema step 7). A report folder
records the generation and token it was last written for; the next digest into
it reads the ids logged after that generation and touches those pages alone,
instead of comparing every stored story with a per-page list. A folder whose
generation is unknown here (a new folder, another database, one older than the
log keeps, or a copy of this database that went its own way, which the token tells
apart) is brought up to date by comparing everything, once.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.store.connection import Connection

#: How many generations the log keeps; a folder older than that is compared whole.
KEEP = 1000
_CURRENT = "report_generation"


@dataclass(frozen=True, slots=True)
class Generation:
    """One digest's entry in the log: its number and the token that names it."""

    number: int
    token: str


@dataclass(frozen=True, slots=True)
class Since:
    """The ids whose pages changed (or went) after some generation."""

    stories: frozenset[str]
    storylines: frozenset[str]
    generations: int  # how many generations came after it


def current(db: Connection) -> Generation | None:
    """The last generation logged, if any."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (_CURRENT,)).fetchone()
    if row is None:
        return None
    number = int(row[0])
    token = _token(db, number)
    return None if token is None else Generation(number, token)


def record(db: Connection, stories: Iterable[str], storylines: Iterable[str]) -> Generation:
    """Open a new generation logging these stories' and storylines' pages as changed."""
    last = current(db)
    number = 1 if last is None else last.number + 1
    token = secrets.token_hex(8)
    rows = [(number, "#", token)]
    rows += [(number, "s", s) for s in sorted(set(stories))]
    rows += [(number, "l", line) for line in sorted(set(storylines))]
    db.executemany("INSERT INTO report_log (generation, kind, id) VALUES (?,?,?)", rows)
    db.execute("DELETE FROM report_log WHERE generation <= ?", (number - KEEP,))
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_CURRENT, str(number)))
    return Generation(number, token)


def since(db: Connection, number: int, token: str) -> Since | None:
    """What changed after generation ``number``, or None if it is not this log's."""
    if _token(db, number) != token:
        return None
    stories: set[str] = set()
    lines: set[str] = set()
    generations = 0
    rows = db.execute("SELECT kind, id FROM report_log WHERE generation > ?", (number,)).fetchall()
    for kind, item in rows:
        if kind == "s":
            stories.add(str(item))
        elif kind == "l":
            lines.add(str(item))
        else:
            generations += 1
    return Since(frozenset(stories), frozenset(lines), generations)


def _token(db: Connection, number: int) -> str | None:
    row = db.execute(
        "SELECT id FROM report_log WHERE generation = ? AND kind = '#'", (number,)
    ).fetchone()
    return None if row is None else str(row[0])
