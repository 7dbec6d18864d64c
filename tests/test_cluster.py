"""Story clustering: look-alike incidents apart, follow-ups together, ids that never change."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span, TimeExpr
from storyline.story.clustering import (
    ClusterParams,
    DocFeatures,
    Placement,
    StoryClusterer,
    doc_features,
    story_id_for,
)

# Fictional local news: two shootings on the same day in two towns, a follow-up on
# the first three weeks later, and an unrelated warehouse fire.
REPORTS: dict[str, tuple[str, str, str]] = {
    "mill-1": (
        "2025-05-06",
        "Man shot dead on Elm Street in Millbrook",
        "A 34-year-old man was shot dead on Elm Street in Millbrook on May 6, 2025, police said. "
        "Officers found Darnell Okafor with gunshot wounds outside a corner shop shortly after "
        "9 p.m. Millbrook police chief Rita Vance said detectives were looking for a grey "
        "hatchback seen leaving the street. Neighbours described Okafor as a quiet mechanic.",
    ),
    "mill-2": (
        "2025-05-07",
        "Millbrook police appeal for witnesses after Elm Street killing",
        "Detectives in Millbrook appealed for witnesses on Wednesday after Darnell Okafor was "
        "shot outside a shop on Elm Street on May 6, 2025. Chief Rita Vance said a grey "
        "hatchback was seen driving away and asked drivers with dashboard cameras to come "
        "forward. Okafor, a mechanic, died at the scene.",
    ),
    "mill-3": (
        "2025-05-07",
        "Vigil held for Elm Street shooting victim",
        "Friends of Darnell Okafor gathered on Elm Street in Millbrook for a vigil, a day after "
        "the mechanic was shot dead outside a corner shop on May 6, 2025. Police chief Rita "
        "Vance said the investigation into the shooting was making progress.",
    ),
    "harw-1": (
        "2025-05-06",
        "Man shot dead on Quarry Road in Harwick",
        "A man was shot dead on Quarry Road in Harwick on May 6, 2025, police said. Tomas "
        "Reyhner, 41, was found with gunshot wounds near a bus stop shortly before midnight. "
        "Harwick police sergeant Ian Maddox said officers were searching for two men who ran "
        "towards the railway line. Reyhner worked as a baker.",
    ),
    "harw-2": (
        "2025-05-07",
        "Harwick police hunt two men after Quarry Road shooting",
        "Police in Harwick were searching on Wednesday for two men seen running from Quarry "
        "Road after Tomas Reyhner was shot dead near a bus stop on May 6, 2025. Sergeant Ian "
        "Maddox said the baker had no known enemies and urged witnesses to call.",
    ),
    "harw-3": (
        "2025-05-08",
        "Harwick baker's family pays tribute",
        "The family of Tomas Reyhner, the baker shot dead on Quarry Road in Harwick on May 6, "
        "2025, said he was a generous man who fed half the street. Sergeant Ian Maddox said two "
        "men seen near the railway line were still being sought.",
    ),
    "fire-1": (
        "2025-05-09",
        "Warehouse destroyed by fire in Dunmore",
        "A fire destroyed a furniture warehouse on the Dunmore industrial estate on May 9, 2025. "
        "Fire crews from three stations fought the blaze for six hours, and nobody was hurt. "
        "Station officer Lena Brackett said the cause was not yet known.",
    ),
    "mill-late": (
        "2025-05-28",
        "Man charged with Elm Street murder of Darnell Okafor",
        "A 27-year-old man has been charged with the murder of Darnell Okafor, who was shot "
        "dead on Elm Street in Millbrook on May 6, 2025. Corey Lindqvist appeared in court on "
        "Tuesday and was remanded in custody. Police chief Rita Vance thanked witnesses whose "
        "dashboard cameras captured the grey hatchback.",
    ),
}

_DATE = re.compile(
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December) (\d{1,2}), (\d{4})"
)
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
_MONTHS += ["September", "October", "November", "December"]


def analyse(nlp: Any, aid: str, published: str | None, title: str | None, text: str) -> Analyzed:
    """An Analyzed item from spaCy entities and sentences, dates found by a small regex."""
    doc = nlp(text)
    mentions = tuple(
        Mention(Span(e.start_char, e.end_char), e.text, e.label_, e.text) for e in doc.ents
    )
    times = tuple(
        TimeExpr(
            Span(m.start(), m.end()),
            m.group(),
            "DATE",
            f"{m.group(3)}-{_MONTHS.index(m.group(1)) + 1:02d}-{int(m.group(2)):02d}",
            "day",
        )
        for m in _DATE.finditer(text)
    )
    sentences = tuple(Span(s.start_char, s.end_char) for s in doc.sents)
    article = Article(id=aid, text=text, title=title, published=published)
    return Analyzed(
        article, ArticleAnalysis(aid, sentences=sentences, entities=mentions, times=times)
    )


@pytest.fixture(scope="module")
def feats(nlp: Any) -> dict[str, DocFeatures]:
    return {
        aid: doc_features(analyse(nlp, aid, day, title, body))
        for aid, (day, title, body) in REPORTS.items()
    }


def stories_of(placed: dict[str, Placement]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for aid, p in placed.items():
        groups.setdefault(p.story_id, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


MILL = frozenset({"mill-1", "mill-2", "mill-3", "mill-late"})
HARW = frozenset({"harw-1", "harw-2", "harw-3"})


def test_cluster_online_keeps_same_day_incidents_in_two_towns_apart(
    feats: dict[str, DocFeatures],
) -> None:
    clusterer = StoryClusterer()
    placed = {aid: clusterer.add(aid, feats[aid]) for aid in REPORTS}
    assert stories_of(placed) == {MILL, HARW, frozenset({"fire-1"})}


def test_cluster_batch_keeps_same_day_incidents_in_two_towns_apart(
    feats: dict[str, DocFeatures],
) -> None:
    placed = StoryClusterer().add_batch([(aid, feats[aid]) for aid in reversed(REPORTS)])
    assert stories_of(placed) == {MILL, HARW, frozenset({"fire-1"})}


def test_cluster_story_id_comes_from_founding_article(feats: dict[str, DocFeatures]) -> None:
    placed = StoryClusterer().add_batch([(aid, feats[aid]) for aid in reversed(REPORTS)])
    # In a batch the founder is the earliest report (ties by id), whatever the input order.
    assert placed["mill-late"].story_id == story_id_for("mill-1")
    assert placed["harw-3"].story_id == story_id_for("harw-1")


def test_cluster_adding_articles_never_renames_stories(feats: dict[str, DocFeatures]) -> None:
    clusterer = StoryClusterer()
    first = {aid: clusterer.add(aid, feats[aid]) for aid in ["mill-2", "harw-2"]}
    clusterer.add_batch([(aid, feats[aid]) for aid in REPORTS if aid not in first])
    for aid, placement in first.items():
        assert clusterer.placements[aid] == placement
        assert clusterer.add(aid, feats[aid]) == placement  # re-adding is idempotent
    assert clusterer.placements["mill-1"].story_id == story_id_for("mill-2")
    assert clusterer.placements["harw-1"].story_id == story_id_for("harw-2")


def test_cluster_old_batch_added_later_lands_in_the_right_stories(
    feats: dict[str, DocFeatures],
) -> None:
    clusterer = StoryClusterer()
    for aid in ["mill-late", "harw-3", "fire-1"]:
        clusterer.add(aid, feats[aid])
    old = clusterer.add_batch([(aid, feats[aid]) for aid in ["mill-1", "mill-2", "harw-1"]])
    assert old["mill-1"] == old["mill-2"] == clusterer.placements["mill-late"]
    assert old["harw-1"] == clusterer.placements["harw-3"]


def test_cluster_restore_rebuilds_state_without_deciding(feats: dict[str, DocFeatures]) -> None:
    original = StoryClusterer()
    placed = {aid: original.add(aid, feats[aid]) for aid in REPORTS if aid != "mill-late"}
    rebuilt = StoryClusterer()
    for aid, placement in placed.items():
        rebuilt.restore(aid, feats[aid], placement)
    assert rebuilt.placements == original.placements
    assert rebuilt.add("mill-late", feats["mill-late"]) == placed["mill-1"]
    # A stored placement is taken as it is, even one the clusterer would not choose.
    forced = Placement("s-kept", "l-kept")
    other = StoryClusterer()
    other.restore("fire-1", feats["fire-1"], forced)
    assert other.placements["fire-1"] == forced


def test_cluster_features_json_round_trip(feats: dict[str, DocFeatures]) -> None:
    for f in feats.values():
        assert DocFeatures.from_dict(json.loads(json.dumps(f.to_dict()))) == f
    f = feats["mill-1"]
    assert "millbrook" in f.places and "2025-05-06" in f.dates and f.published == "2025-05-06"
    p = Placement("s-1", "l-1")
    assert Placement.from_dict(json.loads(json.dumps(p.to_dict()))) == p
    params = ClusterParams(threshold=0.3)
    assert ClusterParams.from_dict(json.loads(json.dumps(params.to_dict()))) == params


def test_cluster_features_skip_boilerplate(nlp: Any) -> None:
    from storyline.model import Boilerplate

    text = "Photo: gallery of puppies. The bridge over the Ailen reopened."
    item = analyse(nlp, "x", None, None, text)
    masked = Analyzed(
        item.article,
        ArticleAnalysis("x", boilerplate=(Boilerplate(Span(0, 26), "caption"),)),
    )
    words = dict(doc_features(masked).terms)
    assert "bridg" in words and "puppy" not in words and "puppi" not in words


def test_cluster_seeds_form_one_storyline(nlp: Any, seeds_dir: Path) -> None:
    paths = sorted(seeds_dir.glob("*.txt"))
    items = [analyse(nlp, p.stem, None, None, p.read_text(encoding="utf-8")) for p in paths]
    docs = [(i.article.id, doc_features(i)) for i in items]
    batch = StoryClusterer().add_batch(docs)
    assert len({p.storyline_id for p in batch.values()}) == 1
    online = StoryClusterer()
    placed = [online.add(aid, f) for aid, f in docs]
    assert len({p.storyline_id for p in placed}) == 1


def test_cluster_every_parameter_documented_with_its_default() -> None:
    from dataclasses import fields

    doc = (Path(__file__).resolve().parents[1] / "docs" / "clustering.md").read_text("utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \|", doc, re.M))
    defaults = ClusterParams()
    for f in fields(ClusterParams):
        assert f.name in rows, f.name
        value = getattr(defaults, f.name)
        assert rows[f.name].strip() == str(value) or float(rows[f.name]) == value, f.name
