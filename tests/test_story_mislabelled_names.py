"""A one-word name the tagger called a place or a firm joins the one person of the story
whose full name opens or ends with it; a word a team's name shares stays apart."""

from __future__ import annotations

from storyline.story.names import resolve_names
from tests.linked_items import linked_item


def _entities(*items: object) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {e.name: (e.label, e.variants) for e in resolve_names(items).entities()}  # type: ignore[arg-type]


def test_a_first_name_tagged_a_place_is_the_person() -> None:
    items = [
        linked_item("a", ("Velda Marsh", "PERSON"), ("Marsh", "PERSON")),
        linked_item("b", ("Velda", "GPE"), ("Velda", "GPE"), ("Velda Marsh", "PERSON")),
    ]
    found = _entities(*items)
    assert "Velda" not in found
    assert found["Velda Marsh"][0] == "PERSON"
    assert "Velda" in found["Velda Marsh"][1]


def test_a_surname_tagged_a_firm_is_the_person() -> None:
    items = [
        linked_item("a", ("Tomas Brekke", "PERSON")),
        linked_item("b", ("Brekke", "ORG")),
    ]
    assert "Brekke" not in _entities(*items)


def test_a_word_a_teams_name_shares_stays_apart() -> None:
    items = [
        linked_item("a", ("Orvale Clark", "PERSON"), ("Orvale Rovers", "ORG")),
        linked_item("b", ("Orvale", "GPE")),
    ]
    assert _entities(*items)["Orvale Clark"] == ("PERSON", ("Orvale Clark",))


def test_two_bearers_keep_the_word_apart() -> None:
    items = [
        linked_item("a", ("Velda Marsh", "PERSON"), ("Velda Kross", "PERSON")),
        linked_item("b", ("Velda", "GPE")),
    ]
    assert "Velda" in _entities(*items)


def test_a_word_that_far_outnumbers_the_person_stays_apart() -> None:
    items = [
        linked_item("a", ("Velda Marsh", "PERSON")),
        linked_item("b", *[("Velda", "GPE")] * 5),
    ]
    assert "Velda" in _entities(*items)
