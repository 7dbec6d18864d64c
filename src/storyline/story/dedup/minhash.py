"""Near-duplicates and syndication: which reports are copies of which.

Wire copy is republished with a new headline, trimmed, lightly edited or padded
with a paragraph of local colour. Each report becomes the set of its word
5-gram shingles (boilerplate skipped); MinHash LSH (datasketch) finds candidate
pairs cheaply, and the exact shingle sets decide: a report is a copy when most
of the shorter text's shingles occur in the other (containment), so a trimmed
or padded copy still counts while two reports that share one quote do not.

Copies form groups; the group's original is its earliest published report (ties
and unknown dates by id), the others are its republications. Agreement counts
independent sources: five copies of one wire report are one source.

``story.dedup.incremental`` gives the same groups at digest time from state kept
in the store, hashing only new reports.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from datasketch import MinHash

from storyline.model import Analyzed, Span

_TOKEN = re.compile(r"\w+")
SHINGLE = 5  # words per shingle: long enough that common phrases rarely collide
NUM_PERM = 128
LSH_THRESHOLD = 0.2  # low, to catch trimmed copies; the exact check decides
CONTAINMENT = 0.4  # share of the shorter text's shingles found in the other
STRONG = 0.8  # a copy this close of any member joins the member's group
SHORT = 12  # texts with fewer shingles need near-identity instead
SHORT_JACCARD = 0.8

Shingles = NDArray[np.uint32]


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """A report and its copies: who published first and who republished."""

    original: str
    copies: tuple[str, ...]  # in publication order

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"original": self.original, "copies": list(self.copies)}


def visible_text(text: str, skip: Iterable[Span]) -> str:
    """The text without the given spans (boilerplate), joined by spaces."""
    parts, pos = [], 0
    for span in sorted(skip):
        if span.start > pos:
            parts.append(text[pos : span.start])
        pos = max(pos, span.end)
    parts.append(text[pos:])
    return " ".join(parts)


def shingles(text: str) -> Shingles:
    """Sorted unique 32-bit hashes of the word 5-grams of a text (lowercased)."""
    words = _TOKEN.findall(text.lower())
    if len(words) < SHINGLE:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    hashes = {zlib.crc32(g.encode("utf-8")) for g in grams}
    return np.array(sorted(hashes), dtype=np.uint32)


# --- MinHash signatures, as datasketch (2.x, its default "affine32" scheme) makes them ---
# Written here so that a digest never imports datasketch: importing it imports SciPy's
# integration routines (its LSH picks band sizes by integrating), a fifth of a second
# of CPU on every digest that hashes a new report. ``tests/test_dedup.py`` compares
# with datasketch's own ``MinHash``, value for value.
SEED = 1  # datasketch's default seed
_EMPTY = np.uint32(0xFFFFFFFF)  # a signature's value before any shingle


@cache
def _permutations() -> tuple[NDArray[np.uint32], NDArray[np.uint32]]:
    """The (a, b) of each permutation h -> a * h + b (mod 2**32), drawn as datasketch does."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(values: NDArray[np.uint32]) -> NDArray[np.uint32]:
    """MurmurHash3's finalizer (a bijection on 32-bit values), as datasketch pre-mixes."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def signature(values: Shingles) -> NDArray[np.uint32]:
    """The MinHash signature of a shingle set: per permutation, the least permuted hash.

    Each shingle is hashed as datasketch's ``sha1_hash32`` hashes its four bytes (little
    endian): the first four bytes of its SHA-1, read little endian.
    """
    if not len(values):
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    raw = values.astype("<u4").tobytes()
    sha1 = hashlib.sha1
    digests = b"".join([sha1(raw[i : i + 4]).digest()[:4] for i in range(0, len(raw), 4)])
    hashed = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1))
    a, b = _permutations()
    least: NDArray[np.uint32] = (hashed * a + b).min(axis=0)  # uint32: wraps mod 2**32
    return least


def minhash(values: Shingles) -> MinHash:
    """The datasketch MinHash of a shingle set (for :class:`DuplicateIndex`'s LSH index)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=signature(values), scheme="affine32")


def containment(a: Shingles, b: Shingles) -> float:
    """Share of the smaller set's shingles found in the other."""
    if not len(a) or not len(b):
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b))


def is_copy(a: Shingles, b: Shingles) -> bool:
    """Whether two shingle sets are one text (copied, trimmed, padded or edited)."""
    if not len(a) or not len(b):
        return False
    shared = len(np.intersect1d(a, b, assume_unique=True))
    small = min(len(a), len(b))
    if small < SHORT:
        return shared / (len(a) + len(b) - shared) >= SHORT_JACCARD
    return shared / small >= CONTAINMENT


def order_key(published: str | None, article_id: str) -> tuple[int, str, str]:
    """Earliest first; unknown dates after known ones; ties by id."""
    return (0, published, article_id) if published else (1, "", article_id)


