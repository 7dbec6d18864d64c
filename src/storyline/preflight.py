"""Checks of the paths a run writes to, made before any work is done.

A report folder, an analysis file or a database that cannot be written is found
before the first article is read, and named in one line with the reason
(:class:`PathError`), not after minutes of analysis as a traceback. An output
inside an input folder is refused: the next run would read the report back as news.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from storyline.ingest.paths import inside_input
from storyline.store.connection import is_postgres


class PathError(Exception):
    """An output or database path the run cannot use, and why."""

    def __init__(self, option: str, path: str, reason: str) -> None:
        super().__init__(option, path, reason)
        self.option = option
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.option} {self.path}: {self.reason}"

    def __reduce__(self) -> tuple[type[PathError], tuple[str, str, str]]:
        return (PathError, (self.option, self.path, self.reason))


def _existing_ancestor(path: Path) -> Path:
    """The nearest folder at or above ``path`` that exists (the one a write would create in)."""
    current = Path(os.path.abspath(path))
    while not current.exists() and current != current.parent:
        current = current.parent
    return current


def _probe(folder: Path) -> str | None:
    """Why files cannot be created in ``folder``, or None. Writes (and removes) one empty file."""
    if not folder.is_dir():
        return f"{folder} is not a folder"
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".storyline-probe-"):
            pass
    except OSError as exc:
        return f"cannot write in {folder} ({exc.strerror or exc})"
    return None


def _not_inside(option: str, path: Path, inputs: Sequence[str | Path]) -> None:
    folder = inside_input(path, inputs)
    if folder is not None:
        raise PathError(
            option,
            str(path),
            f"it lies inside the input folder {folder}, so the next run would read it as "
            "articles; choose a place outside the inputs",
        )


def check_out_dir(out_dir: str | Path, inputs: Sequence[str | Path]) -> None:
    """Raise PathError unless the report folder can be created or written, outside the inputs."""
    path = Path(out_dir)
    _not_inside("--out", path, inputs)
    if path.exists() and not path.is_dir():
        raise PathError("--out", str(path), "it exists and is not a folder")
    reason = _probe(_existing_ancestor(path))
    if reason:
        raise PathError("--out", str(path), reason)


def check_out_file(out_file: str | Path, inputs: Sequence[str | Path]) -> None:
    """Raise PathError unless the output file can be written, outside the inputs."""
    path = Path(out_file)
    _not_inside("--out", path, inputs)
    if path.is_dir():
        raise PathError("--out", str(path), "it is a folder; name a file")
    reason = _probe(_existing_ancestor(path.parent))
    if reason:
        raise PathError("--out", str(path), reason)


def check_db(db: str | Path) -> None:
    """Raise PathError unless the database file can be opened or created for writing."""
    if str(db) == ":memory:" or is_postgres(db):
        return  # a server's database is checked by opening it, still before any work
    path = Path(db)
    if path.is_dir():
        raise PathError("--db", str(path), "it is a folder; name a database file")
    reason = _probe(_existing_ancestor(path.parent))
    if reason:
        raise PathError("--db", str(path), reason)
