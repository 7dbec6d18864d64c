"""Quoted passages of a text, found from quotation marks alone.

Handles curly and straight double marks, single curly marks used as the outer marks
(headlines), quotes nested inside quotes (kept inside the outer one), and the press
convention for long quotes: a paragraph that ends inside a quote leaves it unclosed and
the next paragraph reopens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_LETTER = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Passage:
    """One quoted passage: the words between the marks and the marks around them."""

    start: int  # first character of the quoted words
    end: int  # end of the quoted words (exclusive)
    open_at: int  # index of the opening mark
    close_at: int | None  # index of the closing mark, None when the paragraph ran out
    continued: bool = False  # reopened after a paragraph break (same quote as the last)


def _is_opening(text: str, i: int) -> bool:
    """Whether the mark at ``i`` opens a quote (by its shape or what stands before it)."""
    ch = text[i]
    if ch in _OPEN_DOUBLE:
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == '"':
        return not before.isalnum() and not after.isspace()
    if ch in "‘'":
        # An apostrophe has a letter right before it; an opening single mark does not.
        return not _LETTER.match(before) and bool(_LETTER.match(after))
    return False


def _doubled(text: str, i: int) -> bool:
    """Whether the single mark at ``i`` is the second of two apostrophes standing for a
    double mark (''…'', as some wires and archives write quotes)."""
    return i > 0 and text[i] == "'" and text[i - 1] == "'"


def _is_closing(text: str, i: int, single: bool, doubled: bool = False) -> bool:
    """Whether the mark at ``i`` closes the open quote (double or single kind; ``doubled``:
    a quote opened by two apostrophes closes only at two, so a single one inside it is a
    nested quote: ''… 'not used to this.' Well, …'')."""
    ch = text[i]
    if doubled:
        return ch == "'" and text[i + 1 : i + 2] == "'" and not _LETTER.match(text[i + 2 : i + 3])
    if not single:
        if ch == "“":
            # A typo'd closing mark: “It's unusual,“ said X. It closes when it ends a word
            # or a clause and no word starts right after it.
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            return not before.isspace() and (after.isspace() or after in ".,;:!?")
        return ch in _CLOSE_DOUBLE or ch == '"'
    if ch not in "’'":
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _LETTER.match(after)  # "don’t", "Kyiv’s" are apostrophes


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds without surrounding spaces."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _nested_curly(text: str, open_at: int, i: int, end: int) -> bool:
    """Whether the curly mark at ``i`` opens a quote nested in one opened by a straight mark
    at ``open_at`` ("… is not about “fair fares” any more"): its own closing curly mark
    follows in the paragraph, before a straight mark that closes the outer quote there or
    a straight mark that reopens it at the start of the next paragraph."""
    if text[open_at] != '"' or text[i] != "“":
        return False
    close = text.find("”", i + 1, end)
    if close < 0:
        return False
    straight = text.find('"', i + 1, end)
    if straight >= 0:
        return close < straight
    return text[end + 1 : end + 3].lstrip("\n")[:1] == '"'


def find_passages(text: str) -> list[Passage]:
    """Every quoted passage of ``text``, in order; nested quotes stay inside the outer one."""
    out: list[Passage] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    carry = False  # the previous paragraph ended inside a quote
    for p_start, p_end in paragraphs:
        i = p_start
        reopened = False
        open_at: int | None = None
        single = doubled = nested = False
        while i < p_end:
            ch = text[i]
            if nested:
                nested = ch not in _CLOSE_DOUBLE  # the inner quote's own closing mark
            elif open_at is None:
                if ch in "“„«\"‘'" and _is_opening(text, i):
                    open_at, single = i, ch in "‘'"
                    doubled = _doubled(text, i)
                    reopened = carry and not text[p_start:i].strip()
                    carry = False
            elif _is_closing(text, i, single, doubled):
                start, end = _trimmed(text, open_at + 1, i)
                if end > start:
                    out.append(Passage(start, end, open_at, i, reopened))
                open_at, reopened = None, False
            elif not single and ch in _OPEN_DOUBLE and text[i - 1].isspace():
                if _nested_curly(text, open_at, i, p_end):
                    nested = True  # "… about “fair fares” any more …": a quote inside
                    i += 1
                    continue
                # A second opening mark before any closing one: the first was never
                # closed (a typo); start over from here.
                start, end = _trimmed(text, open_at + 1, i)
                if end > start and len(text[start:end].split()) > 3:
                    out.append(Passage(start, end, open_at, None, reopened))
                open_at, reopened = i, False
            i += 1
        carry = False
        if open_at is not None:
            start, end = _trimmed(text, open_at + 1, p_end)
            if end > start and not single:
                out.append(Passage(start, end, open_at, None, reopened))
                carry = True
    return out
