"""Speakers of quotes in harder constructions: passives, "it said", relatives, groups."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes
from storyline.model import Quote


def _quotes(nlp: Any, text: str, kind: str | None = None) -> list[Quote]:
    doc = nlp(text)
    return [q for q in extract_quotes(doc, extract_entities(doc)) if kind in (None, q.kind)]


def _speaker(nlp: Any, text: str, words: str) -> str | None:
    found = [q for q in _quotes(nlp, text) if words in q.text]
    assert found, f"no quote holding {words!r}"
    return found[0].speaker


def test_quotes_speakers_passive_participle_gives_no_speaker(nlp: Any) -> None:
    text = (
        "Valdmark has so far rejected calls for a “complete and lasting truce,” "
        "urged by Norvia and its allies."
    )
    assert _speaker(nlp, text, "lasting truce") is None


def test_quotes_speakers_quoted_as_saying(nlp: Any) -> None:
    text = "“We will not move,” Ilse Brandt was quoted as saying."
    assert _speaker(nlp, text, "We will not move") == "Ilse Brandt"


def test_quotes_speakers_it_said_is_the_author_of_the_subject(nlp: Any) -> None:
    text = (
        "The Varna Harbour Authority reopened the quay on Monday.\n"
        "A report released on Tuesday by the Centre for Coastal Policy Studies, a research group, "
        "said the port would need years to recover.\n"
        "“Without new money, the harbour will keep losing ships to its rivals,” it said."
    )
    assert _speaker(nlp, text, "Without new money") == "Centre for Coastal Policy Studies"


def test_quotes_speakers_unnamed_agency_gives_no_speaker(nlp: Any) -> None:
    text = (
        "Norvia said its drones struck four airfields.\n"
        "Alongside the negotiations, the two armies kept shelling each other's positions.\n"
        "The agency claimed the planes it struck included twelve bombers.\n"
        "It also said it had set off an explosion beneath the bridge."
    )
    indirect = {q.text: q.speaker for q in _quotes(nlp, text, "indirect")}
    claimed = [s for t, s in indirect.items() if "twelve bombers" in t]
    assert claimed == [None]
    exploded = [s for t, s in indirect.items() if "explosion" in t]
    assert exploded == [None]


def test_quotes_speakers_relative_who_is_the_noun_it_qualifies(nlp: Any) -> None:
    text = "Mayor Ole Brink, who says the quay will reopen in June, met the dockers on Friday."
    indirect = _quotes(nlp, text, "indirect")
    assert [q.speaker for q in indirect if "quay" in q.text] == ["Ole Brink"]


def test_quotes_speakers_demonym_group_is_nobody_in_particular(nlp: Any) -> None:
    text = "Norvian officials claimed that the fighting near the river was still going on."
    indirect = _quotes(nlp, text, "indirect")
    assert indirect
    assert all(q.speaker is None for q in indirect)


def test_quotes_speakers_plural_role_is_not_one_person(nlp: Any) -> None:
    text = (
        "Defence Minister Ivo Marek led the delegation. The talks ended without a truce, "
        "although both sides agreed to swap prisoners, according to the heads of the delegations."
    )
    indirect = _quotes(nlp, text, "indirect")
    assert indirect
    assert all(q.speaker != "Ivo Marek" for q in indirect if q.cue == "according to")


def test_quotes_speakers_subject_is_not_taken_from_paragraph_before(nlp: Any) -> None:
    text = (
        "“Norvia must agree to a full ceasefire now,” he wrote on X.\n\n"
        "Norvia’s Defence Ministry claimed that its artillery destroyed a fuel depot near Dravel."
    )
    indirect = _quotes(nlp, text, "indirect")
    assert [q.speaker for q in indirect if "depot" in q.text] == ["Defence Ministry"]


def test_quotes_speakers_it_refers_to_clause_subject(nlp: Any) -> None:
    text = (
        "The talks in Varna revealed deep divisions, with Norvia rejecting what it "
        "described as “unacceptable” demands from Valdmark."
    )
    assert _speaker(nlp, text, "unacceptable") == "Norvia"


def test_quotes_speakers_quote_over_two_paragraphs_is_one_quote(nlp: Any) -> None:
    text = (
        "Lucia Fernhout said the bridge had changed the valley.\n\n"
        "“We waited forty years for this crossing. Nobody believed it would come.\n\n"
        "“Now the children can walk to school in ten minutes,” she said.\n\n"
        "The works cost 12 million euros."
    )
    direct = _quotes(nlp, text, "direct")
    assert len(direct) == 1
    q = direct[0]
    assert q.text.startswith("We waited") and q.text.endswith("ten minutes,")
    assert text[q.span.start : q.span.end] == q.text
    assert q.speaker == "Lucia Fernhout"


@pytest.mark.parametrize(
    "text",
    [
        "Asked about the vote, Ilse Brandt did not say “we will win the vote in May.”",
        "Ilse Brandt declined to say whether the plant would close next year.",
        "If Ilse Brandt said the plant would close, the town would protest.",
    ],
)
def test_quotes_speakers_unsaid_words_are_no_statement(nlp: Any, text: str) -> None:
    # Negated, withheld or hypothetical saying reports that nothing was said.
    assert not [q for q in _quotes(nlp, text) if q.speaker == "Ilse Brandt"]


def test_quotes_speakers_said_words_still_count(nlp: Any) -> None:
    text = "Ilse Brandt said the plant would close next year, and the town was stunned."
    assert [q.speaker for q in _quotes(nlp, text, "indirect")] == ["Ilse Brandt"]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # The verb of saying past a long apposition after the name.
        (
            "“We will rebuild the bridge before the winter,” Ilse Brandt, the mayor of the "
            "port town since 2019 and a former engineer, said on Monday.",
            "rebuild the bridge",
            "Ilse Brandt",
        ),
        # A clause ending in a colon: its subject speaks, whatever the verb.
        (
            "Ilse Brandt then addressed the crowd again: “We will rebuild the bridge before "
            "the winter comes.”",
            "rebuild the bridge",
            "Ilse Brandt",
        ),
        # A retort.
        (
            "Emil Varga criticised the plan. Ilse Brandt shot back, “That is simply not true, "
            "and everyone in this town knows it.”",
            "simply not true",
            "Ilse Brandt",
        ),
        # A participle hung on the reported clause still speaks for the one reporting.
        (
            "Emil Varga said last week that Ilse Brandt represents “the old ways of running "
            "a harbour,” stating that the council would lose.",
            "old ways",
            "Emil Varga",
        ),
        # Words quoted in a sentence about someone, with no verb of saying.
        (
            "Emil Varga thought the plan was a tribute to “the stubborn patience of the "
            "harbour workers.”",
            "stubborn patience",
            "Emil Varga",
        ),
        # A closing mark typed as an opening one.
        ("“The vote will be close,“ said Ilse Brandt.", "vote will be close", "Ilse Brandt"),
        # A quote that ends its sentence takes no cue from the next sentence.
        (
            "Emil Varga says Brandt “has a record of getting things done.” She warns that "
            "the council would lose the vote.",
            "record of getting",
            "Emil Varga",
        ),
    ],
)
def test_quotes_speakers_cues_real_news_uses(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _speaker(nlp, text, words) == speaker


def test_quotes_speakers_unnamed_speaker_carries_to_the_next_quote(nlp: Any) -> None:
    text = (
        "“The bridge is safe for now,” a council engineer told reporters on Monday. "
        "“We will reopen it to traffic on Friday.”"
    )
    first, second = _quotes(nlp, text, "direct")
    assert first.speaker is None and first.speaker_span is not None
    assert second.speaker_span == first.speaker_span


def test_quotes_speakers_a_quote_after_a_sentence_about_a_person_is_theirs(nlp: Any) -> None:
    text = (
        "Ilse Brandt announced the lawsuit against the rail company on Monday. "
        "“We are seeking a court order to stop the night trains for good.”"
    )
    assert _speaker(nlp, text, "court order") == "Ilse Brandt"


def test_quotes_speakers_no_speaker_across_a_paragraph_for_a_quote_in_a_sentence(
    nlp: Any,
) -> None:
    # A quote that is its paragraph's only words goes on from the paragraph before
    # (tests/test_quotes_cues.py); one that opens a paragraph with more in it does not.
    text = (
        "Ilse Brandt announced the lawsuit against the rail company on Monday.\n\n"
        "“We are seeking a court order to stop the night trains for good.” The rail "
        "company has not answered."
    )
    assert _speaker(nlp, text, "court order") is None


def test_quotes_speakers_second_half_of_a_split_quote_keeps_the_cue_between(nlp: Any) -> None:
    text = (
        "“In breaking news,” Emil Varga wrote on Monday, “the mayor wins a warm endorsement "
        "from her own spokesman,” after spokesman Jonas Kerr praised her in a statement."
    )
    assert _speaker(nlp, text, "warm endorsement") == "Emil Varga"
