"""Sentences about the page or the outlet, not the news (story/page_talk.py)."""

from __future__ import annotations

import pytest

from storyline.story import page_talk as pt
from storyline.story.page_talk import furniture_lead, talks_as_page


@pytest.mark.parametrize(
    "text",
    [
        "If you saw the blue van near the Kessel depot, call the tip line at 555-0182.",
        "Stay with Radio Vellmar for news as this story unfolds.",
        "We will add to this report as the inquiry in Kessel goes on.",
        "Ilsa Brandt of the Vellmar Courier contributed to this report.",
        "Email notifications are sent only when a new item matches.",
        "You need a newer video player to watch the clip from Kessel.",
        "Please confirm your details before signing in to the Courier.",
        "I carried my son to the car and drove to the clinic in Kessel.",
        "Our crew in Vellmar saw four patrol cars at the bridge on Tuesday.",
        "Be sure to watch the late news on Radio Kessel tonight.",
        "In 2019 I began a series called Guns of Vellmar about the depot.",
        "As the ferry's pilot for ten years, I can tell you the Kessel quay is unsafe.",
    ],
)
def test_page_talk_speaks_to_the_reader_or_as_the_outlet(text: str) -> None:
    assert talks_as_page(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police told us the two brothers in Kessel had argued over a car.",
        '"We will find who did this," Chief Ilsa Brandt said in Vellmar.',
        "Tomas Reed said his family would hold a vigil for the boy in Kessel.",
        "The mayor said it warns anyone who leaves a gun where you can reach it.",
        "The victim was taken to Our Lady of Kessel hospital with a leg wound.",
        "The boy's name is withheld pending notification of his family in Vellmar.",
        "A veteran of World War I was honoured at the Vellmar town hall.",
        "Investigators were not commenting on the motive for the Kessel shooting.",
        "The owner of Totally You Salon in Vellmar heard the shots at noon.",
        "The judge urged residents 'to remember that we all live here' in Kessel.",
    ],
)
def test_page_talk_leaves_the_news_and_the_speakers_words(text: str) -> None:
    assert not talks_as_page(text)


def test_page_talk_an_adverts_or_a_players_label_before_a_sentence() -> None:
    text = "Advertisement The boy from Kessel was taken to hospital on Tuesday."
    assert text[furniture_lead(text) :] == "The boy from Kessel was taken to hospital on Tuesday."
    text = "EMBED >More News Videos A man was shot at the Vellmar depot."
    assert text[furniture_lead(text) :] == "A man was shot at the Vellmar depot."
    text = "Share A memorial was set up in Kessel for the three officers."
    assert text[furniture_lead(text) :] == "A memorial was set up in Kessel for the three officers."
    assert furniture_lead("Advertisers paid for the Vellmar fair this year.") == 0
    assert furniture_lead("Related charges were filed in Kessel on Monday.") == 0


def _by_the_patterns(text: str) -> bool:
    """:func:`talks_as_page` as its patterns alone say it (each run over the whole text)."""
    bare = pt._QUOTED.sub(" ", text)
    if pt._PAGE.search(bare) or pt._CALL.match(text):
        return True
    personal = bool(
        pt._YOU.search(bare)
        or pt._WE.search(bare)
        or any(map(pt._first_person, pt._I.finditer(bare)))
    )
    # the writer's own saying ("I can tell you") is no speaker's
    return personal and not pt._SPEAKS.search(pt._SELF_SAYS.sub(" ", bare))


@pytest.mark.parametrize(
    "text",
    [
        "We're sorry, the Kessel depot is closed.",
        "Well, You can see the bridge from Vellmar.",
        "If Your van was towed in Kessel, phone the depot.",
        "Yourself and two friends crossed the bridge.",
        "The youth of Vellmar met at the hall.",
        "I'm told the Vellmar depot burned.",
        "She paid for it herself, I think.",
        "Chapter I of the Kessel charter was read aloud.",
        "They toLD us the van was gone.",
        "They \u017faid we could wait by the Kessel bridge.",
        "Mayor Brandt ASKED me to stay in Vellmar.",
        "Ours is the last house on the Kessel road.",
        "The museum in Kessel holds my_grandfather's clock.",
        "Ms Brandt, said Reed, lent us the van.",
        "Reed says: you will see the van in Kessel.",
        "As the ferry's pilot for ten years, I can tell you the Kessel quay is unsafe.",
        "I told the Vellmar council, Reed said, that the quay was unsafe.",
    ],
)
def test_page_talk_reads_words_as_its_patterns_do(text: str) -> None:
    # the words read once (not each pattern run over the sentence): the same answers
    assert talks_as_page.__wrapped__(text) == _by_the_patterns(text)


def test_page_talk_a_players_label_left_after_its_tag_is_split_off() -> None:
    text = "/>More News Videos A man was shot at the Vellmar depot."
    assert text[furniture_lead(text) :] == "A man was shot at the Vellmar depot."


def test_page_talk_a_maps_caption_before_a_sentence() -> None:
    text = "Map of the coast showing the ferry routes: A storm closed the Kessel quay."
    assert text[furniture_lead(text) :] == "A storm closed the Kessel quay."
    assert furniture_lead("Photo shows the Kessel quay after the storm.") == 0
