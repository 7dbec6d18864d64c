"""Who a pronoun stands for when no name is at hand (story/summary/refer.py), and the
candidates those rules let stand alone."""

from __future__ import annotations

import pytest

from storyline.model import Span
from storyline.story.summary.refer import (
    counted_group,
    described_group,
    described_subject,
    expletive,
    named_event,
    resolved_within,
)
from tests.test_summary_candidates import _texts


@pytest.mark.parametrize(
    ("previous", "pronoun", "expected"),
    [
        (
            "The mother of a 4-year-old girl who found a gun has been charged.",
            "She",
            "The mother of a 4-year-old girl",
        ),
        ("A 25-year-old man was arrested in Vellmar on Tuesday.", "He", "The 25-year-old man"),
        ("The suspect, Tomas Reed, fled on foot.", "She", None),  # the name is the person
        ("The driver of the van was taken to hospital.", "He", "The driver of the van"),
        # a pronoun that does not agree, or a sentence that opens on no person
        ("The mother of a 4-year-old girl has been charged.", "He", None),
        ("A man was arrested in Vellmar on Tuesday.", "She", None),
        ("The shooting happened on Elm Street.", "He", None),
        ("Police said the girl was shot in the torso on Sunday.", "She", "The girl"),
        ("Police said that a man ran.", "He", "The man"),
        ("Police said the man ran.", "She", None),
        ("Police arrested the man on Sunday.", "He", None),
        (
            "Kessel deputies are investigating how a teenage boy drowned near the pier.",
            "His",
            None,
        ),
        (
            "Kessel deputies are investigating how a teenage boy drowned near the pier.",
            "He",
            "The teenage boy",
        ),
        ("Police are investigating the man who fled.", "He", None),
    ],
)
def test_summary_refer_the_person_the_sentence_before_describes(
    previous: str, pronoun: str, expected: str | None
) -> None:
    assert described_subject(previous, pronoun) == expected


def test_summary_refer_a_pronoun_after_a_description_it_agrees_with() -> None:
    assert resolved_within("Police allege the teen was driving by when he opened fire")
    assert resolved_within("The friend said he received a call from ")
    assert not resolved_within("Police said he fired the shots")
    assert not resolved_within("The man said she fired the shots")  # "she" is no "man"
    assert not resolved_within("The victims said he ran")
    assert resolved_within("Sunday, investigators told reporters that they ")
    assert resolved_within("Three people are dead after they ")
    assert not resolved_within("The man told reporters that they ")
    assert not resolved_within("One of the teens told police that they ")
    assert not resolved_within("According to a police spokesperson, she ")
    assert not resolved_within("One of the witnesses told reporters she ")
    assert resolved_within("Police allege that a man shot at the house of a friend before he ")


def test_summary_refer_an_it_that_stands_for_nothing() -> None:
    assert expletive("It remained unclear Monday how the child was shot.")
    assert expletive("It was not immediately clear what led to the shooting.")
    assert not expletive("It happened in the 500 block of Elm Street.")
    assert not expletive("It was unclear.")


def test_summary_candidates_she_after_a_described_mother_is_the_mother() -> None:
    text = (
        "VELLMAR - The mother of a 9-year-old boy who shot himself has been charged, "
        "according to Police Chief Tomas Reed. "
        "She is expected to turn herself in to the Vellmar police on Wednesday."
    )
    assert (
        "The mother of a 9-year-old boy is expected to turn herself in to the Vellmar police "
        "on Wednesday." in _texts(text)
    )


def test_summary_candidates_a_pronoun_after_the_person_it_agrees_with_stands() -> None:
    text = "Police allege the teen was driving down Elm Street in Vellmar when he opened fire."
    assert _texts(text) == [text]
    assert _texts("Police allege he was driving down Elm Street in Vellmar when he fired.") == []


def test_summary_candidates_an_it_standing_for_nothing_opens_a_sentence() -> None:
    text = "It remained unclear on Monday how the child in Vellmar was shot."
    assert _texts(text) == [text]
    # an "it" that stands for the event is no expletive: it is named (below)
    assert _texts("It was a cold night in the 500 block of Elm Street in Vellmar.") == []


