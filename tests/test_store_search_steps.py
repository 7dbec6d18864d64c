"""Search on SQLite in steps: the same hits with or without kept snippets, and what is kept."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Article
from storyline.store import Store
from storyline.store.search import Filters, fts_query
from storyline.store.search_steps import Snippets
from storyline.store.served import Published


def _reports(db: Path, dated: bool = True) -> None:
    with Store(db) as store, store.batch():
        for n in range(30):
            text = f"The harbour wall {'gave way ' * (n % 4 + 1)}at dawn, report {n}."
            store.add_article(
                Article(
                    id=f"r{n}",
                    text=text,
                    title=f"Harbour <b>{n}</b>",
                    source="Wire" if n % 2 else "Post",
                    published=f"2025-03-{n % 28 + 1:02d}" if dated else None,
                    content_hash=f"h{n}",
                )
            )
            if n % 3 == 0:
                store.save_placement(f"r{n}", f"s-{n}", "line")
    with Published(db) as served:
        served.publish([])  # indexes the new reports


def test_store_search_steps_same_hits_with_kept_snippets(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _reports(db)
    snippets = Snippets()
    with Published(db, readonly=True) as served:
        for filters in (
            Filters(q="harbour"),
            Filters(q="gave way", outlet="Wire"),
            Filters(q="dawn", since="2025-03-10"),
            Filters(q="nothing-here"),
        ):
            plain = served.ranked_reports(filters, limit=7)
            assert served.ranked_reports(filters, limit=7, snippets=snippets) == plain
            assert served.ranked_reports(filters, limit=7, snippets=snippets) == plain  # kept
        hits = served.ranked_reports(Filters(q="harbour"), limit=7, snippets=snippets)
    assert len(hits) == 7 and all("\x02" in h.snippet for h in hits)
    assert {h.story_id for h in hits} <= {None} | {f"s-{n}" for n in range(0, 30, 3)}
    assert snippets.get(fts_query("harbour"), 1, "r0") is not None


def test_store_search_steps_read_what_changes_fresh(tmp_path: Path) -> None:
    """A placement made after a snippet was kept shows; undated reports are not kept."""
    db = tmp_path / "s.db"
    _reports(db, dated=False)
    snippets = Snippets()
    with Published(db, readonly=True) as served:
        before = served.ranked_reports(Filters(q="harbour"), limit=30, snippets=snippets)
        with Store(db) as store:
            store.save_placement("r1", "s-late", "line")
        after = served.ranked_reports(Filters(q="harbour"), limit=30, snippets=snippets)
    assert {h.article_id: h.story_id for h in after}["r1"] == "s-late"
    assert {h.article_id: h.story_id for h in before}["r1"] is None
    assert snippets.get(fts_query("harbour"), 2, "r1") is None  # no date yet: not kept


def test_store_search_steps_snippets_are_bounded_and_checked_by_id() -> None:
    snippets = Snippets(size=2)
    for n in range(3):
        snippets.put("q", n, f"a{n}", ("t", "s", "2025", "snip"))
    assert snippets.get("q", 0, "a0") is None  # the least recent went out
    assert snippets.get("q", 2, "a2") == ("t", "s", "2025", "snip")
    assert snippets.get("q", 2, "other") is None  # another report under that rowid
