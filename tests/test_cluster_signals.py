"""Event-telling signals: main year, name salience, titles, storyline name/place agreement."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from storyline.story.clustering import ClusterParams, DocFeatures, StoryClusterer
from storyline.story.clustering.batch import BlockDoc, pair_similarity
from storyline.story.clustering.features import entity_key, main_year
from storyline.story.clustering.similarity import DocStats, doc_vector, name_vector

LOCAL = Path(__file__).resolve().parents[1] / "eval" / "data" / "local_news_clusters.jsonl"


def _doc(terms: dict[str, int], **kw: object) -> DocFeatures:
    return DocFeatures(terms=tuple(sorted(terms.items())), **kw)  # type: ignore[arg-type]


def test_cluster_signals_main_year_prefers_event_days_then_publication() -> None:
    assert main_year(["2012-06-08", "2012-06-09", "2010-09-01"], "2013-05-03") == "2012"
    assert main_year([], "2013-05-03") == "2013"
    assert main_year([], None) is None


def test_cluster_signals_titles_and_ranks_are_not_part_of_a_name() -> None:
    assert entity_key("Detective Inspector Carla Whitby") == "carla whitby"
    assert entity_key("Sgt. Owen Pryce") == "owen pryce"
    assert entity_key("Inspector") == "inspector"  # a lone title stays a key


def test_cluster_signals_main_actor_outweighs_a_passing_name() -> None:
    stats = DocStats()
    feats = _doc(
        {"fire": 2},
        entities=(("lena brackett", "PERSON"), ("tom vey", "PERSON")),
        mentions=(("lena brackett", 4), ("tom vey", 1)),
    )
    for _ in range(3):
        stats.add(feats)
    # The similarity vector keeps every name at one weight; the name factor does not.
    vec = doc_vector(feats, stats, ClusterParams())
    assert vec["e:lena brackett"] == vec["e:tom vey"]
    names = name_vector(feats, stats, ClusterParams())
    assert names["e:lena brackett"] > names["e:tom vey"]
    flat = name_vector(feats, stats, ClusterParams(name_salience=False))
    assert flat["e:lena brackett"] == flat["e:tom vey"]


def test_cluster_signals_features_from_older_stores_still_load() -> None:
    old = {"terms": [["fir", 2]], "entities": [], "places": [], "dates": [], "published": None}
    feats = DocFeatures.from_dict(old)
    assert feats.year is None and feats.mentions == ()
    assert DocFeatures.from_dict(json.loads(json.dumps(feats.to_dict()))) == feats


def test_cluster_signals_different_years_split_look_alike_events() -> None:
    words = {"title": 3, "defenc": 2, "knockout": 2, "champion": 2}
    # Years only (no days): nothing else tells the two title defences apart.
    a = _doc(words, year="2008")
    b = _doc(words, year="2012")
    c = _doc(words, year="2008")
    docs = [("a", a), ("b", b), ("c", c)]
    split = StoryClusterer(ClusterParams(year_conflict=0.05)).add_batch(docs)
    assert split["a"].story_id == split["c"].story_id != split["b"].story_id
    online = StoryClusterer(ClusterParams(year_conflict=0.05))
    placed = {k: online.add(k, f) for k, f in docs}
    assert placed["a"].story_id == placed["c"].story_id != placed["b"].story_id
    joined = StoryClusterer(ClusterParams(year_conflict=1.0)).add_batch(docs)
    assert len({p.story_id for p in joined.values()}) == 1


def test_cluster_signals_storyline_needs_a_shared_name_or_place() -> None:
    vec = {"shoot": 1.0}
    same = BlockDoc(vec, {"p:canal street": 3.0}, {"e:kofi mensah": 3.0}, (), None)
    also = BlockDoc(vec, {"p:canal street": 3.0}, {"e:kofi mensah": 3.0}, (), None)
    other = BlockDoc(vec, {"p:mill lane": 3.0}, {"e:paul ostrowski": 3.0}, (), None)
    params = ClusterParams()
    _, line = pair_similarity([same, also, other], params)
    assert line[0, 1] == 1.0
    assert line[0, 2] == params.storyline_conflict
    _, off = pair_similarity([same, also, other], replace(params, storyline_conflict=1.0))
    assert off[0, 2] == 1.0


def test_cluster_signals_local_news_set_is_well_formed() -> None:
    rows = [json.loads(line) for line in LOCAL.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 25 and len({r["id"] for r in rows}) == len(rows)
    events = {r["event"] for r in rows}
    assert len(events) >= 8
    for r in rows:
        assert {"id", "published", "outlet", "title", "text", "event", "storyline"} <= set(r)
    # The set's point: several same-kind incidents on one day, and late follow-ups.
    first_day = [r for r in rows if r["published"] == "2025-05-12"]
    assert len({r["event"] for r in first_day}) >= 4
    assert any(r["published"] >= "2025-06-01" for r in rows)
