"""Streets and sites, incident days, kind and site conflicts, the incident floor.

All reports here are fiction written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span, TimeExpr
from storyline.story.clustering import ClusterParams, DocFeatures, StoryClusterer, doc_features
from storyline.story.clustering.batch import BlockDoc, FloatMatrix, pair_similarity
from storyline.story.clustering.features import SITE
from storyline.story.clustering.places import local_places, site_key
from storyline.story.clustering.similarity import (
    DocStats,
    event_days,
    same_incident,
    site_vector,
)

# --- finding streets and sites ------------------------------------------------------


def test_cluster_places_streets_roads_and_sites_one_key_each() -> None:
    text = (
        "Near Dorsey Ave. and 14th Street, police said. Later on Dorsey Avenue a car "
        "hit a wall on Route 9; a van overturned on the A391 by the Briar Glen Apartments."
    )
    assert "tanner's walk" in local_places(text + " The road was shut from Tanner's Walk.")
    assert local_places(text) == [
        "dorsey avenue",
        "14th street",
        "briar glen apartments",
        "route 9",
        "a391",
    ]


def test_cluster_places_title_case_headline_words_are_not_part_of_the_name() -> None:
    assert local_places("Teen Shot On Main Street") == ["main street"]
    assert local_places("Fatal Pelham Road Fire Was Accidental") == ["pelham road"]
    assert local_places("near Third Street and First Avenue") == ["third street", "first avenue"]


def test_cluster_places_british_roads_need_the_article() -> None:
    assert local_places("a crash on the A391 and the M5") == ["a391", "m5"]
    assert local_places("armed with an M16 and an A380 model") == []


def test_cluster_places_numbered_roads_one_key_however_written() -> None:
    assert local_places("on State Route 9, Hwy 12 and I-95") == [
        "route 9",
        "highway 12",
        "interstate 95",
    ]


def test_cluster_places_courts_and_lone_words_are_not_sites() -> None:
    assert local_places("He appeared at Hale County Court and Crown Court.") == []
    assert local_places("the street was quiet; police closed the road") == []
    assert site_key("hale county court") is None
    assert site_key("street") is None
    assert site_key("dorsey ave") == "dorsey avenue"
    assert site_key("birch court") == "birch court"


# --- features -----------------------------------------------------------------------


def _analysed(text: str, times: list[tuple[str, str]], orgs: list[str]) -> Analyzed:
    """An article with one sentence per line, the given day times and organisations."""
    sentences, pos = [], 0
    for line in text.split("\n"):
        sentences.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    stamps = []
    for said, value in times:
        start = text.index(said)
        stamps.append(TimeExpr(Span(start, start + len(said)), said, "DATE", value, "day"))
    mentions = []
    for org in orgs:
        start = text.index(org)
        mentions.append(Mention(Span(start, start + len(org)), org, "ORG", org))
    analysis = ArticleAnalysis(
        article_id="x", sentences=tuple(sentences), times=tuple(stamps), entities=tuple(mentions)
    )
    return Analyzed(Article(id="x", text=text, published="2025-04-08"), analysis)


FOLLOW_UP = (
    "A man was charged with murder in the March 5 shooting at the Briar Glen Apartments.\n"
    "He was arrested on Monday at a relative's home.\n"
    "He appears in court on Wednesday."
)


def test_cluster_places_site_named_as_organisation_becomes_a_place() -> None:
    item = _analysed(FOLLOW_UP, [], ["Briar Glen Apartments"])
    feats = doc_features(item)
    assert "briar glen apartments" in feats.places
    assert ("briar glen apartments", SITE) in feats.entities
    assert site_vector(feats, DocStats()) == {"p:briar glen apartments": 1.0}


def test_cluster_places_incident_days_are_those_said_with_the_incident() -> None:
    times = [("March 5", "2025-03-05"), ("Monday", "2025-04-07"), ("Wednesday", "2025-04-09")]
    feats = doc_features(_analysed(FOLLOW_UP, times, []))
    assert feats.dates == ("2025-03-05", "2025-04-07", "2025-04-09")
    assert feats.incident_days == ("2025-03-05",)
    assert event_days(feats) == ("2025-03-05",)


def test_cluster_places_reports_without_an_incident_keep_all_their_days() -> None:
    text = "The council met on Monday.\nIt votes on the budget on Wednesday."
    times = [("Monday", "2025-04-07"), ("Wednesday", "2025-04-09")]
    feats = doc_features(_analysed(text, times, []))
    assert event_days(feats) == ("2025-04-07", "2025-04-09")


def test_cluster_places_incident_days_survive_the_store_and_old_rows_load() -> None:
    feats = DocFeatures(terms=(("shot", 1),), dates=("2025-03-05",), incident_days=())
    assert DocFeatures.from_dict(feats.to_dict()) == feats
    old = feats.to_dict()
    del old["incident_days"]
    loaded = DocFeatures.from_dict(old)
    assert loaded.incident_days is None
    assert event_days(loaded) == ("2025-03-05",)  # not computed: all days count


# --- factors and the floor ----------------------------------------------------------


def _doc(
    words: dict[str, int], sites: list[str], *people: str, days: tuple[str, ...] = ()
) -> DocFeatures:
    return DocFeatures(
        terms=tuple(sorted(words.items())),
        entities=tuple(sorted([*((s, SITE) for s in sites), *((p, "PERSON") for p in people)])),
        places=tuple(sorted(sites)),
        dates=days,
        incident_days=days,
        published="2025-03-06",
        marks=tuple(sorted("site:" + s for s in sites)),
    )


FIRST = _doc(
    {"shot": 2, "stairwell": 1, "complex": 1, "argument": 1, "tenant": 2},
    ["briar glen apartments"],
    "loretta simms",
    days=("2025-03-05",),
)
ARREST = _doc(
    {"shoot": 1, "charged": 1, "murder": 1, "relative": 1, "booked": 1, "courtroom": 1},
    ["briar glen apartments"],
    "andre whitfield",
    "kevin moss",
    days=("2025-03-05",),
)
CRASH = _doc(
    {"crash": 1, "cyclist": 2, "van": 1, "tenant": 1},
    ["harbour road"],
    "loretta simms",
    days=("2025-03-05",),
)
FILLER = [_doc({"council": 1, f"item{i}": 1}, [], f"member {i}") for i in range(8)]


def _block(docs: list[DocFeatures], params: ClusterParams) -> FloatMatrix:
    clusterer = StoryClusterer(params)
    for d in docs:
        clusterer.stats.add(d)
    prepared = [clusterer._prepare(str(i), d) for i, d in enumerate(docs)]
    blocks = [
        BlockDoc(d.vector, d.places, d.names, d.days, d.ref, d.year, d.kinds, d.sites, d.marks)
        for d in prepared
    ]
    return pair_similarity(blocks, params)[0]


def test_cluster_places_follow_up_reaches_its_incident_by_kind_and_site() -> None:
    params = ClusterParams()
    sim = _block([FIRST, ARREST, CRASH, *FILLER], params)
    assert sim[0, 1] >= params.signature_floor >= params.threshold
    off = _block([FIRST, ARREST, CRASH, *FILLER], replace(params, signature_floor=0.0))
    assert off[0, 1] < params.threshold  # the words alone would have split them


def test_cluster_places_kind_and_site_conflicts_lower_other_incidents() -> None:
    params = ClusterParams()
    off = replace(params, kind_conflict=1.0, site_conflict=1.0)
    with_conflicts = _block([FIRST, CRASH, *FILLER], params)[0, 1]
    without = _block([FIRST, CRASH, *FILLER], off)[0, 1]
    assert with_conflicts == without * params.kind_conflict * params.site_conflict


def test_cluster_places_floor_needs_kind_site_and_one_day() -> None:
    params = ClusterParams()
    kinds, sites = ({"k:shooting"}, {"k:shooting"}), ({"site:a"}, {"site:a"})
    assert same_incident(
        kinds, sites, ((10,), (11, 14)), replace(params, signature_tolerance_days=1)
    )
    # An undated side could be another incident at the same place: no floor.
    assert not same_incident(kinds, sites, ((10,), ()), params)
    assert not same_incident(kinds, sites, ((10,), (30,)), params)  # weeks apart
    assert not same_incident(({"k:shooting"}, {"k:crash"}), sites, ((), ()), params)
    assert not same_incident(kinds, ({"site:a"}, {"site:b"}), ((), ()), params)


def test_cluster_places_online_and_batch_agree_on_the_follow_up() -> None:
    docs = [*FILLER, FIRST, ARREST]
    online = StoryClusterer()
    placed = [online.add(str(i), d) for i, d in enumerate(docs)]
    assert placed[-1].story_id == placed[-2].story_id
    batch = StoryClusterer().add_batch([(str(i), d) for i, d in enumerate(docs)])
    assert batch[str(len(docs) - 1)].story_id == batch[str(len(docs) - 2)].story_id


def test_cluster_places_ages_of_the_people_described() -> None:
    from storyline.story.clustering.features import ages_of

    text = "Kieran Walsh, 19, died. A 31-year-old man, aged 45 by then, and 2,000 people."
    assert ages_of(text) == ("19", "31", "45")
    assert ages_of("On September 20, 2025, 300 people came.") == ()


def test_cluster_places_a_shared_age_marks_one_incident_like_a_site() -> None:
    params = ClusterParams()
    kinds = ({"k:stabbing"}, {"k:stabbing"})
    assert same_incident(kinds, ({"age:19"}, {"age:19", "age:17"}), ((5,), (5,)), params)
    assert not same_incident(kinds, ({"age:19"}, {"age:22"}), ((5,), (5,)), params)


def test_cluster_places_marks_come_from_the_lead_not_from_background() -> None:
    text = (
        "A woman was shot on Lindell Street on Sunday night.\n"
        "She was 34 and a nurse.\n"
        "It was the third shooting this weekend, after one on Broadmoor Avenue."
    )
    feats = doc_features(_analysed(text, [], []))
    assert "site:lindell street" in feats.marks
    assert "site:broadmoor avenue" not in feats.marks
    assert "broadmoor avenue" in feats.places  # still a place of the report


def test_cluster_places_without_sentences_all_days_count() -> None:
    text = "A man was shot on Sunday."
    start = text.index("Sunday")
    time = TimeExpr(Span(start, start + 6), "Sunday", "DATE", "2025-03-02", "day")
    analysis = ArticleAnalysis(article_id="x", times=(time,))
    feats = doc_features(Analyzed(Article(id="x", text=text), analysis))
    assert feats.incident_days is None
    assert event_days(feats) == ("2025-03-02",)


def test_cluster_places_floor_asks_for_the_same_day_not_the_date_factors_slack() -> None:
    # Two shootings two days apart, each with a 17-year-old, one report naming no
    # place: the date factor's tolerance (2 days) would have given them the floor.
    params = ClusterParams()
    kinds, ages = ({"k:shooting"}, {"k:shooting"}), ({"age:17"}, {"age:17"})
    assert params.signature_tolerance_days < params.date_tolerance_days
    assert same_incident(kinds, ages, ((10,), (10,)), params)
    assert not same_incident(kinds, ages, ((10,), (12,)), params)
    first = _doc({"shot": 1, "porch": 2, "cousin": 1}, [], days=("2025-03-05",))
    other = _doc({"gunfir": 1, "alley": 2, "scooter": 1}, [], days=("2025-03-07",))
    first, other = (replace(d, marks=("age:17",)) for d in (first, other))
    same_day = replace(other, dates=first.dates, incident_days=first.incident_days)
    sim = _block([first, other, same_day, *FILLER], params)
    assert sim[0, 2] >= params.signature_floor
    assert sim[0, 1] < params.threshold
    old = _block([first, other, *FILLER], replace(params, signature_tolerance_days=2))
    assert old[0, 1] >= params.signature_floor
