"""Numbered schema migrations, the same on SQLite and PostgreSQL.

A database records the last migration applied in ``meta.schema_version``. Opening
one applies the migrations above that number in order, each in its own transaction
with the new version written in the same transaction: a migration lands whole or
not at all, and a crash between two leaves a database that the next open carries
on from. Two processes opening an old database at once do not both migrate: the
transaction takes the writer's lock (SQLite's ``BEGIN IMMEDIATE``, a PostgreSQL
advisory lock) and reads the version again under it.

A new database (version 0) runs every migration, so it is built by the same steps
as an upgraded one. A migration, once released, never changes: a change of the
schema is a new migration at the end of :data:`MIGRATIONS`, the one place a table
of the store is defined (the live feeds' tables, ``storyline.store.feeds``, apart).
A database whose version is above :data:`SCHEMA_VERSION` (made by newer code) is
left as it is. Every step is idempotent (``IF NOT EXISTS``), so running one again
on a database that has its tables changes nothing. Documented in ``docs/storage.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storyline.store.connection import Connection

# --- version 1: the first store (articles, their analyses, features and placements) ---
_V1 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    title TEXT, source TEXT, url TEXT, published TEXT,
    published_estimated INTEGER NOT NULL DEFAULT 0,
    path TEXT, author TEXT,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS features (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS placements (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    storyline_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS placements_story ON placements(story_id);
CREATE TABLE IF NOT EXISTS duplicates (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES articles(id)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    command TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS input_errors (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    path TEXT NOT NULL,
    reason TEXT NOT NULL
);
"""

# --- version 2: the near-duplicate state, filled lazily by the next digest ---
_V2 = """
CREATE TABLE IF NOT EXISTS dedup (
    num INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    published TEXT,
    component TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dedup_component ON dedup(component);
CREATE TABLE IF NOT EXISTS dedup_prints (
    num INTEGER PRIMARY KEY REFERENCES dedup(num) ON DELETE CASCADE,
    signature BLOB NOT NULL,
    shingles BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS dedup_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    num INTEGER NOT NULL,
    PRIMARY KEY (band, key, num)
) WITHOUT ROWID;
"""

# --- version 3: assembled stories, so that a digest re-assembles only what changed ---
_V3 = """
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    storyline TEXT NOT NULL,
    key TEXT NOT NULL,
    latest TEXT NOT NULL,
    data TEXT NOT NULL,
    doc TEXT NOT NULL,
    entry TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    published TEXT,
    published_estimated INTEGER NOT NULL DEFAULT 0,
    evidence TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id);
CREATE INDEX IF NOT EXISTS stories_keys ON stories(id, key);
CREATE INDEX IF NOT EXISTS articles_dates ON articles(id, published);
CREATE INDEX IF NOT EXISTS analyses_versions ON analyses(article_id, version);
CREATE TABLE IF NOT EXISTS cluster_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT NOT NULL,
    placed INTEGER NOT NULL,
    data TEXT NOT NULL
);
"""

# --- version 4: what `storyline serve` reads (published stories, search, API tokens) ---
# SQLite databases of version 3 may hold these already (they were created on first use).
_V4_SERVED = """
CREATE TABLE IF NOT EXISTS served_stories (
    num INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    storyline TEXT NOT NULL,
    title TEXT NOT NULL,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    reports INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    disputed INTEGER NOT NULL,
    names TEXT NOT NULL,
    updated TEXT NOT NULL,
    etag TEXT NOT NULL,
    story TEXT NOT NULL,
    page BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS served_stories_order ON served_stories(last DESC, num DESC);
CREATE INDEX IF NOT EXISTS served_stories_updated ON served_stories(updated DESC, num DESC);
CREATE INDEX IF NOT EXISTS served_stories_line ON served_stories(storyline, last DESC);
CREATE TABLE IF NOT EXISTS served_entities (
    num INTEGER NOT NULL REFERENCES served_stories(num) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (key, num)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS served_entities_num ON served_entities(num);
CREATE TABLE IF NOT EXISTS served_quotes (
    num INTEGER NOT NULL REFERENCES served_stories(num) ON DELETE CASCADE,
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    outlets TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS served_quotes_key ON served_quotes(key);
CREATE INDEX IF NOT EXISTS served_quotes_num ON served_quotes(num);
CREATE TABLE IF NOT EXISTS served_outlets (
    num INTEGER NOT NULL REFERENCES served_stories(num) ON DELETE CASCADE,
    outlet TEXT NOT NULL,
    reports INTEGER NOT NULL,
    only_source INTEGER NOT NULL,
    disagrees TEXT NOT NULL,
    PRIMARY KEY (outlet, num)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS served_outlets_num ON served_outlets(num);
CREATE TABLE IF NOT EXISTS tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
"""

