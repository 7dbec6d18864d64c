"""Name variants across reports: a country written another way, products, team names."""

from __future__ import annotations

from storyline.analyze.naming.linking import link_names
from storyline.analyze.naming.places import country_first
from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span
from storyline.story.names import resolve_names


def _item(aid: str, *names: tuple[str, str]) -> Analyzed:
    raw = [(Span(i * 40, i * 40 + len(t)), t, label) for i, (t, label) in enumerate(names)]
    linked = link_names(raw)
    mentions = tuple(
        Mention(span, text, label, key)
        for (span, text, _), (label, key) in zip(raw, linked, strict=True)
    )
    return Analyzed(Article(aid, "x"), ArticleAnalysis(aid, entities=mentions))


def _same(items: list[Analyzed], *where: tuple[str, str]) -> bool:
    index = resolve_names(items)
    return len({index.canonical(aid, name) for aid, name in where}) == 1


def test_names_variants_country_first_takes_one_spelling() -> None:
    assert country_first(("u", "s", "fisheries", "bureau")) == (
        ("united", "states"),
        ("fisheries", "bureau"),
    )
    assert country_first(("corvana", "wildlife")) == ((), ("corvana", "wildlife"))


def test_names_variants_country_alias_before_an_agency_is_one_entity() -> None:
    items = [
        _item("a", ("the U.S. Bureau of Fisheries", "ORG")),
        _item("b", ("the US Fisheries Bureau", "ORG")),
        _item("c", ("the United States Bureau of Fisheries", "ORG")),
    ]
    assert _same(
        items,
        ("a", "the U.S. Bureau of Fisheries"),
        ("b", "the US Fisheries Bureau"),
        ("c", "the United States Bureau of Fisheries"),
    )