def test_summary_candidates_a_sentence_cut_before_its_last_words_is_rejoined() -> None:
    text = (
        "Police say the shooting in Vellmar was accidental and happened near 75th and "
        "State Avenue. The boy is in critical condition at a hospital in Kessel."
    )
    cut = text.index("State")
    spans = (
        Span(0, cut - 1),
        Span(cut, text.index(" The boy")),
        Span(text.index("The boy"), len(text)),
    )
    assert _texts(text, spans) == [
        text[: text.index(" The boy")],
        "The boy is in critical condition at a hospital in Kessel.",
    ]
    # a short sentence after a whole one stays apart (and too short to stand alone)
    whole = "Police in Vellmar say the shooting was an accident. Nobody was hurt."
    spans = (Span(0, whole.index(" Nobody")), Span(whole.index("Nobody"), len(whole)))
    assert _texts(whole, spans) == [whole[: whole.index(" Nobody")]]


def test_summary_candidates_a_role_one_report_gives_names_the_description_in_another() -> None:
    from storyline.story.summary.refer import role_holder
    from storyline.story.summary.sentences import find_candidates
    from tests.test_summary import art

    titled = art("a", "Vellmar Mayor Ilsa Brandt opened the new dam above the town on Monday.")
    plain = art(
        "b",
        "Brandt spoke to Tomas Reed in Kessel. The Vellmar mayor later rejected the plan "
        "for a second dam as too costly.",
    )
    other = art("c", "Kessel Mayor Tomas Reed said the dam would not hold for long.")

    def texts(items: list[object]) -> list[str]:
        holder = role_holder(items, lambda _a, n: n)  # type: ignore[arg-type]
        return [c.text for c in find_candidates(plain, lambda _a, n: n, {}, {}, holder)]

    # named as the report writes her: its citation holds the name the sentence shows
    expected = "Brandt later rejected the plan for a second dam as too costly."
    assert expected in texts([titled, plain])
    assert expected not in texts([plain])  # no report titles her
    # two people the reports call a mayor, but only one a Vellmar mayor
    assert expected in texts([titled, plain, other])


def test_summary_support_a_surname_after_a_full_stop_is_no_other_first_name() -> None:
    from storyline.story.summary.support import _surname_alone

    assert _surname_alone("Ilsa Brandt", "The dam is in Vellmar. Brandt left on Monday.")
    assert not _surname_alone("Ilsa Brandt", "Vellmar Brandt left on Monday.")


def test_summary_edit_a_cut_never_leaves_a_subject_with_its_relative_clause_open() -> None:
    from storyline.story.summary.edit import clip

    text = (
        "The 17-year-old suspect, whose name was not released because he is charged as a "
        "juvenile, faces one count of aggravated battery with a handgun in connection with "
        "the June 6 shooting in the 2100 block of North Bingham Street in Vellmar."
    )
    assert clip(text) is None
    done = (
        "Police arrested a 17-year-old man in Vellmar, who was released because he is a "
        "juvenile and the prosecutor did not file charges in connection with the June 6 "
        "shooting in the 2100 block of North Bingham Street on the east side of the town."
    )
    assert clip(done) == "Police arrested a 17-year-old man in Vellmar, who was released."


def test_summary_candidates_a_name_a_source_is_given_by_is_not_the_subject() -> None:
    text = (
        "A man was shot dead in Vellmar, according to Tomas Reed. "
        "He lived in the 4500 block of Elm Street in Vellmar."
    )
    assert not any(t.startswith("Tomas Reed lived") for t in _texts(text))
    named = "Tomas Reed was shot in Vellmar, police said. He lived on Elm Street in Vellmar."
    assert "Tomas Reed lived on Elm Street in Vellmar." in _texts(named)


def test_summary_candidates_a_heading_run_into_the_sentence_after_it_is_cut_off() -> None:
    from dataclasses import replace

    from storyline.model import Boilerplate
    from storyline.story.summary.sentences import find_candidates
    from tests.test_summary import art

    text = (
        "Tomas Reed spoke in Vellmar on Monday.\n\nGang ties in Kessel case\n\n"
        "Two men from Kessel were arrested on Monday and charged with the murder in Vellmar."
    )
    heading = text.index("Gang")
    item = art("a", text)
    analysis = replace(
        item.analysis,
        sentences=(Span(0, heading - 2), Span(heading, len(text))),
        boilerplate=(Boilerplate(Span(heading, heading + 24), "subheading"),),
    )
    texts = [
        c.text for c in find_candidates(replace(item, analysis=analysis), lambda _a, n: n, {}, {})
    ]
    assert texts[-1] == text[text.index("Two men") :]