_V4_SEARCH_SQLITE = """
CREATE VIRTUAL TABLE IF NOT EXISTS story_fts USING fts5(
    title, summary, names, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS report_fts USING fts5(
    title, text, content = 'articles', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
"""

# PostgreSQL's full-text search: a tsvector per story (title weighted A, names B,
# summary C) and per report (title A, text B), each under a GIN index. The 'simple'
# configuration keeps whole words without stemming, as FTS5's unicode61 does.
# ``articles_rowid``: "the newest reports" and "the articles since" read the rowid,
# which SQLite keys on and PostgreSQL does not.
_V4_SEARCH_POSTGRES = """
CREATE TABLE IF NOT EXISTS story_search (
    num BIGINT PRIMARY KEY REFERENCES served_stories(num) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    names TEXT NOT NULL,
    doc tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A')
        || setweight(to_tsvector('simple', names), 'B')
        || setweight(to_tsvector('simple', summary), 'C')
    ) STORED
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_search_doc ON story_search USING GIN (doc);
CREATE TABLE IF NOT EXISTS report_search (
    num BIGINT PRIMARY KEY,
    doc tsvector NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS report_search_doc ON report_search USING GIN (doc);
CREATE INDEX IF NOT EXISTS articles_rowid ON articles(rowid);
"""

# --- version 5: the home page's listings read from indexes alone ---
# The storylines of the newest stories: the newest stories' storylines from one index,
# each storyline's count, dates and disputed stories from another (EXPLAIN QUERY PLAN:
# "COVERING INDEX" both). They replace the two indexes they extend.
_V5 = """
CREATE INDEX IF NOT EXISTS served_stories_recent ON served_stories(last DESC, num DESC, storyline);
CREATE INDEX IF NOT EXISTS served_stories_lines
    ON served_stories(storyline, last, num, first, disputed);
DROP INDEX IF EXISTS served_stories_order;
DROP INDEX IF EXISTS served_stories_line;
"""

# --- version 6: the incremental digest's kept storylines, article entries, clusterer rows ---
_V6 = """
-- Each storyline as stories.json and its page show it: a digest
-- builds again only the storylines of the stories it assembled.
CREATE TABLE IF NOT EXISTS storylines (
    id TEXT PRIMARY KEY,
    last TEXT NOT NULL,
    key TEXT NOT NULL,
    data TEXT NOT NULL,
    doc TEXT NOT NULL,
    index_last TEXT NOT NULL,
    section TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_storyline ON stories(storyline);
-- Each placed article's entry of stories.json, and the original it was written with.
CREATE TABLE IF NOT EXISTS article_docs (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original TEXT,
    doc TEXT NOT NULL
);
-- The clusterer's state as rows (see storyline.store.cluster_state).
CREATE TABLE IF NOT EXISTS cluster_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT NOT NULL,
    placed INTEGER NOT NULL,
    n_docs INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS cluster_df (
    feature TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cluster_stories (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cluster_postings (
    feature TEXT NOT NULL,
    week INTEGER NOT NULL,
    ids TEXT NOT NULL,
    PRIMARY KEY (feature, week)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cluster_merges (
    a TEXT NOT NULL,
    b TEXT NOT NULL
);
"""

