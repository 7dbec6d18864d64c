"""Words every match of a time rule holds, read from its pattern (see ``find._scan``).

A rule without hand-written ``NEEDS`` still has words that no match can lack: "duration"
ends in a unit ("days", "hours", ...), "ref" is one of a list of adverbs. They are read
here from the parsed pattern: a run of plain characters must appear; an alternation
needs one of its branches' words; a group or a repeat taken at least once needs what
its body needs; of the parts of a sequence the most telling one is kept. Lookarounds,
anchors and anything else this does not know need nothing.

The words are lowercased ASCII and looked for in ``text.lower()``. That finds every
match: a character a pattern matches for a lowercase ASCII letter lowercases to that
letter, with or without ``IGNORECASE``, except "ı" and "ſ" (which ``IGNORECASE`` takes
for "i" and "s"); a text holding either is read whole (:func:`foldable`).
"""

from __future__ import annotations

import re
import sre_constants as c
import sre_parse
from functools import cache
from typing import Any

#: Characters ``IGNORECASE`` matches for an ASCII letter that ``lower()`` does not map to it.
_ODD_FOLDS = ("\u0131", "\u017f")
#: A character class of up to this many characters stands for its characters.
_SMALL_SET = 10
#: Shorter words ("in", "1", ":") are on nearly every line: finding them costs more
#: than reading the text whole.
_SHORTEST = 3

Words = frozenset[str]


def foldable(text: str) -> bool:
    """Whether ``text.lower()`` holds every required word of a match in ``text``."""
    return not any(odd in text for odd in _ODD_FOLDS)


@cache
def required_words(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowercase words one of which every match of ``regex`` holds; None if none is known.

    None too when the shortest such word is shorter than three characters.
    """
    words = _sequence(sre_parse.parse(regex.pattern, regex.flags))
    if not words or min(map(len, words)) < _SHORTEST:
        return None
    return tuple(sorted(words))


def _better(a: Words | None, b: Words | None) -> Words | None:
    """The more telling of two requirements: longer shortest word, then fewer words."""
    if a is None or b is None:
        return a if b is None else b
    return min(a, b, key=lambda w: (-min(map(len, w)), len(w), sorted(w)))


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
    if op is c.LITERAL:
        return None  # not plain ASCII: needs nothing known
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
    return None  # lookarounds, anchors, categories, any character, back references


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
    return 32 < code < 127
