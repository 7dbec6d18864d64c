"""A report whose headline states another toll than its lead: the headline's stands."""

from __future__ import annotations

from dataclasses import replace

from figure_reports import claim, report

from storyline.model import Analyzed, Claim
from storyline.story.figures import report_figures


def _report(title: str, *claims: Claim) -> Analyzed:
    item = report("a", "2025-04-02", *claims, source="gazette.example")
    return replace(item, article=replace(item.article, title=title))


def _tolls(item: Analyzed) -> dict[str, tuple[float, str | None]]:
    return {m: (f.value, f.derived) for m, f in report_figures(item)}


def test_the_headline_dead_stand_over_a_lead_that_counts_more() -> None:
    # the lead's four dead take in an earlier killing the report recalls
    tolls = _tolls(_report("Three dead in Oak Ridge shooting", claim("killed", 4, 0)))
    value, derived = tolls["killed"]
    assert value == 3
    assert derived and "headline" in derived and "4" in derived


def test_the_headline_wounded_stand_over_a_lead_that_counts_fewer() -> None:
    tolls = _tolls(_report("Five wounded outside Cedar Park club", claim("injured", 3, 0)))
    assert tolls["injured"][0] == 5


def test_a_headline_with_one_wounded_names_one_of_several() -> None:
    tolls = _tolls(_report("Teen hurt in Cedar Park shooting", claim("injured", 3, 0)))
    assert tolls["injured"] == (3, None)


def test_the_wounded_are_derived_again_from_the_headline_dead() -> None:
    # four shot, the lead reads two dead, the headline one: three wounded
    item = _report(
        "One dead after gunfire at Willow Court", claim("shot", 4, 0), claim("killed", 2, 50)
    )
    tolls = _tolls(item)
    assert tolls["killed"][0] == 1
    assert tolls["injured"][0] == 3
    assert tolls["injured"][1] == "shot 4 − killed 1 (the headline)"


def test_a_headline_that_agrees_changes_nothing() -> None:
    tolls = _tolls(_report("Three dead in Oak Ridge shooting", claim("killed", 3, 0)))
    assert tolls["killed"] == (3, None)
