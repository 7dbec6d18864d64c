"""The placements a digest reads while its new reports are analysed are used only while
they are still the store's, and a digest that reads them ahead places as one that does not."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Article
from storyline.store import Store
from storyline.update import ReadAhead
from storyline.update.place import current_placements


def _article(n: int) -> Article:
    body = f"The ferry to Salt Harbour number {n} ran late on Tuesday."
    return Article(id=f"a{n}", text=body, title=f"T{n}", content_hash=f"h{n}")


def _store_with_placements(path: Path, count: int) -> Store:
    store = Store(path)
    with store.batch():
        for n in range(count):
            store.add_article(_article(n))
            store.save_placement(f"a{n}", f"s{n}", f"l{n}")
    return store


def test_a_whole_read_ahead_is_used_and_a_stale_one_is_not(tmp_path: Path) -> None:
    with _store_with_placements(tmp_path / "s.db", 3) as store:
        ahead = ReadAhead(store)
        ahead()
        assert ahead.placements == store.placements()
        assert current_placements(store, ahead.placements) == store.placements()
        # another report placed since the read: the store is read again
        with store.batch():
            store.add_article(_article(3))
            store.save_placement("a3", "s3", "l3")
        assert "a3" in current_placements(store, ahead.placements)
        assert current_placements(store, None) == store.placements()


def test_read_ahead_is_read_when_called_only(tmp_path: Path) -> None:
    with _store_with_placements(tmp_path / "s.db", 2) as store:
        ahead = ReadAhead(store)
        assert ahead.placements is None  # the digest calls it beside the analysis
        ahead()
        assert ahead.placements is not None and set(ahead.placements) == {"a0", "a1"}
