"""Speaker cues of direct quotes found by reading real news errors (PolNeAR train),
each checked here on fiction: bracketed asides, inverted lead-ins, nouns of saying."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes


@pytest.fixture(scope="module")
def nlp() -> Any:
    from storyline.nlp import load_nlp

    return load_nlp()


def _found(nlp: Any, text: str, words: str) -> tuple[str | None, str | None]:
    doc = nlp(text)
    found = [q for q in extract_quotes(doc, extract_entities(doc)) if words in q.text]
    assert found, f"no quote holding {words!r}"
    q = found[0]
    span = text[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None
    return q.speaker, span


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A party and state in brackets between the name and the verb.
        (
            "On Tuesday, speaking on a morning radio show, Ilse Brandt (L-North) "
            "said “harbour fees are not a tax on the poor, they are a fee for a service.”",
            "harbour fees",
            "Ilse Brandt",
        ),
        # An inverted lead-in: the verb opens the sentence, the name follows, then a colon.
        (
            "The council met again on Monday.\n\nContinued Varga: “We will keep the quay "
            "open all winter, whatever the cost to the town.”",
            "keep the quay",
            "Varga",
        ),
        # "went on": goes on speaking.
        (
            "“It happens to everyone,” Ilse Brandt went on, as if nobody had asked. "
            "“But you have to keep going and do the work.”",
            "It happens to everyone",
            "Ilse Brandt",
        ),
    ],
)
def test_quotes_cues_speaker_named(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _found(nlp, text, words)[0] == speaker


def test_quotes_cues_owner_of_a_noun_of_saying_speaks(nlp: Any) -> None:
    text = (
        "Ilse Brandt, the mayor of Halven, stirred a quarrel last spring over her remark "
        "that “no ferry will ever run on time in this town.”"
    )
    speaker, span = _found(nlp, text, "no ferry")
    assert (speaker, span) == ("Ilse Brandt", "her")


def test_quotes_cues_went_on_to_win_is_no_cue(nlp: Any) -> None:
    doc = nlp("Ilse Brandt went on to win the “harbour seat” by a wide margin.")
    assert all(q.cue != "go" for q in extract_quotes(doc, extract_entities(doc)))