# --- version 7: what changed in each digest, for the report folders (report_log.py) ---
_V7 = """
-- One row per story or storyline whose pages a digest changed or removed, and one
-- ('#', a random token) naming the generation: a report folder records the
-- generation it was written for and a later digest rewrites only what changed since.
CREATE TABLE IF NOT EXISTS report_log (
    generation INTEGER NOT NULL,
    kind TEXT NOT NULL,
    id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS report_log_generation ON report_log(generation);
-- The index page's order, so that its sections are read in one pass without a sort.
CREATE INDEX IF NOT EXISTS storylines_index_order ON storylines(index_last, id);
"""

# --- version 8: stories merged into another by a later digest (clustering/pool.py) ---
_V8 = """
-- A story id that a digest merged into another story (its reports moved there): the
-- id stays answerable (its new home) after its page is gone.
CREATE TABLE IF NOT EXISTS story_merges (
    id TEXT PRIMARY KEY,
    into_id TEXT NOT NULL,
    day TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: its number, what it adds, and how."""

    version: int
    summary: str
    apply: Callable[[Connection], None]


def _script(script: str) -> Callable[[Connection], None]:
    def apply(db: Connection) -> None:
        db.executescript(script)

    return apply


def _served(db: Connection) -> None:
    db.executescript(_V4_SERVED)
    db.executescript(_V4_SEARCH_POSTGRES if db.kind == "postgresql" else _V4_SEARCH_SQLITE)


def _listing_indexes(db: Connection) -> None:
    # Version 4's tables first (IF NOT EXISTS: a no-op after step 4), so that a database
    # whose version 4 was written by other code (a branch that numbered its own step 4)
    # still ends up whole rather than failing on a missing table.
    _served(db)
    db.executescript(_V5)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, analyses, features, placements, duplicates, runs", _script(_V1)),
    Migration(2, "near-duplicate state (dedup, dedup_prints, dedup_bands)", _script(_V2)),
    Migration(3, "assembled stories (stories, story_articles, cluster_state)", _script(_V3)),
    Migration(4, "served stories, search indexes, API tokens", _served),
    Migration(5, "covering indexes of the home page's listings", _listing_indexes),
    Migration(
        6,
        "kept storylines and article entries, the clusterer's state as rows",
        _script(_V6),
    ),
    Migration(7, "what each digest changed, for the report folders (report_log)", _script(_V7)),
    Migration(8, "stories merged into another by a later digest (story_merges)", _script(_V8)),
)

#: The schema version this code writes and reads.
SCHEMA_VERSION = MIGRATIONS[-1].version

#: PostgreSQL advisory lock key of migrations (any constant; "storyline" in ASCII, cut).
_LOCK = 0x73746F72796C69


def schema_version(db: Connection) -> int:
    """The version a database is at: 0 for a new (empty) one."""
    if not _has_meta(db):
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(
    db: Connection, *, target: int | None = None, steps: Sequence[Migration] = MIGRATIONS
) -> int:
    """Apply the migrations above the database's version, up to ``target``; the version now.

    ``target`` (default: the last step) builds an older schema, as the upgrade tests do.
    """
    target = steps[-1].version if target is None else target
    current = schema_version(db)
    for step in steps:
        if step.version <= current or step.version > target:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.kind == "postgresql":
                db.execute("SELECT pg_advisory_xact_lock(?)", (_LOCK,))
            if schema_version(db) < step.version:  # read again: another process may have won
                step.apply(db)
                db.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(step.version),),
                )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        else:
            db.execute("COMMIT")
    return schema_version(db)


def _has_meta(db: Connection) -> bool:
    if db.kind == "postgresql":
        row = db.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()
    else:
        row = db.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
    return bool(row[0])
