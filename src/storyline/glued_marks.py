"""Quote marks glued to a word with no space: cut off by the tokenizer.

News text often loses the space beside a quote mark: ``said,“We``, ``go,”Lind said``,
``Kerr:"We``. spaCy's English tokenizer strips marks only at the edges of a
space-separated chunk, so each of these is one token; the quote finder then cannot place
the mark and the parser never sees the verb of saying or the name beside it.

Two infix rules fix that, added to the tokenizer's own: a comma, colon, semicolon or
stop between a word and a quote mark that a letter follows is cut off, and so is the mark
after such punctuation when a letter follows it. A mark glued to a letter with nothing
between (``said“We``, ``the “word”s``) is left alone: which side it belongs to cannot be
told from the characters.
"""

from __future__ import annotations

import re
from typing import Any

#: Quote marks, straight and curly (not the single ones: those are apostrophes too).
MARKS = '\u201c\u201d\u201e"'
#: Punctuation that a glued quote mark follows.
PUNCT = ",:;.!?"

#: The punctuation between a word and a glued mark, and the mark after it.
GLUED = (
    rf"(?<=[\w)\]])[{PUNCT}](?=[{MARKS}][^\W\d_])",
    rf"(?<=[{PUNCT}])[{MARKS}](?=[^\W\d_])",
)


def split_glued_marks(nlp: Any) -> None:
    """Make ``nlp``'s tokenizer cut quote marks glued to words (see the module)."""
    own = getattr(nlp.tokenizer.infix_finditer, "__self__", None)
    parts = [own.pattern] if isinstance(own, re.Pattern) else []
    nlp.tokenizer.infix_finditer = re.compile("|".join([*parts, *GLUED])).finditer
