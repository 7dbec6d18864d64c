"""The measure table is the one place a measure is defined (lexicon/measures.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from storyline.lexicon.measures import (
    BY_NAME,
    HARM,
    MEASURE_NOUNS,
    MEASURES,
    PREDICATES,
    TABLE,
    TOLLS,
    base_measure,
    claim_what,
    rate_measure,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"
#: Containers keyed or valued by measure names.
_MEASURE_TABLES = frozenset({"PREDICATES", "MEASURE_NOUNS", "BY_NAME", "IMPLIED"})


def _is_measure(node: ast.expr) -> bool:
    """Whether an expression holds a measure name (``claim.measure``, ``PREDICATES[w]``)."""
    if isinstance(node, ast.Name):
        return "measure" in node.id.lower()
    if isinstance(node, ast.Attribute):
        return "measure" in node.attr.lower()
    if isinstance(node, ast.Subscript):
        return isinstance(node.value, ast.Name) and node.value.id in _MEASURE_TABLES
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id in ("base_measure", "rate_measure")
    return False


def _strings(node: ast.expr) -> Iterator[str]:
    """The string literals an expression spells out: "a", ("a", "b"), frozenset({"a"})."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        for elt in node.elts:
            yield from _strings(elt)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
        yield from (_strings(node.args[0]) if node.func.id in ("frozenset", "set") else ())


def measures_used(source: str) -> set[str]:
    """Measure names a module compares with, assigns or passes as ``measure=``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_measure(s) for s in sides):
                for side in sides:
                    if not _is_measure(side):
                        found.update(_strings(side))
        elif isinstance(node, ast.Assign):
            if any(_is_measure(t) for t in node.targets):
                found.update(_strings(node.value))
        elif isinstance(node, ast.keyword) and node.arg == "measure":
            found.update(_strings(node.value))
    return found


def test_lexicon_measures_every_measure_used_in_the_code_is_a_row() -> None:
    used: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        for name in measures_used(path.read_text(encoding="utf-8")):
            used.setdefault(base_measure(name), set()).add(str(path.relative_to(SRC)))
    assert used, "the scan found no measure at all: it is broken"
    unknown = {m: sorted(files) for m, files in used.items() if m not in BY_NAME}
    assert not unknown, f"measures used but not in lexicon/measures.py TABLE: {unknown}"


def test_lexicon_measures_scan_sees_a_misspelt_measure() -> None:
    source = 'if claim.measure == "kiled" or measure in ("injured", "shott"):\n    pass\n'
    assert measures_used(source) == {"kiled", "injured", "shott"}
    assert measures_used('PREDICATES[w] in ("killed",)\nx = f(measure="lost")') == {
        "killed",
        "lost",
    }


def test_lexicon_measures_rows_are_unique_and_words_belong_to_one_row() -> None:
    assert len(MEASURES) == len(set(MEASURES)) == len(TABLE)
    predicates = [w for m in TABLE for w in m.predicates]
    nouns = [w for m in TABLE for w in m.nouns]
    assert len(predicates) == len(set(predicates)) == len(PREDICATES)
    assert len(nouns) == len(set(nouns)) == len(MEASURE_NOUNS)
    assert all(m.reads in ("after", "alone", "unit") for m in TABLE)
    assert HARM <= TOLLS


def test_lexicon_measures_reader_labels_and_rates() -> None:
    assert claim_what("people", "killed") == "people killed"
    assert claim_what("", "prisoners_exchanged") == "prisoners exchanged"
    assert claim_what("people", "killed_per_week") == "people killed per week"
    assert claim_what("km", "distance") == "km"
    assert rate_measure("killed", "week") == "killed_per_week"
    assert rate_measure("money", "week") == "money"
    assert base_measure("injured_per_day") == "injured"
