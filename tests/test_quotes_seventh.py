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


def test_a_name_the_tagger_took_for_an_adverb_speaks(nlp: Any) -> None:
    text = (
        "Jo Early runs the boat yard on the north quay. Kerr spoke first. And Early called "
        "Brandt “a really clever man who knows the boats better than anyone.”"
    )
    speaker, _ = speaker_of(nlp, text, "clever man")
    assert speaker == "Jo Early"  # not Brandt, the one called a clever man


def test_the_object_of_thanked_is_not_the_speaker(nlp: Any) -> None:
    from storyline.analyze.quoting.speakers import subject_of

    doc = nlp("“Harbour,” thanked Lind for keeping the ferries running.")
    thanked = next(t for t in doc if t.lower_ == "thanked")
    subj = subject_of(thanked, lambda pos: pos < doc[3].idx)  # "Harbour" is quoted
    assert subj is None or subj.text != "Lind"


def test_the_one_thanked_after_a_quote_is_not_its_speaker(nlp: Any) -> None:
    text = "“Harbour,” thanked Lind for “keeping us all safe on the water.”"
    speaker, _ = speaker_of(nlp, text, "keeping us")
    assert speaker != "Lind"  # no one named speaks here: better none than the one thanked


def test_a_digest_label_beats_the_verb_of_its_headline(nlp: Any) -> None:
    text = (
        "Skippers say the season is over - Mara Voss: “We have had enough of this weather "
        "and the nets are all torn.”"
    )
    speaker, _ = speaker_of(nlp, text, "enough of this weather")
    assert speaker == "Mara Voss"


def test_a_name_compared_with_before_a_colon_is_no_label(nlp: Any) -> None:
    text = (
        "Lind hammered the council, calling it a “shipwreck,” and contrasted the harbour "
        "board, which she described as “adrift,” with Kerr: “What I have seen working with "
        "Kerr is a steady hand on the tiller.”"
    )
    speaker, _ = speaker_of(nlp, text, "steady hand")
    assert speaker != "Kerr"  # Kerr is the one Lind compares the board with
    speaker, _ = speaker_of(nlp, "In an interview with Mara Voss: “The nets are all torn.”", "nets")
    assert speaker == "Mara Voss"  # a noun's "with": a label, as before


def test_a_name_hung_on_a_verb_with_no_subject_is_its_subject(nlp: Any) -> None:
    from spacy.tokens import Doc

    from storyline.analyze.quoting.speakers import subject_of

    # The parse of a real sentence of this shape, written out: "Brandt" a compound of
    # "joked", "joked" a clause of "shouted" (the climb reached "Someone").
    words = ["Someone", "shouted", ",", "“", "Nets", ",", "”", "Brandt", "joked", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 1, 4, 1, 4, 8, 8, 1, 1],
        deps="nsubj ROOT punct punct dobj punct punct compound xcomp punct".split(),  # noqa: SIM905
        pos="PRON VERB PUNCT PUNCT PROPN PUNCT PUNCT PROPN VERB PUNCT".split(),  # noqa: SIM905
        lemmas=["someone", "shout", ",", "“", "Nets", ",", "”", "Brandt", "joke", "."],
        ents=["O", "O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O"],
    )
    subj = subject_of(doc[8])
    assert subj is not None and subj.text == "Brandt"


def test_a_video_released_by_someone_speaks_for_them(nlp: Any) -> None:
    text = (
        "Mayor Jonas Kerr sold the harbour tours hard. In selling the tours, Kerr released a "
        "short video that said, “Every captain we hire will be the finest one on the whole "
        "coast.”"
    )
    speaker, _ = speaker_of(nlp, text, "captain")
    assert speaker == "Jonas Kerr"


def test_a_participle_in_a_statements_clause_is_the_statements(nlp: Any) -> None:
    text = (
        "In answer, Harbour Trust chair Mara Voss issued a statement saying that Kerr had "
        "“shown his love for the island” at the opening of the new pier, calling it a "
        "“special place.”"
    )
    speaker, _ = speaker_of(nlp, text, "special place")
    assert speaker == "Mara Voss"  # her statement calls it so, not Kerr


def test_that_said_is_a_turn_of_phrase(nlp: Any) -> None:
    text = (
        "At a rally in the spring, Vera Lind described the harbour as “calm” with a “great "
        "heart.” (That said, she also noted, “Push it too far and it pushes back twice as "
        "hard.”)"
    )
    assert speaker_of(nlp, text, "great heart")[0] == "Vera Lind"
    assert speaker_of(nlp, text, "pushes back") == ("Vera Lind", "she")
    text = "Lind put her note below a headline that said, “Ferries Stop at Ostrel.”"
    assert speaker_of(nlp, text, "Ferries Stop")[1] == "a headline"  # a relative "that"


