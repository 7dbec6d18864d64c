"""The fingerprint of the code whose output the store keeps as analyses.

    .venv/bin/python scripts/analysis_fingerprint.py           # print it
    .venv/bin/python scripts/analysis_fingerprint.py --write   # record it

A store keeps each report's analysis with the ``ANALYSIS_VERSION`` it was made
by, and a digest redoes the analyses of an older version. So a change to what
the analysis produces must bump that version, or stores keep analyses made by
rules that no longer exist. tests/test_analysis_version.py checks that the code
below is the code recorded for the current version.

The fingerprint reads the syntax tree of each module, without its comments,
layout and docstrings, so that a reformat or a reworded comment needs no bump.
``--write`` records the current fingerprint; it refuses when the code changed
and the version did not.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "storyline"
RECORD = ROOT / "tests" / "data" / "analysis_fingerprint.txt"

# What an analysis is made of: the rules, their word lists, the parser's set-up,
# and the dates read from the report's text.
SOURCES = (
    "analyze",
    "lexicon",
    "nlp.py",
    "ruler_index.py",
    "lemma_memo.py",
    "glued_marks.py",
    "ingest/dates.py",
)


def _files() -> list[Path]:
    found: list[Path] = []
    for name in SOURCES:
        path = PACKAGE / name
        found.extend(sorted(path.rglob("*")) if path.is_dir() else [path])
    return [p for p in found if p.is_file() and "__pycache__" not in p.parts]


def _without_docstrings(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and _is_docstring(body[0]):
            node.body = body[1:] or [ast.Pass()]  # type: ignore[attr-defined]
    return tree


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _content(path: Path) -> bytes:
    if path.suffix != ".py":
        return path.read_bytes()
    tree = _without_docstrings(ast.parse(path.read_text(encoding="utf-8")))
    return ast.dump(tree, annotate_fields=False).encode()


def fingerprint() -> str:
    """A hash of every analysis source, by its path and its meaning."""
    digest = hashlib.sha256()
    for path in _files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(_content(path) + b"\0")
    return digest.hexdigest()[:16]


def current_version() -> int:
    """``ANALYSIS_VERSION`` as the store module sets it (read, not imported)."""
    text = (PACKAGE / "store" / "sqlite.py").read_text(encoding="utf-8")
    match = re.search(r"^ANALYSIS_VERSION = (\d+)$", text, re.MULTILINE)
    if match is None:
        raise SystemExit("store/sqlite.py: no ANALYSIS_VERSION line")
    return int(match.group(1))


def recorded() -> tuple[int, str]:
    """The version and fingerprint last recorded."""
    version, _, value = RECORD.read_text(encoding="utf-8").strip().partition(" ")
    return int(version), value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the fingerprint")
    args = parser.parse_args(argv)
    value, version = fingerprint(), current_version()
    if not args.write:
        print(f"{version} {value}")
        return 0
    old_version, old_value = recorded() if RECORD.exists() else (0, "")
    if old_value != value and old_version == version:
        print(
            f"the analysis code changed but ANALYSIS_VERSION is still {version}:"
            " bump it in src/storyline/store/sqlite.py first",
            file=sys.stderr,
        )
        return 1
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    RECORD.write_text(f"{version} {value}\n", encoding="utf-8")
    print(f"recorded {version} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
