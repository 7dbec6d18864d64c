"""Which sentences can stand alone in a summary (story/summary/sentences.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.model import Span
from storyline.story.summary.sentences import find_candidates
from tests.test_summary import art


def _texts(text: str, spans: tuple[Span, ...] | None = None) -> list[str]:
    item = art("a", text)
    if spans is not None:
        item = replace(item, analysis=replace(item.analysis, sentences=spans))
    return [c.text for c in find_candidates(item, lambda _a, n: n, {}, {})]


def test_summary_candidates_a_link_line_run_into_a_sentence_is_cut_off() -> None:
    text = "[Dam at Kessel inspected]\n\nIlsa Brandt on Tuesday announced the closing of the dam."
    assert _texts(text, (Span(0, len(text)),)) == [
        "Ilsa Brandt on Tuesday announced the closing of the dam."
    ]


def test_summary_candidates_a_pronoun_in_a_lead_in_points_to_the_name_after_it() -> None:
    text = "Appearing with his lawyer, Tomas Reed gave himself up to the police in Vellmar."
    assert _texts(text) == [text]
    lent = "After his lawyer spoke, the police in Vellmar let the two men go home."
    assert _texts(lent) == []


def test_summary_candidates_police_said_they_is_the_police() -> None:
    text = "Police said they got the call of shots fired in Vellmar late on Tuesday."
    assert _texts(text) == [text]
    assert _texts("Police said he fired the shots in Vellmar late on Tuesday.") == []


def test_summary_support_a_surname_alone_is_the_person_only_when_no_one_else_has_it() -> None:
    from storyline.story.summary.support import _surname_alone

    assert _surname_alone("Ilsa Brandt", "Mayor Brandt said so. Brandt left. I. Brandt came.")
    assert not _surname_alone("Amyira Felder", "Her father, Ronald Felder, was found dead.")


def test_summary_candidates_a_whole_sentence_on_the_first_of_two_lines_is_the_sentence() -> None:
    text = "Ilsa Brandt reached the dam above Kessel around 8 p.m.\n\nThat is where it broke."
    assert _texts(text, (Span(0, len(text)),)) == [
        "Ilsa Brandt reached the dam above Kessel around 8 p.m."
    ]


def test_summary_candidates_a_sentence_full_of_names_is_no_heading() -> None:
    from storyline.story.summary.sentences import readable

    text = "Tomas Reed was arraigned Thursday in Vellmar District Court in Kessel."
    assert not readable(text) and readable(text, named=4)
    assert not readable("Vellmar Police Arrest Kessel Man In Dornach Shooting Case.", named=3)


def test_summary_support_a_spelling_keeps_the_last_word_of_the_name() -> None:
    from storyline.story.summary.support import _spelled

    text = "the north las vegas police said on saturday."
    assert not _spelled("North Las Vegas Police Department", text, ["north las vegas police"])
    assert _spelled("Vellmar Town Council", "the vellmar council met.", ["vellmar council"])


def test_summary_candidates_a_photo_credit_run_into_a_sentence_is_debris() -> None:
    from storyline.story.summary.sentences import readable

    assert not readable("Gary Marks/GM Video Productions The shooting happened in a home.")
    assert readable("The shooting happened in a home on Walnut Street in Vellmar.")


def test_summary_candidates_the_incident_is_told_but_never_leads() -> None:
    from tests.test_summary import run

    main = "Floodwater swept through the river town of Vellmar on Sunday after days of rain."
    after = "The incident left the old market square of Vellmar under a metre of mud and silt."
    items = [art("a", f"{after} {main}"), art("b", main.replace("days", "three days"))]
    texts = [s.text for s in run(items)]
    assert after in texts and texts[0] != after


def test_summary_candidates_names_found_by_position_in_or_out_of_order() -> None:
    # The names of each sentence are found by position among the report's cited names;
    # entities listed out of text order are read whole. Either way, the same names, in
    # the same order, as a scan of every entity.
    from storyline.model import Mention
    from storyline.story.summary.sentences import _Names

    text = "Ada Lind met Bo Kerr. Cy Moss spoke. Ada Lind left Vellmar with Dee Rask."
    found = []
    for part in ("Ada Lind", "Bo Kerr", "Cy Moss", "Vellmar", "Dee Rask"):
        start = text.find(part, found[-1].span.end if found else 0)
        label = "GPE" if part == "Vellmar" else "PERSON"
        found.append(Mention(Span(start, start + len(part)), part, label, part.lower()))
    item = art("a", text)
    sentences = [Span(0, 20), Span(21, 36), Span(37, len(text))]
    for entities in (found, found[::-1]):
        item = replace(item, analysis=replace(item.analysis, entities=tuple(entities)))
        names = _Names(item)
        for span in sentences:
            want = [
                m.key
                for m in entities
                if m.label in ("PERSON", "GPE") and span.start <= m.span.start < span.end
            ]
            got = names.names_in(span, lambda _a, n: n, {})
            assert got == set(want)
            assert names.words_in(span) == sum(len(k.split()) for k in want)
        assert names.persons_in({"ada lind", "vellmar"}) == {"ada lind"}


def test_summary_candidates_a_sentence_after_a_closing_quotation_is_its_own() -> None:
    # the splitter ran a quotation and the sentence after it into one span
    text = "“We want to know what happened.” Vellmar police gave no details on Monday."
    assert _texts(text, (Span(0, len(text)),))[-1] == ("Vellmar police gave no details on Monday.")
    lines = "“We want to know what happened.”\n\nVellmar police gave no details on Monday."
    assert _texts(lines, (Span(0, len(lines)),))[-1] == (
        "Vellmar police gave no details on Monday."
    )
    # a quotation that opened in the sentence before closes at the mark left at the start
    stray = (
        "Ilsa Brandt said: “It is a loss to the town of Kessel. "
        "It could have been prevented.” Tomas Reed was charged in Vellmar on Sunday."
    )
    cut = stray.index("It could")
    spans = (Span(0, cut - 1), Span(cut, len(stray)))
    assert "Tomas Reed was charged in Vellmar on Sunday." in _texts(stray, spans)


def test_summary_candidates_a_nickname_or_a_teaser_is_no_sentence_end() -> None:
    from storyline.story.summary.sentences import _pieces

    nick = "Police said Tomas Reed shot James “J.R.” Brandt, 13, at a home in Kessel."
    assert _pieces(nick, Span(0, len(nick))) == [Span(0, len(nick))]
    teaser = "The mayor of Kessel spoke on the...\n\nA dam in Vellmar was opened on Friday."
    assert _pieces(teaser, Span(0, len(teaser))) == [Span(0, len(teaser))]
    links = "Dam opens.\n\nMayor speaks.\n\nTown votes."
    assert _pieces(links, Span(0, len(links))) == [Span(0, len(links))]


def test_summary_candidates_no_cut_inside_a_time_expression() -> None:
    from storyline.story.summary.sentences import _pieces

    text = "Tomas Reed was shot around 7 p.m.\n\nOn Monday, his family met in Kessel."
    at = text.index("7 p.m.")
    assert len(_pieces(text, Span(0, len(text)))) == 2
    assert _pieces(text, Span(0, len(text)), [Span(at, text.index(","))]) == [Span(0, len(text))]


def test_summary_edit_an_outlet_covering_the_story_is_link_bait() -> None:
    from storyline.story.summary.edit import is_link_bait

    assert is_link_bait("Channel 9 is covering this story and will have more tonight.")
    assert not is_link_bait("Tomas Reed is covering the costs of the funeral in Kessel.")


def test_summary_candidates_a_short_sentence_a_name_opens_on_a_verb_stands() -> None:
    text = "Two men were hurt in the shooting on Elm Street. Tomas Reed was released Thursday."
    assert "Tomas Reed was released Thursday." in _texts(text)
    assert "Released on Thursday, police said." not in _texts(
        "Two men were hurt in the shooting on Elm Street. Released on Thursday, police said."
    )


def test_summary_candidates_leave_out_what_speaks_to_the_reader_or_as_the_outlet() -> None:
    text = (
        "Tomas Reed was shot in the arm at the Vellmar depot on Tuesday night. "
        "If you saw the blue van near the depot, call the tip line at 555-0182. "
        "We will add to this report as the inquiry in Kessel goes on."
    )
    assert _texts(text) == ["Tomas Reed was shot in the arm at the Vellmar depot on Tuesday night."]


def test_summary_candidates_an_adverts_label_before_a_sentence_is_left_off() -> None:
    text = "Advertisement Tomas Reed was taken to the Kessel clinic with a wound to his leg."
    assert _texts(text) == ["Tomas Reed was taken to the Kessel clinic with a wound to his leg."]


def test_summary_candidates_an_age_in_months_or_a_male_is_the_person_a_his_stands_for() -> None:
    text = "A 10-month-old in Vellmar was hurt when his cousin knocked a rifle off a shelf."
    assert _texts(text) == [text]
    male = "A 26-year-old male from Kessel broke his ankle on a hike with a party of hunters."
    assert _texts(male) == [male]


def test_summary_candidates_a_sentence_cut_after_a_title_is_put_back_together() -> None:
    text = (
        "The girl was hurt in her hand at the Vellmar depot on Sunday night, Sgt. Ilsa Brandt said."
    )
    cut = text.index("Ilsa")
    spans = (Span(0, cut - 1), Span(cut, len(text)))
    assert _texts(text, spans) == [text]


def test_summary_candidates_he_after_a_name_the_finder_missed_opening_the_sentence() -> None:
    text = "Reedholt was held at the Kessel county jail. He was due in court in Vellmar on Monday."
    assert "Reedholt was due in court in Vellmar on Monday." in _texts(text)
    text = "Everyone was held at the Kessel county jail. He was due in court in Vellmar on Monday."
    assert "Everyone was due in court in Vellmar on Monday." not in _texts(text)


def test_summary_candidates_they_said_after_officials_is_the_officials() -> None:
    text = (
        "Police say a man was arrested after the shooting in Vellmar. "
        "They said Tomas Reed was charged in Kessel on Wednesday."
    )
    assert "Police said Tomas Reed was charged in Kessel on Wednesday." in _texts(text)
    text = (
        "Police say two men were shot at the Vellmar depot. "
        "They were taken to the Kessel clinic on Wednesday."
    )
    assert not any(t.startswith("Police were taken") for t in _texts(text))
    text = (
        "Police say a man was arrested after the shooting in Vellmar. "
        "They said he was charged in Kessel on Wednesday."
    )
    assert not any(t.startswith("Police said he") for t in _texts(text))
    text = (
        "The dog ran off with the bag at the Vellmar depot, said Sgt. "
        "Ilsa Brandt, a spokeswoman for the Kessel police."
    )
    cut = text.index("Ilsa")
    assert _texts(text, (Span(0, cut - 1), Span(cut, len(text)))) == [text]


def test_summary_candidates_a_teaser_cut_off_by_an_ellipsis_is_no_sentence() -> None:
    text = "Ilsa Brandt was hurt in the spring of 2019 when the old dam above Kessel gave..."
    assert _texts(text) == []
    whole = "Ilsa Brandt was hurt in the spring of 2019 when the old dam above Kessel broke."
    assert _texts(whole) == [whole]


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Reed, who was held on the Kessel pier at about 9.",
        "The Vellmar ferry, which links the two harbour towns every hour.",
        "Regarding the vote for the Kessel harbour council.",
        "On a day when the ferries from Vellmar stopped for the storm.",
    ],
)
def test_summary_candidates_a_sentence_with_no_main_clause_is_left_out(text: str) -> None:
    assert _texts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested Tomas Reed, who was hiding in a shed near the Kessel pier.",
        "The ferry closed down, which angered the Vellmar council.",
        "Tomas Reed, who was 34, died at the Kessel clinic.",
    ],
)
def test_summary_candidates_a_sentence_with_a_main_clause_stays(text: str) -> None:
    assert _texts(text) == [text]


def test_summary_candidates_the_writers_own_saying_is_the_page() -> None:
    text = "As the ferry's pilot for ten years, I can tell you the Kessel quay is unsafe."
    assert _texts(text) == []


def test_summary_candidates_an_existential_there_stands_alone() -> None:
    vigil = "There will be a candlelight vigil for the two boys at the Kessel pier on Monday."
    assert _texts(vigil) == [vigil]
    assert _texts("There, the police found two rifles and a van from Vellmar.") == []
    assert _texts("There have been three in the Kessel harbour district this year.") == []


def test_summary_candidates_an_encyclopedias_note_marks_are_left_off() -> None:
    text = "[12] On May 3, 2019, about two hundred people gathered at the Kessel pier.[13]"
    assert _texts(text) == ["On May 3, 2019, about two hundred people gathered at the Kessel pier."]


def test_summary_candidates_the_reports_last_sentence_may_lack_its_stop() -> None:
    text = (
        "A ferry hand was hurt at the Kessel pier on Monday. Tomas Reed was charged "
        "with assault and was held without bail on Tuesday"
    )
    spans = (Span(0, 51), Span(52, len(text)))
    assert _texts(text, spans)[-1] == (
        "Tomas Reed was charged with assault and was held without bail on Tuesday."
    )
