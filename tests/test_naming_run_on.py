"""A word of a headline or a sentence run on into a person's name by the tagger."""

from __future__ import annotations

from typing import Any

from storyline.analyze.entities import extract_entities
from storyline.analyze.naming.linking import link_names
from storyline.model import Span


def test_a_common_word_run_on_into_a_full_name_is_dropped_from_its_key() -> None:
    items = [
        (Span(0, 24), "Certainly Vera Lindqvist", "PERSON"),
        (Span(60, 73), "Vera Lindqvist", "PERSON"),
        (Span(90, 99), "Lindqvist", "PERSON"),
    ]
    keys = [k for _, k in link_names(items, lower_words={"certainly", "the", "pier"})]
    assert keys == ["Vera Lindqvist"] * 3  # not "Certainly Vera Lindqvist"


def test_a_first_name_or_a_particle_surname_stays_a_longer_name() -> None:
    items = [
        (Span(0, 18), "Mario Vargas Llosa", "PERSON"),
        (Span(40, 52), "Vargas Llosa", "PERSON"),
        (Span(60, 74), "Bill de Blasio", "PERSON"),
        (Span(80, 89), "de Blasio", "PERSON"),
    ]
    keys = [k for _, k in link_names(items, lower_words={"bill", "the", "pier"})]
    assert keys[0] == "Mario Vargas Llosa"  # "mario" is a first name, "Vargas Llosa" a surname
    assert keys[2:] == ["Bill de Blasio"] * 2


def test_a_participle_opening_a_sentence_is_cut_from_the_name_after_it(nlp: Any) -> None:
    text = "Asserting Johnson's lead is safe, aides relaxed. Peter Johnson spoke in the town."
    names = {m.text: m.key for m in extract_entities(nlp(text))}
    assert "Asserting Johnson" not in names
    assert names["Johnson"] == "Peter Johnson"


def test_a_first_name_the_tagger_takes_for_a_modal_stays(nlp: Any) -> None:
    text = "Will Doyle spoke first. Doyle said the pier would stay."
    assert {m.key for m in extract_entities(nlp(text))} == {"Will Doyle"}
