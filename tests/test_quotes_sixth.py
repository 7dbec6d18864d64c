"""Sixth round on speakers: cues read from PolNeAR train errors, checked here on our own
fiction (an infinitive of saying under "prompted X to", a writing sent "saying" …)."""

from __future__ import annotations

from typing import Any

from quote_speaker import speaker_of


def test_the_object_of_prompted_speaks_the_infinitive(nlp: Any) -> None:
    text = (
        "The harbour council met on Monday. That prompted Kerr to make a joke about boats "
        "and call Lind “the admiral of nothing at all.”"
    )
    speaker, _ = speaker_of(nlp, text, "the admiral")
    assert speaker == "Kerr"


def test_a_purpose_infinitive_keeps_the_subject(nlp: Any) -> None:
    from storyline.analyze.quoting.speakers import _object_controller

    doc = nlp("Vera Lind used the meeting to demand a new ferry for the island.")
    demand = next(t for t in doc if t.lower_ == "demand")
    assert _object_controller(demand, None) is None
    doc = nlp("The storm prompted Vera Lind to say that the ferries would stop.")
    say = next(t for t in doc if t.lower_ == "say")
    controller = _object_controller(say, None)
    assert controller is not None and controller.text == "Lind"


def test_a_message_sent_saying_is_the_senders(nlp: Any) -> None:
    text = (
        "The ferry vote was counted late on Monday. Her team sent a short note to "
        "volunteers saying: “Thanks to all of you the harbour vote is ours and the "
        "ferries will run again!”"
    )
    _, span = speaker_of(nlp, text, "Thanks to all")
    assert span == "Her team"


def test_a_sign_saying_is_no_ones_saying(nlp: Any) -> None:
    from storyline.analyze.quoting.speakers import sender

    doc = nlp("Vera Lind held up a sign saying “Keep the ferries running all winter.”")
    saying = next(t for t in doc if t.lower_ == "saying")
    assert sender(saying) is None
    doc = nlp("The Harbour Trust issued a statement saying it would close the pier.")
    saying = next(t for t in doc if t.lower_ == "saying")
    sending = sender(saying)
    assert sending is not None and sending.lemma_ == "issue"


def test_the_subject_of_a_participle_on_a_statement_is_its_issuer(nlp: Any) -> None:
    from storyline.analyze.quoting.speakers import subject_of

    doc = nlp("The Harbour Trust issued a statement saying it would close the pier.")
    saying = next(t for t in doc if t.lower_ == "saying")
    subj = subject_of(saying)
    assert subj is not None and subj.text == "Trust"
    doc = nlp("Vera Lind held up a sign saying the pier must stay open.")
    saying = next(t for t in doc if t.lower_ == "saying")
    subj = subject_of(saying)
    assert subj is None or subj.text != "Lind"


def test_two_spaces_after_a_colon(nlp: Any) -> None:
    text = (
        "The council met again in March.\nHere’s Lind in December 2019:  “Our new ferries "
        "must be built for the tides of the northern cape and the winter storms.”"
    )
    speaker, _ = speaker_of(nlp, text, "Our new ferries")
    assert speaker is not None and "Lind" in speaker
    text = (
        "The ferries stopped for the winter. The Harbour Board of Pilots was firm in its "
        "findings:  “Further talk of a winter ferry is not needed.”"
    )
    speaker, span = speaker_of(nlp, text, "Further talk")
    assert span is not None and "Board" in span


def test_the_name_opening_the_paragraph_of_a_verb_hung_on_the_one_before(nlp: Any) -> None:
    from storyline.analyze.quoting.speakers import _paragraph_opener

    doc = nlp(
        "The Gazette reports the pier closed on Monday.\n\nGazette columnist Vera Lind, in "
        "an attempt to draw attention to the storm, wrote, “The crews were never told.”"
    )
    wrote = next(t for t in doc if t.lower_ == "wrote")
    opener = _paragraph_opener(wrote)
    assert opener is not None and opener.text == "Lind"
    doc = nlp(
        "The Gazette reports the pier closed on Monday.\n\nGazette columnist Vera Lind, "
        "who runs the pier, wrote, “The crews were never told.”"
    )
    wrote = next(t for t in doc if t.lower_ == "wrote")
    assert _paragraph_opener(wrote) is None


