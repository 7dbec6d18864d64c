"""The package layout: no import cycle, no import running backwards along the pipeline."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "storyline"
#: Which top-level parts each part may import (besides itself): the pipeline order.
ALLOWED = {
    "model": set(),
    "lexicon": set(),
    "ruler_index": set(),  # the attribute ruler's look-up, loaded into the pipeline by nlp
    "lemma_memo": set(),  # the lemmatizer's kept answers, likewise
    "glued_marks": set(),  # the tokenizer's cut of quote marks glued to words, likewise
    "nlp": {"ruler_index", "lemma_memo", "glued_marks"},
    "ingest": {"model", "lexicon"},
    "analyze": {"model", "lexicon", "nlp", "ingest"},  # ingest.dates: the publication date
    "story": {"model", "lexicon", "nlp", "ingest", "analyze"},
    "store": {"model", "story", "analyze"},
    "report": {"model", "lexicon"},  # renders only: computes nothing about a story
}


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Modules of storyline a file imports, at any level (TYPE_CHECKING blocks too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("storyline"):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("storyline")}
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path) if m in modules and m != name}
    return graph


def test_layout_has_no_import_cycle() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, f"import cycles: {cycles}"


def test_layout_imports_follow_the_pipeline() -> None:
    backwards: list[str] = []
    for name, targets in _graph().items():
        part = name.split(".")[1] if name.count(".") else ""
        if part not in ALLOWED:
            continue
        for target in targets:
            other = target.split(".")[1] if target.count(".") else ""
            if other != part and other not in ALLOWED[part]:
                backwards.append(f"{name} -> {target}")
    assert not backwards, backwards
