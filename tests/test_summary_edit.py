"""Summary sentences that stand alone and read short (story/summary/edit.py)."""

from __future__ import annotations

from storyline.model import StoryEntity
from storyline.story.summary.edit import (
    MAX_WORDS,
    clip,
    introduce_names,
    is_link_bait,
    leans_on_quote,
    room_for_dates,
    without_figures,
    words,
)
from storyline.story.summary.text import numbers_in

LONG = (
    "The harbour authority closed the northern quay on Tuesday after a crane collapsed "
    "onto a moored cargo ship, which had arrived from Lisbon the night before and was "
    "still being unloaded by a crew of dockers working through the early shift."
)


def test_a_long_sentence_is_cut_at_a_clause() -> None:
    assert len(LONG.split()) > MAX_WORDS
    assert clip(LONG) == (
        "The harbour authority closed the northern quay on Tuesday after a crane "
        "collapsed onto a moored cargo ship."
    )


def test_a_short_sentence_is_kept_and_an_uncuttable_one_dropped() -> None:
    assert clip("The quay reopened on Friday.") == "The quay reopened on Friday."
    assert clip(" ".join(["word"] * 40) + ".") is None


def test_no_cut_inside_a_quotation() -> None:
    text = (
        '"We closed the quay, which we had never done before, and we will keep it shut '
        'until every crane is inspected by engineers from the ministry," the harbourmaster '
        "said on Tuesday, adding that ships would be sent to the southern port meanwhile."
    )
    cut = clip(text)
    assert cut is None or cut.count('"') % 2 == 0


def test_a_quotation_opening_on_a_pronoun_leans_back() -> None:
    assert leans_on_quote("“He was a beautiful kid,” his aunt said.")
    assert not leans_on_quote("“Ships will wait,” Mara Voss said.")


def test_a_title_and_surname_get_the_full_name_once() -> None:
    people = [StoryEntity("Mara Voss", "PERSON", ("Mara Voss", "Ms Voss"), ("a",))]
    texts = introduce_names(["Ms Voss's office closed the quay.", "Ms Voss said so."], people)
    assert texts == ["Mara Voss's office closed the quay.", "Ms Voss said so."]
    assert introduce_names(["Mara Voss spoke.", "Ms Voss left."], people)[1] == "Ms Voss left."


def test_the_repeated_figure_is_cut_away() -> None:
    text = (
        "Ferries began running again from the northern quay on Sunday, six days after "
        "a collapse that injured nine dockers."
    )
    cut = without_figures(text, frozenset({9.0}), numbers_in)
    assert cut == "Ferries began running again from the northern quay on Sunday."


def test_the_latest_development_is_told_and_the_main_event_leads() -> None:
    from storyline.model import Citation, StoryClaim, TimelineEntry
    from tests.test_summary import art, run

    flood = (
        "Floodwater killed nine people in the river town of Vellmar on Sunday, officials said. "
        "Rescue crews searched the river banks of Vellmar for missing people all night."
    )
    items = [
        art("a", flood, published="2025-03-02"),
        art("b", flood.replace("river town", "town"), published="2025-03-02"),
        art(
            "c",
            "Residents of Vellmar said the river had never risen so fast in living memory. "
            "Engineers from Dornach inspected the levee along the river on Monday. "
            "The old mill at Kessel, which stood empty, was said to be safe. "
            "Ilsa Brandt reopened the bridge at Vellmar to traffic on Wednesday.",
            published="2025-03-05",
        ),
    ]
    c = items[2].article.text
    reopen = c.index("Ilsa Brandt reopened")
    first = items[2].analysis.sentences[0]
    timeline = (
        TimelineEntry("2025-03-03", "day", "Residents said the river never rose so fast", ("c",),
                      citations=(Citation("c", first),)),
        TimelineEntry("2025-03-02", "day", "Floodwater killed nine people", ("a", "b"),
                      citations=(Citation("a", items[0].analysis.sentences[0]),)),
        TimelineEntry("2025-03-05", "day", "Ilsa Brandt reopened the bridge", ("c",),
                      citations=(Citation("c", next(s for s in items[2].analysis.sentences
                                                    if s.start == reopen)),)),
    )  # fmt: skip
    cites = tuple(Citation(i.article.id, i.analysis.sentences[0]) for i in items[:2])
    claim = StoryClaim("killed", 9, "flood", None, ("a", "b"), "exact", "people", 2, cites)
    summary = run(items, timeline=timeline, claims=(claim,), max_sentences=2)
    texts = [s.text for s in summary]
    assert any("reopened the bridge" in t for t in texts)  # the latest development
    assert "Floodwater killed nine" in texts[0]  # the main event first


