"""A story's key: the same bytes hashed however the code gathers them (stored keys stay valid)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from storyline.store import ANALYSIS_VERSION
from storyline.update.stories import ASSEMBLY_VERSION, story_key


def _reference(
    story: tuple[str, str],
    members: Sequence[tuple[str, str | None]],
    duplicate_of: Mapping[str, str],
    max_sentences: int,
) -> str:
    """The key as the stores hold it: each part hashed after the last, in this order."""
    h = hashlib.sha1()
    for part in (ASSEMBLY_VERSION, str(ANALYSIS_VERSION), str(max_sentences), *story):
        h.update(part.encode("utf-8") + b"\x00")
    for article_id, published in members:
        h.update(f"{article_id}\x01{published or ''}\x00".encode())
    ids = {a for a, _ in members}
    for copy, original in sorted((c, o) for c, o in duplicate_of.items() if c in ids and o in ids):
        h.update(f"{copy}\x02{original}\x00".encode())
    return h.hexdigest()


def test_story_key_hashes_the_parts_the_stores_were_keyed_by() -> None:
    cases: list[tuple[tuple[str, str], list[tuple[str, str | None]], dict[str, str], int]] = [
        (("s-1", "l-1"), [("a", "2020-01-01"), ("b", None), ("é", "2020-01-02")], {}, 6),
        (("s-1", "l-1"), [("a", "2020-01-01"), ("b", None)], {"b": "a", "x": "a"}, 6),
        (("s-2", "l-2"), [], {}, 4),
        (("s-3", "l-3"), [("c", "2021-05-05T10:00:00")], {"c": "gone"}, 6),
    ]
    for story, members, copies, sentences in cases:
        assert story_key(story, members, copies, sentences) == _reference(
            story, members, copies, sentences
        )
    one = story_key(("s-1", "l-1"), [("a", None)], {}, 6)
    assert one != story_key(("s-1", "l-1"), [("a", "2020-01-01")], {}, 6)
    assert one != story_key(("s-1", "l-2"), [("a", None)], {}, 6)
