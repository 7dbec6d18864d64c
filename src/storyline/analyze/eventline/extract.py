"""Event lines of one article, found while its parse is at hand.

Every date or time expression gets the line of the clause it dates (when there is
a readable one), read from the article's own parse: digest never parses a sentence
again. Which of them make timeline entries is decided per story (dates are
re-resolved there), so lines are kept for every date and time expression.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storyline.analyze.eventline.clause import REPORTING
from storyline.analyze.eventline.lines import event_line
from storyline.model import EventLine, Span, TimeExpr
from storyline.nlp import doc_text

#: "since May 19", "until June", "before the summer" bound an interval, not an event.
BOUND = re.compile(
    r"(?i)\b(?:since|until|till|before|after|by|from|ahead\s+of)\s+"
    r"(?:(?:the|this|last|early|late|mid|a)\s+)?$"
)

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
    text = doc_text(doc)
    dated = [t for t in times if t.type in DATED_TYPES]
    found: list[tuple[Span, TimeExpr, EventLine]] = []
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
            found.append(
                (
                    where,
                    t,
                    EventLine(
                        t.span,
                        line.text,
                        line.verb,
                        line.verb_i,
                        line.strong,
                        line.named,
                        line.present,
                    ),
                )
            )
    return tuple(_own_dates(doc, found))


def _own_dates(doc: Any, found: list[tuple[Span, TimeExpr, EventLine]]) -> list[EventLine]:
    """The lines left once each clause keeps the date that is its own.

    "X said last week that the wagons had passed inspection in January": the reported
    clause is January's, so the reporting verb's date gives no line; "said on Thursday
    that a cracked rail caused last week's derailment": a time inside a noun phrase
    gives way to the time that dates a clause; and of two times whose lines are one
    clause, the one that clause governs comes first.
    """
    gov = {id(t): _governing_verb(doc, t.span) for _, t, _ in found}
    text = doc_text(doc)
    # an interval bound ("by the end of the year") dates no clause
    adv = {
        id(t): -1
        if BOUND.search(text[max(0, t.span.start - 24) : t.span.start])
        else _adverbial_of(doc, t.span)
        for _, t, _ in found
    }
    dated_clause = {where for where, t, _ in found if adv[id(t)] >= 0}
    keep: list[tuple[Span, TimeExpr, EventLine]] = []
    for where, t, line in found:
        if where in dated_clause and adv[id(t)] < 0:
            continue
        if line.verb in REPORTING and gov[id(t)] >= 0:
            reporting = doc[gov[id(t)]]
            if any(
                w == where and o is not t and adv[id(o)] not in (-1, gov[id(t)])
                and reporting in doc[adv[id(o)]].ancestors
                for w, o, _ in found
            ):  # fmt: skip
                continue
        keep.append((where, t, line))
    out: list[EventLine] = []
    for where, t, line in keep:
        rivals = [o for w, o, ln in keep if w == where and o is not t and ln.verb_i == line.verb_i]
        if gov[id(t)] != line.verb_i and any(gov[id(o)] == line.verb_i for o in rivals):
            continue  # another time of the same clause is its own
        out.append(line)
    return out


def _governing_verb(doc: Any, span: Span) -> int:
    """The token index of the verb that governs a time expression (-1 if none)."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return -1
    tok = tokens.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return int(tok.i)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return -1


def _adverbial_of(doc: Any, span: Span) -> int:
    """The verb a time expression is an adverbial of ("passed … in January"), else -1.

    A time inside a noun phrase ("last week's derailment") dates the noun, not a clause.
    """
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return -1
    head = tokens.root.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return int(head.i) if head.pos_ in ("VERB", "AUX") else -1
