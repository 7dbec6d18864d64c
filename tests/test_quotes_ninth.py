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
    speaker, span = speaker_of(nlp, text, "ten years")
    assert span == "May"  # the name the tagger took for "may": said, not hypothetical