def test_an_unnamed_aide_said_as_an_aside_speaks(nlp: Any) -> None:
    text = (
        "Lind, a senior aide said, “is very sure, very sure of the contrast” between her and Kerr."
    )
    assert speaker_of(nlp, text, "very sure") == (None, "a senior aide")
    text = "Lind, a senior aide, said, “We are very sure of the contrast between us and Kerr.”"
    assert speaker_of(nlp, text, "We are") == ("Lind", "Lind")
    text = (
        "Jonas Kerr, a spokesman for the Harbour Trust told the Gazette, “We will look at "
        "the options once we know more.”"
    )
    assert speaker_of(nlp, text, "options")[0] == "Jonas Kerr"  # a comma left out


def test_a_quote_inside_a_later_sentence_about_another_person_is_theirs(nlp: Any) -> None:
    text = (
        "Kerr released a statement against the pier deal last week, insisting that the "
        "harbour “must stop treating the island like a car park.” Vera Lind, a skipper who "
        "backs the deal, lost her boat when “a storm came out of nowhere and threw it onto "
        "the rocks.”"
    )
    assert speaker_of(nlp, text, "car park")[0] == "Kerr"
    assert speaker_of(nlp, text, "a storm came")[0] == "Vera Lind"  # not Kerr carried on


def test_a_plural_noun_after_a_possessive_is_no_cue(nlp: Any) -> None:
    text = (
        "Kerr released a statement against the pier deal last week, insisting that the "
        "harbour “must stop treating the island like a car park.” Meanwhile, Vera Lind "
        "backed the deal, even if she made it plain that she has “serious doubts” about a "
        "few of its terms."
    )
    assert speaker_of(nlp, text, "serious doubts")[0] == "Vera Lind"  # "its terms" says nothing


def test_a_thing_in_a_reported_clause_speaks_for_no_one(nlp: Any) -> None:
    text = (
        "But a source close to the harbour board said the logs that were opened suggested "
        "the intruders were seeking “cargo lists.”"
    )
    assert speaker_of(nlp, text, "cargo lists")[1] == "a source close to the harbour board"
    text = (
        "At the meeting, Vera Lind declared in a heated argument with Kerr that any new pier "
        "deal made while she chairs the board would need tight checks and “absolute secrecy.”"
    )
    assert speaker_of(nlp, text, "absolute secrecy")[0] == "Vera Lind"


def test_a_second_relative_clause_and_a_noun_named_someone(nlp: Any) -> None:
    text = (
        "The mayor was rallying for a retired skipper named Vera Lind, who is running for "
        "the council and who worked the crowd, praising “Kerr's patience and plain honesty” "
        "as she promised to keep the ferries."
    )
    assert speaker_of(nlp, text, "plain honesty")[0] == "Vera Lind"


def test_a_relative_clause_on_an_apposition_is_the_persons(nlp: Any) -> None:
    text = (
        "The pier was busy. His plan was mocked by Tomas Brandt, a Kerr endorser who "
        "suggested that the mayor would “do better to keep quiet for a while.”"
    )
    assert speaker_of(nlp, text, "keep quiet")[0] == "Tomas Brandt"  # not Kerr


def test_a_supporter_of_someone_is_not_them(nlp: Any) -> None:
    text = (
        "Mayor Jonas Kerr spoke at the pier on Monday. “There is a special place for people "
        "who sell the harbour,” a Kerr supporter retorted."
    )
    assert speaker_of(nlp, text, "special place") == (None, "a Kerr supporter")


def test_she_is_not_a_man_the_article_calls_mr(nlp: Any) -> None:
    text = (
        "Vera Lind chairs the harbour board. Ms. Lind spoke first. Jonas Kerr, the harbour "
        "master, then took the floor. Mr. Kerr argued for the pier. “It is a matter of money "
        "and nothing else,” she said."
    )
    assert speaker_of(nlp, text, "matter of money") == ("Vera Lind", "she")


def test_honorifics_of_two_people_of_one_surname_tell_nothing(nlp: Any) -> None:
    from storyline.analyze.entities import extract_entities
    from storyline.analyze.quoting.speakers import MentionIndex

    doc = nlp(
        "Tom Brandt and Ilse Brandt run the yard. Mr. Brandt fixes the boats and Mrs. Brandt "
        "keeps the books. Kerr, Mr. Kerr to the crews, came by."
    )
    index = MentionIndex(doc, extract_entities(doc), [])
    assert not any("Brandt" in key for key in index.gender)
