"""Fifth round on speakers: cues read from PolNeAR train errors, checked here on fiction
("as X put it", a noun of saying before "was that", "estimated", "X state in …")."""

from __future__ import annotations

from typing import Any

from quote_speaker import speaker_of


def test_as_someone_put_it(nlp: Any) -> None:
    text = (
        "The harbour was quiet on Monday. As harbour director Vera Lind put it, “nobody "
        "expected the storm to turn so late in the season.”"
    )
    speaker, _ = speaker_of(nlp, text, "nobody expected")
    assert speaker is not None and "Lind" in speaker


def test_as_someone_put_it_after_the_quote(nlp: Any) -> None:
    text = (
        "The council met on Monday. “Nobody expected the storm to turn so late in the "
        "season,” as Vera Lind put it."
    )
    speaker, _ = speaker_of(nlp, text, "Nobody expected")
    assert speaker is not None and "Lind" in speaker


def test_putting_something_somewhere_is_no_saying(nlp: Any) -> None:
    from storyline.analyze.quoting.direct import _is_cue

    doc = nlp("Vera Lind put it on the table before the vote.")
    put = next(t for t in doc if t.lower_ == "put")
    assert not _is_cue(put)
    doc = nlp("Vera Lind put it bluntly: the bridge must go.")
    put = next(t for t in doc if t.lower_ == "put")
    assert _is_cue(put)


def test_a_noun_of_saying_before_was_that(nlp: Any) -> None:
    text = (
        "The council met on Monday. Mayor Vera Lind's answer was that “the bridge will "
        "be rebuilt before the winter comes back.”"
    )
    speaker, _ = speaker_of(nlp, text, "the bridge will be rebuilt")
    assert speaker is not None and "Lind" in speaker


def test_a_noun_of_saying_as_a_subject_that_does_not_introduce_the_quote(nlp: Any) -> None:
    text = (
        "The council met on Monday. Mayor Vera Lind's comments were, by most accounts of "
        "the evening, “nothing like what the fishermen had come to hear.”"
    )
    speaker, _ = speaker_of(nlp, text, "nothing like what")
    assert speaker is None or "Lind" not in speaker


def test_an_estimate_is_said(nlp: Any) -> None:
    text = (
        "The council met on Monday. Mayor Vera Lind estimated that there are “about "
        "forty boats that will not leave the harbour this year.”"
    )
    speaker, _ = speaker_of(nlp, text, "about forty boats")
    assert speaker is not None and "Lind" in speaker


def test_state_after_a_quote_is_a_verb(nlp: Any) -> None:
    text = (
        "“We will rebuild the bridge before the winter comes back to the valley,” the "
        "Harbour Trust states in its annual report."
    )
    speaker, _ = speaker_of(nlp, text, "We will rebuild")
    assert speaker is not None and "Harbour Trust" in speaker


def test_state_after_a_quote_and_a_people(nlp: Any) -> None:
    text = (
        "“We will rebuild the bridge before the winter comes back,” the Nordlanders "
        "state in their report, which the council received on Monday."
    )
    _, span = speaker_of(nlp, text, "We will rebuild")
    assert span is not None and "Nordlanders" in span


def test_a_body_that_issued_a_statement_goes_on_speaking(nlp: Any) -> None:
    text = (
        "The ferry strike entered its third week on Monday.\n\nThe Harbour Trust issued "
        "a statement apologising to the fishermen for the delays.\n\n“Everyone at the "
        "Trust regrets the delays, and we owe the crews an apology.”"
    )
    speaker, _ = speaker_of(nlp, text, "Everyone at the Trust regrets")
    assert speaker is not None and "Harbour Trust" in speaker


def test_a_body_that_said_nothing_before_the_quote_does_not_speak_it(nlp: Any) -> None:
    text = (
        "The ferry strike entered its third week on Monday.\n\nThe Harbour Trust opened "
        "a new office on the quay.\n\n“Everyone at the Trust regrets the delays, and we "
        "owe the crews an apology.”"
    )
    speaker, _ = speaker_of(nlp, text, "Everyone at the Trust regrets")
    assert speaker is None


def test_a_negation_inside_the_quote_does_not_unsay_it(nlp: Any) -> None:
    text = (
        "The harbour was quiet.\n\n“The mayor would never have closed the channel. Nor "
        "would her deputy,” Kerr wrote. “The board has betrayed the town. I no longer "
        "recognise my harbour.”"
    )
    speaker, _ = speaker_of(nlp, text, "never have closed")
    assert speaker is not None and "Kerr" in speaker
    speaker, _ = speaker_of(nlp, text, "betrayed the town")
    assert speaker is not None and "Kerr" in speaker


def test_a_short_denial_is_said(nlp: Any) -> None:
    text = "“Absolutely not,” Vera Lind said of the plan to close the channel."
    speaker, _ = speaker_of(nlp, text, "Absolutely not")
    assert speaker is not None and "Lind" in speaker


def test_a_cue_in_the_sentence_before_a_quote_is_that_sentence_s(nlp: Any) -> None:
    text = (
        "“We wanted every crew to have a say before the vote,” Vera Lind said on "
        "Wednesday, pointing out that forty skippers had insisted on a ballot. “Most of "
        "them agree that the board should not decide alone.”"
    )
    speaker, _ = speaker_of(nlp, text, "Most of them agree")
    assert speaker is not None and "Lind" in speaker


