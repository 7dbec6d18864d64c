"""Main actors of a report and the actor floor: people named by an office do not count.

All reports here are fiction written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span
from storyline.story.clustering import ClusterParams, DocFeatures, StoryClusterer, doc_features
from storyline.story.clustering.features import named_by_office
from storyline.story.clustering.similarity import main_people


def _person(text: str, *names: str) -> Analyzed:
    """An article with every occurrence of each name tagged PERSON (key: the full name)."""
    mentions = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(Span(start, start + len(name)), name, "PERSON", names[0]))
            start = text.find(name, start + 1)
    analysis = ArticleAnalysis(article_id="x", entities=tuple(mentions))
    return Analyzed(Article(id="x", text=text, published="2025-04-08"), analysis)


def _at(text: str, name: str) -> bool:
    start = text.index(name)
    return named_by_office(text, start, start + len(name))


def test_cluster_actors_an_office_before_or_after_the_name() -> None:
    assert _at("police spokesman Tom Vey said the man died", "Tom Vey")
    assert _at("Sgt. Tom Vey said the man died", "Tom Vey")
    assert _at("Tom Vey, a police spokesman, said", "Tom Vey")
    assert _at("Tom Vey, the county coroner, said", "Tom Vey")
    assert _at("Sheriff Ann Cole said", "Sheriff Ann Cole")  # the title inside the name


def test_cluster_actors_victims_and_suspects_are_no_officials() -> None:
    assert not _at("Tom Vey, 24, was shot in the chest", "Tom Vey")
    assert not _at("the victim, Tom Vey, was shot", "Tom Vey")
    assert not _at("Tom Vey, who was shot by an officer, died", "Tom Vey")
    # A police officer shoots and is shot: no office here.
    assert not _at("Officer Tom Vey was shot on Main Street", "Tom Vey")


def test_cluster_actors_main_people_leave_out_officials_and_institutions() -> None:
    text = (
        "Dana Pruitt was shot on Kell Street. Police spokesman Rob Anand said Dana Pruitt "
        "was taken to Mercy Hospital. Rob Anand said no one was arrested. "
        "Mercy Hospital said Pruitt was stable; Mercy Hospital staff were praised."
    )
    item = _person(text, "Dana Pruitt", "Pruitt")
    item = replace(
        item,
        analysis=replace(
            item.analysis,
            entities=item.analysis.entities
            + _person(text, "Rob Anand").analysis.entities
            + _person(text, "Mercy Hospital").analysis.entities,
        ),
    )
    feats = doc_features(item)
    assert feats.officials == ("rob anand",)
    assert main_people(feats) == frozenset({"dana pruitt"})


def test_cluster_actors_officials_survive_the_store_and_old_rows_load() -> None:
    feats = DocFeatures(terms=(("shot", 1),), officials=("rob anand",))
    assert DocFeatures.from_dict(feats.to_dict()) == feats
    old = feats.to_dict()
    del old["officials"]
    assert DocFeatures.from_dict(old).officials == ()


def _report(words: dict[str, int], people: list[str], published: str) -> DocFeatures:
    return DocFeatures(
        terms=tuple(sorted(words.items())),
        entities=tuple(sorted((p, "PERSON") for p in people)),
        mentions=tuple(sorted((p, 2) for p in people)),
        published=published,
        officials=tuple(p for p in people if p.startswith("chief")),
    )


FIRST = _report(
    {"shot": 9, "porch": 9, "neighbour": 9, "siren": 9, "hedg": 9, "midnight": 9, "blu": 9},
    ["lyle dunmore"],
    "2025-03-05",
)
TRIAL = _report(
    {"shoot": 9, "jury": 9, "verdict": 9, "sentenc": 9, "appeal": 9, "plea": 9, "gallery": 9},
    ["lyle dunmore"],
    "2025-06-20",
)
OTHER = _report(
    {"shot": 1, "alley": 2, "wallet": 1, "bicycl": 2, "rain": 1}, ["chief ada moss"], "2025-03-21"
)
SPOKEN = _report(
    {"shot": 1, "garag": 2, "dog": 1, "tenant": 2, "ladder": 1}, ["chief ada moss"], "2025-11-22"
)
FILLER = [_report({"council": 1, f"item{i}": 1}, [f"member {i}"], "2025-06-01") for i in range(8)]


def test_cluster_actors_a_trial_months_later_joins_its_shooting_by_the_victim() -> None:
    docs = [*FILLER, FIRST, TRIAL]
    on = StoryClusterer().add_batch([(str(i), d) for i, d in enumerate(docs)])
    assert on["8"].story_id == on["9"].story_id
    off = StoryClusterer(ClusterParams(person_floor=0.0))
    placed = off.add_batch([(str(i), d) for i, d in enumerate(docs)])
    assert placed["8"].story_id != placed["9"].story_id  # the words alone split them
    online = StoryClusterer()
    for i, d in enumerate(docs):
        last = online.add(str(i), d)
    assert last.story_id == online.placements["8"].story_id


def test_cluster_actors_a_shared_official_joins_nothing() -> None:
    docs = [*FILLER, OTHER, SPOKEN]
    placed = StoryClusterer().add_batch([(str(i), d) for i, d in enumerate(docs)])
    assert placed["8"].story_id != placed["9"].story_id
    # Were the chief a main actor, the floor would join the two shootings.
    plain = [replace(d, officials=()) for d in docs]
    joined = StoryClusterer().add_batch([(str(i), d) for i, d in enumerate(plain)])
    assert joined["8"].story_id == joined["9"].story_id


def test_cluster_actors_the_outlet_is_no_name_of_the_story() -> None:
    from storyline.story.clustering.features import is_outlet, outlet_labels

    assert outlet_labels("www.wqxk.com:80") == ("wqxk",)
    assert is_outlet("wqxk", outlet_labels("wqxk.com"))
    assert is_outlet("wqxk 7 news", outlet_labels("wqxk.com"))
    assert is_outlet("harbour gazette", outlet_labels("harbourgazette.com"))
    # The town in a subdomain or the start of an address is a place, not the outlet.
    assert not is_outlet("lowell", outlet_labels("lowell.dailyplanet.com"))
    assert not is_outlet("lowell police", outlet_labels("lowellnews.com"))
    assert outlet_labels(None) == ()
    text = "WQXK 7 News learned that Dana Pruitt was shot. Dana Pruitt died."
    item = _person(text, "Dana Pruitt")
    start = text.index("WQXK 7 News")
    outlet = Mention(Span(start, start + 11), "WQXK 7 News", "ORG", "WQXK 7 News")
    item = replace(
        item,
        article=replace(item.article, source="wqxk.com"),
        analysis=replace(item.analysis, entities=(*item.analysis.entities, outlet)),
    )
    keys = [k for k, _ in doc_features(item).entities]
    assert keys == ["dana pruitt"]
    other = replace(item, article=replace(item.article, source="harbourgazette.com"))
    assert "wqxk 7 news" in [k for k, _ in doc_features(other).entities]