@pytest.mark.parametrize(
    ("sentence", "before", "expected"),
    [
        (
            "It happened at about 3 a.m. Friday close to the 700 block of Birch Lane.",
            "Vellmar police are looking into an accidental shooting that hurt a boy. He is fine.",
            "The shooting happened at about 3 a.m. Friday close to the 700 block of Birch Lane.",
        ),
        (
            "This happened outside a bakery on Quay Street.",
            "Two men were hurt in the stabbings on the quay. Police want to hear from you.",
            "The stabbings happened outside a bakery on Quay Street.",
        ),
        (
            "This incident began with a quarrel in the parking lot of a diner.",
            "An officer was shot.",
            "The incident began with a quarrel in the parking lot of a diner.",
        ),
        # no event named before: the incident; a verb "fire" names none
        (
            "It occurred near a farm north of Kessel.",
            "A man opened fire on a tractor.",
            "The incident occurred near a farm north of Kessel.",
        ),
        # not a sentence of when or where an event took place
        ("It was the third in a month.", "A shooting in Vellmar.", None),
        ("It happens every summer.", "A shooting in Vellmar.", None),
    ],
)
def test_summary_refer_an_it_that_stands_for_the_event_is_named(
    sentence: str, before: str, expected: str | None
) -> None:
    assert named_event(sentence, before) == expected


def test_summary_candidates_it_happened_tells_where_the_named_event_happened() -> None:
    text = (
        "A girl was hurt in a shooting at a barbecue in Vellmar. "
        "It happened around midnight on Saturday in the 300 block of Elm Street."
    )
    assert "The shooting happened around midnight on Saturday in the 300 block of Elm Street." in (
        _texts(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "The 15-year-old accused of shooting his cousin appeared in court on Tuesday.",
        "The girl and her 6-year-old sister were sitting in a parked van when they heard shots.",
        "A teenage boy shot his 17-year-old girlfriend inside their Kessel flat, police said.",
        "A 9-year-old is recovering after he was shot by his older brother in their home.",
    ],
)
def test_summary_refer_an_age_is_a_person_and_they_may_be_two_people_described(
    text: str,
) -> None:
    assert resolved_within(text)
    assert _texts(text) == [text]


def test_summary_refer_they_needs_two_people_as_subjects() -> None:
    assert not resolved_within("They were shot in the 600 block of Elm Street.")
    assert not resolved_within("Near the man and his wife they found a gun.")
    # an age before the person's noun is a modifier: the description keeps the noun
    assert described_subject("The 19-year-old man was stabbed on Elm Street.", "He") == (
        "The 19-year-old man"
    )


@pytest.mark.parametrize(
    ("previous", "expected"),
    [
        ("Four men were hurt in a shooting on Elm Street in Vellmar.", "The four men"),
        ("Two young women were taken to hospital in Kessel.", "The two young women"),
        # a part of a group: a "They" after it may be the whole group
        ("Two of the victims went to hospital in Kessel.", None),
        ("Three bodies were found in a car near Kessel.", None),  # no people's noun
        ("The family of Tomas Reed mourned him in Kessel.", None),  # not counted
    ],
)
def test_summary_refer_they_after_a_counted_group(previous: str, expected: str | None) -> None:
    assert counted_group(previous) == expected


def test_summary_candidates_they_after_a_counted_group_is_the_group() -> None:
    text = (
        "Four men were hurt in a shooting in Vellmar on Tuesday. "
        "They were standing outside a shop in the 500 block of Elm Street."
    )
    assert "The four men were standing outside a shop in the 500 block of Elm Street." in _texts(
        text
    )
    alone = "Police came to Elm Street. They were standing outside a shop in Vellmar."
    assert not any(t.startswith(("They", "The")) for t in _texts(alone))


def test_summary_candidates_a_run_of_sentences_on_one_pronoun_is_followed_back() -> None:
    text = (
        "The girl was struck by stray gunfire on Elm Street in Vellmar. "
        "She was taken to the Vellmar children's hospital with grave injuries. "
        "She was sent home from the hospital on Sunday."
    )
    assert "The girl was sent home from the hospital on Sunday." in _texts(text)
    # a pronoun that changes ends the run: "He" is not the girl
    other = text.replace("She was sent", "He was sent")
    assert not any(t.endswith("on Sunday.") for t in _texts(other))


@pytest.mark.parametrize(
    ("previous", "expected"),
    [
        ("The family of Tomas Reed, 17, grieved for him in Vellmar.", "The family of Tomas Reed"),
        (
            "The bodies of two people found in a van near Kessel were named.",
            "The bodies of two people",
        ),
        ("Police said the victims were taken to hospital in Kessel.", "The victims"),
        # a count is counted_group's; an apposition says who they are; no group noun
        ("The two victims were taken to hospital in Kessel.", None),
        ("The victims, two brothers from Kessel, were taken to hospital.", None),
        ("The council met in Vellmar on Tuesday.", None),
    ],
)
def test_summary_refer_they_after_a_described_group(previous: str, expected: str | None) -> None:
    assert described_group(previous) == expected


