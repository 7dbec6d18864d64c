"""Dated sentences that give the timeline no event.

A date in a sentence makes a timeline entry of its clause (:mod:`.build`). Some dated
sentences of real local news tell no event a reader would want in a story's timeline,
and no summary sentence could carry them as its latest development:

- a page's date stamp: the date stands on a line of its own with only a label
  ("DATE: May 3, 2025 9:04 AM", "UPDATE @ 9 a.m.", "Posted: Monday"): it dates the
  page or its update, and the clause read with it is the next paragraph's
  (:func:`stamp_line`);
- a broadcast transcript or an alert in capitals ("TWO MEN HURT AT THE DEPOT"), a
  headline or a weather alert in title case ("Frost Will Stay Below Zero Tonight"), a
  video playlist's entry ("... | 1:04", "1:06 ... Pause"): page furniture;
- a status told by what has not happened ("His condition was not known", "Police have
  not made an arrest", "A spokesman did not respond", "No arrests have been made"): no
  event on that day. "Pleaded not
  guilty" is one.
"""

from __future__ import annotations

import re

__all__ = ["stamp_line", "tells_no_event"]

#: A clip length after a bar: a video playlist's entry ("Puppies ... | 1:04"), not a clock
#: time ("at 10:32 a.m.").
_CLIP = re.compile(
    r"\|\s*\d{1,2}:\d{2}\b(?!\s*[ap]\.?\s?m\b)"
    # or a clip length, its title and the player's "Pause" ("1:06 Man charged in ... Pause")
    r"|(?:^|\n)\d{1,2}:\d{2}\s+[A-Z][^\n|]*\bPause\b",
    re.IGNORECASE,
)
#: What has not happened: a form of "be" or "have" negated, or "did not" with a verb of
#: telling or knowing.
_NEGATED = re.compile(
    r"\b(?:(?:was|were|is|are|has|have|had|been|be)\s+(?:not|never)|"
    r"(?:wasn|weren|isn|aren|hasn|haven|hadn)['’]t|"
    r"(?:did|does|do)\s*(?:not|n['’]t)\s+(?:immediately\s+)?"
    r"(?:respond|return|know|have|say|release|comment|want|provide|identify|give|disclose|"
    r"reveal|answer|elaborate|specify|confirm))\b",
    re.IGNORECASE,
)
#: What has not happened told by its subject: "No arrests have been made", "No one was hurt".
_NONE = re.compile(
    r"^(?:No|Nobody|Nothing)\b(?:\s+[\w'’-]+){0,3}?\s+(?:has|have|had|was|were|is|are)\b"
)
#: How many words open a line's main clause, for its negation.
_HEAD_WORDS = 10
_NOT_GUILTY = re.compile(r"\bnot\s+guilty\b", re.IGNORECASE)
#: A word of prose on a stamp's line: three lower-case letters or more.
_PROSE = re.compile(r"[a-z]{3,}")
#: What a stamp's line may hold besides its label: clock words, then months and weekdays.
_CLOCK = re.compile(r"\b(?:[ap]\.?m\.?|noon|midnight)", re.IGNORECASE)
_CALENDAR = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)",
    re.IGNORECASE,
)
#: A word, for the share of capitalised words.
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def tells_no_event(sentence: str, line: str) -> bool:
    """Whether a dated sentence (with its event line) gives the timeline no event."""
    letters = sum(map(str.isalpha, sentence))
    if (
        letters >= 20
        and sum(map(str.isupper, sentence)) > 0.5 * letters  # a cheap bound first
        and sum(c.isupper() for c in sentence if c.isalpha()) > 0.5 * letters
    ):
        return True  # a transcript or an alert in capitals
    words = _WORD.findall(sentence)
    if len(words) >= 6 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
        return True  # a headline or an alert in title case
    if _CLIP.search(sentence):
        return True  # a video playlist's entry
    # the main clause's verb: the negation opens the line (its first words, before a
    # comma or a second clause); "X was convicted ... and may not keep a rifle" is
    # the conviction
    head = " ".join(re.split(r",|\s(?:and|but)\s", line, maxsplit=1)[0].split()[:_HEAD_WORDS])
    if _NONE.match(head):
        return True
    return bool(_NEGATED.search(head)) and not _NOT_GUILTY.search(line)


def stamp_line(text: str, start: int, end: int) -> bool:
    """Whether the time at ``start:end`` of ``text`` stands on a line with no prose, only a
    label ("DATE: ...", "UPDATE @ ...", "Posted: ...") or other dates and times."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    rest = text[first:start] + " " + text[end : len(text) if last < 0 else last]
    # Word by word (no pattern here spans a space, and a space stands before and after
    # each word), stopping at the first word of prose: a date in a paragraph of one
    # line is read no further than its first words.
    return not any(map(_prose, rest.split()))


def _prose(word: str) -> bool:
    """Whether a word (no space in it) is prose once clock and calendar words are out."""
    return _PROSE.search(_CALENDAR.sub(" ", _CLOCK.sub(" ", word))) is not None
