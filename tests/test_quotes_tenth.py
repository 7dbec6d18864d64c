"""Tenth round on speakers: namers after "by", "when asked", gender and namesakes
(issue 13, branch s38q), checked on our own fiction."""

from __future__ import annotations

from typing import Any

from quote_speaker import doc_from_rows, speaker_of, speaker_words_in


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


def test_a_subject_after_a_dash_aside_is_not_the_asides_last_name(nlp: Any) -> None:
    # The parse the tagger gives such a sentence at times, set by hand: the aside's last
    # name as the subject, the real subject as its apposition.
    from spacy.tokens import Doc

    from storyline.analyze.quoting.speakers import subject_of

    words = "In the memo - sent to Tomas Brandt - the Harwick Liberal asks for more".split()  # noqa: SIM905
    heads = [12, 2, 0, 4, 2, 4, 7, 12, 7, 11, 11, 7, 12, 12, 13]
    deps = "prep det pobj punct acl prep compound nsubj punct det compound appos ROOT prep pobj"
    pos = "ADP DET NOUN PUNCT VERB ADP PROPN PROPN PUNCT DET PROPN PROPN VERB ADP ADJ"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps.split(), pos=pos.split())
    assert subject_of(doc[12]).text == "Liberal"


def test_a_participle_after_a_quote_does_not_take_it_from_the_nouns_owner(nlp: Any) -> None:
    text = (
        "Harbour master Tomas Brandt on Monday blamed the press for making a story out of "
        "Vera Lind’s claim that the ferry board “sold the harbour,” saying reporters had "
        "missed the real news."
    )
    assert speaker_of(nlp, text, "sold the harbour")[0] == "Vera Lind"


def test_the_verb_of_saying_before_the_colon_speaks(nlp: Any) -> None:
    # A parse the tagger gives such a sentence at times, set by hand: the second quote
    # hung on "said", as a clause of Brandt's.
    rows = [
        ('"', False, 2, "punct", "PUNCT", "``", '"'),
        ("There", True, 2, "expl", "PRON", "EX", "there"),
        ("is", True, 9, "ccomp", "VERB", "VBZ", "be"),
        ("a", True, 4, "det", "DET", "DT", "a"),
        ("man", True, 2, "attr", "NOUN", "NN", "man"),
        ("here", False, 4, "advmod", "ADV", "RB", "here"),
        (",", False, 9, "punct", "PUNCT", ",", ","),
        ('"', True, 9, "punct", "PUNCT", "''", '"'),
        ("Brandt", True, 9, "nsubj", "PROPN", "NNP", "Brandt"),
        ("said", True, 9, "ROOT", "VERB", "VBD", "say"),
        ("as", True, 13, "mark", "SCONJ", "IN", "as"),
        ("the", True, 12, "det", "DET", "DT", "the"),
        ("skipper", True, 13, "nsubj", "NOUN", "NN", "skipper"),
        ("yelled", False, 9, "advcl", "VERB", "VBD", "yell"),
        (":", True, 9, "punct", "PUNCT", ":", ":"),
        ('"', False, 9, "punct", "PUNCT", "``", '"'),
        ("You", True, 17, "nsubj", "PRON", "PRP", "you"),
        ("lie", False, 9, "ccomp", "VERB", "VBP", "lie"),
        ("!", False, 9, "punct", "PUNCT", ".", "!"),
        ('"', False, 9, "punct", "PUNCT", "''", '"'),
    ]
    assert speaker_words_in(doc_from_rows(nlp, rows), "lie") == "the skipper"
