"""A search skipped when the text lacks every word a match must hold.

Some rules are long alternations of phrases ("click here|sign up|subscribe|…", a
roundup's "separate shootings|across the city|…"): a regular expression with no fixed
first character is tried at every position of the text, and a summary or a toll check
runs them over thousands of sentences that hold none of their words. :func:`search`
first looks for those words, read from the parsed pattern (:func:`words_needed`), with
plain substring tests, and runs the expression only when one is there: the same answer,
for far less where none is.

The time rules read their patterns' words here too (``analyze.timex.literals``, which
keeps words of three characters or more). A run of plain characters must appear; an
alternation needs one of its branches' words; a group or a repeat taken at least once
needs its body's; of a sequence's parts the most telling is kept. Lookarounds,
anchors, categories and anything unknown need nothing. Here a word may be a single
character, and characters without case ("©", "•") count as plain.

The words are lowercase and looked for in ``text.lower()``. A character the expression
matches for a plain one lowercases to it, with or without ``IGNORECASE``, except "ı" and
"ſ" (which ``IGNORECASE`` takes for "i" and "s") and "İ" (which it takes for "i", and
which lowercases to two characters): a text holding any of them is searched whole.
"""

from __future__ import annotations

import re
import sre_constants as c
import sre_parse
from functools import cache
from typing import Any

__all__ = ["folds_plainly", "may_match", "search", "words_needed"]

#: Characters ``IGNORECASE`` matches for an ASCII letter that ``lower()`` does not map to
#: it alone.
_ODD_FOLDS = ("\u0131", "\u017f", "\u0130")
#: A character class of up to this many characters stands for its characters.
_SMALL_SET = 10
#: Characters on nearly every line: a word of only these tells nothing.
_COMMON = frozenset(" .,;:'\"-")

Words = frozenset[str]


def search(regex: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``regex.search(text)``, skipped when the text holds none of its needed words."""
    return regex.search(text) if may_match(regex, text) else None


def folds_plainly(text: str) -> bool:
    """Whether ``text.lower()`` holds every needed word of a match in ``text`` (no "ı",
    "ſ" or "İ" in it)."""
    return not any(odd in text for odd in _ODD_FOLDS)


def may_match(regex: re.Pattern[str], text: str) -> bool:
    """False when no part of ``text`` can match ``regex`` (it lacks every needed word)."""
    words = words_needed(regex)
    if words is None or not folds_plainly(text):
        return True
    return any(map(text.lower().__contains__, words))


@cache
def words_needed(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowercase words one of which every match of ``regex`` holds; None if none is known."""
    words = _sequence(sre_parse.parse(regex.pattern, regex.flags))
    if not words:
        return None
    return tuple(sorted(words))


def _rank(words: Words) -> tuple[bool, int, int, list[str]]:
    """Sort key, the more telling first: not only common characters, the longer shortest
    word, the fewer words."""
    common = all(set(w) <= _COMMON for w in words)
    return (common, -min(map(len, words)), len(words), sorted(words))


def _better(a: Words | None, b: Words | None) -> Words | None:
    if a is None or b is None:
        return a if b is None else b
    return min(a, b, key=_rank)


def _sequence(items: Any) -> Words | None:
    best: Words | None = None
    run: list[str] = []  # plain characters in a row
    for op, av in items:
        if op is c.LITERAL and _plain(av):
            run.append(chr(av).lower())
            continue
        if run:
            best = _better(best, frozenset({"".join(run)}))
            run = []
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset({"".join(run)}))
    return best


def _item(op: Any, av: Any) -> Words | None:
    if op is c.IN:
        return _char_set(av)
    if op is c.SUBPATTERN:
        return _sequence(av[3])
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _sequence(av[2]) if av[0] >= 1 else None
    if op is c.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            words = _sequence(alternative)
            if words is None:
                return None  # a branch that needs nothing: the alternation needs nothing
            union |= words
        return frozenset(union)
    return None  # literals not plain, lookarounds, anchors, categories, any character


def _char_set(items: Any) -> Words | None:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL and _plain(av):
            chars.add(chr(av).lower())
        elif op is c.RANGE and av[1] - av[0] < _SMALL_SET and _plain(av[0]) and _plain(av[1]):
            chars.update(chr(n).lower() for n in range(av[0], av[1] + 1))
        else:
            return None  # negated, a category or a wide range
    return frozenset(chars) if 0 < len(chars) <= _SMALL_SET else None


def _plain(code: int) -> bool:
    """A printable ASCII character, or one without case ("©", "•", "»")."""
    if 32 < code < 127:
        return True
    char = chr(code)
    return code > 127 and char.isprintable() and char.lower() == char == char.upper()
