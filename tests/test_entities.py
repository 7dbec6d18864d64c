"""Entity mentions of one article: cleaning and linking to the fullest name."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.entities import extract_entities
from storyline.analyze.naming.folding import name_tokens, strip_titles, translit
from storyline.analyze.naming.linking import link_names
from storyline.model import Span


def _keys(nlp: Any, text: str) -> dict[str, str]:
    return {m.text: m.key for m in extract_entities(nlp(text))}


def test_entities_translit_folds_romanisations() -> None:
    assert translit("zelensky") == translit("zelenskyy") == translit("zelenskiy")
    assert translit("kyrylo") == translit("kirillo")
    assert translit("mikhail") == translit("mihail")
    assert translit("smith") == translit("smyth")  # y folds to i, by design (Zelenskyy)
    assert translit("petrov") != translit("ivanov")


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Łukasz", "Lukasz"),
        ("Øystein", "Oystein"),
        ("Đoković", "Dokovic"),
        ("Ærø", "Aero"),
        ("Straße", "Strasse"),
        ("Müller", "Muller"),
    ],
)
def test_entities_names_fold_across_every_latin_letter(written: str, plain: str) -> None:
    # NFKD leaves Ł, Ø, Đ, Æ and ß alone: the transliteration library spells them.
    key = tuple(translit(t) for t in name_tokens(written))
    assert key == tuple(translit(t) for t in name_tokens(plain))
    assert name_tokens(written)[0].isascii()


def test_entities_other_scripts_meet_their_romanisation() -> None:
    assert translit(name_tokens("Зеленский")[0]) == translit("zelenskiy")


def test_entities_name_tokens_drop_possessive_and_diacritics() -> None:
    assert name_tokens("Zelenskyy’s") == ("zelenskyy",)
    assert name_tokens("José Müller") == ("jose", "muller")
    assert strip_titles(name_tokens("Prime Minister Ana Lopes")) == ("ana", "lopes")


def test_entities_surname_links_to_full_name(nlp: Any) -> None:
    text = (
        "Prime Minister Harriet Okonkwo visited the port on Tuesday. "
        "Ms Okonkwo said the harbour would reopen. Okonkwo's critics disagreed."
    )
    mentions = extract_entities(nlp(text))
    people = [m for m in mentions if m.label == "PERSON"]
    assert people
    assert {m.key for m in people} == {"Harriet Okonkwo"}
    for m in people:
        assert text[m.span.start : m.span.end] == m.text
        assert not m.text.startswith(("Ms", "Prime"))
        assert not m.text.endswith("'s")


def test_entities_same_surname_different_people_stay_apart() -> None:
    items = [
        (Span(0, 12), "Maria Dobrev", "PERSON"),
        (Span(40, 52), "Stefan Dobrev", "PERSON"),
        (Span(80, 86), "Dobrev", "PERSON"),
    ]
    keys = [k for _, k in link_names(items)]
    assert keys[0] == "Maria Dobrev"
    assert keys[1] == "Stefan Dobrev"
    assert keys[2] == "Stefan Dobrev"  # the nearest full name before it


def test_entities_mislabelled_surname_becomes_person() -> None:
    items = [
        (Span(0, 14), "Tomas Verhoeven", "PERSON"),
        (Span(30, 39), "Verhoeven", "ORG"),
        (Span(50, 59), "Verhoeven", "GPE"),
    ]
    assert [lab for lab, _ in link_names(items)] == ["PERSON"] * 3
    assert {k for _, k in link_names(items)} == {"Tomas Verhoeven"}


def test_entities_acronym_links_to_expansion() -> None:
    items = [
        (Span(0, 31), "Coastal Research Institute", "ORG"),
        (Span(40, 43), "CRI", "ORG"),
    ]
    assert [k for _, k in link_names(items)] == ["Coastal Research Institute"] * 2


def test_entities_general_motors_keeps_its_first_word() -> None:
    items = [(Span(0, 14), "General Motors", "ORG"), (Span(20, 26), "Motors", "ORG")]
    assert link_names(items)[0][1] == "General Motors"


def test_entities_junk_is_dropped(nlp: Any) -> None:
    text = "Photo by Lena Park/Reuters. The council met in Tallinn on Monday."
    texts = {m.text for m in extract_entities(nlp(text))}
    assert not any("/" in t for t in texts)
    assert all(len(t) > 1 for t in texts)


def test_entities_titles_are_cut_from_person_spans(nlp: Any) -> None:
    keys = _keys(nlp, "President Ilse Brandt met Mr Brandt's aides in Oslo.")
    assert "President Ilse Brandt" not in keys
    assert any(k == "Ilse Brandt" for k in keys.values())


def test_entities_core_name_cuts_descriptors_and_aliases() -> None:
    from storyline.analyze.naming.folding import core_name

    assert core_name("computer maker Halvard Systems (HSY") == "Halvard Systems"
    assert core_name("Verensk's Talvi 40 index") == "Talvi 40 index"
    assert core_name("Ursula von der Brink") == "Ursula von der Brink"
    assert name_tokens("U.K.") == ("uk",)


def test_entities_acronym_ignores_legal_form_but_not_shared_words() -> None:
    from storyline.analyze.naming.matching import compatible_org

    assert compatible_org(("ktm",), ("kessel", "tram", "motors", "corporation"))
    assert not compatible_org(("us",), ("us", "stocks"))


def test_entities_ambiguous_short_org_stays_alone() -> None:
    items = [
        (Span(0, 12), "Orvik Corps", "ORG"),
        (Span(20, 29), "Orvik Bank", "ORG"),
        (Span(40, 45), "Orvik", "ORG"),
    ]
    assert link_names(items)[2][1] == "Orvik"


def test_entities_apposition_with_role_makes_a_person(nlp: Any) -> None:
    text = "The rail board met on Friday, and its chairman, Ilmar Teder, spoke first. Teder left."
    people = {m.key for m in extract_entities(nlp(text)) if m.label == "PERSON"}
    assert people == {"Ilmar Teder"}


def test_entities_time_zones_and_months_are_not_names(nlp: Any) -> None:
    # The small model tags a time zone on its own as an organisation.
    text = "The AEST deadline passed and GMT traders reacted, Mira Holm said in Geneva."
    found = {m.text for m in extract_entities(nlp(text))}
    assert not found & {"AEST", "GMT"}
    assert {"Mira Holm", "Geneva"} <= found


def test_entities_thin_one_word_people_are_dropped(nlp: Any) -> None:
    # A one-word "person" met once, with no title, no first name and saying nothing.
    text = "Shares in Corvel Foods, the maker of Krisp snacks, fell on Monday."
    assert "Krisp" not in {m.text for m in extract_entities(nlp(text))}
    # A one-word name with a title stays.
    said = "Pope Leo prayed for the workers on Monday."
    found = {m.text for m in extract_entities(nlp(said)) if m.label == "PERSON"}
    assert {"Leo"} <= found
