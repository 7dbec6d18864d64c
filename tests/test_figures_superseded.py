"""A report of a later day that counts as many people shot, more of them dead, supersedes."""

from __future__ import annotations

from figure_reports import claim, report

from storyline.model import Analyzed, Claim, Figure
from storyline.story.figures import story_figures


def _report(aid: str, published: str, source: str, *claims: Claim) -> Analyzed:
    return report(aid, published, *claims, source=source)


def _figures(*reports: Analyzed) -> dict[str, Figure]:
    return {f.measure: f for f in story_figures(reports)}


def test_a_wounded_man_who_died_is_no_longer_wounded() -> None:
    # "a cyclist was wounded on Elm Row", then two days later "the cyclist shot on Elm
    # Row has died": one shot both times, the dead rose from none to one
    a = _report("a", "2025-03-10", "gazette.example", claim("injured", 1, 0))
    b = _report("b", "2025-03-12", "courier.example", claim("shot", 1, 0), claim("killed", 1, 50))
    figures = _figures(a, b)
    assert figures["killed"].value == 1
    injured = figures["injured"]
    assert injured.value == 0
    assert [v.value for v in injured.values] == [1, 0]
    assert injured.reason and "more of them dead" in injured.reason


def test_the_later_death_stands_against_more_outlets_of_the_first_day() -> None:
    a = _report("a", "2025-03-10", "gazette.example", claim("injured", 1, 0))
    b = _report("b", "2025-03-10", "herald.example", claim("injured", 1, 0))
    c = _report("c", "2025-03-13", "courier.example", claim("shot", 1, 0), claim("killed", 1, 50))
    assert _figures(a, b, c)["injured"].value == 0


def test_two_shot_one_dead_then_both_dead_a_day_later() -> None:
    a = _report("a", "2025-03-10", "gazette.example", claim("shot", 2, 0), claim("killed", 1, 50))
    b = _report("b", "2025-03-11", "courier.example", claim("shot", 2, 0), claim("killed", 2, 50))
    figures = _figures(a, b)
    assert (figures["killed"].value, figures["injured"].value) == (2, 0)


def test_other_numbers_shot_are_no_update() -> None:
    # three shot in the later report: another count, not the first report's people
    a = _report("a", "2025-03-10", "gazette.example", claim("injured", 1, 0))
    b = _report("b", "2025-03-12", "courier.example", claim("shot", 3, 0), claim("killed", 1, 50))
    assert _figures(a, b)["injured"].value == 1


def test_the_same_day_is_no_update() -> None:
    a = _report("a", "2025-03-10", "gazette.example", claim("injured", 1, 0))
    b = _report("b", "2025-03-10", "courier.example", claim("shot", 1, 0), claim("killed", 1, 50))
    assert _figures(a, b)["injured"].value == 1


def test_as_many_dead_is_no_update() -> None:
    # the later report counts the same dead: its wounded are no news of a death
    a = _report(
        "a", "2025-03-10", "gazette.example", claim("killed", 1, 0), claim("injured", 2, 50)
    )
    b = _report(
        "b", "2025-03-12", "courier.example", claim("killed", 1, 0), claim("injured", 3, 50)
    )
    assert _figures(a, b)["injured"].value == 2


def test_a_later_death_leaves_the_other_counts_to_their_reports() -> None:
    # the first report's two arrests are no toll: a death told later does not set them aside
    a = _report(
        "a", "2025-03-10", "gazette.example", claim("injured", 1, 0), claim("arrested", 2, 100)
    )
    b = _report("b", "2025-03-12", "courier.example", claim("shot", 1, 0), claim("killed", 1, 50),
                claim("arrested", 3, 100))  # fmt: skip
    c = _report("c", "2025-03-10", "herald.example", claim("arrested", 2, 100))
    assert _figures(a, b, c)["arrested"].value == 2