def test_summary_refer_another_after_a_count_of_people_is_a_person() -> None:
    assert resolved_within("Two people died and another is in hospital with her son in Kessel ")
    assert resolved_within(
        "One 16-year-old was killed and another hurt when a man shot at their car"
    )
    assert not resolved_within("Two houses burned and another is damaged, her neighbor said")


def test_summary_refer_an_age_written_with_spaces_is_a_person() -> None:
    assert resolved_within("Rangers say a 15 year old was hurt on Sunday when his rifle burst")


def test_summary_candidates_they_after_a_family_is_the_family() -> None:
    text = (
        "The family of Tomas Reed, 17, grieved for the teen in Vellmar. "
        "They gathered at Elm Park on Saturday evening to release balloons."
    )
    assert (
        "The family of Tomas Reed gathered at Elm Park on Saturday evening to release balloons."
        in _texts(text)
    )


def test_summary_candidates_a_possessive_opening_is_the_person_before() -> None:
    text = (
        "The coroner said Ilsa Brandt died of a gunshot wound in Vellmar. "
        "Her sister, Tomas Reed, said Brandt was laid to rest in Kessel on Friday morning."
    )
    assert (
        "Ilsa Brandt’s sister, Tomas Reed, said Brandt was laid to rest in Kessel on Friday "
        "morning." in _texts(text)
    )
    alone = "The shop in Vellmar was closed. Her sister said the shop will open again in June."
    assert not any(t.startswith(("Her", "The shop’s")) for t in _texts(alone))
    # a name that is not released is no one's to give
    unnamed = "The coroner said Ilsa Brandt died in Vellmar. Her name was not released until May."
    assert not any("name was not" in t for t in _texts(unnamed))
    # two people named before: whose sister is unclear
    two = (
        "Ilsa Brandt and Tomas Reed were hurt in Vellmar. "
        "Her sister said the two were driving home to Kessel on Friday night."
    )
    assert not any("sister said" in t for t in _texts(two))


def test_summary_candidates_a_pronoun_after_a_lead_in_is_the_person_before() -> None:
    text = (
        "Tomas Reed, 31, was charged with murder after the shooting in Vellmar. "
        "In court on Thursday, he was given two weeks to hire a lawyer."
    )
    assert "In court on Thursday, Tomas Reed was given two weeks to hire a lawyer." in _texts(text)


def test_summary_candidates_a_lead_in_on_asked_points_to_the_name_after_it() -> None:
    text = "Asked on Friday about his ruling on the bail, Judge Ilsa Brandt said it was final."
    assert _texts(text) == [text]
    # a place named inside a lead-in is not the name the pronoun points to
    place = "Leaving her Vellmar home on Tuesday night, Ilsa Brandt told reporters she will sue."
    assert _texts(place) == [place]


def test_summary_candidates_a_dash_or_station_tag_before_a_sentence_is_dropped() -> None:
    text = "(WKXN) - On Saturday night, a hunting accident in Vellmar took the life of a young man."
    assert _texts(text) == [text.removeprefix("(WKXN) - ")]
    dash = (
        "- The sister of 19 year old Tomas Reed said her brother was shot in Vellmar on Saturday."
    )
    assert _texts(dash) == [dash.removeprefix("- ")]


def test_summary_candidates_it_is_not_yet_clear_is_written_out() -> None:
    text = "But it's not yet clear what set off the shooting on Elm Street in Vellmar on Monday."
    assert _texts(text) == [
        "It is not yet clear what set off the shooting on Elm Street in Vellmar on Monday."
    ]


def test_summary_candidates_a_name_the_finder_missed_opening_a_sentence_is_its_subject() -> None:
    text = "Reedholt was arrested on Friday after he ran from the house and hid in a shed."
    assert _texts(text) == [text]
    assert _texts("Police say he ran from the house on Friday and hid in a shed.") == []
    # a possessive is as often another person's: a spokesman "would not give his condition"
    assert _texts("Reedholt was not able to give his condition on Friday at the house.") == []
    assert _texts("All died of their wounds on Friday at the house, he said.") == []


