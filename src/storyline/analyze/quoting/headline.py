"""The headline's speaker: "Vera Lind: ‘We Will Not Sell The Pier’" as the first line.

News headlines often open with the name of the person the story quotes, a colon, then
their words or the gist of them. A quote in such a headline is that person's, and the
paragraph's salient speaker (:mod:`storyline.analyze.quoting.salience`) carries it on to
the uncued quote paragraphs that open the story. Read from PolNeAR train errors; the
tagger often misses a name set in title case, so the label is matched to a person the
article names elsewhere.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.analyze.quoting.marks import Passage
from storyline.analyze.quoting.speakers import Attribution, MentionIndex
from storyline.model import Span
from storyline.nlp import doc_text

#: A label of one to four capitalised words opening the first line, then a colon.
_LABEL = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)\s*:\s")
#: Parts of speech that make a lead-in a clause or a phrase, not a name ("CNN President
#: On Trump:", "Lind Wins Vote:").
_NOT_IN_NAMES = frozenset({"VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ", "NUM"})


def headline_label(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """The person a headline's label names, for a quote in that headline (the article's
    first line): only when the label's last word ends the name of a person the article
    names below the headline ("Ms. Lind" in the story for "Vera Lind:" or "Lind:")."""
    text = doc_text(doc)
    first = text.find("\n")
    if first < 0 or p.open_at >= first:
        return None
    m = _LABEL.match(text)
    if m is None or m.end() > p.open_at + 1:
        return None
    start, end = m.start(1), m.end(1)
    words = doc.char_span(start, end, alignment_mode="contract")
    if words is None or any(t.pos_ in _NOT_IN_NAMES for t in words):
        return None
    label = text[start:end].split()
    people = {m.key for m in index.mentions if m.span.start > first and m.label == "PERSON"}
    for k in range(len(label), 0, -1):
        # the people named below the headline whose name ends with the label's last k
        # words ("Bill Clinton:" is not Hillary Clinton); one, or none is sure
        keys = {key for key in people if key.split()[-k:] == label[-k:]}
        if len(keys) == 1:
            return Attribution(keys.pop(), Span(start, end), ":")
        if keys:
            return None
    return None
