"""Organisation and place names across articles: acronyms, short forms, branches, aliases."""

from __future__ import annotations

from linked_items import linked_item

from storyline.analyze.naming.folding import name_tokens
from storyline.analyze.naming.linking import link_names
from storyline.analyze.naming.matching import compatible_org, org_core
from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span
from storyline.story.names import resolve_names


def _entity_of(items: list[Analyzed], aid: str, name: str) -> str:
    return resolve_names(items).canonical(aid, name)


def test_names_orgs_generic_head_keeps_its_suffix() -> None:
    assert org_core(name_tokens("General Industries Corporation")) == ("general", "industries")
    assert compatible_org(("gi",), name_tokens("General Industries Corporation"))


def test_names_orgs_acronym_alone_joins_expansion_across_articles() -> None:
    items = [
        linked_item("a", ("General Industries Corporation", "ORG"), ("GI", "ORG")),
        linked_item("b", ("GI", "ORG"), ("the GI", "ORG")),
        linked_item("c", ("General Industries", "ORG")),
    ]
    names = {
        _entity_of(items, aid, n)
        for aid, n in (("a", "GI"), ("b", "GI"), ("c", "General Industries"))
    }
    assert len(names) == 1


def test_names_orgs_multiword_prefix_is_a_short_form() -> None:
    items = [
        linked_item("a", ("the Tor Jones Composite Average", "ORG"), ("Tor Jones", "ORG")),
        linked_item("b", ("The Tor Jones", "ORG")),
    ]
    full = _entity_of(items, "a", "Tor Jones Composite Average")
    assert _entity_of(items, "b", "Tor Jones") == full


def test_names_orgs_name_with_own_suffix_is_not_a_short_form() -> None:
    # "Pear Computer" is the company; "Pear Corps" another one, though both are "Pear".
    assert not compatible_org(name_tokens("Pear Computer"), name_tokens("Pear Corps"))
    items = [
        linked_item("a", ("Pear Corps", "ORG"), ("Pear Computer", "ORG")),
        linked_item("b", ("Pear", "ORG"), ("Pear Computer", "ORG"), ("Pear Inc.", "ORG")),
    ]
    assert _entity_of(items, "a", "Pear Corps") != _entity_of(items, "b", "Pear")
    assert _entity_of(items, "a", "Pear Computer") == _entity_of(items, "b", "Pear")


def test_names_orgs_branch_named_by_place_is_not_the_company() -> None:
    assert not compatible_org(("halden",), name_tokens("Halden Australia"))
    assert compatible_org(("halden",), name_tokens("Halden Motors"))


def test_names_orgs_place_is_not_short_for_company_named_after_it() -> None:
    items = [
        linked_item("a", ("Finland", "GPE"), ("Finland Air Lines", "ORG")),
        linked_item("b", ("Finland", "GPE")),
    ]
    assert _entity_of(items, "b", "Finland") != _entity_of(items, "a", "Finland Air Lines")
    labels = dict(
        link_names([(Span(0, 7), "Finland", "GPE"), (Span(20, 37), "Finland Air Lines", "ORG")])
    )
    assert labels == {"GPE": "Finland", "ORG": "Finland Air Lines"}


def test_names_orgs_country_aliases_are_one_entity() -> None:
    items = [
        linked_item("a", ("the United States", "GPE"), ("US", "GPE")),
        linked_item("b", ("U.S.", "GPE")),
        linked_item("c", ("America", "GPE")),
    ]
    index = resolve_names(items)
    assert (
        len({index.canonical(a, n) for a, n in (("a", "US"), ("b", "U.S."), ("c", "America"))}) == 1
    )


def test_names_orgs_place_votes_beat_stray_person_label() -> None:
    items = [
        linked_item("a", ("Velmora", "GPE")),
        linked_item("b", ("Velmora", "PERSON")),
        linked_item("c", ("Velmora", "GPE")),
    ]
    assert resolve_names(items).label("b", "Velmora") == "GPE"


def test_names_orgs_demonym_is_not_the_country() -> None:
    items = [linked_item("a", ("Norvia", "GPE"), ("Norvian", "NORP"))]
    index = resolve_names(items)
    assert index.canonical("a", "Norvia") != index.canonical("a", "Norvian")


