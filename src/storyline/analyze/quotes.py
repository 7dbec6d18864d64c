"""Quotes of one article: direct quotes and reported speech, each with its speaker.

Reads the spaCy parse of the article (``doc``, over the text with boilerplate masked)
and its entity mentions (:func:`storyline.analyze.entities.extract_entities`); writes
:class:`Quote` records whose ``speaker`` is the entity key of the person (or
organisation) quoted and whose ``speaker_span`` is the mention that named them: the
name, a pronoun ("he said") or a title ("the minister said"). The rules are written
up in docs/quotes.md; the parts live in :mod:`storyline.analyze.quoting`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.analyze.quoting.direct import attribute
from storyline.analyze.quoting.indirect import find_indirect
from storyline.analyze.quoting.marks import find_passages
from storyline.analyze.quoting.speakers import MentionIndex
from storyline.model import Mention, Quote, Span
from storyline.nlp import doc_text


def extract_quotes(doc: Any, mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """Direct and indirect quotes of ``doc`` with speakers keyed like ``mentions``."""
    passages = find_passages(doc_text(doc))
    spans = [Span(p.start, p.end) for p in passages]
    index = MentionIndex(doc, mentions, spans)
    direct = attribute(doc, passages, index)
    indirect = find_indirect(doc, index, spans)
    return tuple(sorted(direct + indirect, key=lambda q: (q.span.start, q.span.end)))
