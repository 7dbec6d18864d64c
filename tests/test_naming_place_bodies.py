"""A place and a body named after it (its police, its newspaper) are two entities."""

from __future__ import annotations

from storyline.analyze.naming.linking import link_names
from storyline.analyze.naming.matching import place_body
from storyline.model import Span
from storyline.story.names import resolve_names
from tests.linked_items import linked_item


def test_place_body_is_the_police_or_the_paper_of_the_place() -> None:
    assert place_body(("brenmoor",), ("brenmoor", "county", "police"))
    assert place_body(("brenmoor",), ("brenmoor", "journal-constitution"))
    assert not place_body(("brenmoor",), ("brenmoor", "foods"))  # a firm named after it
    assert not place_body(("brenmoor",), ("west", "brenmoor", "police"))


def test_a_town_in_one_report_is_not_keyed_to_its_police() -> None:
    items = [
        (Span(0, 21), "Brenmoor State Police", "ORG"),
        (Span(40, 48), "Brenmoor", "GPE"),
        (Span(60, 68), "Brenmoor", "GPE"),
    ]
    keys = [k for _, k in link_names(items)]
    assert keys == ["Brenmoor State Police", "Brenmoor", "Brenmoor"]
    paper = [(Span(0, 15), "Brenmoor Herald", "ORG"), (Span(40, 48), "Brenmoor", "GPE")]
    assert [k for _, k in link_names(paper)] == ["Brenmoor Herald", "Brenmoor"]


def test_a_firm_named_after_a_town_still_takes_its_short_name() -> None:
    items = [(Span(0, 14), "Corvale Foods", "ORG"), (Span(40, 47), "Corvale", "GPE")]
    assert [k for _, k in link_names(items)] == ["Corvale Foods", "Corvale Foods"]


def test_across_reports_the_town_and_its_police_stay_two_entities() -> None:
    items = [
        linked_item("a", ("Brenmoor Police", "ORG"), ("Brenmoor", "GPE")),
        linked_item("b", ("Brenmoor", "GPE"), ("Brenmoor", "GPE")),
        linked_item("c", ("Brenmoor Police", "ORG")),
    ]
    labels = {e.name: e.label for e in resolve_names(items).entities()}
    assert labels == {"Brenmoor Police": "ORG", "Brenmoor": "GPE"}
