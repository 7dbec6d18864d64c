"""The paragraph's salient speaker: a quote with no cue goes on from the one quoted last,
unless someone else was named since. Rules read from PolNeAR train errors, checked here
on fiction."""

from __future__ import annotations

from typing import Any

from quote_speaker import speaker_of


def test_quote_with_no_cue_goes_on_from_the_last_speaker(nlp: Any) -> None:
    text = (
        "Mayor Ilse Brandt said on Friday that her plan would be “to keep every ferry "
        "running” if she wins the Harbour Board vote.\n\n"
        "What that means was left open, since Brandt answered only in general terms.\n\n"
        "“Something must change at the crossings, and this plan is the only road there.”\n"
        "“The operators will answer to far stricter rules than they ever have.”"
    )
    speaker, _ = speaker_of(nlp, text, "Something must change")
    assert speaker is not None and "Brandt" in speaker
    speaker, _ = speaker_of(nlp, text, "far stricter rules")
    assert speaker is not None and "Brandt" in speaker


def test_no_salient_speaker_once_another_person_is_named(nlp: Any) -> None:
    text = (
        "Mayor Ilse Brandt said on Friday that her plan would be “to keep every ferry "
        "running” if she wins the vote.\n\n"
        "Her rival, Jonas Kerr, spent the day at the quay.\n\n"
        "“Something must change at the crossings, and this plan is the only road there.”"
    )
    speaker, span = speaker_of(nlp, text, "Something must change")
    assert speaker is None and span is None


def test_no_salient_speaker_when_the_sentence_has_its_own_cue(nlp: Any) -> None:
    # A cue we cannot resolve names someone else: the last speaker does not take over.
    text = (
        "Mayor Ilse Brandt said on Friday that her plan would be “to keep every ferry "
        "running” all winter.\n\n"
        "“Welcome, visitors, the ferries are running all winter long!” a sign on the old "
        "harbour wall reads."
    )
    speaker, _ = speaker_of(nlp, text, "Welcome, visitors")
    assert speaker is None or "Brandt" not in speaker


def test_no_salient_speaker_for_a_quoted_phrase_inside_a_sentence(nlp: Any) -> None:
    text = (
        "Mayor Ilse Brandt said on Friday that her plan would be “to keep every ferry "
        "running” all winter.\n\n"
        "Under the harbour bylaw, a ferry is late when it leaves “more than ten minutes after "
        "the time printed on the board at the quay.”"
    )
    speaker, _ = speaker_of(nlp, text, "more than ten minutes")
    assert speaker is None or "Brandt" not in speaker


def test_no_salient_speaker_for_a_transcript_line(nlp: Any) -> None:
    text = (
        "Mayor Ilse Brandt said on Friday that her plan would be “to keep every ferry "
        "running” all winter.\n\n"
        "The board met on Monday evening.\n\n"
        "“KERR: Mayor Brandt, will the ferries really run every day of the winter?”"
    )
    speaker, _ = speaker_of(nlp, text, "KERR:")
    assert speaker is None or "Brandt" not in speaker


def test_quoted_words_in_a_sentence_about_an_organisation(nlp: Any) -> None:
    text = (
        "The Harbour Trust estimated that the crossings carry “somewhere between two and "
        "three thousand people on a busy summer day.”"
    )
    _, span = speaker_of(nlp, text, "somewhere between")
    assert span is not None and "Harbour Trust" in span


def test_quoted_words_in_a_sentence_about_a_body_or_a_writing(nlp: Any) -> None:
    text = (
        "His campaign protested that the ferry board had been “less than honest with the "
        "families who live on the islands.”\n\n"
        "A 2019 harbour board report found “no evidence that the ferries ran late on purpose "
        "or that anyone was told to hide it.”"
    )
    _, span = speaker_of(nlp, text, "less than honest")
    assert span is not None and "campaign" in span
    _, span = speaker_of(nlp, text, "no evidence that")
    assert span is not None and "report" in span


def test_quoted_words_after_an_indefinite_body_have_no_speaker(nlp: Any) -> None:
    # "a committee" is no one in particular, unlike "the committee" or "a report".
    text = (
        "A committee somewhere decided that the harbour needs “a complete rethink of how "
        "the ferries are run and paid for.”"
    )
    speaker, span = speaker_of(nlp, text, "a complete rethink")
    assert speaker is None and (span is None or "committee" not in span)


