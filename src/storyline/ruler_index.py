"""The attribute ruler's one-token rules looked up per token instead of tried on each.

spaCy's English pipelines map tags to parts of speech (and fix some lemmas and
morphology) with an ``AttributeRuler``: some 180 ``Matcher`` patterns, every one
tried on every token, the ``IN``, ``NOT_IN`` and ``REGEX`` tests through a Python
call each. That was about a seventh of the whole parse. A one-token pattern that
only compares the token's ``LOWER``, ``TAG``, ``DEP`` or ``IS_SPACE`` with values
(equal, ``IN``, ``NOT_IN``, ``REGEX``) is here filed under one value it requires
and tested only on the tokens that have that value (a regular expression's answer
kept per word). A pattern of several such tokens, without operators (``"gon" "na"``,
``DEP expl`` then "is"), is filed the same way under one of its tokens and its
other tokens tested around it; anything else stays with a ``Matcher`` of its own.
Which rules a token passes depends only on its four values, so the answer is kept
per combination of values met (most tokens repeat one). The matches, sorted as the
ruler sorts them, are the ruler's own, so
its ``set_annotations`` gives every token the same attributes (tests compare whole
docs with the stock ruler's); that too is replaced by one that sets them on the
token without making a ``Span`` for each match.
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
    """A filed pattern: the ruler's rule number and match id, and the tests of the
    token it is filed under (``at``, counted from the pattern's first token); for a
    pattern of several tokens, ``others`` holds each other token's place and tests."""

    number: int
    match_id: int
    tests: tuple[Test, ...]
    at: int = 0
    length: int = 1
    others: tuple[tuple[int, tuple[Test, ...]], ...] = ()


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


def _token_tests(token: dict[str, Any], strings: Any) -> tuple[Test, ...] | None:
    """The tests of one token of a pattern, or ``None`` when one is not read here (an
    operator such as ``"OP"`` included: only patterns of fixed length are filed)."""
    if not token:
        return None
    tests = []
    for attr, value in token.items():
        if attr not in ATTRS:
            return None
        test = _test(ATTRS.index(attr), attr, value, strings)
        if test is None:
            return None
        tests.append(test)
    return tuple(tests)


def _fileable(tests: tuple[Test, ...]) -> bool:
    return any(t.allowed and not t.negated and t.regex is None for t in tests)


def _rule(number: int, match_id: int, pattern: list[dict[str, Any]], strings: Any) -> Rule | None:
    if not pattern:
        return None
    tokens = [_token_tests(token, strings) for token in pattern]
    if any(t is None for t in tokens):
        return None
    tested = [t for t in tokens if t is not None]
    if len(tested) == 1:
        return Rule(number, match_id, tested[0])
    # several tokens: filed under the first that requires a value
    at = next((k for k, t in enumerate(tested) if _fileable(t)), None)
    if at is None:
        return None
    others = tuple((k, t) for k, t in enumerate(tested) if k != at)
    return Rule(number, match_id, tested[at], at=at, length=len(tested), others=others)


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
        self._passed: dict[tuple[int, ...], tuple[Rule, ...]] = {}  # a token's values -> rules
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

    def _passes(self, tests: tuple[Test, ...], row: list[int] | tuple[int, ...]) -> bool:
        for test in tests:
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

    def _passing(self, row: tuple[int, ...]) -> tuple[Rule, ...]:
        """The rules whose filed token passes on a token of these values."""
        passes: Callable[[tuple[Test, ...], tuple[int, ...]], bool] = self._passes
        found = [rule for column, filed in enumerate(self._filed)
                 for rule in filed.get(row[column], ()) if passes(rule.tests, row)]  # fmt: skip
        found.extend(rule for rule in self._always if passes(rule.tests, row))
        return tuple(found)

    def __call__(self, doc: Any) -> list[Match]:
        """The ruler's matches on ``doc``, sorted as ``AttributeRuler.match`` sorts them."""
        seen: set[Match] = set()
        rows = [tuple(r) for r in doc.to_array(self._columns).tolist()] if len(doc) else []
        passed, passing = self._passed, self._passing
        count = len(rows)
        for i, row in enumerate(rows):
            rules = passed.get(row)
            if rules is None:
                if len(passed) > MAX_KEPT:
                    passed.clear()
                rules = passed[row] = passing(row)
            for rule in rules:
                if rule.length == 1:
                    seen.add((rule.number, rule.match_id, i, i + 1))
                    continue
                start = i - rule.at
                if start < 0 or start + rule.length > count:
                    continue
                if all(self._passes(tests, rows[start + k]) for k, tests in rule.others):
                    seen.add((rule.number, rule.match_id, start, start + rule.length))
        strings = self._strings
        left = self._rest(doc, allow_missing=True, as_spans=False) if len(self._rest) else ()
        for match_id, start, end in left:
            seen.add((int(strings[match_id]), match_id, start, end))
        return sorted(seen)


class Annotate:
    """A drop-in for ``AttributeRuler.set_annotations``: each match's attributes set on
    its token as spaCy's does, without the ``Span`` spaCy makes per match to find it
    (a match whose token index falls outside it goes to spaCy's, which raises)."""

    def __init__(self, ruler: Any, stock: Callable[[Any, list[Match]], None]) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._ruler = ruler
        self._stock = stock
        self._set = set_token_attrs

    def __call__(self, doc: Any, matches: list[Match]) -> None:
        """Set each match's attributes on its token, in the order of ``matches``."""
        attrs, indices, set_attrs = self._ruler.attrs, self._ruler.indices, self._set
        for attr_id, _, start, end in matches:
            index = indices[attr_id]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                self._stock(doc, matches)  # raises spaCy's error; nothing set twice wrongly:
                return  # every earlier match sets the same attributes again, in order
            set_attrs(doc[at], attrs[attr_id])


def index_attribute_ruler(nlp: Any) -> None:
    """Have the pipeline's attribute ruler (if any) find its matches by look-up."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, AttributeRuler) and not isinstance(ruler.match, IndexedMatch):
        # spaCy's ruler calls ``self.match`` and offers no parameter for it
        setattr(ruler, "match", IndexedMatch(ruler))  # noqa: B010
        setattr(ruler, "set_annotations", Annotate(ruler, ruler.set_annotations))  # noqa: B010
