"""Claims and analysed reports made by hand, for the tests of a story's headline figures."""

from __future__ import annotations

from dataclasses import replace

from storyline.model import Analyzed, Article, ArticleAnalysis, Claim, Span


def claim(measure: str, value: float, at: int, date: str | None = None) -> Claim:
    """An exact count of people for ``measure``, three characters at ``at``."""
    return Claim(
        span=Span(at, at + 3),
        measure=measure,
        value=value,
        qualifier="exact",
        counted="people",
        attribution=None,
        date=date,
        sentence=Span(at, at + 40),
    )


def report(aid: str, published: str | None, *claims: Claim, source: str | None = None) -> Analyzed:
    """A report of ten 40-character sentences holding ``claims``, from ``source``."""
    sentences = tuple(Span(i * 50, i * 50 + 40) for i in range(10))
    analysis = ArticleAnalysis(aid, sentences=sentences, claims=claims)
    article = Article(id=aid, text="x" * 500, published=published)
    if source is not None:
        article = replace(article, source=source)
    return Analyzed(article, analysis)