def test_link_bait_is_not_news() -> None:
    assert is_link_bait("More pictures of the flooded harbour are on our site.")
    assert is_link_bait("Sign up for our morning newsletter to follow the story.")
    assert is_link_bait("Download our free app for live updates from Vellmar.")
    assert not is_link_bait("The harbour site was flooded on Sunday, the council said.")


def test_room_is_left_for_the_dates_of_relative_days() -> None:
    assert room_for_dates("The quay reopened on Friday after the storm of Monday.") == MAX_WORDS - 4
    assert room_for_dates("The quay reopened after the storm.") == MAX_WORDS
    assert room_for_dates("The quay shut overnight and reopened last night.") == MAX_WORDS - 4


def test_summary_edit_a_long_sentence_is_cut_before_a_conjunction_without_a_comma() -> None:
    from storyline.story.summary.edit import clip

    text = (
        "Ivan Jimenez, 29, was arrested Thursday and charged with attempted murder, assault, "
        "reckless endangerment and criminal possession of a weapon after he and two other men "
        "shot four people inside the bar on the corner of Fifth Avenue late on Saturday night."
    )
    assert clip(text) == (
        "Ivan Jimenez, 29, was arrested Thursday and charged with attempted murder, assault, "
        "reckless endangerment and criminal possession of a weapon."
    )


def test_summary_edit_a_long_sentence_with_no_comma_is_cut_before_whose_or_as_well_as() -> None:
    text = (
        "An inquiry was opened on Tuesday into the suspected arson of a warehouse whose roof "
        "was found collapsed in a heap of ash at the end of a lane in Vellmar near the old "
        "border with Kessel."
    )
    assert clip(text) == "An inquiry was opened on Tuesday into the suspected arson of a warehouse."
    plea = (
        "The court clerk in Kessel says the 17-year-old entered the equivalent of a guilty plea "
        "on Monday to the charge of reckless arson as well as a count of damaging evidence at "
        "the old mill in Vellmar."
    )
    assert clip(plea) == (
        "The court clerk in Kessel says the 17-year-old entered the equivalent of a guilty plea "
        "on Monday to the charge of reckless arson."
    )


def test_summary_edit_a_long_sentence_is_cut_before_as_opening_a_clause() -> None:
    text = (
        "A 15-year-old from Kessel was grazed on a hand on Sunday evening as a pickup drove "
        "slowly down the length of Mill Lane in Vellmar with two men in the back firing a "
        "rifle at the parked cars and the shop windows."
    )
    assert clip(text) == "A 15-year-old from Kessel was grazed on a hand on Sunday evening."


def test_summary_edit_no_cut_leaves_a_clause_opener_and_one_word() -> None:
    text = (
        "The fire began at about 6:15 p.m., when volunteers and deputies received a call from a "
        "woman who was worried about her neighbor at a farm on the county road east of the "
        "river, deputies said in a statement on Friday."
    )
    assert clip(text) is None  # not "The fire began at about 6:15 p.m., when volunteers."
    kept = (
        "The fire began at about 6:15 p.m. at a farm on the county road east of the river, "
        "when volunteers and deputies received a call from a woman who was worried about her "
        "neighbor and his two horses in the barn."
    )
    assert clip(kept) == (
        "The fire began at about 6:15 p.m. at a farm on the county road east of the river."
    )


def _brandt(articles: int, first: str = "Ilsa") -> StoryEntity:
    name = f"{first} Brandt"
    return StoryEntity(
        name, "PERSON", (name, "Brandt"), tuple(f"{first}{n}" for n in range(articles))
    )


def test_a_bare_surname_first_met_gets_the_full_name_once() -> None:
    people = [_brandt(3)]
    texts = ["Brandt was arrested on Friday at the ferry dock.", "Brandt denied the charge."]
    assert introduce_names(texts, people) == [
        "Ilsa Brandt was arrested on Friday at the ferry dock.",
        "Brandt denied the charge.",
    ]
    # told in full before: the surname stays; so in a quotation or after a first name
    told = ["Ilsa Brandt ran the ferry office.", "Brandt was arrested on Friday."]
    assert introduce_names(told, people) == told
    quoted = ['"Brandt ran past the gate," the guard said.']
    assert introduce_names(quoted, people) == quoted


def test_a_title_and_a_bare_surname_keep_the_title() -> None:
    people = [StoryEntity("Insp Ilsa Brandt", "PERSON", ("Insp Ilsa Brandt", "Brandt"), ("a",))]
    texts = ["Inspector Brandt said the quay would stay shut until Monday."]
    assert introduce_names(texts, people) == [
        "Inspector Ilsa Brandt said the quay would stay shut until Monday."
    ]


