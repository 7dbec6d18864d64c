"""The ``times`` stage: every time expression of an article, normalised to TIMEX3.

``extract_times(doc, anchor)`` finds dates, times, durations and sets in a parsed
article and normalises them; relative expressions ("on Monday", "last week") are
resolved against ``anchor`` (the publication date) and the tense of their clause, or,
without an anchor, keep an underspecified value plus a ``rel`` string from which
``resolve_time`` resolves them later. The rules live in :mod:`storyline.analyze.timex`;
docs/times.md describes them.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from storyline.analyze.timex.find import clause_tense, find_times
from storyline.analyze.timex.resolve import resolve_rel
from storyline.model import Span, TimeExpr
from storyline.nlp import doc_text

__all__ = ["clause_tense", "extract_times", "resolve_time"]


def resolve_time(t: TimeExpr, anchor: date) -> TimeExpr:
    """The expression with its value resolved against ``anchor`` (unchanged if absolute)."""
    if t.rel is None:
        return t
    resolved = resolve_rel(t.rel, anchor)
    if resolved is None:
        return t
    value, granularity = resolved
    return dataclasses.replace(t, value=value, granularity=granularity)


def extract_times(doc: Any, anchor: date | None) -> tuple[TimeExpr, ...]:
    """Every time expression of a spaCy ``Doc``, resolved against ``anchor`` when given."""
    out: list[TimeExpr] = []
    text = doc_text(doc)  # spaCy rebuilds Doc.text on every access
    for found in find_times(doc, text=text):
        norm = found.norm
        expr = TimeExpr(
            span=Span(found.start, found.end),
            text=text[found.start : found.end],
            type=norm.type,
            value=norm.value,
            granularity=norm.granularity,
            rel=norm.rel,
        )
        out.append(resolve_time(expr, anchor) if anchor is not None else expr)
    return tuple(out)
