"""Tenth round on speakers: namers after "by", "when asked", gender and namesakes
(issue 13, branch s38q), checked on our own fiction."""

from __future__ import annotations

from typing import Any

from quote_speaker import speaker_of


def test_the_one_after_by_gives_the_name_a_naming_verb_quotes(nlp: Any) -> None:
    text = (
        "Built on three islands, with its old harbour at Ostrel, called the “Pearl of the "
        "North” by the fishermen, the town has voted for the ferry party since 1990."
    )
    assert speaker_of(nlp, text, "Pearl")[1] == "the fishermen"


def test_a_label_given_by_someone_after_the_quote_is_theirs(nlp: Any) -> None:
    text = (
        "The fare plan, often labelled as a “tax on islanders” by Liberals, will go to a "
        "vote in March."
    )
    assert speaker_of(nlp, text, "islanders")[1] == "Liberals"


def test_a_participle_of_time_is_no_cue_the_verb_it_hangs_on_is(nlp: Any) -> None:
    text = (
        "The decision will fall to harbour master Vera Lind, who told the council when "
        "asked last week about the ferries: “The fares will not rise this winter, and the "
        "boats will sail as they always have.”"
    )
    speaker, span = speaker_of(nlp, text, "fares will not rise")
    assert speaker == "Vera Lind"
    assert span == "who"


def test_a_pronoun_goes_to_the_namesake_of_its_gender(nlp: Any) -> None:
    text = (
        "Jonas Kovel, 61, has fished out of Ostrel for forty years.\n\n"
        "“We cannot pay the fares any more,” his wife, Anna Marta Kovel, wrote to the "
        "council.\n\n"
        "A fisherman all his life, Kovel had no other work. “I will sail until they stop "
        "me,” he said."
    )
    speaker, span = speaker_of(nlp, text, "until they stop")
    assert speaker == "Jonas Kovel"  # "Kovel" was read as his wife's name, and "he" as her
    assert span == "he"
