"""The SQLite store: the only module that talks to the database.

One file, one writer (this object), one transaction per batch. Articles are
idempotent by content hash: storing the same text twice keeps the first copy.
The schema is documented in ``docs/storage.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyline.model import Article, ArticleAnalysis
from storyline.store.codec import EncodedAnalysis, dumps, loads
from storyline.store.connection import Connection, chunks, connect
from storyline.store.migrations import SCHEMA_VERSION, migrate
from storyline.store.stories import StoryTable

#: Bumped when the stored analysis changes meaning; older analyses are redone
#: (2: the event lines the timeline reads, so that digest never parses a sentence;
#: 3: the third session's rules; 4: holidays spelled without apostrophes). Any change
#: to the analysis code needs a bump: tests/test_analysis_version.py checks.
ANALYSIS_VERSION = 16
__all__ = ["ANALYSIS_VERSION", "SCHEMA_VERSION", "Store"]


_ARTICLE_COLUMNS = (
    "id, text, title, source, url, published, published_estimated, path, author, content_hash"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A storyline database: one SQLite file, or a PostgreSQL database (``postgresql://``)."""

    def __init__(self, path: str | Path, *, timeout: float = 5.0) -> None:
        self.path = str(path)
        # ``timeout``: how long a write waits for another writer (the server's POSTs wait longer).
        self._db = connect(path, timeout=timeout)  # StoreOpenError, one line, if it cannot open
        self._in_batch = False
        # Numbered migrations create a new database and upgrade an older one in place
        # (store.migrations): the one definition of every table.
        migrate(self._db)
        #: The assembled stories (``storyline.store.stories``).
        self.stories = StoryTable(self._db)

    @property
    def connection(self) -> Connection:
        """The open connection, for store modules that keep tables of their own."""
        return self._db

    def close(self) -> None:
        """Close the database file."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run the writes inside as one transaction: all of them land, or none."""
        if self._in_batch:
            yield
            return
        self._in_batch = True
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._in_batch = False

    # --- articles -----------------------------------------------------------------

    def has_content(self, content_hash: str) -> str | None:
        """The id of the stored article with this content hash, if any."""
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return None if row is None else str(row[0])

    def add_article(self, article: Article) -> bool:
        """Store an article unless its content (or id) is already stored; True if added."""
        cur = self._db.execute(
            "INSERT OR IGNORE INTO articles (id, text, title, source, url, published,"
            " published_estimated, path, author, content_hash, added_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.text,
                article.title,
                article.source,
                article.url,
                article.published,
                int(article.published_estimated),
                article.path,
                article.author,
                article.content_hash or article.id,
                _now(),
            ),
        )
        return cur.rowcount == 1

    def set_published(self, article_id: str, published: str) -> None:
        """Fill in a publication date that the article's own text states."""
        self._db.execute(
            "UPDATE articles SET published = ? WHERE id = ? AND published IS NULL",
            (published, article_id),
        )

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Stored articles in the order they were added (all, or those named)."""
        if ids is None:
            rows = self._db.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY rowid"
            ).fetchall()
        else:
            wanted = list(ids)
            rows = []
            for chunk in chunks(wanted, 500):
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(
                    f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
                ).fetchall()
            order = {i: n for n, i in enumerate(wanted)}
            rows.sort(key=lambda r: order[r[0]])
        return [_article(r) for r in rows]

    def count_articles(self) -> int:
        """How many articles are stored."""
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # --- analyses -----------------------------------------------------------------

    def save_analysis(self, analysis: ArticleAnalysis | EncodedAnalysis) -> None:
        """Store (or replace) an article's analysis (a record, or one already encoded)."""
        if isinstance(analysis, EncodedAnalysis):
            article_id, text = analysis.article_id, analysis.text
        else:
            article_id, text = analysis.article_id, dumps(analysis)
        self._db.execute(
            "INSERT OR REPLACE INTO analyses (article_id, version, data) VALUES (?,?,?)",
            (article_id, ANALYSIS_VERSION, text),
        )

    def analyses(self, ids: Iterable[str] | None = None) -> dict[str, ArticleAnalysis]:
        """Every current analysis (or those of the articles named), by article id."""
        if ids is None:
            rows = self._db.execute(
                "SELECT data FROM analyses WHERE version = ?", (ANALYSIS_VERSION,)
            ).fetchall()
        else:
            rows = []
            for chunk in chunks(list(ids), 500):
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(
                    f"SELECT data FROM analyses WHERE version = ? AND article_id IN ({marks})",
                    (ANALYSIS_VERSION, *chunk),
                ).fetchall()
        out = {}
        for (raw,) in rows:
            analysis = loads(ArticleAnalysis, raw)
            out[analysis.article_id] = analysis
        return out

    def analysed_dates(self) -> dict[str, str | None]:
        """Article id -> publication date of every article with a current analysis, in
        arrival order (no text, no analysis read)."""
        rows = self._db.execute(
            "SELECT a.id, a.published FROM articles a JOIN analyses n ON n.article_id = a.id"
            " WHERE n.version = ? ORDER BY a.rowid",
            (ANALYSIS_VERSION,),
        ).fetchall()
        return {str(i): p for i, p in rows}

    def unanalysed(self) -> list[Article]:
        """Stored articles with no current analysis (new, or analysed by an older version)."""
        # Ids first (from the indexes, not the texts), then the few rows themselves.
        rows = self._db.execute(
            "SELECT a.rowid, a.id FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM analyses n WHERE n.article_id = a.id AND n.version = ?)",
            (ANALYSIS_VERSION,),
        ).fetchall()
        return self.articles(str(i) for _, i in sorted(rows))

    # --- clustering state -----------------------------------------------------------

    def save_features(self, article_id: str, data: dict[str, Any]) -> None:
        """Store an article's clustering features."""
        self._db.execute(
            "INSERT OR REPLACE INTO features (article_id, data) VALUES (?, ?)",
            (article_id, json.dumps(data, ensure_ascii=False, separators=(",", ":"))),
        )

    def features(self) -> dict[str, dict[str, Any]]:
        """Every article's stored clustering features."""
        rows = self._db.execute("SELECT article_id, data FROM features").fetchall()
        return {str(a): json.loads(d) for a, d in rows}

    def save_placement(self, article_id: str, story_id: str, storyline_id: str) -> None:
        """Record which story and storyline an article belongs to."""
        self._db.execute(
            "INSERT OR REPLACE INTO placements (article_id, story_id, storyline_id) VALUES (?,?,?)",
            (article_id, story_id, storyline_id),
        )

    def placements(self) -> dict[str, tuple[str, str]]:
        """Article id -> (story id, storyline id), in the order articles were added."""
        rows = self._db.execute(
            "SELECT p.article_id, p.story_id, p.storyline_id FROM placements p"
            " JOIN articles a ON a.id = p.article_id ORDER BY a.rowid"
        ).fetchall()
        return {str(a): (str(s), str(line)) for a, s, line in rows}

    def count_placements(self) -> int:
        """How many articles are placed."""
        return int(self._db.execute("SELECT COUNT(*) FROM placements").fetchone()[0])

    def features_of(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored clustering features of the articles named."""
        out: dict[str, dict[str, Any]] = {}
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT article_id, data FROM features WHERE article_id IN ({marks})", chunk
            ).fetchall()
            out.update((str(a), json.loads(d)) for a, d in rows)
        return out

    def save_duplicate(self, article_id: str, original_id: str) -> None:
        """Record that an article is a near copy of another."""
        self._db.execute(
            "INSERT OR REPLACE INTO duplicates (article_id, original_id) VALUES (?, ?)",
            (article_id, original_id),
        )

    def duplicates(self) -> dict[str, str]:
        """Copy id -> original id for every recorded near copy."""
        rows = self._db.execute("SELECT article_id, original_id FROM duplicates").fetchall()
        return {str(a): str(o) for a, o in rows}

    def delete_duplicate(self, article_id: str) -> None:
        """Forget that an article was recorded as a near copy."""
        self._db.execute("DELETE FROM duplicates WHERE article_id = ?", (article_id,))

    # --- near-duplicate state (story.dedup.incremental) ------------------------------

    def dedup_known(self, version: str) -> dict[str, tuple[str | None, str]]:
        """Article id -> (publication date, component) of every article with dedup state.

        State written under another ``version`` (or another analysis version: the
        shingles skip the analysis's boilerplate) is dropped first.
        """
        tag = f"{version}.{ANALYSIS_VERSION}"
        row = self._db.execute("SELECT value FROM meta WHERE key = 'dedup_version'").fetchone()
        if row is None or row[0] != tag:
            with self.batch():
                self._db.execute("DELETE FROM dedup_bands")
                self._db.execute("DELETE FROM dedup_prints")
                self._db.execute("DELETE FROM dedup")
                self._db.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('dedup_version', ?)", (tag,)
                )
        rows = self._db.execute("SELECT article_id, published, component FROM dedup").fetchall()
        return {str(a): (p, str(c)) for a, p, c in rows}

    def dedup_settled(self) -> bool:
        """Whether the dedup state covers exactly the analysed articles, at their dates.

        True means a digest has nothing to hash or regroup (the state's version is
        checked by :meth:`dedup_known` when there is).
        """
        row = self._db.execute(
            "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'dedup_version')"
            " AND NOT EXISTS (SELECT 1 FROM articles a JOIN analyses n ON n.article_id = a.id"
            "  AND n.version = ? LEFT JOIN dedup d ON d.article_id = a.id"
            "  WHERE d.article_id IS NULL OR d.published IS NOT a.published)"
            " AND NOT EXISTS (SELECT 1 FROM dedup d LEFT JOIN analyses n"
            "  ON n.article_id = d.article_id AND n.version = ? WHERE n.article_id IS NULL)",
            (ANALYSIS_VERSION, ANALYSIS_VERSION),
        ).fetchone()
        return bool(row[0])

    def dedup_candidates(self, bands: Sequence[tuple[int, int]]) -> set[str]:
        """Ids of the articles sharing at least one LSH band key with these."""
        out: set[str] = set()
        for chunk in chunks(list(bands), 400):
            terms = " OR ".join(["(b.band = ? AND b.key = ?)"] * len(chunk))
            args = [v for pair in chunk for v in pair]
            rows = self._db.execute(
                f"SELECT d.article_id FROM dedup_bands b JOIN dedup d ON d.num = b.num"
                f" WHERE {terms}",
                args,
            ).fetchall()
            out.update(str(r[0]) for r in rows)
        return out

    def dedup_members(self, components: Iterable[str]) -> list[str]:
        """Ids of the articles in these components."""
        out: list[str] = []
        for chunk in chunks(list(components), 500):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT article_id FROM dedup WHERE component IN ({marks})", chunk
            ).fetchall()
            out += [str(r[0]) for r in rows]
        return out

    def dedup_fingerprints(self, ids: Iterable[str]) -> dict[str, tuple[bytes, bytes]]:
        """Article id -> (MinHash signature, shingle set), both as stored bytes."""
        out: dict[str, tuple[bytes, bytes]] = {}
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT d.article_id, p.signature, p.shingles FROM dedup d"
                f" JOIN dedup_prints p ON p.num = d.num WHERE d.article_id IN ({marks})",
                chunk,
            ).fetchall()
            out.update((str(a), (bytes(sig), bytes(sh))) for a, sig, sh in rows)
        return out

    def save_dedup(
        self,
        article_id: str,
        published: str | None,
        component: str,
        fingerprint: tuple[bytes, bytes],
        bands: Iterable[tuple[int, int]],
    ) -> None:
        """Store a new article's dedup state: signature, shingles and LSH band keys."""
        signature, shingle_set = fingerprint
        num = self._db.execute(
            "INSERT INTO dedup (article_id, published, component) VALUES (?,?,?) RETURNING num",
            (article_id, published, component),
        ).fetchone()[0]
        self._db.execute(
            "INSERT INTO dedup_prints (num, signature, shingles) VALUES (?,?,?)",
            (num, signature, shingle_set),
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO dedup_bands (band, key, num) VALUES (?,?,?)",
            [(band, key, num) for band, key in bands],
        )

    def update_dedup(self, article_id: str, published: str | None, component: str) -> None:
        """Change an article's recorded publication date and component."""
        self._db.execute(
            "UPDATE dedup SET published = ?, component = ? WHERE article_id = ?",
            (published, component, article_id),
        )

    def forget_dedup(self, article_id: str, bands: Iterable[tuple[int, int]]) -> None:
        """Drop an article's dedup state (its band keys are given: they index the rows)."""
        row = self._db.execute("SELECT num FROM dedup WHERE article_id = ?", (article_id,))
        found = row.fetchone()
        if found is None:
            return
        self._db.executemany(
            "DELETE FROM dedup_bands WHERE band = ? AND key = ? AND num = ?",
            [(band, key, found[0]) for band, key in bands],
        )
        self._db.execute("DELETE FROM dedup_prints WHERE num = ?", (found[0],))
        self._db.execute("DELETE FROM dedup WHERE num = ?", (found[0],))

    # --- runs -----------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        """Record the start of a run; returns its id."""
        row = self._db.execute(
            "INSERT INTO runs (started_at, command) VALUES (?, ?) RETURNING id", (_now(), command)
        ).fetchone()
        return int(row[0])

    def record_error(self, run_id: int, path: str, reason: str) -> None:
        """Remember an input that a run skipped, and why."""
        self._db.execute(
            "INSERT INTO input_errors (run_id, path, reason) VALUES (?, ?, ?)",
            (run_id, path, reason),
        )

    def finish_run(self, run_id: int, added: int, skipped: int) -> None:
        """Record the end of a run."""
        self._db.execute(
            "UPDATE runs SET finished_at = ?, added = ?, skipped = ? WHERE id = ?",
            (_now(), added, skipped, run_id),
        )


def _article(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0],
        text=row[1],
        title=row[2],
        source=row[3],
        url=row[4],
        published=row[5],
        published_estimated=bool(row[6]),
        path=row[7],
        author=row[8],
        content_hash=row[9],
    )
