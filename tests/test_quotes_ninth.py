"""Ninth round on speakers: quotes left with no cue or no speaker (issue 13, branch s35q),
checked on our own fiction."""

from __future__ import annotations

from typing import Any

from quote_speaker import speaker_of

from storyline.analyze.quoting.marks import find_passages


def test_two_apostrophes_open_a_quote_that_a_single_mark_inside_does_not_close() -> None:
    text = (
        "''The skippers told me, 'We will not sail in March.' I believe them,'' the harbour "
        "master said."
    )
    found = [text[p.start : p.end] for p in find_passages(text)]
    assert found == ["The skippers told me, 'We will not sail in March.' I believe them,"]


def test_a_single_apostrophe_pair_still_closes_a_single_quote() -> None:
    text = "The sign read 'no ferries today' and the skippers went home."
    assert [text[p.start : p.end] for p in find_passages(text)] == ["no ferries today"]


def test_a_conjunction_inside_the_aside_after_a_name_does_not_end_the_cue(nlp: Any) -> None:
    text = (
        "“We sailed every winter for thirty years and never lost a boat,” Mr. Brandt, now 81 "
        "and retired in Ostrel, said by telephone this week."
    )
    assert speaker_of(nlp, text, "thirty years")[0] == "Brandt"


def test_a_capitalised_modal_after_a_quote_is_a_name(nlp: Any) -> None:
    text = (
        "“The region has paid for the ferries for ten years and it will go on paying for "
        "them,” May said on Monday."
    )
    span = speaker_of(nlp, text, "ten years")[1]
    assert span == "May"  # the name the tagger took for "may": said, not hypothetical


def test_a_description_the_person_was_introduced_with_names_them(nlp: Any) -> None:
    text = (
        "Former ferry pollster Jonas Kerr spoke on the radio on Monday. Tomas Brandt, the "
        "harbour master, did not take part.\n\n"
        "“The skippers will not vote for a higher fare,” the former pollster said."
    )
    speaker, span = speaker_of(nlp, text, "higher fare")
    assert speaker == "Jonas Kerr"  # introduced as a pollster, not Brandt named since
    assert span == "the former pollster"


def test_an_age_given_after_the_name_names_the_one_described_by_it(nlp: Any) -> None:
    text = (
        "Jonas Kerr, 58, spoke on the radio on Monday. Tomas Brandt, 41, the harbour "
        "master, did not take part.\n\n"
        "“The skippers will not vote for a higher fare,” the 58-year-old said."
    )
    assert speaker_of(nlp, text, "higher fare")[0] == "Jonas Kerr"


def test_a_description_no_one_was_introduced_with_stays_unnamed(nlp: Any) -> None:
    text = (
        "Jonas Kerr spoke on the radio on Monday. Tomas Brandt did not take part.\n\n"
        "“The skippers will not vote for a higher fare,” the billionaire said."
    )
    speaker, span = speaker_of(nlp, text, "higher fare")
    assert speaker is None and span == "the billionaire"


def test_words_in_a_clause_a_named_person_reports_of_unnamed_people_are_theirs(
    nlp: Any,
) -> None:
    text = "At one point, Jonas Kerr said ferry officials were calling “every single hour.”"
    assert speaker_of(nlp, text, "every single hour")[0] == "Jonas Kerr"


def test_a_quote_opened_after_that_belongs_to_the_verb_before_it(nlp: Any) -> None:
    text = (
        "Even while Jonas Kerr insisted on Friday that “the skippers sailed for much less,” "
        "a harbour warden told us the two seasons could not be compared."
    )
    assert speaker_of(nlp, text, "much less")[0] == "Jonas Kerr"


def test_a_curly_quote_inside_a_straight_one_is_nested_not_a_new_quote() -> None:
    text = (
        '"The board is not about “fair fares” any more. It is about profit and nothing '
        'else," the harbour master said.'
    )
    found = [text[p.start : p.end] for p in find_passages(text)]
    assert found == [
        "The board is not about “fair fares” any more. It is about profit and nothing else,"
    ]


def test_a_curly_mark_after_an_unclosed_straight_one_still_starts_over() -> None:
    text = 'He said "we will sail and then “The ferries run again” was the headline.'
    found = [text[p.start : p.end] for p in find_passages(text)]
    assert "The ferries run again" in found
