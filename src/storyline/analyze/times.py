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
from collections.abc import Sequence
from datetime import date
from typing import Any

from storyline.analyze.timex.dateline import dateline_dates
from storyline.analyze.timex.find import clause_tense, find_times
from storyline.analyze.timex.normalize import normalize_text
from storyline.analyze.timex.resolve import resolve_rel
from storyline.model import Boilerplate, Span, TimeExpr
from storyline.nlp import doc_text

__all__ = ["clause_tense", "dateline_times", "extract_times", "resolve_time", "with_datelines"]


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


def dateline_times(
    text: str, boilerplate: Sequence[Boilerplate], anchor: date | None
) -> tuple[TimeExpr, ...]:
    """The dates of the wire datelines masked as boilerplate ("NAIROBI, August 21
    (Xinhua) --" on a line of its own), read from the original ``text``; a date
    without its year is the closest such day to ``anchor``."""
    out: list[TimeExpr] = []
    for start, end in dateline_dates(text, boilerplate):
        norm = normalize_text(text[start:end])
        if norm is None:
            continue
        expr = TimeExpr(Span(start, end), text[start:end], norm.type, norm.value,
                        norm.granularity, norm.rel)  # fmt: skip
        out.append(resolve_time(expr, anchor) if anchor is not None else expr)
    return tuple(out)


def with_datelines(
    times: Sequence[TimeExpr], datelines: Sequence[TimeExpr]
) -> tuple[TimeExpr, ...]:
    """The expressions of the text and those of its datelines, in text order."""
    return tuple(sorted((*times, *datelines), key=lambda t: (t.span.start, t.span.end)))
