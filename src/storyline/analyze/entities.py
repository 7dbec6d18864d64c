"""Named-entity mentions of one article, cleaned and linked to the fullest name used.

Reads spaCy's entities (``doc.ents``) and writes :class:`Mention` records whose ``key``
is the fullest form of the entity's name within the article: "Trump", "Mr Trump" and
"Trump's" all get the key "Donald Trump" when the article names him in full. Titles,
possessives and leading articles are cut from the span, so the mention text is the
name alone. The parts live in :mod:`storyline.analyze.naming`, where the cross-document
resolver in :mod:`storyline.story.names` imports them from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from storyline.analyze.naming.cleanup import (
    clean_span,
    common_word,
    merged_ents,
    shouting,
    word_shapes,
)
from storyline.analyze.naming.linking import link_names
from storyline.analyze.naming.places import place_label
from storyline.model import Mention, Span
from storyline.nlp import doc_text

__all__ = ["extract_entities", "mentions_by_key"]


def extract_entities(doc: Any) -> tuple[Mention, ...]:
    """Named-entity mentions of ``doc``, cleaned, each keyed by its fullest in-article name."""
    raw: list[tuple[Span, str, str]] = []
    placed: list[bool] = []
    text = doc_text(doc)
    shapes = word_shapes(text)
    for start_char, end_char, label in merged_ents(doc):
        bounds = clean_span(doc, start_char, end_char, label)
        if bounds is None or shouting(doc, *bounds):
            continue
        start, end = bounds
        if common_word(text, start, end, label, shapes):
            continue
        # The small model calls towns people or products: a known or cued place is a place.
        new = place_label(text, start, end, label)
        raw.append((Span(start, end), text[start:end], new))
        placed.append(new != label)
    linked = link_names(raw, placed, _bracketed(text, raw))
    return tuple(
        Mention(span=span, text=text, label=label, key=key)
        for (span, text, _), (label, key) in zip(raw, linked, strict=True)
    )


def _bracketed(text: str, raw: Sequence[tuple[Span, str, str]]) -> list[tuple[int, int]]:
    """Pairs (name, short form) written "Name (SHORT)": the short form is its alias."""
    out: list[tuple[int, int]] = []
    for i in range(len(raw) - 1):
        gap = text[raw[i][0].end : raw[i + 1][0].start]
        after = text[raw[i + 1][0].end : raw[i + 1][0].end + 1]
        if gap.strip() == "(" and after == ")":
            out.append((i, i + 1))
    return out


def mentions_by_key(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """The mentions of an article grouped by entity key, in text order."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: m.span):
        out[m.key].append(m)
    return dict(out)
