"""No vocabulary is defined twice: word sets, tables and regular expressions live once."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
_WRAPPERS = frozenset({"frozenset", "set", "tuple"})


def _literal(node: ast.expr) -> object:
    """The value of a literal collection (also ``frozenset({...})``), else None."""
    call = node if isinstance(node, ast.Call) and len(node.args) == 1 else None
    if call is not None and isinstance(call.func, ast.Name) and call.func.id in _WRAPPERS:
        node = call.args[0]
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def definitions(source: str) -> list[tuple[str, frozenset[object]]]:
    """("set", items) for every collection of 3+ items bound to a name; ("re", pattern) for
    every ``re.compile`` of a literal pattern."""
    found: list[tuple[str, frozenset[object]]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            value = _literal(node.value)
            if isinstance(value, dict):
                value = frozenset(value.items())
            if isinstance(value, set | frozenset | tuple | list) and len(value) >= 3:
                found.append(("set", frozenset(value)))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "compile"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append(("re", frozenset({node.args[0].value})))
    return found


def test_lexicon_no_vocabulary_is_defined_twice() -> None:
    where: dict[tuple[str, frozenset[object]], set[str]] = defaultdict(set)
    for path in SRC.rglob("*.py"):
        for key in definitions(path.read_text(encoding="utf-8")):
            where[key].add(str(path.relative_to(SRC)))
    assert where, "the scan found nothing: it is broken"
    twice = {str(sorted(map(str, k[1]))[:4]): sorted(v) for k, v in where.items() if len(v) > 1}
    assert not twice, f"defined in two modules (put it in lexicon/ once): {twice}"


def test_lexicon_unique_scan_sees_a_copy() -> None:
    a = 'LABELS = frozenset({"PERSON", "ORG", "GPE"})\n_X = re.compile(r"\\d+ km")\n'
    b = 'NAMES = {"GPE", "ORG", "PERSON"}\nY = re.compile(r"\\d+ km")\n'
    assert set(definitions(a)) == set(definitions(b))
