"""Between values with as much support, one a report gives in its body and its headline."""

from __future__ import annotations

from dataclasses import replace

from figure_reports import claim, report

from storyline.model import Analyzed, Claim, Figure
from storyline.story.figures import story_figures


def _report(aid: str, published: str, source: str, title: str, *claims: Claim) -> Analyzed:
    item = report(aid, published, *claims, source=source)
    return replace(item, article=replace(item.article, title=title))


def _figures(*reports: Analyzed) -> dict[str, Figure]:
    return {f.measure: f for f in story_figures(reports)}


def test_the_dead_the_headline_gives_too_stand_before_the_fewer() -> None:
    # one outlet counts two dead in its headline and its lead; the other's lead names one
    a = _report("a", "2025-04-02", "gazette.example", "Two dead in shooting at Pine Hollow tavern",
                claim("killed", 2, 0))  # fmt: skip
    b = _report("b", "2025-04-02", "courier.example", "Police name tavern shooting victim",
                claim("killed", 1, 0))  # fmt: skip
    killed = _figures(a, b)["killed"]
    assert killed.value == 2
    assert killed.reason and "headline" in killed.reason


def test_the_wounded_of_a_headline_that_counts_shot_and_dead() -> None:
    # "four shot, one fatally": three wounded, as the body says; the other outlet says two
    title = "Four shot, one fatally, outside Maple Street bar"
    a = _report("a", "2025-04-02", "gazette.example", title,
                claim("killed", 1, 0), claim("injured", 3, 50))  # fmt: skip
    b = _report("b", "2025-04-02", "courier.example", "Shooting outside Maple Street bar",
                claim("killed", 1, 0), claim("injured", 2, 50))  # fmt: skip
    assert _figures(a, b)["injured"].value == 3


def test_people_shot_in_a_headline_silent_on_deaths_state_no_wounded() -> None:
    # "Teen shot on Birch Lane" does not say he lived: the fewer wounded stand
    a = _report("a", "2025-04-02", "gazette.example", "Teen shot on Birch Lane",
                claim("injured", 1, 0))  # fmt: skip
    b = _report("b", "2025-04-02", "courier.example", "Birch Lane shooting",
                claim("killed", 1, 0), claim("injured", 0, 50))  # fmt: skip
    assert _figures(a, b)["injured"].value == 0


def test_a_value_read_from_the_headline_alone_is_not_given_twice() -> None:
    # the body gives no dead: the headline's figure is the only one, not a second telling
    a = _report("a", "2025-04-02", "gazette.example", "Two dead in shooting at Pine Hollow tavern",
                claim("injured", 1, 0))  # fmt: skip
    b = _report("b", "2025-04-02", "courier.example", "Pine Hollow tavern shooting",
                claim("killed", 1, 0), claim("injured", 1, 50))  # fmt: skip
    assert _figures(a, b)["killed"].value == 1
