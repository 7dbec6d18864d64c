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