def test_summary_refer_a_possessive_joined_to_a_description_is_that_persons() -> None:
    assert resolved_within("Rangers raised the reward in the arrest of a father and his son ")
    assert not resolved_within("Rangers raised the reward in the arrest of a father and of his ")
    assert not resolved_within("Rangers raised the reward in the case of a boy and her ")


def test_summary_candidates_a_pronoun_in_a_lead_in_points_to_the_person_described_after() -> None:
    text = "According to her son, the woman had surgery in Kessel and is now awake and talking."
    assert _texts(text) == [text]
    other = "According to her son, the man had surgery in Kessel and is now awake and talking."
    assert _texts(other) == []


def test_summary_refer_a_group_of_volunteers_or_mourners_goes_without_an_article() -> None:
    assert resolved_within("Volunteers came out to clean up their park in Vellmar on Sunday")
    assert resolved_within("Mourners lit candles for their friend outside the school in Kessel")
    # a "them" after a bare plural is what they act on as often as the group itself
    assert not resolved_within("Organizers will sell them at the game in Kessel on Monday")


def test_summary_refer_a_person_described_by_a_possessive_is_a_description() -> None:
    assert resolved_within("A man and his ex-wife argued before she drove to her house in Kessel")
    assert not resolved_within("A man argued with the landlord before he drove to her house")


def test_summary_candidates_a_time_ago_is_a_lead_in() -> None:
    text = (
        "Ilsa Brandt and her husband live in Vellmar with their three sons. "
        "Two weeks ago, she nearly lost her life in a shooting on Elm Street."
    )
    assert "Two weeks ago, Ilsa Brandt nearly lost her life in a shooting on Elm Street." in _texts(
        text
    )


def test_summary_candidates_a_call_the_sentence_says_which_stands_alone() -> None:
    text = "The call about the fire on Elm Street reached us at 9:10 p.m., police said."
    assert _texts(text) == [text]
    assert _texts("The call came in at 9:10 p.m. from a house on Elm Street, police said.") == []


def test_summary_candidates_a_link_in_brackets_is_taken_out() -> None:
    text = "Sheriff Tomas Reed told the Vellmar Post (http://example.com/x ) the girl shot herself."
    assert _texts(text) == ["Sheriff Tomas Reed told the Vellmar Post the girl shot herself."]


def test_summary_candidates_a_closing_mark_run_onto_the_next_sentence_is_left_off() -> None:
    text = (
        'Her neighbor said, "He was like a son to all of us on this street. '
        '"Police said older boys were playing with a rifle in Vellmar when it went off.'
    )
    assert "Police said older boys were playing with a rifle in Vellmar when it went off." in (
        _texts(text)
    )
    assert resolved_within("Two people were shot in Kessel, one of them fatally, on Friday")


def test_summary_candidates_both_and_a_noun_for_people_stands_alone() -> None:
    text = "Both parents waived their first hearing in the Vellmar district court on Monday."
    assert _texts(text) == [text]
    assert _texts("Both were taken to the Vellmar district court on Monday by deputies.") == []


def test_summary_refer_a_mans_or_womans_noun_after_a_preposition_agrees_with_his_or_her() -> None:
    text = (
        "A man had quarrelled for months with his ex-wife over the land before he drove "
        "to her cottage near Vellmar."
    )
    assert resolved_within(text)
    assert resolved_within("One woman said she heard the shots from the Kessel depot.")
    # a person of either sex after a preposition still is no antecedent
    assert not resolved_within("According to a spokesperson, her condition is stable")
    # nor is a man's noun that of a speaker told by the sentences around
    assert not resolved_within("Police spoke to a man at the depot for an hour, he said.")


def test_summary_candidates_a_possessive_opening_with_the_name_in_apposition() -> None:
    text = (
        "The depot in Vellmar was closed after the shooting. "
        "Her cousin, Tomas Reed, said Brandt was laid to rest in Kessel on Friday morning."
    )
    assert "Tomas Reed said Brandt was laid to rest in Kessel on Friday morning." in _texts(text)
    # no name in apposition: no one to give it to
    bare = "The shop in Vellmar was closed. Her cousin, a baker, said the shop will open in June."
    assert not any("said the shop" in t for t in _texts(bare))


def test_summary_candidates_the_last_line_that_ends_as_a_sentence() -> None:
    text = (
        "Filed: 03/02/2016 9:10 AM Vellmar Post\n\nBy: Ilsa Brandt\n\n"
        "Kessel police say the fire at the mill on Sunday was an accident.\n\nAt 9:40 a.m."
    )
    assert _texts(text, (Span(0, len(text)),)) == [
        "Kessel police say the fire at the mill on Sunday was an accident."
    ]


