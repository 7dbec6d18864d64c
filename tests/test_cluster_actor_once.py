"""The actor floor for a follow-up that names the victim once, and for a name spelt two ways.

All reports and names here are fiction written for these tests.
"""

from __future__ import annotations

from storyline.story.clustering import ClusterParams, DocFeatures, StoryClusterer
from storyline.story.clustering.aliases import spelling_key
from storyline.story.clustering.similarity import main_people, named_people


def _report(
    words: dict[str, int], people: dict[str, int], published: str, officials: tuple[str, ...] = ()
) -> DocFeatures:
    """A report naming each person in full as often as given."""
    return DocFeatures(
        terms=tuple(sorted(words.items())),
        entities=tuple(sorted((p, "PERSON") for p in people)),
        mentions=tuple(sorted(people.items())),
        published=published,
        officials=officials,
    )


#: The first report makes the victim its main actor (named twice).
FIRST = _report(
    {"shot": 9, "porch": 9, "neighbour": 9, "siren": 9, "hedg": 9, "midnight": 9, "blu": 9},
    {"wren castellano": 2},
    "2025-03-05",
)
#: Months later a sentencing names her once, among other words entirely.
SENTENCED = _report(
    {"shoot": 9, "jury": 9, "verdict": 9, "sentenc": 9, "appeal": 9, "plea": 9, "gallery": 9},
    {"wren castellano": 1, "odell fairbank": 3},
    "2025-06-24",
)
FILLER = [
    _report({"council": 1, f"item{i}": 1}, {f"member {i} x": 1}, "2025-06-01") for i in range(8)
]


def _placed(docs: list[DocFeatures], params: ClusterParams | None = None) -> list[str]:
    placed = StoryClusterer(params).add_batch([(str(i), d) for i, d in enumerate(docs)])
    return [placed[str(i)].story_id for i in range(len(docs))]


def test_cluster_actor_once_named_once_is_no_main_actor_but_is_named() -> None:
    assert main_people(SENTENCED) == frozenset({"odell fairbank"})
    assert named_people(SENTENCED) == frozenset({"odell fairbank", "wren castellano"})
    officials = _report({"shot": 1}, {"ada moss": 1}, "2025-03-05", officials=("ada moss",))
    assert named_people(officials) == frozenset()


def test_cluster_actor_once_a_sentencing_naming_the_victim_once_joins_her_shooting() -> None:
    docs = [*FILLER, FIRST, SENTENCED]
    ids = _placed(docs)
    assert ids[8] == ids[9]
    # Both had to name her twice before: the words alone keep them apart.
    ids = _placed(docs, ClusterParams(actor_named_once=False))
    assert ids[8] != ids[9]
    online = StoryClusterer()
    for i, d in enumerate(docs):
        last = online.add(str(i), d)
    assert last.story_id == online.placements["8"].story_id


def test_cluster_actor_once_two_passing_mentions_join_nothing() -> None:
    # Named once in each report (a relative quoted in two stories): no main actor.
    once = _report(dict(FIRST.terms), {"wren castellano": 1}, "2025-03-05")
    ids = _placed([*FILLER, once, SENTENCED])
    assert ids[8] != ids[9]


def test_cluster_actor_once_spellings_share_a_key() -> None:
    assert spelling_key("jeffery okafor") == spelling_key("jeffrey okafor")
    assert spelling_key("kaleigh ostrander") == spelling_key("kayleigh ostrander")
    assert spelling_key("mohammed rasool") == spelling_key("muhammad rasool")
    assert spelling_key("lyle dunmore") != spelling_key("lyle dunham")
    assert spelling_key("tessa okafor") != spelling_key("tomas okafor")


def test_cluster_actor_once_a_name_spelt_two_ways_is_one_actor() -> None:
    first = _report(dict(FIRST.terms), {"kaleigh ostrander": 2}, "2025-03-05")
    trial = _report(dict(SENTENCED.terms), {"kayleigh ostrander": 2}, "2025-06-24")
    ids = _placed([*FILLER, first, trial])
    assert ids[8] == ids[9]
    ids = _placed([*FILLER, first, trial], ClusterParams(actor_spellings=False))
    assert ids[8] != ids[9]


def test_cluster_actor_once_a_stored_story_keeps_who_it_names() -> None:
    from storyline.store.cluster_lazy import story_from_row, story_to_row

    clusterer = StoryClusterer()
    clusterer.add_batch([("a", SENTENCED)])
    story = next(iter(clusterer.stories.values()))
    assert story.named  # named once: the next digest's floor reads it from the row
    assert story_from_row(story.id, story_to_row(story)) == story