class Groups:
    """Union-find over copy links whose root is always the group's original."""

    def __init__(self) -> None:
        self.published: dict[str, str | None] = {}
        self.parent: dict[str, str] = {}

    def add(self, article_id: str, published: str | None, original: str | None = None) -> None:
        """A report on its own, or (restored state) a copy of a known original."""
        self.published[article_id] = published
        self.parent[article_id] = original or article_id

    def root(self, article_id: str) -> str:
        """The original of the report's group."""
        parent = self.parent
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    def union(self, a: str, b: str) -> None:
        """Merge two groups; the earlier original stays the root."""
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return
        first, second = sorted((ra, rb), key=lambda i: order_key(self.published[i], i))
        self.parent[second] = first

    def best_group(
        self,
        values: Shingles,
        candidates: Iterable[str],
        shingles_of: Callable[[str], Shingles],
    ) -> str | None:
        """The original of the one group a report joins among its candidates, if any.

        A report joins as a copy of a group's original, or as a near-exact copy of
        one of its members. Weaker copy-of-a-copy chains (A~B, B~C, A!~C) and
        compilations of two reports would otherwise glue distinct groups.
        """
        links: dict[str, float] = {}
        for other in candidates:
            theirs = shingles_of(other)
            if not is_copy(values, theirs):
                continue
            root = self.root(other)
            share = containment(values, theirs)
            if other != root and share < STRONG and not is_copy(values, shingles_of(root)):
                continue
            links[root] = max(links.get(root, 0.0), share)
        return max(links, key=lambda r: (links[r], r), default=None)


class DuplicateIndex:
    """Incremental near-duplicate finder for the store path."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH  # not at import: it imports SciPy (see above)

        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._shingles: dict[str, Shingles] = {}
        self._groups = Groups()

    def add(self, article_id: str, text: str, published: str | None = None) -> str | None:
        """Index a report; return its original's id if it is a copy of an earlier one.

        Returns None for a report that is no copy, or that predates every report it
        copies (it then becomes the group's original: see :meth:`original_of`).
        """
        if article_id in self._shingles:
            original = self.original_of(article_id)
            return None if original == article_id else original
        values = shingles(text)
        signature = minhash(values)
        best = self._groups.best_group(
            values, self._lsh.query(signature), self._shingles.__getitem__
        )
        self._shingles[article_id] = values
        self._groups.add(article_id, published)
        if best is not None:
            self._groups.union(article_id, best)
        self._lsh.insert(article_id, signature)
        original = self._groups.root(article_id)
        return None if original == article_id else original

    def original_of(self, article_id: str) -> str:
        """The original of the report's group (the report itself if it is no copy)."""
        return self._groups.root(article_id)

    def duplicate_of(self) -> dict[str, str]:
        """Every copy's id mapped to its original's id."""
        root = self._groups.root
        return {a: r for a in self._groups.parent if (r := root(a)) != a}

    def groups(self) -> list[DuplicateGroup]:
        """Every group with at least one copy."""
        published = self._groups.published
        members: dict[str, list[str]] = {}
        for copy, original in self.duplicate_of().items():
            members.setdefault(original, []).append(copy)
        return [
            DuplicateGroup(original, tuple(sorted(c, key=lambda i: order_key(published[i], i))))
            for original, c in sorted(members.items())
        ]


def _indexed(items: Sequence[Analyzed]) -> DuplicateIndex:
    index = DuplicateIndex()
    for item in sorted(items, key=lambda x: order_key(x.article.published, x.article.id)):
        skip = [b.span for b in item.analysis.boilerplate]
        index.add(item.article.id, visible_text(item.article.text, skip), item.article.published)
    return index


def find_duplicates(items: Sequence[Analyzed]) -> dict[str, str]:
    """Map each copy's article id to its original's (earliest published, ties by id)."""
    return _indexed(items).duplicate_of()


def find_duplicate_groups(items: Sequence[Analyzed]) -> list[DuplicateGroup]:
    """Every group of copies: who published first and who republished, in order."""
    return _indexed(items).groups()


def original_of(article_id: str, duplicate_of: Mapping[str, str]) -> str:
    """The original a copy descends from, following chains of copies (itself if no copy)."""
    seen = {article_id}
    while article_id in duplicate_of and duplicate_of[article_id] not in seen:
        article_id = duplicate_of[article_id]
        seen.add(article_id)
    return article_id


def count_originals(article_ids: Iterable[str], duplicate_of: Mapping[str, str]) -> int:
    """How many independent reports among these: copies of one original count once."""
    return len({original_of(a, duplicate_of) for a in article_ids})


def sources_label(article_ids: Sequence[str], duplicate_of: Mapping[str, str]) -> str:
    """'5 reports, 1 independent source' for a set of reports."""
    n = len(set(article_ids))
    k = count_originals(article_ids, duplicate_of)
    reports = "report" if n == 1 else "reports"
    sources = "source" if k == 1 else "sources"
    return f"{n} {reports}, {k} independent {sources}"
