"""One person or one place written two ways: name variants and place aliases.

All names here are fiction written for these tests.
"""

from __future__ import annotations

import pytest

from storyline.story.clustering import DocFeatures, StoryClusterer
from storyline.story.clustering.aliases import (
    head_forms,
    is_institution,
    person_key,
    place_aliases,
    place_head,
    surname,
)
from storyline.story.clustering.params import ClusterParams
from storyline.story.clustering.similarity import DocStats, main_people, report_places


def test_cluster_aliases_a_middle_name_or_suffix_is_one_person() -> None:
    assert person_key("lyle dunmore") == "lyle dunmore"
    assert person_key("lyle q dunmore") == "lyle dunmore"
    assert person_key("lyle quinn dunmore ii") == "lyle dunmore"
    assert person_key("lyle dunmore jr") == "lyle dunmore"
    assert surname("lyle dunmore iii") == "dunmore"
    assert surname("dunmore") == "dunmore"


def test_cluster_aliases_main_people_are_keyed_by_first_and_last_name() -> None:
    feats = DocFeatures(
        entities=(("lyle quinn dunmore ii", "PERSON"),),
        mentions=(("dunmore", 1), ("lyle quinn dunmore ii", 1)),
    )
    assert main_people(feats) == frozenset({"lyle dunmore"})


def test_cluster_aliases_the_town_of_an_institution() -> None:
    assert place_head("harwick police department") == "harwick"
    assert place_head("city of lowmere") == "lowmere"
    assert place_head("tanner county jail") == "tanner county"
    assert place_head("harwick") is None
    assert place_head("police department") is None
    assert is_institution("office")
    assert is_institution("police department")
    assert not is_institution("harwick police department")


def test_cluster_aliases_the_town_of_an_institution_named_with_a_rank_or_office() -> None:
    # A rank, an office or a unit may follow the institution word: the town is before it.
    assert place_head("harwick police sgt") == "harwick"
    assert place_head("harwick police department detective") == "harwick"
    # Other words after the institution: a league, a programme, no institution of a town.
    assert place_head("harwick police athletic league") is None
    assert place_head("tanner county auditor") == "tanner county"
    assert place_head("tanner county clerk") == "tanner county"
    assert place_head("department of fish and game") is None
    assert head_forms("lowmere city") == ("lowmere city", "lowmere")
    assert head_forms("harwick") == ("harwick",)


def test_cluster_aliases_a_rank_after_the_police_still_gives_the_town() -> None:
    feats = DocFeatures(
        entities=(
            ("harwick police lt", "ORG"),
            ("tanner county auditor", "FAC"),
            ("lowmere city schools", "ORG"),
            ("orla finch", "PERSON"),
            ("kell court", "SITE"),
        ),
        places=("kell court", "tanner county auditor"),
    )
    known = {"harwick", "tanner county", "lowmere", "kell"}
    # "Lowmere City" is tagged as a place nowhere, "Lowmere" is; a street's name is
    # no institution's ("Kell Court" gives no "Kell").
    assert place_aliases(feats, known.__contains__) == ["harwick", "tanner county", "lowmere"]


def test_cluster_aliases_only_names_some_report_tags_as_a_place() -> None:
    feats = DocFeatures(
        entities=(
            ("harwick police department", "ORG"),
            ("tolbry", "ORG"),
            ("dana pruitt", "PERSON"),
            ("north chapel police", "ORG"),
            ("kell street", "SITE"),
        ),
        places=("kell street",),
    )
    known = {"harwick", "tolbry", "dana pruitt", "north chapel", "north chapel police"}
    # "North Chapel Police" gives "North Chapel"; "Tolbry" filed as an organisation stays one.
    assert place_aliases(feats, known.__contains__) == ["harwick", "north chapel"]
    assert place_aliases(feats, lambda _: False) == []
    # A report that names no place of its own gets none from its police.
    placeless = DocFeatures(entities=(("harwick police department", "ORG"),))
    assert place_aliases(placeless, known.__contains__) == []


def test_cluster_aliases_a_town_named_only_by_its_police_is_no_other_place() -> None:
    params = ClusterParams()
    stats = DocStats()
    town = DocFeatures(entities=(("harwick", "GPE"),), places=("harwick",))
    police = DocFeatures(
        entities=(("harwick police department", "ORG"), ("office", "FAC")), places=("office",)
    )
    for f in (town, police):
        stats.add(f)
    assert set(report_places(police, stats, params)) == {"p:harwick"}
    assert set(report_places(town, stats, params)) == {"p:harwick"}


def _report(words: dict[str, int], entities: list[tuple[str, str]], day: str) -> DocFeatures:
    return DocFeatures(
        terms=tuple(sorted(words.items())),
        entities=tuple(sorted(entities)),
        places=tuple(sorted(k for k, label in entities if label == "GPE")),
        published=day,
    )


@pytest.mark.parametrize("body", ["harwick police department", "harwick police sgt"])
def test_cluster_aliases_the_town_and_its_police_are_one_place(body: str) -> None:
    # the department, or a rank of it ("X Police Sgt."): the town before the body's words
    filler = [
        _report({"council": 1, f"item{i}": 1}, [(f"town{i}", "GPE")], "2025-06-01")
        for i in range(8)
    ]
    first = _report(
        {"shot": 3, "porch": 2, "neighbour": 2, "midnight": 1, "siren": 1},
        [("harwick", "GPE"), ("ada moss", "PERSON")],
        "2025-06-02",
    )
    second = _report(
        {"shot": 3, "porch": 2, "tenant": 2, "ladder": 1, "garag": 1},
        [(body, "ORG"), ("bel road", "GPE")],
        "2025-06-02",
    )
    docs = [(str(i), d) for i, d in enumerate([*filler, first, second])]
    # Places that share nothing all but forbid a join: only the alias can join them.
    strict = ClusterParams(place_conflict=0.01)
    placed = StoryClusterer(strict).add_batch(docs)
    assert placed["8"].story_id == placed["9"].story_id
    online = StoryClusterer(strict)
    for doc_id, d in docs:
        last = online.add(doc_id, d)
    assert last.story_id == online.placements["8"].story_id
