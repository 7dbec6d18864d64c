"""Cross-document name resolution: one entity per person across reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span
from storyline.story.names import resolve_names

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _item(aid: str, *names: tuple[str, str, str]) -> Analyzed:
    mentions = tuple(
        Mention(Span(i * 10, i * 10 + len(text)), text, label, key)
        for i, (text, label, key) in enumerate(names)
    )
    return Analyzed(Article(aid, "x"), ArticleAnalysis(aid, entities=mentions))


def test_names_spelling_variants_are_one_person() -> None:
    items = [
        _item("a", ("Oleksandr Zhuravsky", "PERSON", "Oleksandr Zhuravsky")),
        _item("b", ("Oleksandr Zhuravskyi", "PERSON", "Oleksandr Zhuravskyi")),
        _item("c", ("Zhuravskiy", "PERSON", "Zhuravskiy")),
        _item("d", ("Oleksandr Zhuravsky", "PERSON", "Oleksandr Zhuravsky")),
    ]
    index = resolve_names(items)
    people = [e for e in index.entities() if e.label == "PERSON"]
    assert len(people) == 1
    assert people[0].name == "Oleksandr Zhuravsky"
    assert index.canonical("c", "Zhuravskiy") == "Oleksandr Zhuravsky"
    assert index.canonical("b", "Mr Zhuravskyi’s") == "Oleksandr Zhuravsky"


def test_names_different_first_names_stay_apart() -> None:
    items = [
        _item("a", ("Maria Dobrev", "PERSON", "Maria Dobrev")),
        _item("b", ("Stefan Dobrev", "PERSON", "Stefan Dobrev")),
    ]
    people = [e for e in resolve_names(items).entities() if e.label == "PERSON"]
    assert sorted(e.name for e in people) == ["Maria Dobrev", "Stefan Dobrev"]


def test_names_initial_matches_first_name() -> None:
    items = [
        _item("a", ("J. Okafor", "PERSON", "J. Okafor")),
        _item("b", ("Joseph Okafor", "PERSON", "Joseph Okafor")),
    ]
    people = [e for e in resolve_names(items).entities() if e.label == "PERSON"]
    assert len(people) == 1 and people[0].name == "Joseph Okafor"


def test_names_lone_surname_with_two_bearers_stays_apart() -> None:
    items = [
        _item("a", ("Maria Dobrev", "PERSON", "Maria Dobrev")),
        _item("b", ("Stefan Dobrev", "PERSON", "Stefan Dobrev")),
        _item("c", ("Dobrev", "PERSON", "Dobrev")),
    ]
    assert len([e for e in resolve_names(items).entities() if e.label == "PERSON"]) == 3


def test_names_acronym_and_label_noise() -> None:
    items = [
        _item("a", ("Coastal Research Institute", "ORG", "Coastal Research Institute")),
        _item("b", ("CRI", "ORG", "CRI")),
        _item("c", ("Tallinn", "GPE", "Tallinn"), ("Tallinn", "PERSON", "Tallinn")),
        _item("d", ("Tallinn", "GPE", "Tallinn")),
    ]
    index = resolve_names(items)
    assert index.canonical("b", "CRI") == "Coastal Research Institute"
    tallinn = [e for e in index.entities() if e.name == "Tallinn"]
    assert len(tallinn) == 1 and tallinn[0].label == "GPE"


def test_names_entities_sorted_by_articles_then_mentions() -> None:
    items = [
        _item("a", ("Ines Baptiste", "PERSON", "Ines Baptiste"), ("Oslo", "GPE", "Oslo")),
        _item("b", ("Oslo", "GPE", "Oslo")),
    ]
    assert [e.name for e in resolve_names(items).entities()] == ["Oslo", "Ines Baptiste"]


def test_names_unknown_name_is_returned_cleaned() -> None:
    index = resolve_names([_item("a", ("Oslo", "GPE", "Oslo"))])
    assert index.canonical("a", "Mr Nobody's") == "Nobody"


@pytest.fixture(scope="module")
def seed_index() -> Any:
    if not SEEDS.is_dir():
        pytest.skip("seeds absent")
    from storyline.analyze.entities import extract_entities
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    items = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ents = extract_entities(nlp(text))
        items.append(Analyzed(Article(path.stem, text), ArticleAnalysis(path.stem, entities=ents)))
    return resolve_names(items), items


def test_names_seeds_zelensky_spellings_are_one_entity(seed_index: Any) -> None:
    index, items = seed_index
    found = [e for e in index.entities() if any("zelensk" in v.lower() for v in e.variants)]
    assert len(found) == 1
    variants = {v.lower() for v in found[0].variants}
    assert {"zelensky", "zelenskyy"} <= variants
    assert len(found[0].articles) == len(items)


def test_names_seeds_trump_forms_are_one_entity(seed_index: Any) -> None:
    index, items = seed_index
    names = {index.canonical(i.article.id, n) for i in items for n in ("Mr Trump", "Trump’s")}
    assert names == {"Donald Trump"}


def test_names_seeds_places_are_not_people(seed_index: Any) -> None:
    index, _ = seed_index
    labels = {e.name: e.label for e in index.entities()}
    for town in ("Kyiv", "Sumy", "Kherson", "Kursk"):
        assert labels.get(town, "GPE") in ("GPE", "LOC"), town
    assert not any(
        label == "PERSON" and name.endswith("Ministry") for name, label in labels.items()
    )
