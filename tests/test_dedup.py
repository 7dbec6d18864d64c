"""Near-duplicates: trimmed, re-headlined and padded copies found; distinct reports kept."""

from __future__ import annotations

import numpy as np

from storyline.model import Analyzed, Article, ArticleAnalysis, Boilerplate, Span
from storyline.story.dedup.minhash import (
    DuplicateIndex,
    count_originals,
    find_duplicate_groups,
    find_duplicates,
    is_copy,
    shingles,
    sources_label,
    visible_text,
)

# A fictional wire report, paragraph by paragraph.
WIRE = [
    "Floodwater swept through the lower streets of Carrow Bridge on Tuesday night after the "
    "river Ailen burst its banks, forcing about two hundred residents from their homes.",
    "Emergency crews in small boats carried elderly people from the terraced houses along "
    "Mill Lane, while volunteers filled sandbags outside the parish hall until past midnight.",
    "The district engineer, Hanna Soltvedt, said the new flood wall had held for most of the "
    "evening but was overtopped when a second surge arrived shortly before eleven o'clock.",
    "Three people were treated in hospital for hypothermia and one man remains missing, "
    "according to the regional police, who asked residents to keep away from the water.",
    "Forecasters expect more rain over the hills on Thursday and have kept an amber warning "
    "in place for the whole valley until the weekend.",
]
# Another fictional report on the same flood, written independently.
OTHER = [
    "Residents of Carrow Bridge spent a second night in the parish hall as the river Ailen "
    "stayed above its banks, with water still lapping at doorsteps on Mill Lane.",
    "Council leader Bram Ostrander promised an inquiry into why the flood wall, finished "
    "only last spring, had failed to keep the surge out of the lower town.",
    "Shopkeepers counted the cost of ruined stock, and an insurer's assessor said claims "
    "could run to several million over the coming months.",
    "Police said the search for a missing man had been scaled back overnight and would "
    "resume at first light with a helicopter and divers.",
]


def text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def item(aid: str, body: str, published: str | None, head: str | None = None) -> Analyzed:
    full = f"{head}\n\n{body}" if head else body
    boiler = (Boilerplate(Span(0, len(head)), "headline"),) if head else ()
    return Analyzed(
        Article(id=aid, text=full, published=published), ArticleAnalysis(aid, boilerplate=boiler)
    )


def test_dedup_exact_copy_is_copy() -> None:
    assert is_copy(shingles(text(WIRE)), shingles(text(WIRE)))


def test_dedup_trimmed_copy_is_copy() -> None:
    assert is_copy(shingles(text(WIRE)), shingles(text(WIRE[:2])))


def test_dedup_padded_copy_is_copy() -> None:
    local = "The mayor of the neighbouring town offered the use of its sports centre as a shelter."
    padded = [*WIRE[:2], local, *WIRE[2:]]
    assert is_copy(shingles(text(WIRE)), shingles(text(padded)))


def test_dedup_lightly_edited_copy_is_copy() -> None:
    edited = [p.replace("Tuesday", "Tuesday evening").replace("about", "some") for p in WIRE]
    assert is_copy(shingles(text(WIRE)), shingles(text(edited)))


def test_dedup_same_story_different_report_is_not_copy() -> None:
    # Same event, same places and names, one shared sentence: still independent.
    assert not is_copy(shingles(text(WIRE)), shingles(text([*OTHER, WIRE[4]])))


def test_dedup_find_duplicates_original_is_earliest() -> None:
    items = [
        item("later", text(WIRE), "2025-03-05", head="River bursts banks in Carrow Bridge"),
        item("wire", text(WIRE), "2025-03-04", head="Floods force 200 from homes"),
        item("trim", text(WIRE[:3]), "2025-03-06"),
        item("own", text(OTHER), "2025-03-05"),
    ]
    assert find_duplicates(items) == {"later": "wire", "trim": "wire"}
    groups = find_duplicate_groups(items)
    assert [g.to_dict() for g in groups] == [{"original": "wire", "copies": ["later", "trim"]}]


def test_dedup_find_duplicates_ties_by_id_and_unknown_dates_last() -> None:
    items = [item("b", text(WIRE), None), item("c", text(WIRE), "2025-03-04")]
    assert find_duplicates(items) == {"b": "c"}
    items = [item("b", text(WIRE), "2025-03-04"), item("a", text(WIRE), "2025-03-04")]
    assert find_duplicates(items) == {"b": "a"}


def test_dedup_index_earlier_arrival_becomes_original() -> None:
    index = DuplicateIndex()
    assert index.add("x", text(WIRE), "2025-03-05") is None
    assert index.add("y", text(WIRE[:3]), "2025-03-06") == "x"
    # An older copy arrives late: it becomes the original of the group.
    assert index.add("z", text(WIRE), "2025-03-04") is None
    assert index.duplicate_of() == {"x": "z", "y": "z"}
    assert [g.to_dict() for g in index.groups()] == [{"original": "z", "copies": ["x", "y"]}]
    assert index.add("own", text(OTHER), "2025-03-05") is None


def test_dedup_visible_text_skips_spans() -> None:
    assert visible_text("abcXYZdef", [Span(3, 6)]) == "abc def"


def test_dedup_independent_sources_collapse_copies() -> None:
    dup = {"b": "a", "c": "a", "d": "a", "e": "a"}
    assert count_originals(["a", "b", "c", "d", "e"], dup) == 1
    assert sources_label(["a", "b", "c", "d", "e"], dup) == "5 reports, 1 independent source"
    assert sources_label(["a", "f"], dup) == "2 reports, 2 independent sources"


def test_dedup_original_of_follows_chains_of_copies() -> None:
    from storyline.story.dedup.minhash import count_originals, original_of

    chain = {"c": "b", "b": "a", "x": "y", "y": "x"}  # a loop must not hang
    assert original_of("c", chain) == "a"
    assert original_of("a", chain) == "a"
    assert original_of("x", chain) in {"x", "y"}
    assert count_originals(["a", "b", "c", "z"], chain) == 2


def test_signature_same_as_datasketch_minhash() -> None:
    # signature() is written without datasketch: its values must be datasketch's own,
    # for texts short and long, with and without repeated words, and for no text at all.
    import random

    from datasketch import MinHash

    from storyline.story.dedup.minhash import NUM_PERM, shingles, signature

    rng = random.Random(7)
    words = ["the", "mayor", "said", "a", "fire", "on", "ridge", "road", "burned", "two", "barns"]
    texts = ["", "one", "Nine words are not quite enough for much of anything."]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(5, 400))) for _ in range(40)]
    for text in texts:
        values = shingles(text)
        theirs = MinHash(num_perm=NUM_PERM)
        theirs.update_batch([int(v).to_bytes(4, "little") for v in values])
        ours = signature(values)
        assert ours.dtype == np.uint32
        assert ours.tolist() == theirs.hashvalues.tolist()


def test_minhash_same_as_a_fresh_datasketch_minhash() -> None:
    # minhash() draws the permutations once and reuses them: the signature must be the
    # one a fresh MinHash (its own draw from the same seed) gives, call after call.
    from datasketch import MinHash

    from storyline.story.dedup.minhash import NUM_PERM, minhash, shingles

    for text in ("Two men were shot on Main Street late on Friday night, police said.", ""):
        values = shingles(text)
        fresh = MinHash(num_perm=NUM_PERM)
        fresh.update_batch([int(v).to_bytes(4, "little") for v in values])
        for _ in range(2):
            assert (minhash(values).hashvalues == fresh.hashvalues).all()
