"""Event lines of one article, found while its parse is at hand.

Every date or time expression gets the line of the clause it dates (when there is
a readable one), read from the article's own parse: digest never parses a sentence
again. Which of them make timeline entries is decided per story (dates are
re-resolved there), so lines are kept for every date and time expression.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.analyze.eventline.lines import event_line
from storyline.model import EventLine, Span, TimeExpr

#: Time expression types that can date an event.
DATED_TYPES = ("DATE", "TIME")


def sentence_at(text: str, sentences: Sequence[Span], span: Span) -> Span:
    """The sentence holding a span (a window of text when sentences are unknown)."""
    for s in sentences:
        if s.start <= span.start < s.end:
            return s
    start = text.rfind(".", 0, span.start) + 1
    end = text.find(".", span.end)
    return Span(start, len(text) if end < 0 else end + 1)


def dated_sentence(text: str, sentences: Sequence[Span], span: Span) -> Span:
    """The sentence a time expression dates: its sentence, cut after a paragraph break
    before it (a heading glued to a sentence goes)."""
    sent = sentence_at(text, sentences, span)
    cut = text.rfind("\n", sent.start, span.start)
    return Span(cut + 1, sent.end) if cut >= 0 else sent


def extract_event_lines(
    doc: Any, sentences: Sequence[Span], times: Sequence[TimeExpr]
) -> tuple[EventLine, ...]:
    """The event line of every date and time expression of a parsed article."""
    text: str = doc.text
    dated = [t for t in times if t.type in DATED_TYPES]
    out: list[EventLine] = []
    for t in dated:
        where = dated_sentence(text, sentences, t.span)
        sent = doc.char_span(where.start, where.end, alignment_mode="expand")
        if sent is None or not len(sent):
            continue
        others = [
            (o.span.start, o.span.end)
            for o in dated
            if o is not t and where.start <= o.span.start and o.span.end <= where.end
        ]
        line = event_line(sent, t.span.start, t.span.end, others)
        if line is not None:
            out.append(
                EventLine(t.span, line.text, line.verb, line.verb_i, line.strong, line.named)
            )
    return tuple(out)