def test_a_comma_lead_in_before_whole_sentences(nlp: Any) -> None:
    from storyline.analyze.quoting.direct import _whole_sentences
    from storyline.analyze.quoting.marks import find_passages

    text = (
        "Vera Lind, the harbour commissioner, reacted coolly to the plan, “[I am] worried "
        "about any plan that sends every boat to another pier.” The crews wore “red hats,” "
        "too."
    )
    whole, short = find_passages(text)[:2]
    assert _whole_sentences(text, whole)
    assert not _whole_sentences(text, short)
    speaker, _ = speaker_of(nlp, "The ferry plan was tabled on Monday. " + text, "worried")
    assert speaker == "Vera Lind"


def test_a_short_quoted_phrase_inside_the_apposition_after_a_quote(nlp: Any) -> None:
    text = (
        "The boats came in late on Monday. “We have had better summers than this one,” "
        "harbour pilot Jonas Kerr, wearing a rain hat and “Ferries First” pins, said "
        "quietly as the gulls circled over the pier."
    )
    speaker, _ = speaker_of(nlp, text, "better summers")
    assert speaker == "Jonas Kerr"


def test_a_writing_sent_out_by_someone_speaks_for_them(nlp: Any) -> None:
    text = (
        "The ferry vote was counted late on Monday. In addition, a fundraising email sent "
        "out by Vera Lind on Monday night warned of the hard winter ahead: “There are "
        "fourteen piers to win over the next three weeks, and the crews will need you.”"
    )
    speaker, _ = speaker_of(nlp, text, "fourteen piers")
    assert speaker == "Vera Lind"


def test_the_noun_of_a_relative_clause_right_before_said(nlp: Any) -> None:
    text = (
        "The crews met the board on Monday. Although there is no such deal with Kerr's "
        "crews, a harbour official who would not give a name because the talks are "
        "private said Wednesday, “Certainly there are talks between the board and the "
        "crews.”"
    )
    _, span = speaker_of(nlp, text, "Certainly there are talks")
    assert span is not None and "official" in span


def test_a_dash_lead_in_before_whole_sentences(nlp: Any) -> None:
    text = (
        "The crews met the board on Monday. Jonas Kerr also defended the old ferry "
        "timetable — “I think the old timetable served the island well for forty years.”"
    )
    speaker, _ = speaker_of(nlp, text, "old timetable served")
    assert speaker == "Jonas Kerr"
    text = (
        "The crews met the board on Monday. When Kerr finally wrapped up — “I will sail for "
        "you, and I will bring the ferries home!” — the gulls rose over the pier."
    )
    speaker, _ = speaker_of(nlp, text, "I will sail")
    assert speaker == "Kerr"


def test_a_name_before_who_in_a_clause_the_parser_hung_on_said(nlp: Any) -> None:
    from storyline.analyze.quoting.speakers import subject_of

    doc = nlp(
        "Kerr, meanwhile, who sits at zero such votes, said that fact speaks volumes about "
        "which of the two harbour boards is ready."
    )
    said = next(t for t in doc if t.lower_ == "said")
    subj = subject_of(said)
    assert subj is not None and subj.text == "Kerr"


def test_a_cue_opening_the_next_quote_after_a_whole_question(nlp: Any) -> None:
    text = (
        "The emails were released on Monday. Lind answers Kerr with, “Why now? That was on "
        "my way to the island?” Kerr then writes back, “You look tired.”"
    )
    speaker, _ = speaker_of(nlp, text, "Why now")
    assert speaker is not None and "Lind" in speaker
    speaker, _ = speaker_of(nlp, text, "You look tired")
    assert speaker is not None and "Kerr" in speaker


def test_a_title_with_a_verb_the_tagger_made_part_of_it(nlp: Any) -> None:
    text = (
        "Nordhavn FM Vice President for weather and talk Dave Kerr called the show “the "
        "finest harbour show of the season.”"
    )
    speaker, _ = speaker_of(nlp, text, "finest harbour")
    assert speaker == "Dave Kerr"