def test_summary_candidates_a_his_with_no_one_before_it_is_the_one_person_named_before() -> None:
    text = (
        "Deputy Ilsa Brandt was killed on duty in Vellmar on Saturday. "
        "A long procession of patrol cars escorted his coffin home to Kessel on Monday."
    )
    assert (
        "A long procession of patrol cars escorted Ilsa Brandt’s coffin home to Kessel on Monday."
        in _texts(text)
    )
    two = (
        "Ilsa Brandt and Tomas Reed were hurt in Vellmar on Saturday. "
        "A long procession of patrol cars escorted his coffin home to Kessel on Monday."
    )
    assert not any("coffin" in t for t in _texts(two))


def test_summary_candidates_a_his_after_someone_in_its_own_sentence_is_not_given_away() -> None:
    for second in (
        "One of the officers drew his rifle at the gate of the Kessel depot on Monday.",
        "Reed said his uncle was at the gate of the Kessel depot on Monday morning.",
        "Relatives say Tomas was at the Kessel depot with his uncle on Monday night.",
    ):
        text = "Deputy Ilsa Brandt was killed on duty in Vellmar on Saturday. " + second
        assert not any("Brandt’s" in t for t in _texts(text))


def test_summary_candidates_a_missed_name_that_died_owns_the_his_after_it() -> None:
    text = "Ravno passed away at his farm outside Vellmar after a hunting accident on Friday."
    assert _texts(text) == [text]
    other = "Ravno passed away at his farm after her rifle went off near Vellmar on Friday."
    assert _texts(other) == []


def test_summary_refer_the_subject_set_last_after_a_place() -> None:
    assert described_subject("Inside the first van was the 6-year-old boy.", "He") == (
        "The 6-year-old boy"
    )
    assert described_subject("Among the hurt was a woman from Kessel.", "She") is None
    text = "Inside the first van was the 6-year-old boy. He was in surgery again on Monday."
    assert "The 6-year-old boy was in surgery again on Monday." in _texts(text)


def test_summary_candidates_that_person_is_the_person_described_before() -> None:
    text = (
        "Vellmar police told reporters that a neighbor had not seen the family for a week. "
        "That person went to the house on Sunday and found the door open."
    )
    assert "The neighbor went to the house on Sunday and found the door open." in _texts(text)
    assert described_subject("Kessel police said a man was shot at the depot.", "He") == "The man"
    alone = "The depot in Kessel was closed. That person went to the house on Sunday at noon."
    assert not any("went to the house" in t for t in _texts(alone))


def test_summary_candidates_a_he_chain_runs_through_a_sentence_opening_on_lead_ins() -> None:
    text = (
        "Tomas Reed, 40, was charged with arson in Vellmar on Monday. "
        "As he was led into the Kessel court, in chains, he did not speak to reporters. "
        "He is due back before the judge in March."
    )
    assert "Tomas Reed is due back before the judge in March." in _texts(text)


def test_summary_candidates_he_after_a_sentence_telling_where_it_happened() -> None:
    text = (
        "Tomas Reed was cleaning his rifle at the Kessel range when it went off. "
        "The shooting happened on the range near Vellmar late on Friday night. "
        "He was flown to the Vellmar clinic, where he died early on Saturday."
    )
    assert "Tomas Reed was flown to the Vellmar clinic, where he died early on Saturday." in _texts(
        text
    )


def test_summary_candidates_he_after_an_office_as_the_source_is_the_person_named() -> None:
    from dataclasses import replace

    from storyline.model import Mention, Quote, Span
    from storyline.story.summary.sentences import find_candidates
    from tests.test_summary import art

    text = (
        "The teen, identified as Tomas Reed, was pronounced dead at noon, according to "
        "the Vellmar County medical examiner's office. He lived two doors down from the "
        "corner shop."
    )
    item = art("a", text)
    at = text.index("Vellmar County")
    office = Span(at, at + len("Vellmar County"))
    said = Quote(
        Span(0, text.index(", according")), "", "indirect", "Vellmar County", office, "according to"
    )
    county = Mention(office, "Vellmar County", "GPE", "Vellmar County")
    analysis = replace(item.analysis, quotes=(said,), entities=(*item.analysis.entities, county))
    found = [
        c.text for c in find_candidates(replace(item, analysis=analysis), lambda _a, n: n, {}, {})
    ]
    assert "Tomas Reed lived two doors down from the corner shop." in found
