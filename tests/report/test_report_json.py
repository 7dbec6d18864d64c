"""stories.json and the analyze JSONL records: the contract fields, exactly."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from storyline.model import Digest
from storyline.report import analysis_to_dict, digest_to_dict, write_json

ARTICLE_FIELDS = {
    "id",
    "source",
    "title",
    "published",
    "published_estimated",
    "path",
    "duplicate_of",
}
STORY_FIELDS = {
    "id",
    "title",
    "storyline",
    "articles",
    "summary",
    "timeline",
    "entities",
    "quotes",
    "claims",
    "conflicts",
}


def test_json_has_every_contract_field(digest: Digest) -> None:
    doc = digest_to_dict(digest)
    assert doc["version"] == 1
    assert {a["id"] for a in doc["articles"]} == {"a1", "a2", "a3", "a4", "b1", "b2"}
    for article in doc["articles"]:
        assert set(article) >= ARTICLE_FIELDS
    for story in doc["stories"]:
        assert set(story) >= STORY_FIELDS
        for s in story["summary"]:
            assert {"text", "citations"} <= set(s)
        for t in story["timeline"]:
            assert {"date", "granularity", "text", "articles"} <= set(t)
        for e in story["entities"]:
            assert {"name", "label", "variants", "articles"} <= set(e)
        for q in story["quotes"]:
            assert {"speaker", "text", "variants", "articles"} <= set(q)
        for c in story["claims"]:
            assert {"measure", "value", "about", "attribution", "articles"} <= set(c)
        for c in story["conflicts"]:
            assert {"measure", "about", "values"} <= set(c)
            for v in c["values"]:
                assert {"value", "articles", "attribution"} <= set(v)


def test_json_values_and_added_fields(digest: Digest) -> None:
    doc = digest_to_dict(digest)
    arts = {a["id"]: a for a in doc["articles"]}
    assert arts["a3"]["duplicate_of"] == "a1"
    assert arts["a1"]["duplicate_of"] is None
    assert arts["a3"]["published_estimated"] is True
    flood = doc["stories"][0]
    claim = flood["claims"][0]
    assert claim["value"] == 9 and isinstance(claim["value"], int)
    assert claim["independent"] == 3 and claim["qualifier"] == "exact"
    assert claim["disputed"] is False
    conflict = flood["conflicts"][0]
    assert [v["value"] for v in conflict["values"]] == [7, 12]
    assert conflict["values"][1]["attribution"] == "Tomas Reed"
    passage = flood["summary"][0]["passages"][0]
    text = digest.articles[0].text
    assert passage["article"] == "a1"
    assert text[passage["start"] : passage["end"]] == flood["summary"][0]["text"]
    assert flood["quotes"][0]["altered"] == ["a2"]


def test_json_story_fields_are_serialised(digest: Digest) -> None:
    story = replace(digest.stories[0], duplicate_of={"a3": "a1"})
    digest = replace(digest, stories=(story, *digest.stories[1:]))
    flood = digest_to_dict(digest)["stories"][0]
    assert [d["kind"] for d in flood["disputes"]] == [d.kind for d in story.disputes]
    assert flood["coverage"]["reports"] == 4
    assert flood["coverage"]["independent"] == 3
    assert flood["duplicate_of"] == {"a3": "a1"}
    json.dumps(flood)  # everything is plain JSON


def test_json_write_sorts_keys(digest: Digest, tmp_path: Path) -> None:
    path = write_json(digest, tmp_path / "stories.json")
    raw = path.read_text(encoding="utf-8")
    doc = json.loads(raw)
    assert list(doc) == sorted(doc)
    assert list(doc["stories"][0]) == sorted(doc["stories"][0])
    assert "<script>" in raw  # JSON carries the text as it is; escaping is the renderer's job


def test_json_analysis_record(digest: Digest) -> None:
    article = digest.articles[0]
    analysis = digest.analyses["a1"]
    record = analysis_to_dict(article, analysis, canonical=lambda _a, key: key.upper())
    for field in (
        "id",
        "source",
        "url",
        "title",
        "published",
        "published_estimated",
        "text",
        "boilerplate",
        "entities",
        "times",
        "quotes",
        "claims",
    ):
        assert field in record
    assert record["text"] == article.text
    caption = record["boilerplate"][0]
    assert caption["kind"] == "caption"
    assert article.text[caption["start"] : caption["end"]].startswith("Photo:")
    entity = record["entities"][0]
    assert {"start", "end", "text", "label", "canonical"} <= set(entity)
    assert entity["canonical"] == entity["key"].upper()
    quote = record["quotes"][0]
    assert quote["speaker"] == "ILSA BRANDT"
    assert article.text[quote["speaker_start"] : quote["speaker_end"]] == "Brandt"
    claim = record["claims"][0]
    assert {
        "start",
        "end",
        "measure",
        "value",
        "qualifier",
        "counted",
        "attribution",
        "date",
    } <= set(claim)
    assert claim["value"] == 9
    time = record["times"][0]
    assert time["value"] == "2025-03-02" and time["type"] == "DATE"
    json.dumps(record)
