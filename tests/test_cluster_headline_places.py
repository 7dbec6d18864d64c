"""A town the headline alone names: read from the headline's capitalised words.

All names here are fiction written for these tests.
"""

from __future__ import annotations

import pytest

from storyline.story.clustering import DocFeatures, StoryClusterer
from storyline.story.clustering.aliases import headline_places
from storyline.story.clustering.features import capitalised_runs
from storyline.story.clustering.params import ClusterParams
from storyline.story.clustering.similarity import DocStats, report_places


def test_headline_places_runs_of_capitalised_words() -> None:
    assert capitalised_runs("Lowmere shooting victims named") == ("lowmere",)
    assert capitalised_runs("4 Shot, 1 Killed In North Harwick") == (
        "shot",
        "killed in north harwick",
    )
    # What follows a spaced dash or bar is the page's outlet and its town.
    assert capitalised_runs("Teen hurt in Tolbry crash - KXQZ News 9 Dunmore") == ("teen", "tolbry")
    assert capitalised_runs("Man held | Dunmore Daily") == ("man",)
    assert capitalised_runs("") == ()


def test_headline_places_only_names_reports_tag_as_places() -> None:
    feats = DocFeatures(headline_names=("shot", "killed in north harwick", "police", "lowmere"))
    known = {"north harwick", "harwick", "lowmere", "police"}
    # The longest stretch first; institution words alone are no place.
    assert headline_places(feats, known.__contains__) == ["north harwick", "lowmere"]
    assert headline_places(feats, lambda _: False) == []
    # A town the report tags already is not added twice.
    own = DocFeatures(places=("lowmere",), headline_names=("lowmere",))
    assert headline_places(own, known.__contains__) == []


def test_headline_places_need_enough_reports_tagging_the_town() -> None:
    stats = DocStats()
    tagged = DocFeatures(entities=(("lowmere", "GPE"),), places=("lowmere",))
    brief = DocFeatures(headline_names=("lowmere",))
    stats.add(tagged)
    stats.add(brief)
    # A town of the headline weighs a share of what a tagged one does.
    params = ClusterParams(headline_places=1)
    assert report_places(brief, stats, params) == pytest.approx(
        {"p:lowmere": params.headline_place_weight * stats.idf("p:lowmere")}
    )
    assert report_places(brief, stats, ClusterParams(headline_places=2)) == {}
    stats.add(tagged)
    assert set(report_places(brief, stats, ClusterParams())) == {"p:lowmere"}
    assert report_places(brief, stats, ClusterParams(headline_places=0)) == {}


def _report(
    words: dict[str, int], places: list[str], day: str, head: tuple[str, ...] = ()
) -> DocFeatures:
    return DocFeatures(
        terms=tuple(sorted(words.items())),
        entities=tuple(sorted((p, "GPE") for p in places)),
        places=tuple(sorted(places)),
        published=day,
        headline_names=head,
    )


def test_headline_places_a_brief_finds_its_town_by_its_headline() -> None:
    filler = [_report({"council": 1, f"item{i}": 1}, [f"town{i}"], "2025-06-01") for i in range(8)]
    first = _report(
        {"shot": 3, "porch": 2, "neighbour": 2, "midnight": 1, "siren": 1},
        ["lowmere", "tolbry county"],
        "2025-06-02",
    )
    second = _report(
        {"shot": 3, "porch": 2, "tenant": 2, "ladder": 1, "garag": 1},
        ["lowmere"],
        "2025-06-02",
    )
    # A brief whose text names only its county; the town is in its headline.
    brief = _report(
        {"shot": 2, "victim": 2, "name": 1, "releas": 1},
        ["tolbry county fair"],
        "2025-06-03",
        ("lowmere",),
    )
    docs = [(str(i), d) for i, d in enumerate([*filler, first, second, brief])]
    strict = ClusterParams(place_conflict=0.01)
    placed = StoryClusterer(strict).add_batch(docs)
    assert placed["10"].story_id == placed["8"].story_id
    off = StoryClusterer(ClusterParams(place_conflict=0.01, headline_places=0)).add_batch(docs)
    assert off["10"].story_id != off["8"].story_id
