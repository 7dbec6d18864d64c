"""spaCy makes a new Token object on every access, so tokens are compared by index.

``tok.head is tok`` is never true, even at the root of a sentence: a climb that
stops there never stops, and a check for "not the root" never fails. This test
reads the package's syntax trees for ``is`` / ``is not`` between names that hold
tokens.
"""

from __future__ import annotations

import ast
from pathlib import Path

import spacy

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storyline"
TOKEN_NAMES = {"tok", "token", "cur", "head", "node", "verb", "child", "root", "word"}


def _token_like(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr in {"head", "root"} or _token_like(node.value)
    return isinstance(node, ast.Name) and node.id in TOKEN_NAMES


def _identity_checks(path: Path, root: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, ast.Is | ast.IsNot) and _token_like(node.left) and _token_like(right):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_spacy_gives_a_new_token_object_each_time() -> None:
    doc = spacy.blank("en")("Shots were fired.")
    assert doc[0] is not doc[0]
    assert doc[0] == doc[0]


def test_no_token_is_compared_by_identity() -> None:
    found = [
        hit for path in sorted(PACKAGE.rglob("*.py")) for hit in _identity_checks(path, PACKAGE)
    ]
    assert found == []


def test_the_check_finds_an_identity_comparison(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f(tok):\n    return tok.head is tok\n", encoding="utf-8")
    assert _identity_checks(sample, tmp_path) == ["sample.py:2"]
