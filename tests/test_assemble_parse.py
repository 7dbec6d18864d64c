"""The timeline's sentences parsed ahead for every story, and kept between digests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline import api
from storyline.model import Analyzed
from storyline.store.parses import PARSES_SUFFIX
from storyline.story.assemble import Preparsed, date_story, parse_ahead
from storyline.story.timeline.build import build_timeline, timeline_sentences

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


class Recorder:
    """A pipeline stand-in: each text's "doc" is the text upper-cased; calls are recorded."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def pipe(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[str]:
        texts = list(texts)
        self.calls.append(texts)
        return iter([t.upper() for t in texts])


class Spy:
    """The real pipeline, recording the texts it is asked to parse."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.texts: list[str] = []

    def pipe(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Any]:
        texts = list(texts)
        self.texts.extend(texts)
        return iter(list(self.nlp.pipe(texts, batch_size=batch_size)))


@pytest.fixture(scope="module")
def analysed() -> list[Analyzed]:
    return list(api.analyze([EXAMPLES], jobs=1))


def test_assemble_preparsed_hands_out_known_docs_and_parses_the_rest() -> None:
    nlp = Recorder()
    pre = Preparsed(nlp, {"a": "known-a"})
    assert list(pre.pipe(["a", "b", "b", "c"])) == ["known-a", "B", "B", "C"]
    assert nlp.calls == [["b", "c"]]  # each missing text once, in one batch


def test_assemble_parse_ahead_parses_only_unknown_sentences(analysed: list[Analyzed]) -> None:
    story = date_story(analysed)
    texts = timeline_sentences(story.items)
    assert texts and len(set(texts)) == len(texts)
    nlp = Recorder()
    pre = parse_ahead([story, story], nlp, known={texts[0]: "cached"})
    assert nlp.calls == [texts[1:]]
    assert pre.docs == {texts[0]: "cached"} | {t: t.upper() for t in texts[1:]}


def test_timeline_sentences_are_those_build_timeline_parses(
    analysed: list[Analyzed], nlp: Any
) -> None:
    items = date_story(analysed).items
    spy = Spy(nlp)
    plain = build_timeline(items, nlp=spy)
    assert sorted(spy.texts) == sorted(timeline_sentences(items))
    # the same timeline from sentences parsed ahead, with nothing parsed again
    ahead = parse_ahead([date_story(analysed)], nlp)
    spy2 = Spy(nlp)
    assert build_timeline(items, nlp=Preparsed(spy2, ahead.docs)) == plain
    assert spy2.texts == []


def test_api_digest_parse_cache_gives_the_same_report(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = api.digest([EXAMPLES], out_dir=tmp_path / "one", db=db, jobs=1)
    cache = Path(str(db) + PARSES_SUFFIX)
    assert cache.stat().st_size > 0
    second = api.digest([], out_dir=tmp_path / "two", db=db, jobs=1)
    assert second.digest == first.digest
    cache.write_bytes(b"not a cache")  # a broken cache is parsed again, not fatal
    third = api.digest([], out_dir=tmp_path / "three", db=db, jobs=1)
    assert third.digest == first.digest
    stories = (tmp_path / "one" / "stories.json").read_text(encoding="utf-8")
    assert (tmp_path / "three" / "stories.json").read_text(encoding="utf-8") == stories


def test_api_digest_parse_cache_not_rewritten_when_nothing_is_new(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    api.digest([EXAMPLES], out_dir=None, db=db, jobs=1)
    cache = Path(str(db) + PARSES_SUFFIX)
    before = cache.stat()
    api.digest([], out_dir=None, db=db, jobs=1)
    after = cache.stat()  # a rewrite renames a new file into place: a new inode
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
