"""Seventh round on speakers: shapes read from PolNeAR train errors, checked here on our
own fiction (a nearer mention of the same speaker in the quote's own sentence, …)."""

from __future__ import annotations

from typing import Any

from quote_speaker import speaker_of


def test_a_carried_speaker_is_named_by_the_subject_of_the_quotes_own_sentence(nlp: Any) -> None:
    text = (
        "Vera Lind, 41, of Ostrel, says her biggest worry is the harbour. “We are not going "
        "to fix anything before the boats are gone,” she says. She wants the council "
        "“first of all to admit that the pier is failing.”"
    )
    speaker, span = speaker_of(nlp, text, "first of all")
    assert speaker == "Vera Lind"
    assert span == "She"  # the subject of "wants", not the "she" of the sentence before
