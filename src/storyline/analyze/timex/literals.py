"""Words every match of a time rule holds, read from its pattern (see ``find._scan``).

A rule without hand-written ``NEEDS`` still has words that no match can lack: "duration"
ends in a unit ("days", "hours", ...), "ref" is one of a list of adverbs. They are read
from the parsed pattern by :func:`storyline.analyze.needwords.words_needed`, which the
summary's and the figures' searches use as well; the time rules keep only words of three
characters or more (shorter ones, "in", "1", ":", are on nearly every line, and finding
them costs more than reading the text whole).

The words are lowercase and looked for in ``text.lower()``. The characters that
``IGNORECASE`` takes for an ASCII letter but ``lower()`` does not turn into it ("ı", "ſ",
"İ") are folded out of the text before the rules read it (``normalize.CASELESS_FOLDS``,
in ``find._rule_candidates``), so the lower-cased text holds every needed word.
"""

from __future__ import annotations

import re
from functools import cache

from storyline.analyze.needwords import words_needed

#: Shorter words are on nearly every line.
_SHORTEST = 3


@cache
def required_words(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowercase words one of which every match of ``regex`` holds; None if none is known.

    None too when the shortest such word is shorter than three characters.
    """
    words = words_needed(regex)
    if not words or min(map(len, words)) < _SHORTEST:
        return None
    return words
