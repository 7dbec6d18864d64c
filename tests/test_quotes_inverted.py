"""Speakers after a quote that the parse hides, and speakers of the sentence before a
quote paragraph: rules read from PolNeAR train errors, checked here on fiction."""

from __future__ import annotations

from typing import Any

import pytest
from quote_speaker import speaker_of

from storyline.analyze.entities import extract_entities


@pytest.mark.parametrize(
    ("text", "words", "name_word"),
    [
        # A name after the verb, then a participle clause.
        (
            "Harbour staff were kept on through the storm.\n\n“Having two crews who know "
            "the quay is worth a great deal,” said Skelland, explaining that he had worked "
            "with both of them for years.",
            "Having two crews",
            "Skelland",
        ),
        # A title of lower-case and capitalised words, a name, a bracketed party.
        (
            "“The board has spent its final days here arguing over ferry fares,” said "
            "Harbour Board ranking member Ilse Brandt (L-North).",
            "final days",
            "Brandt",
        ),
        # The name after a title right after the quote, with no comma before the verb.
        (
            "“The mayor invited both of us to the quay to talk about the ferries” the "
            "Gazette's senior harbour editor Jonas Kerr responded.",
            "invited both of us",
            "Kerr",
        ),
        # A name in apposition to a title, between commas, before the verb.
        (
            "In a statement to the Gazette, her senior policy adviser, Jonas Kerr, said: "
            "“The mayor believes the ferries must run all winter, whatever they cost.”",
            "ferries must run",
            "Kerr",
        ),
        # "charged" right after a quote is a verb of saying.
        (
            "Mayor Ilse Brandt spoke at the quay on Friday. “To have a board that is "
            "always saying the ferries run on time, when they do not, is a disgrace,” "
            "Brandt charged.",
            "To have a board",
            "Brandt",
        ),
    ],
)
def test_quotes_inverted_name_after_the_quote(
    nlp: Any, text: str, words: str, name_word: str
) -> None:
    speaker, span = speaker_of(nlp, text, words)
    assert speaker is not None and name_word in speaker
    assert span is not None and name_word in span


def test_quotes_inverted_age_as_a_noun_names_no_one(nlp: Any) -> None:
    # "the 52-year-old asked": the age is the subject, not the person named in the quote.
    text = (
        "The clip was posted on Thursday.\n\n“What if Jonas Kerr had run the ferries?” "
        "the 52-year-old asked in the caption."
    )
    speaker, span = speaker_of(nlp, text, "What if")
    assert speaker is None
    assert span is not None and "52-year-old" in span


def test_quotes_inverted_noun_phrase_before_a_verb_hung_on_the_quote(nlp: Any) -> None:
    text = (
        "The advertisement runs on local radio.\n\n“Jonas Kerr is skipping the last "
        "debate before the vote. Why? Kerr cannot handle hard questions about the ferry "
        "fares,” a voice over says as a photo of an empty quay is shown."
    )
    speaker, span = speaker_of(nlp, text, "skipping the last")
    assert speaker != "Jonas Kerr"
    assert span is not None and "voice" in span


def test_quotes_inverted_lead_in_paragraph_with_the_verb_first(nlp: Any) -> None:
    # "Stated Kerr:" ends the paragraph; the quote paragraph after it is Kerr's.
    text = (
        "The harbour is in trouble, the Gazette's editor Jonas Kerr said.\n\n"
        "Kerr spoke on the radio programme on Tuesday.\n\n"
        "Stated Kerr:\n\n"
        "“I think the stakes are so high that the board would do anything to keep the "
        "ferries in its own hands.”"
    )
    speaker, span = speaker_of(nlp, text, "stakes are so high")
    assert speaker is not None and "Kerr" in speaker and "Stated" not in speaker
    assert span is not None and "Kerr" in span


def test_quotes_inverted_quote_paragraph_after_a_sentence_with_a_speaker(nlp: Any) -> None:
    # The sentence before is about something else, but Brandt is the one arguing in it.
    text = (
        "The board met on Monday and again on Wednesday.\n\n"
        "If anything, Ilse Brandt argued in her letter, the delay is an illustration of "
        "why the harbour should adopt the old rules.\n\n"
        "“In light of this delay and an unwillingness to hold a proper vote, is it wise for "
        "the board to keep such power over the quay?”"
    )
    speaker, _ = speaker_of(nlp, text, "In light of this delay")
    assert speaker is not None and "Brandt" in speaker


