"""The store's near-duplicate state: band index, fingerprints, components, upgrades."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Article
from storyline.store import Store
from storyline.store.connection import connect
from storyline.store.migrations import SCHEMA_VERSION, migrate


def _store(path: str | Path, *ids: str) -> Store:
    store = Store(path)
    for article_id in ids:
        store.add_article(
            Article(id=article_id, text=f"text {article_id}", content_hash=article_id)
        )
    return store


def test_store_dedup_round_trip(db_target: str) -> None:
    with _store(db_target, "a", "b", "c") as store:
        assert store.dedup_known("1") == {}
        store.save_dedup("a", "2025-01-02", "a", (b"sig-a", b"sh-a"), [(0, 7), (1, -5)])
        store.save_dedup("b", None, "a", (b"sig-b", b"sh-b"), [(0, 7), (2, 9)])
        store.save_dedup("c", None, "c", (b"sig-c", b"sh-c"), [(1, 7)])
        assert store.dedup_known("1") == {
            "a": ("2025-01-02", "a"),
            "b": (None, "a"),
            "c": (None, "c"),
        }
        assert store.dedup_fingerprints(["b", "zz"]) == {"b": (b"sig-b", b"sh-b")}
        # Same band and key: both; same key in another band: not a candidate.
        assert store.dedup_candidates([(0, 7)]) == {"a", "b"}
        assert store.dedup_candidates([(1, -5), (2, 9)]) == {"a", "b"}
        assert store.dedup_candidates([(3, 7)]) == set()
        assert sorted(store.dedup_members(["a"])) == ["a", "b"]
        store.update_dedup("c", "2025-01-01", "a")
        assert sorted(store.dedup_members(["a"])) == ["a", "b", "c"]


def test_store_dedup_forget_removes_bands_and_prints(db_target: str) -> None:
    with _store(db_target, "a", "b") as store:
        store.dedup_known("1")
        store.save_dedup("a", None, "a", (b"s", b"h"), [(0, 1), (1, 2)])
        store.save_dedup("b", None, "a", (b"s", b"h"), [(0, 1)])
        store.forget_dedup("a", [(0, 1), (1, 2)])
        assert store.dedup_candidates([(0, 1), (1, 2)]) == {"b"}
        assert store.dedup_fingerprints(["a"]) == {}
        assert list(store.dedup_known("1")) == ["b"]
        store.forget_dedup("missing", [(0, 1)])  # no state: nothing happens


def test_store_dedup_other_version_is_dropped(db_target: str) -> None:
    with _store(db_target, "a") as store:
        store.dedup_known("1")
        store.save_dedup("a", None, "a", (b"s", b"h"), [(0, 1)])
        assert list(store.dedup_known("1")) == ["a"]
        assert store.dedup_known("2") == {}
        assert store.dedup_candidates([(0, 1)]) == set()


def test_store_delete_duplicate(db_target: str) -> None:
    with _store(db_target, "a", "b") as store:
        store.save_duplicate("b", "a")
        store.delete_duplicate("b")
        store.delete_duplicate("a")
        assert store.duplicates() == {}


def test_store_upgrades_a_version_1_database(db_target: str) -> None:
    path = db_target
    db = connect(path)
    assert migrate(db, target=1) == 1  # the tables version 1 had, as it made them
    db.executescript(
        """
        INSERT INTO articles (id, content_hash, text, added_at) VALUES ('a', 'h', 'x', 'now');
        INSERT INTO duplicates VALUES ('a', 'a');
        """
    )
    db.close()
    with Store(path) as store:
        assert [a.id for a in store.articles()] == ["a"]
        assert store.duplicates() == {"a": "a"}
        assert store.dedup_known("1") == {}  # filled by the next digest
        store.save_dedup("a", None, "a", (b"s", b"h"), [(0, 1)])
        version = store._db.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.fetchone()[0] == str(SCHEMA_VERSION)
    with Store(path) as store:  # opening again changes nothing
        assert list(store.dedup_known("1")) == ["a"]
