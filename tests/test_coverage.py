"""The coverage matrix: outlets with copies folded in, key facts, single-source facts."""

from __future__ import annotations

from storyline.model import (
    Analyzed,
    Article,
    ArticleAnalysis,
    Conflict,
    ConflictValue,
    Story,
    StoryClaim,
    StoryQuote,
    TimelineEntry,
)
from storyline.story.coverage import ALTERED, REPORTED, build_coverage, names_measure


def item(aid: str, source: str | None) -> Analyzed:
    return Analyzed(Article(id=aid, text="", source=source), ArticleAnalysis(aid))


ITEMS = [
    item("a", "Ledger"),
    item("b", "Herald"),
    item("c", "Post"),  # copies a
    item("d", "Ledger"),  # a second Ledger report: the same outlet
    item("e", None),
]
STORY = Story(
    id="s",
    title="t",
    storyline="l",
    articles=("a", "b", "c", "d", "e"),
    claims=(StoryClaim("killed", 9, "flood", None, ("a", "b", "c")),),
    conflicts=(
        Conflict(
            "injured",
            "flood",
            (ConflictValue(7, ("a", "c"), "mayor"), ConflictValue(12, ("b",), "governor")),
        ),
    ),
    quotes=(StoryQuote("Brandt", "never so fast", (), ("a", "b"), altered=("b",)),),
    timeline=(TimelineEntry("2025-03-02", "day", "the flood hits the town", ("e",)),),
)


def test_coverage_collapses_copies_and_outlets() -> None:
    cov = build_coverage(STORY, ITEMS, {"c": "a"})
    assert cov.reports == 5
    assert cov.independent == 3  # Ledger (a, d, copy c), Herald, report e
    names = [o.name for o in cov.outlets]
    assert names == ["Ledger", "Herald", "report 5"]  # no outlet, no title: "report N"
    assert cov.outlets[0].articles == ("a", "d")
    assert cov.outlets[0].copies == ("c",)


def test_coverage_cells() -> None:
    cov = build_coverage(STORY, ITEMS, {"c": "a"})
    rows = {f.kind: f for f in cov.facts}
    assert rows["conflict"].cells == ("7", "12", "")
    assert rows["claim"].cells == (REPORTED, REPORTED, "")
    assert rows["claim"].sources == 2
    assert rows["quote"].cells == (REPORTED, ALTERED, "")
    assert rows["event"].cells == ("", "", REPORTED)
    assert cov.facts[0].kind == "conflict"  # disagreements lead


def test_coverage_single_source_facts() -> None:
    cov = build_coverage(STORY, ITEMS, {"c": "a"})
    assert [f.kind for f in cov.single_source] == ["event"]
    # Without the copy link, the Post counts as its own source.
    loose = build_coverage(STORY, ITEMS, {})
    assert loose.independent == 4


def test_coverage_copy_chains_fold_to_the_root() -> None:
    cov = build_coverage(STORY, ITEMS, {"c": "d", "d": "a"})
    assert cov.outlets[0].copies == ("c", "d")
    assert cov.independent == 3


def test_coverage_one_figure_one_row_and_disputed_sides_not_lonely() -> None:
    story = Story(
        id="s",
        title="t",
        storyline="l",
        articles=("a", "b", "c", "d", "e"),
        claims=(
            StoryClaim("killed", 6, "derailment", None, ("a", "b")),
            StoryClaim("killed", 6, "fire", None, ("e",)),  # the same figure, split
            StoryClaim("injured", 14, "fire", None, ("b",)),  # one side of the dispute
        ),
        conflicts=(
            Conflict(
                "injured", "", (ConflictValue(3, ("a",), None), ConflictValue(14, ("b",), None))
            ),
        ),
    )
    cov = build_coverage(story, ITEMS, {"c": "a"})
    killed = [f for f in cov.facts if f.kind == "claim" and "killed" in f.label]
    assert len(killed) == 1 and killed[0].sources == 3
    assert cov.single_source == ()


def test_an_event_saying_one_side_of_a_dispute_is_not_listed_as_lone() -> None:
    story = Story(
        id="s",
        title="t",
        storyline="l",
        articles=("a", "b", "e"),
        conflicts=(
            Conflict(
                "killed", "", (ConflictValue(2, ("a",), None), ConflictValue(4, ("b",), None))
            ),
        ),
        timeline=(
            TimelineEntry("2025-03-02", "day", "Two climbers were killed in the slide", ("e",)),
            TimelineEntry("2025-03-02", "day", "Two roads were closed below the pass", ("e",)),
        ),
    )
    lone = [f.label for f in build_coverage(story, ITEMS, {}).single_source]
    # The first says the dispute's 2 killed (shown there); the second names no measure.
    assert lone == ["2025-03-02: Two roads were closed below the pass"]


def test_shots_fired_are_not_people_shot() -> None:
    assert not names_measure("A car fired the two initial shots", "shot")
    assert names_measure("Two men were shot on Main Street", "shot")
