"""The page checks themselves: eval/summary.py support with stated dates, eval/page_check.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

import page_check
from summary import supported

REPORT = "Mayor Ilsa Brandt said on Friday that the levee at Vellmar held."


def test_a_stated_date_is_not_a_figure_the_report_lacks() -> None:
    assert supported("Mayor Ilsa Brandt said on Friday (16 May) that the levee held.", REPORT)
    assert not supported("Mayor Ilsa Brandt said 16 levees held.", REPORT)


def test_page_check_counts_each_kind_of_problem() -> None:
    story = {
        "id": "s",
        "storyline": "l",
        "articles": ["a"],
        "claims": [
            {"measure": "injured", "value": 14, "about": "", "counted": "people",
             "articles": ["a"], "independent": 1},
        ],
        "conflicts": [
            {"measure": "injured", "about": "", "values": [
                {"value": 14, "articles": ["b"]}, {"value": 19, "articles": ["c"]}]},
        ],
        "coverage": {"single_source": [
            {"kind": "claim", "label": "14 people injured", "articles": ["a"]},
            {"kind": "event", "label": "2025-05-01: It said so", "articles": ["a"]},
        ]},
        "summary": [
            {"text": "He resigned on Monday after the vote.", "passages": []},
            {"text": " ".join(["word"] * 40) + ".", "passages": []},
        ],
        "timeline": [],
    }  # fmt: skip
    totals, _ = page_check.check({"articles": [], "stories": [story]})
    assert totals["state"] == 1  # 14 injured: single source and disputed
    assert totals["unreadable"] == 1  # "It said so"
    assert totals["pronoun"] == 1 and totals["relative"] == 1 and totals["long"] == 1


def test_page_check_a_date_beside_a_part_of_day_or_a_possessive_noun_is_beside_the_word() -> None:
    summary = [
        {"text": "Police came on Friday night (4 November) to the house.", "passages": []},
        {"text": "The charges follow Tuesday's fatal shooting (17 May) there.", "passages": []},
        {"text": "The vigil was held on Sunday after the funeral.", "passages": []},
    ]
    found = page_check.check_summary({"summary": summary})
    assert [x.split(":")[0] for x in found["relative"]] == ["on Sunday"]


def test_page_check_a_headline_figure_in_another_state_than_the_sections_below() -> None:
    story = {
        "figures": [{"measure": "killed", "value": 9, "status": "disputed"},
                    {"measure": "injured", "value": 5, "status": "single source"}],
        "claims": [{"measure": "killed", "value": 9, "state": "agreed"},
                   {"measure": "injured", "value": 5, "state": "single source"}],
    }  # fmt: skip
    assert page_check._headline_states(story) == ["headline 9 killed: disputed, below agreed"]


def test_page_check_a_sentence_is_dated_by_the_day_it_states() -> None:
    summary = [
        {"text": "The main event happened in Vellmar.", "passages": []},
        {"text": "On Oct. 27 a boy found a gun in Vellmar.", "passages": []},
        {"text": "On Oct. 17 a girl was shot in Kessel.", "passages": []},
        {"text": "The man was convicted on June 13, 2003 of robbery.", "passages": []},
        {"text": "Results come out on December 24 (24 December).", "passages": []},
    ]
    found = page_check.check_summary({"summary": summary}, "2015-12-03", "2015-11-20")
    assert [x[:21] for x in found["order"]] == ["2015-10-17 after 2015"]


def test_page_check_an_it_that_stands_for_nothing_is_no_pronoun_opening() -> None:
    summary = [
        {"text": "It remained unclear Monday (1 June) how the boy was hurt.", "passages": []},
        {"text": "It was not immediately clear why the shots were fired.", "passages": []},
        {"text": "It was the second shooting on Elm Street this month.", "passages": []},
        {"text": "It is unclear.", "passages": []},
    ]
    found = page_check.check_summary({"summary": summary})
    assert found["pronoun"] == [
        "It was the second shooting on Elm Street this month.",
        "It is unclear.",
    ]


def test_page_check_debris_is_the_page_or_the_outlet_speaking() -> None:
    summary = [
        {"text": "Tomas Reed was shot at the Vellmar depot on Tuesday (20 May).", "passages": []},
        {"text": "Stay with Radio Kessel for news on this developing story.", "passages": []},
        {"text": "If you know the driver, call the Vellmar tip line.", "passages": []},
        {"text": "Police told us the van was found in Kessel.", "passages": []},
        {"text": '"We will find him," Chief Ilsa Brandt said.', "passages": []},
        {"text": "Close friends held a vigil at the Kessel church.", "passages": []},
    ]
    assert page_check.check_debris({"summary": summary}) == [
        "Stay with Radio Kessel for news on this developing story.",
        "If you know the driver, call the Vellmar tip line.",
    ]


def test_page_check_repeat_is_two_sentences_telling_the_same() -> None:
    summary = [
        {"text": "A toddler was hurt by stray gunfire from a van in East Vellmar on Tuesday."},
        {"text": "The mayor of Kessel asked for calm at a church service."},
        {"text": "A toddler was hurt by stray gunfire from a passing van in East Vellmar."},
    ]
    assert len(page_check.check_repeat({"summary": summary})) == 1


def test_page_check_future_is_a_line_told_as_done_after_every_report() -> None:
    timeline = [
        {"date": "2025-05-20", "text": "Tomas Reed was shot at the depot"},
        {"date": "2025-05-24", "text": "Tomas Reed was charged with robbery"},
        {"date": "2025-05-28", "text": "Tomas Reed is scheduled to appear in court"},
        {"date": "2025-06", "text": "The trial will open in Kessel"},
        {"date": "2025-W22", "text": "The depot reopened"},
    ]
    found = page_check.check_future({"timeline": timeline}, "2025-05-22")
    assert [x.split(" ")[0] for x in found] == ["2025-05-24", "2025-W22"]


def test_page_check_a_relative_day_word_in_a_timeline_line() -> None:
    timeline = [
        {"date": "2025-05-20", "text": "Tomas Reed was shot on Tuesday night (20 May)"},
        {"date": "2025-05-21", "text": "Police arrested a man on Wednesday"},
    ]
    assert page_check.check_tl_relative({"timeline": timeline}) == [
        "on Wednesday: Police arrested a man on Wednesday"
    ]


def test_page_check_stale_when_the_summary_states_a_newer_day_than_the_timeline() -> None:
    story = {
        "id": "s",
        "storyline": "l",
        "articles": ["a"],
        "timeline": [{"date": "2025-05-20", "text": "Tomas Reed was shot", "citations": []}],
        "summary": [
            {"text": "Tomas Reed was shot on Tuesday (20 May) in Vellmar.", "passages": []},
            {"text": "A man was charged on Thursday (22 May) in Kessel.", "passages": []},
            {"text": "The trial opens on Monday (26 May) in Kessel.", "passages": []},
        ],
    }
    found = page_check.check_stale([story], {"a": "2025-05-23"})
    assert found == [
        "l: 2025-05-20 before 2025-05-22: A man was charged on Thursday (22 May) in Kessel."
    ]


def test_page_check_stale_not_for_what_has_not_happened() -> None:
    story = {
        "id": "s",
        "storyline": "l",
        "articles": ["a"],
        "timeline": [{"date": "2025-05-20", "text": "Tomas Reed was shot", "citations": []}],
        "summary": [
            {"text": "Police had not made an arrest by Thursday (22 May).", "passages": []}
        ],
    }
    assert page_check.check_stale([story], {"a": "2025-05-23"}) == []


def test_page_check_a_full_name_with_a_middle_initial_introduces_mr_x() -> None:
    summary = [{"text": "Police said Tomas K. Reed shot Mr. Reed's neighbour in Vellmar."}]
    assert page_check.check_summary({"summary": summary})["pronoun"] == []


def test_page_check_a_title_before_a_full_name_introduces_the_person() -> None:
    summary = [
        {"text": "The board chose Dr. Halvard Quist to lead the harbour clinic."},
        {"text": "Dr Ilse Marrow, a surgeon, will join him in Vellmar."},
        {"text": "Mr Quist later thanked the board."},
    ]
    assert page_check.check_summary({"summary": summary})["pronoun"] == []
    alone = [{"text": "The board met in Vellmar."}, {"text": "Mr Quist later thanked it."}]
    assert len(page_check.check_summary({"summary": alone})["pronoun"]) == 1
