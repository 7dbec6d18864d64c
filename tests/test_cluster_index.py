"""Candidate retrieval: features by week, a time window, common features skipped."""

from __future__ import annotations

from storyline.story.clustering import ClusterParams
from storyline.story.clustering.features import entity_key, stem, terms
from storyline.story.clustering.index import UNDATED, StoryIndex, week_of
from storyline.story.clustering.similarity import days_close, time_factor


def test_cluster_index_finds_stories_within_the_window_only() -> None:
    index = StoryIndex(max_postings=10)
    day = 739_000
    index.add("near", ["okafor"], week_of(day + 20))
    index.add("far", ["okafor"], week_of(day + 400))
    weeks = index.weeks_around(day, window_days=60)
    assert index.candidates([("okafor", 1.0)], weeks, 10) == ["near"]


def test_cluster_index_undated_bucket_is_always_searched() -> None:
    index = StoryIndex(max_postings=10)
    index.add("undated", ["harwick"], UNDATED)
    assert index.candidates([("harwick", 1.0)], index.weeks_around(739_000, 7), 5) == ["undated"]
    assert index.weeks_around(None, 7) == [UNDATED]


def test_cluster_index_ranks_by_shared_weight_and_skips_common_features() -> None:
    index = StoryIndex(max_postings=2)
    week = week_of(739_000)
    for sid in ["a", "b", "c"]:
        index.add(sid, ["police"], week)  # past the cap: too common to retrieve by
    index.add("b", ["quarry"], week)
    index.add("c", ["quarry", "reyhner"], week)
    query = [("police", 5.0), ("quarry", 1.0), ("reyhner", 2.0)]
    assert index.candidates(query, [week], 5) == ["c", "b"]


def test_cluster_features_stem_and_normalise_names() -> None:
    assert stem("shootings") == stem("shooting") == stem("shoot")
    # A fire is not shots fired: the blaze keeps its own key.
    assert stem("fired") == stem("firing") != stem("fire") == stem("fires")
    assert terms("The police said the shootings were linked") == ["polic", "shoot", "link"]
    assert entity_key("Mr. Okafor's") == "okafor"
    assert entity_key("the Millbrook Police Department") == "millbrook police department"


def test_cluster_similarity_time_and_date_helpers() -> None:
    params = ClusterParams()
    assert time_factor(3, params) == 1.0
    assert time_factor(60, params) < time_factor(30, params) < 1.0
    assert days_close([10, 50], [52], 2) and not days_close([10], [13], 2)
