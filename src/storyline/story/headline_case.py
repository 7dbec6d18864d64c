"""Whether a line is set in title case, as headlines are ("Star Checks Into Rehab")."""

from __future__ import annotations

import re

#: Short words a headline in title case may leave in lower case.
_MINOR = frozenset(
    "a an the and or but nor of in on at to for by with from as into over up per vs".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Share of the other words that open on a capital, and how many there must be.
_SHARE = 0.8
_MIN_WORDS = 3


def title_cased(line: str) -> bool:
    """Whether most words of ``line`` (short function words aside) open on a capital."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _MINOR]
    if len(words) < _MIN_WORDS:
        return False
    capitals: int = sum(w[0].isupper() for w in words)
    return capitals >= _SHARE * len(words)
