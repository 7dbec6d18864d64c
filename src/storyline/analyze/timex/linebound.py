"""Whether a time rule's pattern matches within one line (see ``find._scan``).

Read from the parsed pattern: no part can take a line break, there is no anchor but a
word boundary, and no match is empty. A pattern this cannot prove is read whole.
"""

from __future__ import annotations

import re
import sre_constants as c
import sre_parse
from functools import cache
from typing import Any

_NL = ord("\n")
#: Categories that hold a line break (``\s``, ``\D``, ``\W``).
_NL_CATEGORIES = {"CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK"}


def _set_takes_newline(items: Any) -> bool:
    negate, hit = False, False
    for op, av in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            hit = hit or av == _NL
        elif op is c.RANGE:
            hit = hit or av[0] <= _NL <= av[1]
        elif op is c.CATEGORY:
            hit = hit or str(av) in _NL_CATEGORIES
        else:
            return True  # unknown: not provably safe
    return hit != negate


def _takes_newline(items: Any, flags: int) -> bool:
    """Whether any part of a parsed pattern can take a line break or is an anchor."""
    for op, av in items:
        if op is c.LITERAL:
            bad = av == _NL
        elif op is c.NOT_LITERAL:
            bad = av != _NL
        elif op is c.ANY:
            bad = bool(flags & c.SRE_FLAG_DOTALL)
        elif op is c.IN:
            bad = _set_takes_newline(av)
        elif op is c.CATEGORY:
            bad = str(av) in _NL_CATEGORIES
        elif op is c.AT:
            bad = av not in (c.AT_BOUNDARY, c.AT_NON_BOUNDARY)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            bad = _takes_newline(av[2], flags)
        elif op is c.SUBPATTERN:
            _, add, drop, sub = av
            bad = _takes_newline(sub, (flags | add) & ~drop)
        elif op is c.BRANCH:
            bad = any(_takes_newline(alt, flags) for alt in av[1])
        elif op in (c.ASSERT, c.ASSERT_NOT):
            bad = _takes_newline(av[1], flags)
        elif op is c.ATOMIC_GROUP:
            bad = _takes_newline(av, flags)
        elif op is c.GROUPREF_EXISTS:
            bad = _takes_newline(av[1], flags) or (
                av[2] is not None and _takes_newline(av[2], flags)
            )
        elif op is c.GROUPREF:
            bad = False  # a group that takes no line break, matched again
        else:
            bad = True  # an operator this check does not know: not provably safe
        if bad:
            return True
    return False


@cache
def within_lines(regex: re.Pattern[str]) -> bool:
    """Whether every match of ``regex`` lies within one line and is not empty."""
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    return not _takes_newline(parsed, regex.flags) and parsed.getwidth()[0] >= 1
