"""Between killed values with as many sources, the smaller, unless the later is an update."""

from __future__ import annotations

from figure_reports import claim, report

from storyline.model import Analyzed, Claim
from storyline.story.figures import story_figures

_claim = claim


def _report(aid: str, published: str, source: str, *claims: Claim) -> Analyzed:
    return report(aid, published, *claims, source=source)


def _killed(*reports: Analyzed) -> tuple[float, str | None]:
    figure = next(f for f in story_figures(reports) if f.measure == "killed")
    return figure.value, figure.reason


def test_two_outlets_the_same_day_the_fewer_dead() -> None:
    # one outlet counts the night's other killing too: "two dead" beside "one dead"
    a = _report("a", "2025-06-02", "one.example", _claim("killed", 1, 0))
    b = _report("b", "2025-06-02", "two.example", _claim("killed", 2, 0))
    value, reason = _killed(a, b)
    assert value == 1
    assert reason and "fewest dead" in reason


def test_a_later_outlet_with_more_dead_and_nothing_else_does_not_raise_the_toll() -> None:
    # a report days later that counts the week's homicides is not a later death
    a = _report("a", "2025-06-02", "one.example", _claim("killed", 1, 0))
    b = _report("b", "2025-06-05", "two.example", _claim("killed", 3, 0))
    assert _killed(a, b)[0] == 1


def test_an_outlet_that_updates_its_own_dead_stands_by_its_later_figure() -> None:
    a = _report("a", "2025-06-02", "one.example", _claim("killed", 1, 0))
    b = _report("b", "2025-06-04", "one.example", _claim("killed", 2, 0))
    c = _report("c", "2025-06-02", "two.example", _claim("killed", 1, 0))
    d = _report("d", "2025-06-04", "three.example", _claim("killed", 2, 0))
    assert _killed(a, b, c, d)[0] == 2


def test_one_of_the_wounded_died_the_dead_rise_as_the_wounded_fall() -> None:
    # one killed and three hurt, then two killed and two hurt: as many shot, a death of wounds
    a = _report("a", "2025-06-02", "one.example", _claim("killed", 1, 0), _claim("injured", 3, 50))
    b = _report("b", "2025-06-03", "two.example", _claim("killed", 2, 0), _claim("injured", 2, 50))
    assert _killed(a, b)[0] == 2


def test_a_derived_wounded_count_is_no_sign_of_a_death_of_wounds() -> None:
    # "two shot" read as wounded less the dead always adds up to the shot; on one day
    # the larger dead is no later news (a later day's is: test_figures_superseded.py)
    a = _report("a", "2025-06-02", "one.example", _claim("shot", 2, 0), _claim("killed", 1, 3))
    b = _report("b", "2025-06-02", "two.example", _claim("shot", 2, 0), _claim("killed", 2, 3))
    assert _killed(a, b)[0] == 1
