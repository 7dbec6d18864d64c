"""Speaker cues of direct quotes found by reading real news errors (PolNeAR train),
each checked here on fiction: bracketed asides, inverted lead-ins, nouns of saying."""

from __future__ import annotations

from typing import Any

import pytest
from quote_speaker import speaker_of

from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes


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
    assert speaker_of(nlp, text, words)[0] == speaker


def test_quotes_cues_owner_of_a_noun_of_saying_speaks(nlp: Any) -> None:
    text = (
        "Ilse Brandt, the mayor of Halven, stirred a quarrel last spring over her remark "
        "that “no ferry will ever run on time in this town.”"
    )
    speaker, span = speaker_of(nlp, text, "no ferry")
    assert (speaker, span) == ("Ilse Brandt", "her")


def test_quotes_cues_went_on_to_win_is_no_cue(nlp: Any) -> None:
    doc = nlp("Ilse Brandt went on to win the “harbour seat” by a wide margin.")
    assert all(q.cue != "go" for q in extract_quotes(doc, extract_entities(doc)))


@pytest.mark.parametrize(
    ("text", "words", "span"),
    [
        (
            "“Nobody in this town has ever paid the ferry fee twice,” read the notice.",
            "paid",
            "notice",
        ),
        ("“Keep the quay open for the fishing boats,” the letter read.", "quay open", "letter"),
        (
            "“Watch out for the new harbour tax this winter,” tweeted another.",
            "harbour tax",
            "another",
        ),
    ],
)
def test_quotes_cues_inverted_or_unnamed_subject_after_the_quote(
    nlp: Any, text: str, words: str, span: str
) -> None:
    _, got = speaker_of(nlp, text, words)
    assert got is not None and span in got


def test_quotes_cues_quote_paragraph_after_a_paragraph_about_a_person(nlp: Any) -> None:
    text = (
        "The council met on Monday.\n\n"
        "Ilse Brandt praised the harbour workers for keeping the quay open all winter.\n\n"
        "“We need people who get things done and bring the town together.”"
    )
    assert speaker_of(nlp, text, "get things done")[0] == "Ilse Brandt"


def test_quotes_cues_no_speaker_two_paragraphs_back(nlp: Any) -> None:
    text = (
        "Ilse Brandt praised the harbour workers for keeping the quay open all winter.\n\n"
        "The council met on Monday and the ferry ran late again.\n\n"
        "“We need people who get things done and bring the town together.”"
    )
    assert speaker_of(nlp, text, "get things done")[0] != "Ilse Brandt"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # The one who issued or made the words said them.
        (
            "After the storm, Ilse Brandt issued a statement, “The quay will reopen on "
            "Monday and every ferry will run as planned.”",
            "quay will reopen",
            "Ilse Brandt",
        ),
        # A colon after a clause whose subject is a question word: the clause above speaks.
        (
            "Ilse Brandt has since apologised for what happened: “I should have closed the "
            "quay earlier, and I am sorry.”",
            "closed the quay",
            "Ilse Brandt",
        ),
        # An inverted cue that only follows a quote.
        (
            "“What changed his mind about the harbour so suddenly?” Emil Varga questioned.",
            "changed his mind",
            "Emil Varga",
        ),
    ],
)
def test_quotes_cues_made_issued_and_colon(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_of(nlp, text, words)[0] == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "reminds him of" is a likeness, not a saying: the participle speaks for "said".
        (
            "Emil Varga said the harbour plan reminds him of the old canal project, "
            "explaining, “because of what it could have been for the town.”",
            "what it could have been",
            "Emil Varga",
        ),
    ],
)
def test_quotes_cues_the_reported_is_not_the_reporter(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_of(nlp, text, words)[0] == speaker


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Any:
    """A hand-made parse (the shapes the statistical parser sometimes gives)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_quotes_cues_subject_is_not_the_one_reported_on() -> None:
    from storyline.analyze.quoting.speakers import subject_of

    # "Meanwhile Brandt, in Halven, said Tuesday that Varga was …": "said" left
    # subjectless, "Brandt" hung on the word before it.
    words = ["Meanwhile", "Brandt", ",", "in", "Halven", ",", "said", "Tuesday", "that", "Varga"]
    heads = [6, 0, 1, 1, 3, 6, 6, 6, 10, 10, 6]
    deps = ["advmod", "appos", "punct", "prep", "pobj", "punct", "ROOT", "npadvmod", "mark"]
    pos = ["ADV", "PROPN", "PUNCT", "ADP", "PROPN", "PUNCT", "VERB", "PROPN", "SCONJ", "PROPN"]
    doc = _parsed([*words, "was"], heads, [*deps, "nsubj", "ccomp"], [*pos, "AUX"])
    doc[1].ent_type_ = "PERSON"
    subj = subject_of(doc[6])
    assert subj is not None and subj.text == "Brandt"


def test_quotes_cues_nearer_mention_of_the_same_speaker_names_a_carried_quote(nlp: Any) -> None:
    text = (
        "“We have bigger problems than the ferry timetable,” says Ilse Brandt, a nurse from "
        "Halven. She says people should be left alone. “It is their life, and they are not "
        "hurting anybody at all.”"
    )
    assert speaker_of(nlp, text, "their life") == ("Ilse Brandt", "She")


def test_quotes_cues_heading_or_time_stamp_is_no_subject() -> None:
    from storyline.analyze.quoting.speakers import subject_of

    # "6:50 p.m.\n\nBrandt has told her supporters …" with the time stamp made the subject.
    words = ["6:50", "p.m.", "\n\n", "Brandt", "has", "told", "supporters"]
    heads = [1, 5, 1, 5, 5, 5, 5]
    deps = ["nummod", "nsubj", "dep", "compound", "aux", "ROOT", "dobj"]
    pos = ["NUM", "NOUN", "SPACE", "PROPN", "AUX", "VERB", "NOUN"]
    doc = _parsed(words, heads, deps, pos)
    doc[0].ent_type_ = doc[1].ent_type_ = "TIME"
    subj = subject_of(doc[5])
    assert subj is not None and subj.text == "Brandt"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A sentence that is only the cue, after a quote that ends with a full stop.
        (
            "“Halven, if you are listening, I hope you can find the missing ferry.” "
            "Ilse Brandt said.",
            "missing ferry",
            "Ilse Brandt",
        ),
        # A paragraph ending "issued the following statement:" before a quote paragraph.
        (
            "After the storm, Ilse Brandt issued the following statement:\n\n"
            "“Our thoughts are with everyone who lost a boat last night in the harbour.”",
            "lost a boat",
            "Ilse Brandt",
        ),
    ],
)
def test_quotes_cues_short_cue_sentence_and_statement_lead_in(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_of(nlp, text, words)[0] == speaker


def test_quotes_cues_a_full_sentence_after_a_quote_keeps_its_own_cue(nlp: Any) -> None:
    text = "“The quay will stay shut.” Ilse Brandt said the council would meet on Friday."
    assert speaker_of(nlp, text, "quay will stay")[0] is None
