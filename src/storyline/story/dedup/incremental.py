"""Near-duplicates at digest time: only new reports are shingled and hashed.

``find_duplicates`` adds every report, in publication order, to a fresh index.
Its result is a function of the copy graph: two reports are linked when the LSH
proposes the pair (a shared band key) and the exact shingle check passes. A
report's decision depends only on the reports linked to it, so the groups of one
connected component of that graph never depend on another component.

The store keeps, per report, its shingle set, its MinHash signature, its band
keys (indexed, so that a new report's candidates are found without loading the
store) and the component it belongs to. A digest then hashes its new reports
only, links them to their candidates, merges the components they touch, and
replays the grouping in each touched component from the earliest changed report
on: the decisions of earlier members are unchanged (they never saw the new
report), so their stored originals are restored as they are. The result is the
map ``find_duplicates`` would give over all the reports, including a new report
older than the stored reports it copies, which becomes their group's original.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from storyline.model import Analyzed
from storyline.story.dedup.minhash import (
    Groups,
    Shingles,
    is_copy,
    order_key,
    shingles,
    signature,
    visible_text,
)

#: Bumped when shingles, signatures or band keys change meaning: stored state is then
#: dropped and rebuilt.
STATE_VERSION = "1"

# The band layout datasketch's index picks for our threshold and signature length, so
# that a stored band key collides exactly when datasketch's LSH would propose the pair.
# Written out: datasketch picks it by integrating with SciPy, which a digest need not
# import (``tests/test_dedup_incremental.py`` checks these against datasketch's choice).
BANDS, ROWS = 28, 2

Band = tuple[int, int]
Order = tuple[int, str, str]


@dataclass(frozen=True, slots=True, eq=False)  # arrays: compare them with numpy
class Fingerprint:
    """What near-duplicate detection keeps of a report: shingles and MinHash values."""

    shingles: Shingles
    signature: NDArray[np.uint32]

    def bands(self) -> list[Band]:
        """The LSH band keys, (band number, key); none for a text without shingles."""
        if not len(self.shingles):
            return []  # never a copy of anything: nothing to propose
        rows = self.signature[: BANDS * ROWS].reshape(BANDS, ROWS).astype(">u4")
        return [(n, _key(row.tobytes())) for n, row in enumerate(rows)]

    def pack(self) -> tuple[bytes, bytes]:
        """(signature, shingles) as bytes for the store."""
        return self.signature.astype("<u4").tobytes(), self.shingles.astype("<u4").tobytes()

    @classmethod
    def unpack(cls, stored: tuple[bytes, bytes]) -> Fingerprint:
        """Rebuild from :meth:`pack`'s bytes."""
        signature, values = stored
        return cls(
            np.frombuffer(values, dtype="<u4").astype(np.uint32),
            np.frombuffer(signature, dtype="<u4").astype(np.uint32),
        )


def _key(raw: bytes) -> int:
    # Up to two 32-bit values fit a signed 64-bit SQLite integer exactly.
    if len(raw) > 8:
        raw = hashlib.blake2b(raw, digest_size=8).digest()
    return int.from_bytes(raw, "big", signed=len(raw) == 8)


def fingerprint(item: Analyzed) -> Fingerprint:
    """Shingle and hash one report (boilerplate skipped): the costly step."""
    skip = [b.span for b in item.analysis.boilerplate]
    values = shingles(visible_text(item.article.text, skip))
    return Fingerprint(values, signature(values))


class DuplicateState(Protocol):
    """The stored near-duplicate state (``storyline.store.Store`` provides it)."""

    def dedup_known(self, version: str) -> dict[str, tuple[str | None, str]]: ...
    def dedup_candidates(self, bands: Sequence[Band]) -> set[str]: ...
    def dedup_members(self, components: Iterable[str]) -> list[str]: ...
    def dedup_fingerprints(self, ids: Iterable[str]) -> dict[str, tuple[bytes, bytes]]: ...
    def save_dedup(
        self,
        article_id: str,
        published: str | None,
        component: str,
        fingerprint: tuple[bytes, bytes],
        bands: Iterable[Band],
    ) -> None: ...
    def update_dedup(self, article_id: str, published: str | None, component: str) -> None: ...
    def forget_dedup(self, article_id: str, bands: Iterable[Band]) -> None: ...
    def duplicates(self) -> dict[str, str]: ...
    def save_duplicate(self, article_id: str, original_id: str) -> None: ...
    def delete_duplicate(self, article_id: str) -> None: ...


