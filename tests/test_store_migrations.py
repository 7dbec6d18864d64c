"""Numbered schema migrations on SQLite and PostgreSQL: old databases upgraded in place."""

from __future__ import annotations

import threading

import pytest

from storyline.model import Article
from storyline.store import Store
from storyline.store.connection import Connection, connect
from storyline.store.migrations import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Migration,
    migrate,
    schema_version,
)
from storyline.store.search import Filters
from storyline.store.served import Published, PublishedStory
from storyline.store.tokens import Tokens, hash_token


def _names(db: Connection) -> set[str]:
    """The tables and indexes of a database (what its schema is made of)."""
    if db.kind == "postgresql":
        rows = db.execute(
            "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')"
            " AND c.relname NOT LIKE '%_pkey' AND c.relname NOT LIKE '%_key'"
        ).fetchall()
    else:
        rows = db.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'index')"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%'"
        ).fetchall()
    return {str(r[0]) for r in rows}


def _story(story_id: str, title: str) -> PublishedStory:
    return PublishedStory(
        id=story_id,
        storyline="line-1",
        title=title,
        first="2025-03-01",
        last="2025-03-02",
        reports=1,
        sources=1,
        disputed=False,
        names=("Ilsa Brandt",),
        story_json="{}",
        page="<p>page</p>",
        etag=f"e-{story_id}",
        summary="The river rose over the harbour wall.",
    )


def _fill(db: Connection, version: int) -> None:
    """Rows of what a database of ``version`` held, written with that version's tables."""
    db.execute(
        "INSERT INTO articles (id, content_hash, text, title, published, added_at)"
        " VALUES ('a1', 'h1', 'Floodwater rose in Vellmar on Monday.', 'Flood', '2025-03-01',"
        " 'then')"
    )
    db.execute("INSERT INTO analyses (article_id, version, data) VALUES ('a1', 1, '{}')")
    db.execute("INSERT INTO placements VALUES ('a1', 's-1', 'line-1')")
    db.execute("INSERT INTO runs (started_at, finished_at, command) VALUES ('t', 't', 'digest')")
    if version >= 2:
        db.execute("INSERT INTO dedup (article_id, published, component) VALUES ('a1', NULL, 'a1')")
    if version >= 3:
        db.execute(
            "INSERT INTO story_articles (article_id, story_id, published)"
            " VALUES ('a1', 's-1', NULL)"
        )


@pytest.mark.parametrize("old", range(1, SCHEMA_VERSION))
def test_store_migrations_upgrade_each_older_version_in_place(db_target: str, old: int) -> None:
    db = connect(db_target)
    assert migrate(db, target=old) == old == schema_version(db)
    _fill(db, old)
    secret = "sl_an-old-token"
    if old >= 4:  # a database the server already used: a published story, a token
        db.execute(
            "INSERT INTO served_stories (id, storyline, title, first, last, reports, sources,"
            " disputed, names, updated, etag, story, page) VALUES"
            " ('s-old', 'line-0', 'Harbour wall breached', '2025-02-01', '2025-02-02', 1, 1, 0,"
            " '[]', 'then', 'e-old', '{}', ?)",
            (b"page",),
        )
        db.execute(
            "INSERT INTO tokens (name, hash, created_at) VALUES ('desk', ?, 'then')",
            (hash_token(secret),),
        )
    db.close()

    with Store(db_target) as store:  # the new code opens it
        assert [a.id for a in store.articles()] == ["a1"]  # nothing stored is lost
        assert store.placements() == {"a1": ("s-1", "line-1")}
        assert schema_version(store.connection) == SCHEMA_VERSION
    with Published(db_target) as served:
        served.publish([_story("s-new", "Vellmar counts the cost")])
        found = served.ranked_reports(Filters(q="floodwater"))
        assert [r.article_id for r in found] == ["a1"]  # an old report is searchable
        ids = [s.id for s in served.stories(Filters(), limit=10)]
        assert ids == (["s-new", "s-old"] if old >= 4 else ["s-new"])
    if old >= 4:
        with Tokens(db_target) as tokens:
            assert tokens.check(secret) is not None


def test_store_migrations_upgraded_schema_is_the_new_one(db_target: str) -> None:
    db = connect(db_target)
    migrate(db, target=1)
    db.close()
    with Store(db_target) as store:
        upgraded = _names(store.connection)
    fresh_target = db_target + "-fresh" if "://" not in db_target else None
    if fresh_target is None:  # PostgreSQL: the same database, emptied
        db = connect(db_target)
        db.execute("DROP SCHEMA public CASCADE")
        db.execute("CREATE SCHEMA public")
        db.close()
        fresh_target = db_target
    with Store(fresh_target) as store:
        fresh = _names(store.connection)
    assert upgraded == fresh
    assert {"served_stories", "tokens", "served_stories_lines"} <= fresh
    assert "served_stories_order" not in fresh  # replaced by migration 5


def test_store_migrations_a_failed_step_leaves_the_database_as_it_was(db_target: str) -> None:
    def broken(db: Connection) -> None:
        db.execute("CREATE TABLE half_done (a TEXT)")
        raise RuntimeError("migration failed")

    steps = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "broken", broken))
    db = connect(db_target)
    with pytest.raises(RuntimeError, match="migration failed"):
        migrate(db, steps=steps)
    assert schema_version(db) == SCHEMA_VERSION  # the good steps landed, each whole
    assert "half_done" not in _names(db)
    db.close()


def test_store_migrations_leave_a_newer_database_alone(db_target: str) -> None:
    with Store(db_target) as store:
        store.connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with Store(db_target) as store:
        assert schema_version(store.connection) == 99


def test_store_migrations_two_processes_opening_at_once(db_target: str) -> None:
    errors: list[BaseException] = []

    def open_store() -> None:
        try:
            with Store(db_target, timeout=30) as store:
                store.add_article(Article(id="x", text="Text.", content_hash="hx"))
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(db_target) as store:
        assert schema_version(store.connection) == SCHEMA_VERSION
        assert store.count_articles() == 1


def test_store_migrations_a_version_4_made_by_other_code_ends_up_whole(db_target: str) -> None:
    db = connect(db_target)
    migrate(db, target=3)
    db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")  # no served tables
    db.close()
    with Published(db_target) as served:
        served.publish([_story("s-1", "Harbour wall breached")])
        assert [s.id for s in served.ranked_stories(Filters(q="harbour"))] == ["s-1"]
    db = connect(db_target)
    assert schema_version(db) == SCHEMA_VERSION
    db.close()


def test_store_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
    assert all(m.summary for m in MIGRATIONS)
