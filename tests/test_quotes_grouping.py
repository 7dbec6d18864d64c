"""The same quote across outlets: grouping, fragments, altered wordings, speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Quote, Span
from storyline.story.names import resolve_names
from storyline.story.quotes import faithful, group_quotes

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _item(aid: str, quote: str, speaker: str | None, kind: str = "direct") -> Analyzed:
    text = f"{speaker or 'Someone'} said “{quote}”"
    start = text.index("“") + 1
    mentions = (Mention(Span(0, len(speaker)), speaker, "PERSON", speaker),) if speaker else ()
    q = Quote(Span(start, start + len(quote)), quote, kind, speaker, None, "say")
    return Analyzed(Article(aid, text), ArticleAnalysis(aid, entities=mentions, quotes=(q,)))


def _group(*items: Analyzed) -> list[tuple[tuple[str, ...], tuple[str, ...], str | None]]:
    groups = group_quotes(items, resolve_names(items))
    return [(g.articles, g.altered, g.speaker) for g in groups]


FULL = "The river will be clean again, and the fish will come back to every town."


def test_quotes_grouping_case_marks_and_ellipsis() -> None:
    items = [
        _item("a", FULL, "Nadia Rahimi"),
        _item("b", FULL.upper(), "Nadia Rahimi"),
        _item("c", "the river will be clean again … to every town", "Rahimi"),
    ]
    assert _group(*items) == [(("a", "b", "c"), (), "Nadia Rahimi")]


def test_quotes_grouping_partial_fragment_joins_full_quote() -> None:
    items = [_item("a", FULL, "Nadia Rahimi"), _item("b", "come back to every town", None)]
    assert _group(*items)[0][0] == ("a", "b")


def test_quotes_grouping_altered_wording_is_flagged() -> None:
    altered = "The river will be clean again and fish will return to every single town."
    items = [
        _item("a", FULL, "Nadia Rahimi"),
        _item("b", FULL, "Nadia Rahimi"),
        _item("c", altered, "Nadia Rahimi"),
    ]
    assert _group(*items) == [(("a", "b", "c"), ("c",), "Nadia Rahimi")]


def test_quotes_grouping_cut_without_ellipsis_is_altered() -> None:
    assert faithful("clean again … every town", FULL)
    assert not faithful("clean again every town", FULL)


def test_quotes_grouping_different_speakers_are_listed() -> None:
    items = [
        _item("a", FULL, "Nadia Rahimi"),
        _item("b", FULL, "Nadia Rahimi"),
        _item("c", FULL, "Omar Lindqvist"),
    ]
    (group,) = group_quotes(items, resolve_names(items))
    assert group.speaker == "Nadia Rahimi"
    assert group.speakers == ("Nadia Rahimi", "Omar Lindqvist")


def test_quotes_grouping_short_phrase_needs_same_speaker() -> None:
    items = [
        _item("a", "a total disgrace", "Nadia Rahimi"),
        _item("b", "a total disgrace", "Omar Lindqvist"),
    ]
    assert len(_group(*items)) == 2


def test_quotes_grouping_different_quotes_stay_apart() -> None:
    items = [
        _item("a", FULL, "Nadia Rahimi"),
        _item("b", "Taxes on farmers will be cut by half before the next harvest.", "Nadia Rahimi"),
    ]
    assert len(_group(*items)) == 2


def test_quotes_grouping_sorted_by_independent_articles() -> None:
    other = "Taxes on farmers will be cut by half before the next harvest."
    items = [
        _item("a", other, "Nadia Rahimi"),
        _item("b", FULL, "Nadia Rahimi"),
        _item("c", FULL, "Nadia Rahimi"),
        _item("d", FULL, "Nadia Rahimi"),
        _item("e", other, "Nadia Rahimi"),
    ]
    groups = group_quotes(items, resolve_names(items))
    assert [g.articles for g in groups] == [("b", "c", "d"), ("a", "e")]
    # Copies of one report count once: two independent reports beat one copied thrice.
    groups = group_quotes(items, resolve_names(items), duplicate_of={"c": "b", "d": "b"})
    assert [g.articles for g in groups] == [("a", "e"), ("b", "c", "d")]


@pytest.fixture(scope="module")
def seed_groups() -> tuple:  # type: ignore[type-arg]
    if not SEEDS.is_dir():
        pytest.skip("seeds absent")
    from storyline.analyze.entities import extract_entities
    from storyline.analyze.quotes import extract_quotes
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    items = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        ents = extract_entities(doc)
        analysis = ArticleAnalysis(path.stem, entities=ents, quotes=extract_quotes(doc, ents))
        items.append(Analyzed(Article(path.stem, text), analysis))
    names = resolve_names(items)
    return group_quotes(items, names), items


def test_quotes_grouping_seeds_productive_day_is_one_quote(seed_groups: tuple) -> None:  # type: ignore[type-arg]
    groups, _ = seed_groups
    hits = [g for g in groups if any("productive day" in v.lower() for v in g.variants)]
    assert len(hits) == 1
    (group,) = hits
    assert len(group.articles) >= 3
    assert any(v.isupper() for v in group.variants)
    assert any("…" in v or "..." in v for v in group.variants)
    assert group.speaker == "Donald Trump"
    texts = {i.article.id: i.article.text for i in seed_groups[1]}
    cut = {
        c.article
        for c in group.citations
        if c.span and "…" in texts[c.article][c.span.start : c.span.end]
    }
    assert cut and not cut & set(group.altered)


def test_quotes_grouping_seeds_zelensky_quotes_are_his(seed_groups: tuple) -> None:  # type: ignore[type-arg]
    groups, items = seed_groups
    speakers = {g.speaker for g in groups if g.kind == "direct" and g.speaker}
    assert not any("zelensk" in s.lower() and s != "Volodymyr Zelensky" for s in speakers)
    by_zelensky = {a for g in groups if g.speaker == "Volodymyr Zelensky" for a in g.articles}
    spelled_yy = {i.article.id for i in items if "Zelenskyy" in i.article.text}
    assert spelled_yy <= by_zelensky


def test_quotes_grouping_one_or_two_borrowed_words_are_no_statement() -> None:
    from storyline.model import Quote, Span
    from storyline.story.quotes import statement

    def q(text: str) -> Quote:
        return Quote(Span(0, len(text)), text, "direct", "Ilse Brandt", None, "call")

    assert not statement(q("defining"))
    assert not statement(q("vile attacks,"))
    assert statement(q("Nobody answered."))
    assert statement(q("we will rebuild the bridge"))