def test_body_that_answers_a_call_does_not_say_it(nlp: Any) -> None:
    text = (
        "The Harbour Authority rejected calls from the islanders for “a full refund of every "
        "ticket sold this winter.”\n\n"
        "The Ferry Board released a statement on Monday, offering “a deep and sincere "
        "apology to everyone left waiting on the quay.”"
    )
    _, span = speaker_of(nlp, text, "a full refund")
    assert span is None or "Authority" not in span
    _, span = speaker_of(nlp, text, "a deep and sincere")
    assert span is not None and "Ferry Board" in span


def test_passive_verb_of_saying_gives_the_agent(nlp: Any) -> None:
    text = (
        "Brandt was asked by harbour reporter Jonas Kerr whether the new timetable would "
        "risk “leaving the island families stranded for a whole weekend.”"
    )
    speaker, _ = speaker_of(nlp, text, "leaving the island")
    assert speaker is not None and "Kerr" in speaker


def test_passive_in_a_relative_clause_gives_no_agent(nlp: Any) -> None:
    text = (
        "“The board never saw the figures before the vote, and nobody asked to see them,” "
        "Brandt wrote in a letter that was first reported by the Harbour Gazette. "
        "“Nobody on the board wanted the ferries to stop running in the winter.”"
    )
    speaker, _ = speaker_of(nlp, text, "Nobody on the board")
    assert speaker is None or "Gazette" not in speaker


def test_cue_with_a_colon_after_a_quote_speaks_the_next_quote(nlp: Any) -> None:
    text = (
        "After Kerr said that late ferries might do better on “the shorter island runs,” "
        "Brandt said: “I do not like what he said, and the islanders will not like it either.”"
    )
    speaker, _ = speaker_of(nlp, text, "the shorter island runs")
    assert speaker is not None and "Kerr" in speaker
    speaker, _ = speaker_of(nlp, text, "I do not like")
    assert speaker is not None and "Brandt" in speaker


def test_quote_reopened_with_its_own_speaker_is_a_quote_of_its_own(nlp: Any) -> None:
    # The first paragraph leaves its quote open by mistake; the next names another speaker.
    text = (
        "Kerr wrote in the Gazette: “The mayor has never once answered a straight question "
        "about the ferries\n\n"
        "“You have called the island families a burden on the harbour budget,” Brandt "
        "charged at the meeting."
    )
    speaker, _ = speaker_of(nlp, text, "a burden on the harbour")
    assert speaker is not None and "Brandt" in speaker


def test_noun_of_saying_right_before_the_mark(nlp: Any) -> None:
    text = (
        "Hours after the storm, Brandt issued a statement, “Last night our harbour was hit "
        "harder than at any time in fifty years. My thoughts are with the crews.”"
    )
    speaker, _ = speaker_of(nlp, text, "Last night our harbour")
    assert speaker is not None and "Brandt" in speaker


def test_digest_line_names_its_source_between_a_dash_and_a_colon(nlp: Any) -> None:
    text = (
        "Ferry numbers fell again in March - Harbour Watch: “Fewer people crossed to the "
        "islands this spring than in any spring since the records began.”"
    )
    speaker, span = speaker_of(nlp, text, "Fewer people crossed")
    assert span == "Harbour Watch"
    assert speaker is not None and "Harbour Watch" in speaker


def test_preposition_parsed_as_subject_gives_its_object(nlp: Any) -> None:
    text = (
        "Of Kerr, Ilse Brandt, who has sat on the harbour board for years, said, “He is a "
        "fine sailor, but he knows nothing about running ferries.”"
    )
    speaker, _ = speaker_of(nlp, text, "fine sailor")
    assert speaker is not None and "Brandt" in speaker


def test_same_speaker_named_by_the_outer_mention(nlp: Any) -> None:
    text = (
        "Maria Lopez spoke to the board on Friday. Lopez said she rarely asks the crews to "
        "work at night, “except when the weather leaves us no other choice at all.”"
    )
    speaker, span = speaker_of(nlp, text, "except when the weather")
    assert speaker is not None and "Lopez" in speaker
    assert span == "Lopez"