def test_a_shared_surname_goes_to_the_person_most_widely_reported() -> None:
    main, brother = _brandt(6), _brandt(2, "Oskar")
    texts = ["Brandt’s trial opened at the county court on Monday morning."]
    assert introduce_names(texts, [brother, main]) == [
        "Ilsa Brandt’s trial opened at the county court on Monday morning."
    ]
    close = _brandt(4, "Oskar")
    assert introduce_names(texts, [close, main]) == texts


def test_a_word_the_story_gives_a_place_is_no_surname() -> None:
    people = [StoryEntity("Harbor Vellmar", "PERSON", ("Harbor Vellmar", "Vellmar"), ("a",))]
    town = StoryEntity("Vellmar", "GPE", ("Vellmar",), ("a", "b"))
    texts = ["The ferry sailed from Vellmar on Tuesday with forty passengers."]
    assert introduce_names(texts, [*people, town]) == texts
    junior = StoryEntity("Tomas Reed Jr", "PERSON", ("Tomas Reed Jr", "Reed"), ("a",))
    assert introduce_names(["Reed was held overnight at the county jail."], [junior]) == [
        "Tomas Reed was held overnight at the county jail."
    ]


def test_no_cut_after_a_list_item() -> None:
    text = (
        "The ferry company said on Tuesday that the winter storm had badly damaged its four "
        "terminals in Vellmar, Ostrand, Kessel and Brandholm during the night."
    )
    assert clip(text, 22) is None  # not "... in Vellmar, Ostrand, Kessel."
    listed = (
        "Thieves broke into the jeweller on the quay and took gold rings, silver "
        "necklaces, pearl earrings worth 9,000 euros."
    )
    assert without_figures(listed, frozenset({9000.0}), numbers_in) == (
        "Thieves broke into the jeweller on the quay and took gold rings."
    )


def test_a_name_given_in_full_keeps_the_sentence_under_the_limit() -> None:
    people = [StoryEntity("Ilsa Marie Brandt", "PERSON", ("Ilsa Marie Brandt", "Brandt"), ("a",))]
    text = (
        "Brandt told the harbour board on Tuesday that the northern quay would stay shut "
        "for a month while engineers from the ministry inspected each crane, and that "
        "ferries would use the south pier instead."
    )
    assert words(text) == MAX_WORDS - 1
    # the names would take it over: it stays as written (a cut for them could fall in a list)
    assert introduce_names([text], people) == [text]


def test_a_surname_two_people_share_as_widely_is_left_alone() -> None:
    # the reports call the father "Brandt", but the son is as widely reported
    son = StoryEntity("Ilsa Brandt", "PERSON", ("Ilsa Brandt",), ("a", "b", "c"))
    father = _brandt(3, "Oskar")
    texts = ["Police spoke to Brandt’s parents at the Kessel quay on Monday."]
    assert introduce_names(texts, [son, father]) == texts


def test_a_word_in_capitals_is_no_given_name() -> None:
    station = StoryEntity("KVLM Kessel", "PERSON", ("KVLM Kessel", "Kessel"), ("a",))
    texts = ["A boy was shot on Tuesday evening in north Kessel, police said."]
    assert introduce_names(texts, [station]) == texts


def test_a_name_is_given_in_full_only_where_each_cited_report_writes_the_surname() -> None:
    people = [_brandt(3)]
    texts = ["Brandt was the only person hurt in the crash at the ferry dock."]
    writes = "Ilsa Brandt, 40, was hurt. Brandt was the only person hurt in the crash."
    says_not = "The driver was the only person hurt in the crash at the ferry dock."
    assert introduce_names(texts, people, [[writes]]) == [
        "Ilsa Brandt was the only person hurt in the crash at the ferry dock."
    ]
    assert introduce_names(texts, people, [[writes, says_not]]) == texts


def test_a_title_and_surname_inside_a_quotation_stay_as_said() -> None:
    people = [StoryEntity("Mara Voss", "PERSON", ("Mara Voss", "Ms Voss"), ("a",))]
    texts = ['"While the boy stayed in the care of Ms Voss, the quay stayed shut," he said.']
    assert introduce_names(texts, people) == texts


def test_a_clock_time_gives_no_figure_to_cut_from_the_latest_development() -> None:
    from storyline.story.summary.summarize import _figures_in

    text = "Ilsa Brandt was taken to the Vellmar clinic, where she died at 12:48 a.m. on Friday."
    assert _figures_in(text) == frozenset()
    assert _figures_in("Ilsa Brandt, 48, died at the Vellmar clinic.") == {48.0}
