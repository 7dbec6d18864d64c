"""Support by facts: paraphrases cited through names, claims and synonyms; descriptions repaired."""

from __future__ import annotations

from storyline.model import Claim, Span, StoryEntity
from storyline.story.summary.text import content_words
from tests.test_summary import art, by_text, run


def _claim(item_text: str, phrase: str, measure: str, value: float) -> Claim:
    start = item_text.index(phrase)
    return Claim(
        Span(start, start + len(phrase)),
        measure,
        value,
        "exact",
        "people",
        None,
        None,
        Span(0, len(item_text)),
    )


def test_summary_facts_number_words_and_event_synonyms_meet() -> None:
    assert {"9", "kill", "injur"} <= content_words("Nine people died and five were wounded.")
    assert {"9", "kill", "injur"} <= content_words("9 were killed and 5 injured.")


def test_summary_facts_paraphrase_cited_through_names_and_event_words() -> None:
    items = [
        art(
            "a",
            "Mayor Ilsa Brandt ordered the evacuation of the low streets of Vellmar on Sunday "
            "as the river rose above the old flood wall.",
        ),
        art("b", "In Vellmar, Brandt ordered low streets evacuated when the river rose on Sunday."),
    ]
    summary = run(items, entities=(StoryEntity("Ilsa Brandt", "PERSON", ("Brandt",), ("a", "b")),))
    assert set(by_text(summary, "flood wall").citations) == {"a", "b"}


def test_summary_facts_paraphrase_cited_through_a_shared_claim() -> None:
    text_a = "Floodwater swept through the valley town of Vellmar, leaving nine people dead."
    text_b = "Nine residents of Vellmar lost their lives when the river burst its banks."
    a, b = art("a", text_a), art("b", text_b)
    a = type(a)(
        a.article,
        type(a.analysis)(
            "a",
            sentences=a.analysis.sentences,
            entities=a.analysis.entities,
            claims=(_claim(text_a, "nine people dead", "killed", 9),),
        ),
    )
    b = type(b)(
        b.article,
        type(b.analysis)(
            "b",
            sentences=b.analysis.sentences,
            entities=b.analysis.entities,
            claims=(_claim(text_b, "Nine residents", "killed", 9),),
        ),
    )
    summary = run([a, b])
    assert all(set(s.citations) == {"a", "b"} for s in summary)


def test_summary_facts_shared_names_without_the_event_are_not_support() -> None:
    items = [
        art(
            "a", "Mayor Ilsa Brandt promised that every family in Vellmar would be rehoused by May."
        ),
        art(
            "b",
            "Mayor Ilsa Brandt promised compensation to shop owners in Vellmar after the flood.",
        ),
    ]
    summary = run(items)
    assert by_text(summary, "rehoused").citations == ("a",)


def test_summary_facts_definite_description_repaired_when_titled() -> None:
    text = (
        "Governor Ilsa Brandt toured the flooded streets of Vellmar on Monday morning. "
        "The governor said the dam at Kessel had held through the night of heavy rain."
    )
    texts = [s.text for s in run([art("a", text)])]
    assert any(t.startswith("Ilsa Brandt said the dam at Kessel") for t in texts)
    assert not any(t.startswith("The governor") for t in texts)


def test_summary_facts_definite_description_skipped_when_role_unknown() -> None:
    text = (
        "Ilsa Brandt toured the flooded streets of Vellmar on Monday morning with rescuers. "
        "The US president said the dam at Kessel had held through the night of heavy rain."
    )
    texts = [s.text for s in run([art("a", text)])]
    assert not any("dam at Kessel" in t for t in texts)


def test_summary_facts_passage_about_someone_else_is_not_support() -> None:
    items = [
        art(
            "a",
            "Mayor Ilsa Brandt closed the riverside market in Vellmar for the rest of the week.",
        ),
        art(
            "b",
            "Ilsa Brandt visited the shelters in Dornach on Monday morning with two ministers. "
            "Rescue crews worked through the night at the dam above Kessel to shore it up. "
            "It closed the riverside market in Vellmar for the rest of the week.",
        ),
    ]
    summary = run(items)
    assert by_text(summary, "Mayor Ilsa Brandt closed").citations == ("a",)


def test_summary_facts_pronoun_skips_name_in_a_lead_in() -> None:
    text = (
        "Speaking after her talks with Tomas Reed, Ilsa Brandt asked for more pumps in Vellmar. "
        "He warned that the dam at Kessel would not hold through another night of rain."
    )
    texts = [s.text for s in run([art("a", text)])]
    assert not any(t.startswith("Tomas Reed warned") for t in texts)
    assert any(t.startswith("Ilsa Brandt warned") for t in texts)


def test_summary_facts_pronoun_unclear_between_two_people_is_skipped() -> None:
    text = (
        "Rescue teams from Dornach met Ilsa Brandt and Tomas Reed in Vellmar on Monday. "
        "He warned that the dam at Kessel would not hold through another night of rain."
    )
    texts = [s.text for s in run([art("a", text)])]
    assert not any("warned that the dam" in t for t in texts)
