"""Places the small tagger mislabels, and other cleanup of entity mentions."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.entities import extract_entities
from storyline.analyze.naming.folding import core_name
from storyline.analyze.naming.linking import link_names
from storyline.analyze.naming.places import place_cue, place_key, place_label
from storyline.model import Span


def _labels(nlp: Any, text: str) -> dict[str, str]:
    return {m.text: m.label for m in extract_entities(nlp(text))}


def test_entities_places_known_country_and_capital() -> None:
    assert place_key("the U.S.") == place_key("US") == place_key("America") == "united states"
    assert place_key("Britain") == place_key("UK") == "united kingdom"
    assert place_key("Kyiv") == "kyiv"
    assert place_key("Halvorsen") is None
    assert place_label("Talks in Kyiv went on.", 9, 13, "PERSON") == "GPE"


def test_entities_places_region_noun_after_name() -> None:
    text = "Shelling hit the Dravel and Morwen regions overnight."
    assert place_cue(text, 17, 23)  # "Dravel", coordinated before "regions"
    assert place_cue(text, 28, 34)
    assert place_label(text, 17, 23, "ORG") == "GPE"


def test_entities_places_preposition_cue_only_for_weak_labels() -> None:
    text = "A truck was hit in Velmora, officials said. Investors bought shares in Corvex."
    assert place_label(text, 19, 26, "PERSON") == "GPE"
    # A company after "in" stays a company: "shares in Corvex".
    assert place_label(text, 71, 77, "ORG") == "ORG"
    # An owner after the preposition is more often a person: "in Halvorsen's view".
    assert not place_cue("It was, in Halvorsen's view, a mistake.", 11, 20)


def test_entities_places_owned_role_marks_a_place() -> None:
    text = "Velmora's governor said the shelling went on."
    assert place_label(text, 0, 7, "PERSON") == "GPE"


def test_entities_places_lone_word_cued_as_place_is_not_a_person() -> None:
    items = [
        (Span(0, 7), "Velmora", "PERSON"),
        (Span(20, 27), "Velmora", "PERSON"),
        (Span(40, 47), "Velmora", "GPE"),
    ]
    labels = [label for label, _ in link_names(items, [False, False, True])]
    assert labels == ["GPE", "GPE", "GPE"]
    # Without any place evidence the tagger's PERSON stands (surnames are often mislabelled).
    assert {label for label, _ in link_names(items)} == {"PERSON"}


def test_entities_places_surname_beats_place_list() -> None:
    items = [(Span(0, 15), "Amira Jordan", "PERSON"), (Span(30, 36), "Jordan", "GPE")]
    labels = [label for label, _ in link_names(items, [False, True])]
    assert labels == ["PERSON", "PERSON"]


def test_entities_places_seen_in_text(nlp: Any) -> None:
    text = (
        "A drone hit a bus in the Dravel region on Saturday, killing four people. "
        "In Dravel, rescuers worked through the night. Kyiv said the strike was deliberate."
    )
    labels = _labels(nlp, text)
    assert labels.get("Dravel") == "GPE"
    assert labels.get("Kyiv") == "GPE"


def test_entities_core_name_keeps_joining_words() -> None:
    assert core_name("the Bank of Japan") == "Bank of Japan"
    assert core_name("Institute for the Study of Tides") == "Institute for the Study of Tides"
    assert core_name("shipping company Norbert Lines") == "Norbert Lines"


def test_entities_particle_surname_links_to_full_name() -> None:
    items = [
        (Span(0, 20), "Anneke van der Molen", "PERSON"),
        (Span(40, 53), "Van der Molen", "ORG"),
    ]
    assert link_names(items) == (
        ("PERSON", "Anneke van der Molen"),
        ("PERSON", "Anneke van der Molen"),
    )


def test_entities_name_split_at_particle_is_joined(nlp: Any) -> None:
    # The small model cuts this one into "Lotte van der" and "Hoeven".
    text = "Guests included Commission President Lotte van der Hoeven, and the leaders of Norway."
    keys = {m.key for m in extract_entities(nlp(text)) if m.label == "PERSON"}
    assert keys == {"Lotte van der Hoeven"}


def test_entities_inner_title_is_cut_from_person() -> None:
    items = [
        (Span(0, 40), "Halden Motor Company CEO Ivo Brandt", "PERSON"),
        (Span(50, 60), "Ivo Brandt", "PERSON"),
        (Span(70, 76), "Brandt", "PERSON"),
    ]
    assert {key for _, key in link_names(items)} == {"Ivo Brandt"}


def test_entities_ministry_with_title_word_is_not_a_person(nlp: Any) -> None:
    labels = _labels(nlp, "Norvia’s Defence Ministry said on Wednesday that its troops advanced.")
    assert labels.get("Defence Ministry", "ORG") != "PERSON"
    assert "Ministry" not in labels


def test_entities_capitalised_common_word_and_plural_initials_dropped(nlp: Any) -> None:
    text = (
        "He wrote that both sides would start talks toward a Ceasefire soon. "
        "A ceasefire was not agreed, but 300 PoWs were exchanged."
    )
    labels = _labels(nlp, text)
    assert "Ceasefire" not in labels
    assert "PoWs" not in labels


def test_entities_month_before_name_is_cut(nlp: Any) -> None:
    text = "After an awkward February White House meeting, Ana Lopes flew home."
    names = set(_labels(nlp, text))
    assert "February White House" not in names


def test_entities_span_stops_before_bracket(nlp: Any) -> None:
    text = "The Nordic Rail Company (Norail) cut its routes on Monday."
    names = [m.text for m in extract_entities(nlp(text))]
    assert "Nordic Rail Company" in names
    assert not any(n.endswith("(") for n in names)


def test_entities_person_initial_and_generation_suffix() -> None:
    items = [
        (Span(0, 20), "J. Edwin Harrow Jr.", "PERSON"),
        (Span(30, 42), "Edwin Harrow", "PERSON"),
        (Span(50, 56), "Harrow", "PERSON"),
    ]
    assert {key for _, key in link_names(items)} == {"J. Edwin Harrow Jr."}


def test_entities_surname_tagged_org_is_the_person_unless_a_company_bears_it() -> None:
    person = [(Span(0, 14), "Eva Halvorsen", "PERSON")] + [
        (Span(20 + 20 * i, 29 + 20 * i), "Halvorsen", "ORG") for i in range(3)
    ]
    assert {label for label, _ in link_names(person)} == {"PERSON"}
    company = [
        (Span(0, 20), "Brandt Motor Company", "ORG"),
        (Span(30, 45), "Karl Brandt Jr.", "PERSON"),
    ] + [(Span(50 + 20 * i, 56 + 20 * i), "Brandt", "ORG") for i in range(3)]
    labels = [label for label, _ in link_names(company)]
    assert labels[2:] == ["ORG", "ORG", "ORG"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A train derailed in the town of Vostrel on Monday.", "Vostrel"),
        ("The line runs east of Vostrel and on to the coast.", "Vostrel"),
        ("Officials met in the regional capital, Vostrel, on Monday.", "Vostrel"),
        ("VOSTREL, March 12 (Northwire) - Two trams collided.", "VOSTREL"),
    ],
)
def test_entities_places_strong_cues_overrule_an_org_label(text: str, name: str) -> None:
    start = text.index(name)
    assert place_label(text, start, start + len(name), "ORG") == "GPE"


def test_entities_places_strong_cues_leave_companies_alone() -> None:
    text = "Shares in Vostrel fell after the chief of Vostrel Foods resigned."
    assert place_label(text, 10, 17, "ORG") == "ORG"


def test_entities_places_a_name_after_the_is_no_person(nlp: Any) -> None:
    text = "“We have heard the residents,” Saskia Brandt told the Gazette on Monday."
    labels = _labels(nlp, text)
    assert labels.get("Gazette", "ORG") != "PERSON"
    assert labels["Saskia Brandt"] == "PERSON"


def test_entities_places_demonym_before_a_place_noun_stays_a_demonym() -> None:
    text = "Talks were held in the Turkish city of Istanbul."
    start = text.index("Turkish")
    assert place_label(text, start, start + 7, "NORP") == "NORP"
    assert place_label(text, start, start + 7, "PERSON") == "GPE"