def test_names_orgs_bracketed_short_form_is_an_alias() -> None:
    raw = [
        (Span(0, 24), "Norbert Coastal Shipping", "ORG"),
        (Span(26, 29), "NCS", "ORG"),
        (Span(60, 63), "NCS", "ORG"),
    ]
    keys = [key for _, key in link_names(raw, aliases=[(0, 1)])]
    assert keys == ["Norbert Coastal Shipping"] * 3
    # The alias can also sit inside the mention text itself.
    raw2 = [(Span(0, 26), "Varna Air Lines (VAX", "ORG"), (Span(40, 43), "VAX", "ORG")]
    assert {key for _, key in link_names(raw2)} == {"Varna Air Lines"}


def test_names_orgs_declared_acronym_joins_across_articles() -> None:
    a = Analyzed(
        Article("a", "x"),
        ArticleAnalysis(
            "a",
            entities=(
                Mention(Span(0, 15), "Varna Air Lines", "ORG", "Varna Air Lines"),
                Mention(Span(30, 33), "VAX", "ORG", "Varna Air Lines"),
            ),
        ),
    )
    b = Analyzed(
        Article("b", "x"),
        ArticleAnalysis("b", entities=(Mention(Span(0, 3), "VAX", "ORG", "VAX"),)),
    )
    index = resolve_names([a, b])
    assert index.canonical("b", "VAX") == index.canonical("a", "Varna Air Lines")


def test_names_orgs_team_nickname_and_country_prefix() -> None:
    assert compatible_org(("otters",), name_tokens("Varna Otters"))
    assert not compatible_org(("airlines",), name_tokens("Varna Airlines"))
    assert compatible_org(("air", "force"), name_tokens("United States Air Force"))
    assert compatible_org(("senate",), name_tokens("US Senate"))
    assert not compatible_org(("force",), name_tokens("Varna Task Force"))


def test_names_orgs_hyphenated_name_and_initials() -> None:
    assert name_tokens("H-P") == ("hp",)
    assert compatible_org(("hp",), name_tokens("Hollis-Parker"))


def test_names_orgs_inner_capital_word_is_a_name_and_places_are_not_short_forms() -> None:
    from storyline.analyze.naming.folding import core_name

    assert core_name("the new iPhone 4") == "iPhone 4"
    assert name_tokens("iPhone 4") != name_tokens("iOS 4")
    assert not compatible_org(("london",), name_tokens("London Heathrow"))
    assert not compatible_org(("kyiv",), name_tokens("Kyiv Independent"))


def test_names_orgs_unknown_name_tagged_place_joins_its_company() -> None:
    items = [
        linked_item("a", ("Corvel Foods", "ORG"), ("Corvel", "GPE"), ("Corvel", "GPE")),
        linked_item("b", ("Corvel", "GPE"), ("Corvel Foods", "ORG")),
    ]
    index = resolve_names(items)
    assert index.canonical("b", "Corvel") == index.canonical("a", "Corvel Foods")
    assert index.label("a", "Corvel Foods") == "ORG"


def test_names_orgs_of_inversion_is_one_entity() -> None:
    from storyline.analyze.naming.folding import name_tokens
    from storyline.analyze.naming.matching import org_order

    assert org_order(name_tokens("Ministry of Defence")) == org_order(
        name_tokens("Defence Ministry")
    )
    assert org_order(name_tokens("the Department of Justice")) == ("justice", "department")
    assert org_order(name_tokens("Bank of England")) == ("bank", "of", "england")


def test_names_orgs_word_orders_meet_in_an_article_and_across_a_story() -> None:
    items = [
        linked_item("a", ("Ministry of Defence", "ORG"), ("Defence Ministry", "ORG")),
        linked_item("b", ("Defence Ministry", "ORG")),
    ]
    a = _entity_of(items, "a", items[0].analysis.entities[1].key)
    assert items[0].analysis.entities[0].key == items[0].analysis.entities[1].key
    assert a == _entity_of(items, "b", "Defence Ministry")


def test_names_orgs_demonym_plural_and_numbered_acronym_join() -> None:
    items = [
        linked_item("a", ("Valdmarian", "NORP"), ("World War II", "EVENT")),
        linked_item("b", ("Valdmarians", "NORP"), ("WWII", "EVENT")),
    ]
    assert _entity_of(items, "a", "Valdmarian") == _entity_of(items, "b", "Valdmarians")
    assert _entity_of(items, "a", "World War II") == _entity_of(items, "b", "WWII")