def test_the_owner_of_a_noun_of_saying_whose_that_opens_the_quote(nlp: Any) -> None:
    text = (
        "Mayor Vera Lind toured the quay on Monday. The fishermen's union is unlikely to "
        "back her after her March comment that, “Half the trawlers in this port will "
        "have to be sold.”"
    )
    speaker, _ = speaker_of(nlp, text, "Half the trawlers")
    assert speaker is not None and "Lind" in speaker
    text = (
        "Mayor Vera Lind toured the quay on Monday. The union ran ads using her comments "
        "before a special harbour committee that “I decided most of it myself” of the "
        "budget."
    )
    speaker, _ = speaker_of(nlp, text, "I decided most")
    assert speaker is not None and "Lind" in speaker


def test_a_that_clause_with_no_noun_of_saying_names_no_owner(nlp: Any) -> None:
    from storyline.analyze.quoting.leadins import owned_noun_that

    doc = nlp("Mayor Vera Lind toured her new harbour office that “nobody will ever use.”")
    toks = [t for t in doc if t.idx < doc.text.index("“")]
    assert owned_noun_that(toks) is None


def test_here_is_someone_before_a_colon(nlp: Any) -> None:
    text = (
        "The harbour board met on Monday. Here’s Lind in December 1992: “The harbour "
        "will stay open to every boat that needs it.”"
    )
    speaker, _ = speaker_of(nlp, text, "The harbour will stay open")
    assert speaker is not None and "Lind" in speaker
    text = (
        "The harbour board met on Monday. Here is what Vera Lind told the board: “The "
        "harbour will stay open to every boat that needs it.”"
    )
    speaker, _ = speaker_of(nlp, text, "The harbour will stay open")
    assert speaker is not None and "Lind" in speaker


def test_as_someone_explained_earlier_in_the_sentence(nlp: Any) -> None:
    text = (
        "For now, the board waves off the delay. As harbour director Vera Lind "
        "explained, three ferries were cancelled in the storm, depriving the town of its "
        "winter link, “which looks bad on paper. Over a whole year, though, the "
        "timetable barely notices it.”"
    )
    speaker, _ = speaker_of(nlp, text, "which looks bad")
    assert speaker is not None and "Lind" in speaker


def test_a_possessive_before_the_quote_and_a_noun_of_saying_after_it(nlp: Any) -> None:
    text = (
        "Fishermen have been plotting to scrap the toll ever since. It is the persistent "
        "pull of Lind's “every boat stays in the water” promise: many of them kept their "
        "boats."
    )
    speaker, _ = speaker_of(nlp, text, "every boat stays")
    assert speaker is not None and "Lind" in speaker


def test_a_possessive_before_a_quoted_title_is_no_speaker(nlp: Any) -> None:
    text = (
        "Mayor Vera Lind toured the quay on Monday. Fishermen read Lind's “Harbour "
        "Tales” column every week and argued about it on the radio."
    )
    doc = nlp(text)
    from storyline.analyze.entities import extract_entities
    from storyline.analyze.quotes import extract_quotes

    found = [q for q in extract_quotes(doc, extract_entities(doc)) if "Harbour Tales" in q.text]
    assert not found or found[0].speaker is None or "Lind" not in found[0].speaker


def test_a_lead_in_with_no_verb_is_a_label(nlp: Any) -> None:
    text = (
        "The ferry strike entered its third week. Vera Lind, the mayor, in a statement "
        "on Monday: “We will not let the channel close for a single day this winter.”"
    )
    speaker, _ = speaker_of(nlp, text, "We will not let")
    assert speaker is not None and "Lind" in speaker


def test_a_label_naming_only_an_outlet_after_a_preposition_names_no_one(nlp: Any) -> None:
    text = (
        "The ferry strike entered its third week. Later that month on Harbour Radio: “We "
        "will not let the channel close for a single day this winter.”"
    )
    speaker, _ = speaker_of(nlp, text, "We will not let")
    assert speaker is None or "Harbour Radio" not in speaker


def test_a_writing_with_a_prepositional_phrase_reads_after_the_quote(nlp: Any) -> None:
    text = (
        "The ferry strike entered its third week.\n\n“Welcome, visitors! The ferries are "
        "running all winter long!” a message on the harbour website reads. “If you need "
        "a boat, just ask at the quay.”"
    )
    _, span = speaker_of(nlp, text, "Welcome, visitors")
    assert span is not None and "message" in span
    _, span = speaker_of(nlp, text, "If you need a boat")
    assert span is not None and "message" in span


def test_a_title_subject_ending_in_a_name_is_the_person(nlp: Any) -> None:
    text = (
        "The ferry strike entered its third week. Harbour Trust Vice President for "
        "ferries and piers Jonas Kerr called the plan “the best deal the crews will ever "
        "see.”"
    )
    speaker, _ = speaker_of(nlp, text, "the best deal")
    assert speaker is not None and "Kerr" in speaker


def test_a_placeholder_it_is_no_speaker(nlp: Any) -> None:
    text = (
        "While the council has often faced criticism for the long inquiry into the flood "
        "in Halven — often labelled a “witch hunt” by the opposition — it seems likely "
        "Brandt has judged the harbour board rightly."
    )
    speaker, _ = speaker_of(nlp, text, "witch hunt")
    assert speaker is None or "Halven" not in speaker


def test_a_writing_from_someone_is_theirs(nlp: Any) -> None:
    text = (
        "The ferry strike went on. “You will be paid, and nobody will be left on the "
        "quay this winter,” the statement from Mayor Vera Lind read."
    )
    speaker, _ = speaker_of(nlp, text, "You will be paid")
    assert speaker is not None and "Lind" in speaker
    text = (
        "The ferry strike went on. “You will be paid, and nobody will be left on the "
        "quay this winter,” a letter by the Harbour Trust said."
    )
    speaker, _ = speaker_of(nlp, text, "You will be paid")
    assert speaker is not None and "Harbour Trust" in speaker
