"""Named-entity mentions of one article, cleaned and linked to the fullest name used.

Reads spaCy's entities (``doc.ents``) and writes :class:`Mention` records whose ``key``
is the fullest form of the entity's name within the article: "Trump", "Mr Trump" and
"Trump's" all get the key "Donald Trump" when the article names him in full. Titles,
possessives and leading articles are cut from the span, so the mention text is the
name alone. The parts live in :mod:`storyline.analyze.naming`, where the cross-document
resolver in :mod:`storyline.story.names` imports them from.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from storyline.analyze.naming.cleanup import (
    clean_span,
    common_word,
    merged_ents,
    shouting,
    word_shapes,
)
from storyline.analyze.naming.folding import TITLES, fold, name_tokens, translit
from storyline.analyze.naming.linking import link_names
from storyline.analyze.naming.places import place_key, place_label
from storyline.analyze.quoting.lexicon import SPEECH_VERBS
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
        if label == "PERSON" and _after_article(text, start, end):
            label = "ORG"  # "told the Gazette": a person's name takes no article
        if (
            label == "GPE"
            and _DEMONYM.match(text[start:end])
            and place_key(text[start:end]) is None
        ):
            label = "NORP"  # "Turkish" is the people's word, not the place
        # The small model calls towns people or products: a known or cued place is a place.
        new = place_label(text, start, end, label)
        raw.append((Span(start, end), text[start:end], new))
        placed.append(new != label)
    lower = frozenset(w for w in shapes if w.islower())
    linked = link_names(raw, placed, _bracketed(text, raw), lower)
    mentions = [
        Mention(span=span, text=text, label=label, key=key)
        for (span, text, _), (label, key) in zip(raw, linked, strict=True)
    ]
    words = Counter(translit(t) for m in mentions for t in name_tokens(m.key))
    return tuple(m for m in mentions if not _thin_person(doc, text, m, words))


def _thin_person(doc: Any, text: str, m: Mention, words: Counter[str]) -> bool:
    """Whether a PERSON mention is too thin to be anyone: one word, met once in the
    article, part of no other name, with no title before it and saying nothing
    ("Flags flew at half-mast", "the maker of Krisp snacks")."""
    toks = name_tokens(m.key)
    if m.label != "PERSON" or len(toks) != 1 or words[translit(toks[0])] > 1:
        return False
    before = text[max(0, m.span.start - 30) : m.span.start].split()
    if before and fold(before[-1]).rstrip(".") in TITLES:
        return False  # "Pope Leo", "Mr Brandt"
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return not (head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in SPEECH_VERBS)


#: One word shaped like a demonym ("Turkish", "Chinese", "Belgian").
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ish|ese|ian)$")


def _after_article(text: str, start: int, end: int) -> bool:
    """Whether a one-word name follows "the" ("told the Gazette"): no person's name does."""
    return " " not in text[start:end] and bool(
        re.search(r"\bthe\s+$", text[max(0, start - 5) : start])
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
