"""Quote marks glued to a word with no space are tokens of their own, so the cue and
the name beside them are read (our own fiction)."""

from __future__ import annotations

from typing import Any

from quote_speaker import speaker_of


def words(nlp: Any, text: str) -> list[str]:
    return [t.text for t in nlp.tokenizer(text)]


def test_an_opening_mark_glued_after_a_comma_or_colon(nlp: Any) -> None:
    assert words(nlp, "Lind said,“We sail.”") == ["Lind", "said", ",", "“", "We", "sail", ".", "”"]
    assert words(nlp, 'Lind:"We sail."') == ["Lind", ":", '"', "We", "sail", ".", '"']


def test_a_closing_mark_glued_to_the_name_after_it(nlp: Any) -> None:
    assert words(nlp, "“We sail,”Lind said.") == ["“", "We", "sail", ",", "”", "Lind", "said", "."]
    assert words(nlp, '"Go!"Kerr said.')[2:5] == ["!", '"', "Kerr"]


def test_marks_that_are_not_glued_to_a_word_stay_as_they_were(nlp: Any) -> None:
    assert words(nlp, "U.S. “sail”") == ["U.S.", "“", "sail", "”"]
    assert words(nlp, "Lind’s boat, 1,2") == ["Lind", "’s", "boat", ",", "1,2"]
    assert words(nlp, "the “word”s") == ["the", "“", "word”s"]


def test_the_speaker_before_a_glued_opening_mark(nlp: Any) -> None:
    text = (
        "The ferry crews met on Monday. Vera Lind said:“The boats will sail again as soon "
        "as the storm has passed.”"
    )
    speaker, _ = speaker_of(nlp, text, "The boats will sail")
    assert speaker == "Vera Lind"
    text = (
        "The ferry crews met on Monday, and Vera Lind said,“we will not sail until the "
        "storm has passed the cape.”"
    )
    speaker, _ = speaker_of(nlp, text, "we will not sail")
    assert speaker == "Vera Lind"


def test_the_speaker_after_a_glued_closing_mark(nlp: Any) -> None:
    text = (
        "The ferry crews met on Monday. “The boats will sail again as soon as the storm "
        "has passed,”said Jonas Kerr, the harbour master."
    )
    speaker, _ = speaker_of(nlp, text, "The boats will sail")
    assert speaker == "Jonas Kerr"
    text = (
        "The ferry crews met on Monday. Jonas Kerr spoke first. “The boats will sail "
        "again,”Vera Lind said. “They always do.”"
    )
    speaker, _ = speaker_of(nlp, text, "The boats will sail")
    assert speaker is not None and "Lind" in speaker