def _index(nlp: Any, text: str) -> tuple[Any, Any]:
    from storyline.analyze.quoting.marks import find_passages
    from storyline.analyze.quoting.speakers import MentionIndex
    from storyline.model import Span

    doc = nlp(text)
    spans = [Span(p.start, p.end) for p in find_passages(text)]
    return doc, MentionIndex(doc, extract_entities(doc), spans)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“We will appeal,” said Skelland, explaining the plan.", "Skelland"),
        ("“We will appeal,” said Harbour ranking member Ilse Brandt (L-North).", "Ilse Brandt"),
        ("“We will appeal,” said Tuesday that the board would go on.", None),
        ("“We will appeal,” said in a statement that the board would go on.", None),
    ],
)
def test_quotes_inverted_name_after_verb_reads_the_capitalised_run(
    nlp: Any, text: str, name: str | None
) -> None:
    from storyline.analyze.quoting.inverted import name_after_verb

    doc, index = _index(nlp, text)
    verb = next(t for t in doc if t.lower_ == "said")
    found = name_after_verb(verb, index)
    if name is None:
        assert found is None
    else:
        assert found is not None and found.span is not None
        assert text[found.span.start : found.span.end] == name


def test_quotes_inverted_phrase_before_verb_is_the_subject(nlp: Any) -> None:
    from storyline.analyze.quoting.inverted import phrase_before_verb

    text = "“The fares are too high,” a voice over says as the quay is shown."
    doc, index = _index(nlp, text)
    verb = next(t for t in doc if t.lower_ == "says")
    before = [t for t in doc if t.idx > text.index("”") and t.i < verb.i]
    found = phrase_before_verb(verb, before, index)
    assert found is not None and found.span is not None
    assert text[found.span.start : found.span.end] == "a voice over"
    # A pronoun of the first person before the verb is no speaker to name.
    text = "“The fares are too high,” we say as the quay is shown."
    doc, index = _index(nlp, text)
    verb = next(t for t in doc if t.lower_ == "say")
    before = [t for t in doc if t.idx > text.index("”") and t.i < verb.i]
    assert phrase_before_verb(verb, before, index) is None


def test_quotes_inverted_going_on_until_is_no_saying(nlp: Any) -> None:
    # "go on" speaks only when it carries on talking, not "would go on until …".
    text = "Ilse Brandt said that the strike would go on “until the last ferry is docked”."
    speaker, _ = speaker_of(nlp, text, "until the last ferry")
    assert speaker == "Ilse Brandt"


@pytest.mark.parametrize(
    ("text", "words", "name_word"),
    [
        # A dateline the parser made a second subject of "said".
        (
            "LONDON (Reuters) - Ilse Brandt said she was unlikely to get on with the harbour "
            "master because the master cast her as “costly, rushed and wrong” for her plans.",
            "costly, rushed",
            "Brandt",
        ),
        # A place in an opening phrase taken for a second subject.
        (
            "Speaking at a town hall in Ostrel, Halven County, Brandt went after Kerr, "
            "calling him “a total failure.”",
            "a total failure",
            "Brandt",
        ),
        # A day that took the name as its apposition.
        (
            "Saturday at the harbour party's convention Sen. Ilse Brandt (L-North) said the "
            "harbour master Jonas Kerr was a “proven failure” at the quay.",
            "proven failure",
            "Brandt",
        ),
        # A name before a short aside, then a verb whose object is a news agency.
        (
            "“We were wrong not to stop the ferry plan from the beginning,” Brandt, 58, "
            "told AFP in an interview in Halven on Monday.",
            "We were wrong",
            "Brandt",
        ),
        # A name right after "said" over a noun the parser also made its subject.
        (
            'The rejection of the ferry plan signals "the beginning of the end" for the '
            "board, said Ilse Brandt, founder of the harbour party.",
            "the beginning of the end",
            "Brandt",
        ),
        # A second "said" the parser hung on the clause the first one reports.
        (
            "Mayor Ilse Brandt said the move was made by harbour master Jonas Kerr and "
            "said, “Who are you going to trust on the ferries and keeping the quay safe?”",
            "Who are you going",
            "Brandt",
        ),
        # A participle of saying after a comma, parsed as the subject of the quote.
        (
            "Band member Flea shared the news on social media last week, writing “Feels "
            "great to support someone I believe in. The band offered to pay for the hall.”",
            "Feels great",
            "Flea",
        ),
        # A verb of saying set between commas in the main clause as an aside.
        (
            "The paradox of the harbour, says Jonas Kerr, historian at the Halven Maritime "
            'Museum, is that it was "one of the busiest ports in the north," not for its '
            "size but for its ferries.",
            "busiest ports",
            "Kerr",
        ),
        # The same after a paragraph ending in a name, which the parser may join on.
        (
            "“She ran the town,” said Myra Gutin, a professor at Halven College, "
            "Halven, N.J.\n\nThe paradox of the harbour, says Jonas Kerr, historian at "
            'the Halven Maritime Museum, is that it was "one of the busiest ports in the '
            'north," not for its size but for its ferries.',
            "busiest ports",
            "Kerr",
        ),
    ],
)
def test_quotes_inverted_subject_nearest_the_verb(
    nlp: Any, text: str, words: str, name_word: str
) -> None:
    speaker, span = speaker_of(nlp, text, words)
    assert speaker is not None and name_word in speaker
    assert span is not None and name_word in span