def update_duplicates(
    items: Sequence[Analyzed],
    state: DuplicateState,
    *,
    hash_report: Callable[[Analyzed], Fingerprint] = fingerprint,
) -> dict[str, str]:
    """Bring the stored copies up to date with these reports; map each copy to its original.

    The same map as ``find_duplicates(items)``. Only reports without stored state
    are passed to ``hash_report``; stored rows whose original changed are rewritten.
    """
    by_id = {i.article.id: i for i in items}
    published = {i.article.id: i.article.published for i in items}
    return update_duplicates_of(
        published, lambda ids: [by_id[i] for i in ids], state, hash_report=hash_report
    )


def update_duplicates_of(
    published: Mapping[str, str | None],
    load: Callable[[Sequence[str]], Sequence[Analyzed]],
    state: DuplicateState,
    *,
    hash_report: Callable[[Analyzed], Fingerprint] = fingerprint,
) -> dict[str, str]:
    """:func:`update_duplicates` for reports given by id and publication date.

    Only the reports without stored state are read, through ``load`` (ids in, the
    analysed reports out), so a digest need not hold every stored report.
    """
    return _Sync(published, load, state, hash_report).run()


class _Sync:
    """One digest's update of the stored state."""

    def __init__(
        self,
        published: Mapping[str, str | None],
        load: Callable[[Sequence[str]], Sequence[Analyzed]],
        state: DuplicateState,
        hash_report: Callable[[Analyzed], Fingerprint],
    ) -> None:
        self.items = published  # every current report's publication date
        self.read = load
        self.state = state
        self.hash_report = hash_report
        self.known = state.dedup_known(STATE_VERSION)  # id -> (published, component)
        self.prints: dict[str, Fingerprint] = {}
        self.fresh: list[str] = []  # reports without stored state, hashed in this run
        self.fresh_bands: dict[Band, list[str]] = defaultdict(list)
        self.near: dict[str, set[str]] = {}  # LSH candidates, cached
        self.copies: dict[tuple[str, str], bool] = {}  # is_copy, cached
        self.labels: dict[str, str] = {}  # union-find over component labels
        self.stored_labels: set[str] = set()  # the stored components met so far
        self.start: dict[str, Order] = {}  # component label -> its first change

    # --- lookups --------------------------------------------------------------------

    def order(self, article_id: str) -> Order:
        return order_key(self.items[article_id], article_id)

    def load(self, ids: Iterable[str]) -> None:
        missing = {i for i in ids if i not in self.prints}
        if not missing:
            return
        for article_id, raw in self.state.dedup_fingerprints(missing).items():
            self.prints[article_id] = Fingerprint.unpack(raw)

    def shingles_of(self, article_id: str) -> Shingles:
        self.load([article_id])
        return self.prints[article_id].shingles

    def candidates(self, article_id: str) -> set[str]:
        """Current reports sharing a band key with this one (stored or new)."""
        if article_id not in self.near:
            self.load([article_id])
            bands = self.prints[article_id].bands()
            found = self.state.dedup_candidates(bands)
            for band in bands:
                found.update(self.fresh_bands.get(band, ()))
            found.discard(article_id)
            self.near[article_id] = {c for c in found if c in self.items}
        return self.near[article_id]

    def is_copy(self, a: str, b: str) -> bool:
        pair = (a, b) if a < b else (b, a)
        if pair not in self.copies:
            self.copies[pair] = is_copy(self.shingles_of(a), self.shingles_of(b))
        return self.copies[pair]

    # --- components -----------------------------------------------------------------

    def label(self, article_id: str) -> str:
        known = self.known.get(article_id)
        if known is None:
            return self.find(article_id)
        self.stored_labels.add(known[1])
        return self.find(known[1])

    def find(self, label: str) -> str:
        self.labels.setdefault(label, label)
        while self.labels[label] != label:
            self.labels[label] = self.labels[self.labels[label]]
            label = self.labels[label]
        return label

    def mark(self, article_id: str, when: Order) -> None:
        """Note a change in the report's component at this point of the order."""
        label = self.label(article_id)
        self.start[label] = min(self.start.get(label, when), when)

    def link(self, a: str, b: str) -> None:
        la, lb = self.label(a), self.label(b)
        if la != lb:
            self.labels[lb] = la
            if lb in self.start:
                when = self.start.pop(lb)
                self.start[la] = min(when, self.start.get(la, when))

    # --- the run --------------------------------------------------------------------

    def run(self) -> dict[str, str]:
        """Hash and link the new reports, then regroup every component that changed."""
        self.fresh = sorted(self.items.keys() - self.known.keys())
        for item in self.read(self.fresh):
            self.prints[item.article.id] = self.hash_report(item)
        for article_id in self.fresh:
            for band in self.prints[article_id].bands():
                self.fresh_bands[band].append(article_id)
        for article_id, (published, _) in self.known.items():
            if article_id in self.items and self.items[article_id] != published:  # a date filled in
                self.mark(article_id, min(order_key(published, article_id), self.order(article_id)))
        for article_id in self.fresh:
            self.mark(article_id, self.order(article_id))
            near = self.candidates(article_id)
            self.load(near)
            for other in near:
                if self.is_copy(article_id, other):
                    self.link(article_id, other)
        self.forget_gone()
        copies = self.state.duplicates()
        old: dict[str, list[str]] = defaultdict(list)
        for label in self.stored_labels:
            old[self.find(label)].append(label)
        new: dict[str, list[str]] = defaultdict(list)
        for article_id in self.fresh:
            new[self.label(article_id)].append(article_id)
        for label, when in list(self.start.items()):
            if self.find(label) == label:
                members = [a for a in self.state.dedup_members(old[label]) if a in self.items]
                self.replay(label, when, members + new[label], copies)
        # In publication order, as find_duplicates gives it (reports print it).
        current = [c for c, o in copies.items() if c in self.items and o in self.items]
        return {c: copies[c] for c in sorted(current, key=self.order)}

    def forget_gone(self) -> None:
        """Drop the state of stored reports that are not among this digest's reports."""
        gone = sorted(self.known.keys() - self.items.keys())
        self.load(gone)
        for article_id in gone:
            published, _ = self.known[article_id]
            label = self.label(article_id)
            when = order_key(published, article_id)
            self.start[label] = min(self.start.get(label, when), when)
            self.state.forget_dedup(article_id, self.prints[article_id].bands())
            self.state.delete_duplicate(article_id)

    def replay(self, root: str, when: Order, members: list[str], copies: dict[str, str]) -> None:
        """Regroup one changed component from its first change on; store what moved."""
        prefix = {a for a in members if self.order(a) < when}
        if any(copies.get(a, a) not in prefix for a in prefix):
            prefix = set()  # inconsistent stored copies: regroup all of it
        groups = Groups()
        for article_id in prefix:
            original = copies.get(article_id)
            groups.add(article_id, self.items[article_id], original)
        for article_id in sorted(set(members) - prefix, key=self.order):
            near = [c for c in self.candidates(article_id) if c in groups.parent]
            values = self.shingles_of(article_id)
            best = groups.best_group(values, near, self.shingles_of)
            groups.add(article_id, self.items[article_id])
            if best is not None:
                groups.union(article_id, best)
            original = groups.root(article_id)
            if original != article_id and copies.get(article_id) != original:
                self.state.save_duplicate(article_id, original)
                copies[article_id] = original
            elif original == article_id and article_id in copies:
                self.state.delete_duplicate(article_id)
                del copies[article_id]
        self.save_components(root, members)

    def save_components(self, root: str, members: list[str]) -> None:
        """Record every member's component under one label, the most common old one."""
        count: dict[str, int] = defaultdict(int)
        for article_id in members:
            if article_id in self.known:
                count[self.known[article_id][1]] += 1
        label = max(count, key=lambda c: (count[c], c), default=min(members, default=root))
        for article_id in members:
            published = self.items[article_id]
            known = self.known.get(article_id)
            if known is None:
                fp = self.prints[article_id]
                self.state.save_dedup(article_id, published, label, fp.pack(), fp.bands())
            elif known != (published, label):
                self.state.update_dedup(article_id, published, label)
