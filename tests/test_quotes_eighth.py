"""Eighth round on speakers: conventions of news writing read from PolNeAR train errors
(the relative pronoun that names a speaker in its cue, …), checked on our own fiction."""

from __future__ import annotations

from typing import Any

from quote_speaker import speaker_of


def test_a_relative_pronoun_names_the_speaker_as_a_pronoun_would(nlp: Any) -> None:
    text = (
        "Harbour master Vera Lind, who has called the new pier “a monument to wasted "
        "money,” met the skippers on Friday."
    )
    speaker, span = speaker_of(nlp, text, "wasted money")
    assert speaker == "Vera Lind"  # the person "who" stands for
    assert span == "who"  # the word of the cue, as "she" would be


def test_an_unnamed_speaker_of_a_relative_clause_keeps_its_noun_phrase(nlp: Any) -> None:
    text = (
        "A ferry captain, who has called the new pier “a monument to wasted money,” met "
        "the skippers on Friday."
    )
    speaker, span = speaker_of(nlp, text, "wasted money")
    assert speaker is None
    assert span is not None and "captain" in span


def test_a_headline_label_names_the_speaker_of_the_headline_and_the_opening_quote(
    nlp: Any,
) -> None:
    text = (
        "Harbour Master Lind: ‘We Will Not Sell The Old Pier’\n\n"
        "“The pier has stood for a hundred years and the town will keep it standing. Nobody "
        "asked the skippers before the sale was planned.”\n\n"
        "Mrs. Vera Lind told reporters in Ostrel on Monday that the council had found no buyer."
    )
    assert speaker_of(nlp, text, "Sell The Old Pier")[0] == "Vera Lind"
    assert speaker_of(nlp, text, "hundred years")[0] == "Vera Lind"


def test_a_headline_label_of_two_people_sharing_a_surname_is_not_guessed(nlp: Any) -> None:
    text = (
        "Lind: ‘We Will Not Sell The Old Pier’\n\n"
        "“The pier has stood for a hundred years and the town will keep it standing.”\n\n"
        "Mrs. Vera Lind and her brother, Otto Lind, told reporters in Ostrel on Monday that the "
        "council had found no buyer."
    )
    assert speaker_of(nlp, text, "Sell The Old Pier")[0] is None


def test_words_a_speaker_calls_someones_remarks_are_not_that_someones(nlp: Any) -> None:
    text = (
        "Harbour master Vera Lind spoke on Monday. She called Jonas Kerr's remarks "
        "“reckless and unworthy of the town,” and left the meeting early."
    )
    assert speaker_of(nlp, text, "reckless")[0] == "Vera Lind"  # not Kerr, whose remarks


def test_a_call_for_quoted_words_stays_its_owners(nlp: Any) -> None:
    text = "Vera Lind rejected Jonas Kerr's call for a “harbour tax on every visiting yacht.”"
    assert speaker_of(nlp, text, "harbour tax")[0] == "Jonas Kerr"


def _quote_texts(nlp: Any, text: str) -> list[str]:
    from storyline.analyze.entities import extract_entities
    from storyline.analyze.quotes import extract_quotes

    doc = nlp(text)
    return [q.text for q in extract_quotes(doc, extract_entities(doc)) if q.kind == "direct"]


def test_one_quoted_word_with_no_verb_of_saying_is_a_scare_quote(nlp: Any) -> None:
    text = (
        "Senator Maria Santos recited a passage about “sailors” and “storms” to rally the skippers."
    )
    assert _quote_texts(nlp, text) == []  # no one said "sailors"


def test_a_title_after_a_preposition_is_no_ones_words(nlp: Any) -> None:
    text = "Senator Maria Santos appeared on “The Harbour Hour” to defend the plan on Monday."
    assert _quote_texts(nlp, text) == []


def test_words_quoted_in_a_sentence_about_someone_still_speak(nlp: Any) -> None:
    text = "Senator Maria Santos thought the new pier was “a gift to every skipper in town.”"
    assert speaker_of(nlp, text, "gift to every")[0] == "Maria Santos"


def test_a_title_after_a_noun_for_a_work_is_no_ones_words(nlp: Any) -> None:
    text = "Senator Maria Santos was once the host of the radio show “Harbour Nights” in Ostrel."
    assert _quote_texts(nlp, text) == []


def test_he_skips_a_woman_the_articles_own_pronouns_tell(nlp: Any) -> None:
    text = (
        "Tomas Brandt runs the ferry company in Ostrel. Maria Santos said her crews were "
        "ready, and Santos added that her boats would sail on Monday. “We will be ready for "
        "the first crossing,” he said."
    )
    assert speaker_of(nlp, text, "first crossing")[0] == "Tomas Brandt"


def test_one_pronoun_alone_tells_no_gender(nlp: Any) -> None:
    from storyline.analyze.entities import extract_entities
    from storyline.analyze.quoting.speakers import MentionIndex

    doc = nlp("Maria Santos said her crews were ready. Tomas Brandt runs the ferry company.")
    index = MentionIndex(doc, extract_entities(doc), [])
    assert "Maria Santos" not in index.gender  # one "her" might be someone else's