def test_quotes_inverted_added_after_a_reported_clause(nlp: Any) -> None:
    # "added" hung on the clause "it was too early …": the one who said it adds.
    text = (
        "Appearing before supporters Monday morning, Ilse Brandt, 70, said it was too early "
        'to congratulate winners but added, "I think you all have an idea of the results."'
    )
    speaker, _ = speaker_of(nlp, text, "I think you all")
    assert speaker == "Ilse Brandt"


def test_quotes_inverted_outlet_before_a_colon_is_no_speaker(nlp: Any) -> None:
    text = (
        "The harbour master spoke often about the ferries.\n\n"
        'Then, later that month on Harbour Radio: "I have never said we made a mistake '
        'with the ferries."'
    )
    speaker, _ = speaker_of(nlp, text, "never said")
    assert speaker != "Harbour Radio"


def test_quotes_inverted_phrase_then_aside_then_verb(nlp: Any) -> None:
    from storyline.analyze.quoting.direct import _is_cue
    from storyline.analyze.quoting.inverted import phrase_aside_then_cue

    text = (
        "“The crews are under a lot of pressure,” a harbour source, who was not "
        "authorized to speak on the record, told the Gazette."
    )
    doc, index = _index(nlp, text)
    close = text.index("”")
    toks = [t for t in doc if t.idx > close]
    found = phrase_aside_then_cue(toks, len(text), index, _is_cue)
    assert found is not None and found.span is not None
    assert text[found.span.start : found.span.end] == "a harbour source"
    assert found.cue == "tell"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("LA CROSSE, Wisc. — Gov. Ilse Brandt on Thursday blamed the press.", "CROSSE", True),
        ("HALVEN (Gazette) - Ilse Brandt said the ferries would run.", "HALVEN", True),
        ("The NATO summit ended (late) on Friday.", "NATO", False),
        ("Ilse Brandt said NASA - the agency - would help.", "NASA", False),
    ],
)
def test_quotes_inverted_dateline_place_is_no_speaker(
    nlp: Any, text: str, word: str, expected: bool
) -> None:
    from storyline.analyze.quoting.speakers import _dateline

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert _dateline(tok) is expected


def test_quotes_inverted_transcript_label_with_a_glued_mark(nlp: Any) -> None:
    # A name, a bracketed party, a colon glued to the opening mark: a transcript label.
    text = (
        "The hearing went on for hours.\n\n"
        'Rep. Jonas Kerr (L-North):"I have not heard anyone other than you ever cite that '
        'figure. Who told you that?"'
    )
    speaker, _ = speaker_of(nlp, text, "I have not heard")
    assert speaker == "Jonas Kerr"


def test_quotes_inverted_label_needs_only_a_name_before_the_colon(nlp: Any) -> None:
    from storyline.analyze.quoting.inverted import speaker_label
    from storyline.analyze.quoting.marks import find_passages

    text = 'Ilse Brandt said in an interview on Harbour Radio:"We will keep the ferries."'
    doc, index = _index(nlp, text)
    assert speaker_label(doc, find_passages(text)[0], index) is None


def test_quotes_inverted_remembered_after_a_quote(nlp: Any) -> None:
    text = (
        '"An awful lot of analysts said no, and she took it upon herself to prove them '
        "wrong,\" remembered Jonas Kerr, the board's former spokesman."
    )
    speaker, _ = speaker_of(nlp, text, "An awful lot")
    assert speaker == "Jonas Kerr"


def test_quotes_inverted_in_their_view(nlp: Any) -> None:
    text = (
        "“This is not a matter where there are one or two things you can identify – it is "
        "an across-the-board failure” from the ferries to the budget, in Kerr’s view."
    )
    speaker, span = speaker_of(nlp, text, "across-the-board")
    assert speaker is not None and "Kerr" in speaker
    assert span == "Kerr"


@pytest.mark.parametrize(
    ("sign", "name"),
    [
        ("- Brandt.", "Brandt"),
        ("-Jonas Kerr, tweeting after the speech.", "Jonas Kerr"),
        ("— Ilse Brandt", "Ilse Brandt"),
    ],
)
def test_quotes_inverted_signed_on_the_line_below(nlp: Any, sign: str, name: str) -> None:
    text = (
        "The debate ran late on Thursday.\n\n"
        '"Boeing and other big firms . . . pay zero taxes."\n\n'
        f"{sign}\n\nThis is a complex issue."
    )
    speaker, span = speaker_of(nlp, text, "pay zero taxes")
    assert speaker is not None and name.split()[-1] in speaker
    assert span == name


def test_quotes_inverted_a_bullet_under_a_quote_is_no_sign_off(nlp: Any) -> None:
    from storyline.analyze.quoting.inverted import sign_off
    from storyline.analyze.quoting.marks import find_passages

    text = (
        "The debate ran late on Thursday.\n\n"
        '"Boeing and other big firms . . . pay zero taxes."\n\n'
        "- The council will meet again in May."
    )
    doc, index = _index(nlp, text)
    assert sign_off(doc, find_passages(text)[0], index) is None
