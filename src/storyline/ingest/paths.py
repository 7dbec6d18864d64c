"""Paths the user names: symbolic links that cannot be followed, outputs that sit inside inputs.

Every check answers with a reason (one line) or None, so a caller can report it as an
:class:`~storyline.ingest.errors.InputError` or a usage error without a traceback.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

LINK_LOOP = "symbolic link loop (the link leads, through other links, back to itself)"


def resolved(path: Path) -> Path:
    """``path`` made absolute with its links followed; a link that cannot be followed stays as is.

    ``Path.resolve`` raises on a symbolic link loop (RuntimeError before Python 3.13);
    this never raises.
    """
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))


def link_problem(path: Path) -> str | None:
    """Why the symbolic link ``path`` cannot be followed (a loop, a missing target), or None."""
    if not path.is_symlink():
        return None
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return LINK_LOOP
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return LINK_LOOP
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken symbolic link (its target {target} does not exist)"
    return None


def inside_input(out: Path, inputs: Iterable[str | Path]) -> Path | None:
    """The input folder that ``out`` is, or lies inside, if any (its files would be read back)."""
    target = resolved(out)
    for item in inputs:
        if str(item) == "-" or str(item).startswith(("http:/", "https:/")):
            continue
        folder = Path(item)
        if not folder.is_dir():
            continue
        base = resolved(folder)
        if target == base or base in target.parents:
            return folder
    return None
