"""Name variants across reports: a country written another way, products, team names."""

from __future__ import annotations

from linked_items import linked_item

from storyline.analyze.naming.folding import core_name, name_tokens, strip_titles, translit
from storyline.analyze.naming.matching import compatible_person, model_singular, product_tail
from storyline.analyze.naming.places import country_first
from storyline.model import Analyzed
from storyline.story.names import resolve_names


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
        linked_item("a", ("the U.S. Bureau of Fisheries", "ORG")),
        linked_item("b", ("the US Fisheries Bureau", "ORG")),
        linked_item("c", ("the United States Bureau of Fisheries", "ORG")),
    ]
    assert _same(
        items,
        ("a", "the U.S. Bureau of Fisheries"),
        ("b", "the US Fisheries Bureau"),
        ("c", "the United States Bureau of Fisheries"),
    )


def test_names_variants_model_plural_and_product_tail() -> None:
    assert model_singular("k220s") == "k220"
    assert model_singular("walrus") == "walrus"
    assert product_tail(("k220",), ("veltra", "k220"))
    assert product_tail(("marlin",), ("osk", "os", "marlin"))
    assert not product_tail(("vexa",), ("4g", "vexa"))  # a variant, not a maker
    assert not product_tail(("9",), ("lumo", "browser", "9"))


def test_names_variants_model_without_its_maker_is_one_product() -> None:
    items = [
        linked_item("a", ("the Veltra K220", "PRODUCT")),
        linked_item("b", ("K220", "PRODUCT"), ("the K220", "PRODUCT")),
        linked_item("c", ("K220s", "PRODUCT")),
        linked_item("d", ("the Osk OS Marlin", "PRODUCT")),
        linked_item("e", ("Marlin", "PRODUCT")),
    ]
    assert _same(items, ("a", "the Veltra K220"), ("b", "K220"), ("c", "K220s"))
    assert _same(items, ("d", "the Osk OS Marlin"), ("e", "Marlin"))


def test_names_variants_a_variant_stays_apart_from_the_model() -> None:
    items = [
        linked_item("a", ("the 4G Vexa", "PRODUCT")),
        linked_item("b", ("the Vexa", "PRODUCT")),
    ]
    assert not _same(items, ("a", "the 4G Vexa"), ("b", "the Vexa"))


def test_names_variants_team_nickname_in_another_report_joins_the_team() -> None:
    items = [
        linked_item("a", ("the Harwick Otters", "ORG"), ("Harwick", "GPE")),
        linked_item("b", ("Otters", "ORG"), ("the Otters", "ORG")),
        linked_item("c", ("Lenmouth Airways", "ORG")),
        linked_item("d", ("Airways", "ORG")),
    ]
    assert _same(items, ("a", "the Harwick Otters"), ("b", "Otters"))
    assert not _same(items, ("c", "Lenmouth Airways"), ("d", "Airways"))


def test_names_variants_possessive_inside_a_name_is_kept() -> None:
    assert core_name("Harlow & Finch's 300") == "Harlow & Finch's 300"
    assert core_name("Dunmore's Holdings") == "Dunmore's Holdings"
    assert core_name("Velmar's K220") == "K220"  # an owner before a product is still cut


def test_names_variants_ampersand_pair_and_index_word() -> None:
    items = [
        linked_item("a", ("the Harlow & Finch's 300", "ORG")),
        linked_item("b", ("The H&F 300", "ORG")),
        linked_item("c", ("the H&F 300 stock index", "ORG")),
    ]
    assert _same(
        items,
        ("a", "the Harlow & Finch's 300"),
        ("b", "The H&F 300"),
        ("c", "the H&F 300 stock index"),
    )


def test_names_variants_people_behind_roles_and_long_titles() -> None:
    assert core_name("Kelvar CEO, Dana Oyelaran") == "Dana Oyelaran"
    assert core_name("Nuala O' Brann") == "Nuala O' Brann"
    assert core_name("the Otters' Tam Reddy") == "Tam Reddy"
    assert strip_titles(name_tokens("President of the Republic of Aldovia Mira Tesh")) == (
        "mira",
        "tesh",
    )
    assert strip_titles(name_tokens("Prime Minister of Aldovia")) == ("of", "aldovia")
    assert strip_titles(name_tokens("Kelvar LLC Dana Oyelaran")) == ("dana", "oyelaran")
    assert strip_titles(name_tokens("Attorney Dana Oyelaran")) == ("dana", "oyelaran")
    assert compatible_person(("dana", "mae", "oyelaran"), ("rita", "dana", "mae", "oyelaran"))
    assert not compatible_person(("dana", "oyelaran"), ("rita", "dana", "oyelaran"))


def test_names_variants_person_with_a_role_joins_across_reports() -> None:
    items = [
        linked_item("a", ("Attorney Dana Oyelaran", "PERSON")),
        linked_item("b", ("Dana Oyelaran", "PERSON"), ("Oyelaran", "PERSON")),
        linked_item("c", ("President of the Republic of Aldovia Mira Tesh", "PERSON")),
        linked_item("d", ("Mira Tesh", "PERSON")),
    ]
    assert _same(items, ("a", "Attorney Dana Oyelaran"), ("b", "Dana Oyelaran"))
    assert _same(items, ("c", "President of the Republic of Aldovia Mira Tesh"), ("d", "Mira Tesh"))


def test_names_variants_plural_model_alone_joins_the_maker_form() -> None:
    assert model_singular("42ers") == "42ers"  # a team, not a model in the plural
    items = [
        linked_item("a", ("the Veltra K330", "PRODUCT")),
        linked_item("b", ("K330s", "PRODUCT")),
    ]
    assert _same(items, ("a", "the Veltra K330"), ("b", "K330s"))


def test_names_variants_centre_and_center_are_one_spelling() -> None:
    assert translit("centre") == translit("center")
    items = [
        linked_item("a", ("the Orrin Bay Recovery Centre", "FAC")),
        linked_item("b", ("Orrin Bay Recovery Center", "FAC")),
    ]
    assert _same(items, ("a", "the Orrin Bay Recovery Centre"), ("b", "Orrin Bay Recovery Center"))
