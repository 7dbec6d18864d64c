"""A report made only of named mentions, keyed as the analysis keys them, for the tests of
names across reports."""

from __future__ import annotations

from storyline.analyze.naming.linking import link_names
from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span


def linked_item(aid: str, *names: tuple[str, str]) -> Analyzed:
    """Report ``aid`` naming each (text, label) in turn, 40 characters apart."""
    raw = [(Span(i * 40, i * 40 + len(t)), t, label) for i, (t, label) in enumerate(names)]
    linked = link_names(raw)
    mentions = tuple(
        Mention(span, text, label, key)
        for (span, text, _), (label, key) in zip(raw, linked, strict=True)
    )
    return Analyzed(Article(aid, "x"), ArticleAnalysis(aid, entities=mentions))
