"""A body named after a place (its police, its newspaper) is an organisation, even when
most of its mentions are the place's name keyed to it."""

from __future__ import annotations

from storyline.analyze.naming.matching import place_body
from storyline.story.names import resolve_names
from tests.linked_items import linked_item


def test_place_body_is_the_police_or_the_paper_of_the_place() -> None:
    assert place_body(("brenmoor",), ("brenmoor", "county", "police"))
    assert place_body(("brenmoor",), ("brenmoor", "journal-constitution"))
    assert not place_body(("brenmoor",), ("brenmoor", "foods"))  # a firm named after it
    assert not place_body(("brenmoor",), ("west", "brenmoor", "police"))


def test_the_police_of_a_town_met_mostly_as_the_town_is_an_organisation() -> None:
    items = [
        linked_item(
            "a", ("Brenmoor State Police", "ORG"), ("Brenmoor", "GPE"), ("Brenmoor", "GPE")
        ),
        linked_item("b", ("Brenmoor State Police", "ORG"), ("Brenmoor", "GPE")),
    ]
    labels = {e.name: e.label for e in resolve_names(items).entities()}
    assert labels["Brenmoor State Police"] == "ORG"


def test_a_town_named_alone_stays_a_place() -> None:
    items = [linked_item("a", ("Brenmoor", "GPE"), ("Brenmoor", "GPE"))]
    assert {e.name: e.label for e in resolve_names(items).entities()} == {"Brenmoor": "GPE"}
