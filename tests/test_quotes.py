"""Direct and indirect quotes of one article, with their speakers."""

from __future__ import annotations

from typing import Any

from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes
from storyline.analyze.quoting.marks import find_passages
from storyline.model import Quote


def _quotes(nlp: Any, text: str, kind: str = "direct") -> list[Quote]:
    doc = nlp(text)
    return [q for q in extract_quotes(doc, extract_entities(doc)) if q.kind == kind]


def _said(nlp: Any, text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in _quotes(nlp, text)}


def test_quotes_marks_straight_curly_and_apostrophes() -> None:
    text = 'He said “we won’t stop” and then "never again". It\'s Kyiv’s turn.'
    assert [text[p.start : p.end] for p in find_passages(text)] == [
        "we won’t stop",
        "never again",
    ]


def test_quotes_marks_paragraph_continuation() -> None:
    text = "“First part of a long quote.\n\n“Second part,” she said."
    found = find_passages(text)
    assert [text[p.start : p.end] for p in found] == ["First part of a long quote.", "Second part,"]
    assert found[1].continued and found[0].close_at is None


def test_quotes_trailing_cue_with_pronoun(nlp: Any) -> None:
    text = (
        "Mayor Lucia Fernhout opened the bridge on Monday. "
        "“This crossing will change the valley for a generation,” she said."
    )
    assert _said(nlp, text) == {
        "This crossing will change the valley for a generation,": "Lucia Fernhout"
    }


def test_quotes_inverted_cue_said_name(nlp: Any) -> None:
    text = "“We will rebuild every school,” said Tomas Ravel, the regional governor."
    assert list(_said(nlp, text).values()) == ["Tomas Ravel"]


def test_quotes_split_by_attribution_share_speaker(nlp: Any) -> None:
    text = (
        "Anika Solberg spoke after the vote. “The count is final,” Ms Solberg said, "
        "“and nobody will reopen it.”"
    )
    said = _said(nlp, text)
    assert set(said.values()) == {"Anika Solberg"}
    assert len(said) == 2


def test_quotes_colon_lead_in_paragraph(nlp: Any) -> None:
    text = (
        "Defence Minister Pavel Korda addressed the chamber. Korda said:\n\n"
        "“Our soldiers will stay where they are until the talks produce a result.”"
    )
    assert list(_said(nlp, text).values()) == ["Pavel Korda"]


def test_quotes_partial_quote_governed_by_verb(nlp: Any) -> None:
    text = "Senator Rhea Quist called the proposal “a cynical stunt” on Friday."
    assert _said(nlp, text) == {"a cynical stunt": "Rhea Quist"}


def test_quotes_scare_quotes_without_cue_are_dropped(nlp: Any) -> None:
    text = "The so-called “reform” package passed the assembly on Thursday."
    assert _said(nlp, text) == {}


def test_quotes_capitals_social_post(nlp: Any) -> None:
    text = (
        "“THE HARVEST WILL BE THE BEST IN YEARS AND PRICES WILL FALL,” Governor Milo Brandt "
        "wrote on his social media account."
    )
    assert list(_said(nlp, text).values()) == ["Milo Brandt"]


def test_quotes_role_noun_resolves_to_titled_person(nlp: Any) -> None:
    text = (
        "Finance Minister Edda Lund presented the budget. Opposition leader Karl Voss "
        "criticised it. “Spending must fall,” the minister said."
    )
    assert list(_said(nlp, text).values()) == ["Edda Lund"]


def test_quotes_quote_paragraph_after_attributed_quote(nlp: Any) -> None:
    text = (
        "“The plant will close in March,” Ingrid Havel wrote in a statement on Sunday.\n\n"
        "“Every worker will be offered a place at the new site in the north.”"
    )
    assert set(_said(nlp, text).values()) == {"Ingrid Havel"}


def test_quotes_indirect_speech_has_speaker(nlp: Any) -> None:
    text = "Ingrid Havel said the plant would close in March after months of losses."
    found = _quotes(nlp, text, "indirect")
    assert found and found[0].speaker == "Ingrid Havel"
    assert "plant would close in March" in found[0].text


def test_quotes_according_to(nlp: Any) -> None:
    text = "According to Ingrid Havel, the plant will close in March."
    found = _quotes(nlp, text, "indirect")
    assert found and found[0].speaker == "Ingrid Havel" and found[0].cue == "according to"


def test_quotes_speaker_span_points_at_pronoun(nlp: Any) -> None:
    text = "Ingrid Havel left early. “We tried everything we could,” she told reporters."
    (q,) = _quotes(nlp, text)
    assert q.speaker_span is not None
    assert text[q.speaker_span.start : q.speaker_span.end] == "she"
    assert q.cue == "tell"


def test_quotes_title_of_work_is_not_a_quote(nlp: Any) -> None:
    assert _said(nlp, "The film “Winter Over the Fjord” opened in Tromsø on Friday.") == {}


def test_quotes_according_to_after_quote(nlp: Any) -> None:
    text = "“The levee will hold through the weekend,” according to engineer Mats Ekholm."
    assert list(_said(nlp, text).values()) == ["Mats Ekholm"]


def test_quotes_pronoun_finds_person_the_tagger_mislabelled(nlp: Any) -> None:
    text = "Vera Lindqvist presented the results. She added: “Profits will return next year.”"
    assert list(_said(nlp, text).values()) == ["Vera Lindqvist"]


def test_quotes_reported_speech_stops_at_its_paragraph() -> None:
    from storyline.analyze.entities import extract_entities
    from storyline.analyze.quotes import extract_quotes
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    text = (
        "Mayor Ilse Brandt said the line would reopen within a week\n\n"
        "Night trains\n\nResidents were not convinced by the promise."
    )
    doc = nlp(text)
    reported = [q for q in extract_quotes(doc, extract_entities(doc)) if q.kind == "indirect"]
    assert reported and all("\n" not in q.text and q.text.strip() for q in reported)
