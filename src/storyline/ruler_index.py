"""The attribute ruler's one-token rules looked up per token instead of tried on each.

spaCy's English pipelines map tags to parts of speech (and fix some lemmas and
morphology) with an ``AttributeRuler``: some 180 ``Matcher`` patterns, every one
tried on every token, the ``IN``, ``NOT_IN`` and ``REGEX`` tests through a Python
call each. That was about a seventh of the whole parse. A one-token pattern that
only compares the token's ``LOWER``, ``TAG``, ``DEP`` or ``IS_SPACE`` with values
(equal, ``IN``, ``NOT_IN``, ``REGEX``) is here filed under one value it requires
and tested only on the tokens that have that value (a regular expression's answer
kept per word); the rest (patterns of several tokens) stay with a ``Matcher`` of
their own. The matches, sorted as the ruler sorts them, are the ruler's own, so
its ``set_annotations`` gives every token the same attributes (tests compare whole
docs with the stock ruler's).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: The token attributes a filed pattern may test, in the order of ``Doc.to_array``.
ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
#: Regular expressions' answers kept at most (by word); then started afresh.
MAX_KEPT = 1 << 17
Match = tuple[int, int, int, int]  # (rule number, match id, start, end), as the ruler's


@dataclass(frozen=True)
class Test:
    """One attribute's test: its value (a string hash, or 0/1 for ``IS_SPACE``) is in
    ``allowed`` (or, with ``negated``, is not), or its string is found by ``regex``."""

    column: int
    allowed: frozenset[int] = frozenset()
    negated: bool = False
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Rule:
    """A filed pattern: the ruler's rule number and match id, and all its tests."""

    number: int
    match_id: int
    tests: tuple[Test, ...]


def _test(column: int, attr: str, value: Any, strings: Any) -> Test | None:
    """The test of ``{attr: value}``, or ``None`` when it is not one this index reads."""

    def code(v: Any) -> int | None:
        if attr == "IS_SPACE":
            return int(v) if isinstance(v, bool) else None
        return int(strings.add(v)) if isinstance(v, str) else None

    if not isinstance(value, dict):
        found = code(value)
        return None if found is None else Test(column, frozenset({found}))
    if len(value) != 1 or attr == "IS_SPACE":
        return None
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list):
        codes = [code(v) for v in arg]
        if any(c is None for c in codes):
            return None
        return Test(column, frozenset(c for c in codes if c is not None), negated=op == "NOT_IN")
    if op == "REGEX" and isinstance(arg, str):
        return Test(column, regex=re.compile(arg))
    return None


def _rule(number: int, match_id: int, pattern: list[dict[str, Any]], strings: Any) -> Rule | None:
    if len(pattern) != 1 or not pattern[0]:
        return None
    tests = []
    for attr, value in pattern[0].items():
        if attr not in ATTRS:
            return None
        test = _test(ATTRS.index(attr), attr, value, strings)
        if test is None:
            return None
        tests.append(test)
    return Rule(number, match_id, tuple(tests))


class IndexedMatch:
    """A drop-in for ``AttributeRuler.match``: the same matches, found by look-up."""

    def __init__(self, ruler: Any) -> None:
        from spacy import attrs as spacy_attrs
        from spacy.matcher import Matcher

        strings = ruler.vocab.strings
        self._columns = [getattr(spacy_attrs, a) for a in ATTRS]
        self._strings = strings
        self._rest = Matcher(ruler.vocab)
        # rules filed under a value they require, by column; the others tried on every token
        self._filed: list[dict[int, list[Rule]]] = [{} for _ in ATTRS]
        self._always: list[Rule] = []
        self._found: dict[tuple[int, int], bool] = {}  # (regex id, string hash) -> found
        for number, entry in enumerate(ruler.patterns):
            match_id = int(strings.add(str(number)))
            rules = [_rule(number, match_id, p, strings) for p in entry["patterns"]]
            if any(r is None for r in rules):  # a rule is either all filed or all left
                self._rest.add(str(number), entry["patterns"])
                continue
            for rule in rules:
                if rule is not None:
                    self._file(rule)

    def _file(self, rule: Rule) -> None:
        for test in sorted(rule.tests, key=lambda t: t.column):
            if test.allowed and not test.negated and test.regex is None:
                for value in test.allowed:
                    self._filed[test.column].setdefault(value, []).append(rule)
                return
        self._always.append(rule)

    def _passes(self, rule: Rule, row: list[int]) -> bool:
        for test in rule.tests:
            value = row[test.column]
            if test.regex is not None:
                key = (id(test.regex), value)
                found = self._found.get(key)
                if found is None:
                    if len(self._found) > MAX_KEPT:
                        self._found.clear()
                    found = self._found[key] = bool(test.regex.search(self._strings[value]))
                if not found:
                    return False
            elif (value in test.allowed) == test.negated:
                return False
        return True

    def __call__(self, doc: Any) -> list[Match]:
        """The ruler's matches on ``doc``, sorted as ``AttributeRuler.match`` sorts them."""
        passes: Callable[[Rule, list[int]], bool] = self._passes
        seen: set[Match] = set()
        rows = doc.to_array(self._columns).tolist() if len(doc) else []
        for i, row in enumerate(rows):
            for column, filed in enumerate(self._filed):
                for rule in filed.get(row[column], ()):
                    if passes(rule, row):
                        seen.add((rule.number, rule.match_id, i, i + 1))
            for rule in self._always:
                if passes(rule, row):
                    seen.add((rule.number, rule.match_id, i, i + 1))
        strings = self._strings
        for match_id, start, end in self._rest(doc, allow_missing=True, as_spans=False):
            seen.add((int(strings[match_id]), match_id, start, end))
        return sorted(seen)


def index_attribute_ruler(nlp: Any) -> None:
    """Have the pipeline's attribute ruler (if any) find its matches by look-up."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, AttributeRuler) and not isinstance(ruler.match, IndexedMatch):
        # spaCy's ruler calls ``self.match`` and offers no parameter for it
        setattr(ruler, "match", IndexedMatch(ruler))  # noqa: B010
