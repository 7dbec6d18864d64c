"""Assembled stories kept in the store, so that a digest re-assembles only what changed.

Per story: the :class:`~storyline.model.Story` record (through the one codec,
:mod:`storyline.store.codec`, so fields added to ``Story`` are stored without
this module naming them), the key of what it was assembled from (see
``storyline.update.story_key``), its entry of ``stories.json`` exactly as
written, and what the index shows of it. Per article: the publication date as
its story estimated it and the evidence for that date. The schema is documented
in ``docs/storage.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.model import Story, Storyline
from storyline.store.codec import dumps, loads
from storyline.store.connection import Connection, chunks


@dataclass(frozen=True, slots=True)
class StoredStory:
    """One assembled story as the store keeps it."""

    story: Story
    key: str
    latest: str  # the newest publication date of its reports: the report order
    doc: str  # its stories.json entry (JSON, keys sorted, no indentation)
    entry: dict[str, Any]  # what the index shows of it


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article as its story sees it: the publication date estimated, and why."""

    article_id: str
    published: str | None
    published_estimated: bool
    evidence: tuple[str, ...] = ()


class StoryTable:
    """Reads and writes of the stored stories; the store's connection is passed in."""

    def __init__(self, db: Connection) -> None:
        self._db = db

    def keys(self) -> dict[str, str]:
        """Story id -> the key it was assembled from."""
        rows = self._db.execute("SELECT id, key FROM stories").fetchall()
        return {str(i): str(k) for i, k in rows}

    def ids(self) -> set[str]:
        """Every stored story's id."""
        return {str(i) for (i,) in self._db.execute("SELECT id FROM stories").fetchall()}

    def existing(self, ids: Iterable[str]) -> set[str]:
        """Those of these story ids that are stored."""
        return self._existing("stories", ids)

    def storyline_ids(self) -> set[str]:
        """Every kept storyline's id."""
        return {str(i) for (i,) in self._db.execute("SELECT id FROM storylines").fetchall()}

    def existing_storylines(self, ids: Iterable[str]) -> set[str]:
        """Those of these storyline ids that are kept."""
        return self._existing("storylines", ids)

    def _existing(self, table: str, ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in chunks(sorted(ids)):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT id FROM {table} WHERE id IN ({marks})", chunk
            ).fetchall()
            out.update(str(i) for (i,) in rows)
        return out

    def save(self, stored: StoredStory, articles: Iterable[StoryArticle]) -> None:
        """Store (or replace) one assembled story and its articles' estimated dates."""
        s = stored.story
        self._db.execute(
            "INSERT OR REPLACE INTO stories (id, storyline, key, latest, data, doc, entry)"
            " VALUES (?,?,?,?,?,?,?)",
            (
                s.id,
                s.storyline,
                stored.key,
                stored.latest,
                dumps(s),
                stored.doc,
                json.dumps(stored.entry, ensure_ascii=False, separators=(",", ":")),
            ),
        )
        self._db.execute("DELETE FROM story_articles WHERE story_id = ?", (s.id,))
        self._db.executemany(
            "INSERT OR REPLACE INTO story_articles"
            " (article_id, story_id, published, published_estimated, evidence) VALUES (?,?,?,?,?)",
            [
                (
                    a.article_id,
                    s.id,
                    a.published,
                    int(a.published_estimated),
                    json.dumps(list(a.evidence), ensure_ascii=False),
                )
                for a in articles
            ],
        )

    def save_article_docs(self, docs: Iterable[tuple[str, str | None, str]]) -> None:
        """Keep articles' stories.json entries: (article id, the original it copies, entry)."""
        self._db.executemany(
            "INSERT OR REPLACE INTO article_docs (article_id, original, doc) VALUES (?,?,?)",
            list(docs),
        )

    def storylines_of(self, story_ids: Iterable[str]) -> set[str]:
        """The storylines the named stored stories belong to."""
        out: set[str] = set()
        for chunk in chunks(list(story_ids)):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT DISTINCT storyline FROM stories WHERE id IN ({marks})", chunk
            ).fetchall()
            out.update(str(r[0]) for r in rows)
        return out

    def in_storylines(self, lines: Iterable[str]) -> list[Story]:
        """The stored stories of these storylines."""
        out: list[Story] = []
        for chunk in chunks(sorted(lines)):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT data FROM stories WHERE storyline IN ({marks}) ORDER BY id", chunk
            ).fetchall()
            out += [loads(Story, d) for (d,) in rows]
        return out

    def all_storylines(self) -> set[str]:
        """Every storyline some stored story belongs to."""
        rows = self._db.execute("SELECT DISTINCT storyline FROM stories").fetchall()
        return {str(r[0]) for (r) in rows}

    def has_storylines(self) -> bool:
        """Whether storylines are kept (a database of schema version 5 or older has none yet)."""
        return self._db.execute("SELECT 1 FROM storylines LIMIT 1").fetchone() is not None

    def save_storylines(
        self, lines: Iterable[tuple[Storyline, str, str, str]], gone: Iterable[str]
    ) -> None:
        """Keep storylines, each with its stories.json entry, and its section of the index
        with the date the index orders it by; forget the ``gone`` ones."""
        import hashlib

        rows = []
        for line, doc, index_last, section in lines:
            last = line.events[-1].last if line.events else ""
            key = hashlib.sha1(doc.encode("utf-8")).hexdigest()
            rows.append((line.id, last, key, dumps(line), doc, index_last, section))
        self._db.executemany(
            "INSERT OR REPLACE INTO storylines (id, last, key, data, doc, index_last, section)"
            " VALUES (?,?,?,?,?,?,?)",
            rows,
        )
        for chunk in chunks(sorted(gone)):
            marks = ",".join("?" * len(chunk))
            self._db.execute(f"DELETE FROM storylines WHERE id IN ({marks})", chunk)

    def entries_in(self, lines: Iterable[str]) -> list[dict[str, Any]]:
        """What the index shows of each stored story of these storylines."""
        out: list[dict[str, Any]] = []
        for chunk in chunks(sorted(lines)):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT entry FROM stories WHERE storyline IN ({marks})", chunk
            ).fetchall()
            out += [json.loads(e) for (e,) in rows]
        return out

    def index_sections(self) -> Iterator[str]:
        """Every storyline's section of the index, in the index's order (read in one pass
        along ``storylines_index_order``)."""
        rows = self._db.execute("SELECT section FROM storylines ORDER BY index_last DESC, id DESC")
        row = rows.fetchone()
        while row is not None:
            yield str(row[0])
            row = rows.fetchone()

    def count_storylines(self) -> int:
        """How many storylines are kept."""
        return int(self._db.execute("SELECT COUNT(*) FROM storylines").fetchone()[0])

    def storyline_keys(self) -> dict[str, str]:
        """Storyline id -> the hash of its kept entry (what its page was written from)."""
        rows = self._db.execute("SELECT id, key FROM storylines").fetchall()
        return {str(i): str(k) for i, k in rows}

    def storylines(self, ids: Iterable[str]) -> list[Storyline]:
        """The named kept storylines."""
        out: list[Storyline] = []
        for chunk in chunks(sorted(ids)):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT data FROM storylines WHERE id IN ({marks})", chunk
            ).fetchall()
            out += [loads(Storyline, d) for (d,) in rows]
        return out

    # --- stories.json's order (storyline.update.jsonfile) ------------------------------

    def json_order(
        self, sections: Iterable[str] = ("articles", "stories", "storylines")
    ) -> dict[str, list[tuple[str, str, Any]]]:
        """Each list of stories.json (of those named) as (id, key of what its entry was
        made from, what it is ordered by), in order.

        An article's entry follows its story's key (its estimated date and evidence
        change only when the story is assembled again); the copy it is of is added by
        the caller. Articles are ordered by their row (the order they were stored in),
        stories by their newest report (newest first, then id), storylines by their
        last event (newest first, then id, descending).
        """
        sql = {
            "articles": "SELECT s.article_id, t.key, a.rowid FROM story_articles s"
            " JOIN articles a ON a.id = s.article_id JOIN stories t ON t.id = s.story_id"
            " ORDER BY a.rowid",
            "stories": "SELECT id, key, latest FROM stories ORDER BY latest DESC, id, storyline",
            "storylines": "SELECT id, key, last FROM storylines ORDER BY last DESC, id DESC",
        }
        out: dict[str, list[tuple[str, str, Any]]] = {}
        for name in sections:
            rows = self._db.execute(sql[name]).fetchall()
            if name == "articles":
                out[name] = [(str(i), str(k), int(r)) for i, k, r in rows]
            else:
                out[name] = [(str(i), str(k), str(t)) for i, k, t in rows]
        return out

    def json_order_of(self, table: str, ids: Iterable[str]) -> list[tuple[str, str, Any]]:
        """As :meth:`json_order`, for the named stories (or storylines) only, any order;
        for ``articles``, the articles of the named stories."""
        if table not in ("articles", "stories", "storylines"):
            raise ValueError(table)
        out: list[tuple[str, str, Any]] = []
        for chunk in chunks(sorted(ids)):
            marks = ",".join("?" * len(chunk))
            if table == "articles":
                sql = (
                    "SELECT s.article_id, t.key, a.rowid FROM story_articles s"
                    " JOIN articles a ON a.id = s.article_id JOIN stories t ON t.id = s.story_id"
                    f" WHERE s.story_id IN ({marks})"
                )
            else:
                sort = "latest" if table == "stories" else "last"
                sql = f"SELECT id, key, {sort} FROM {table} WHERE id IN ({marks})"
            out += [(str(i), str(k), o) for i, k, o in self._db.execute(sql, chunk).fetchall()]
        return out

    def count_placed(self) -> int:
        """How many articles the stored stories hold."""
        return int(self._db.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0])

    def json_docs(self, table: str, ids: Sequence[str]) -> dict[str, str]:
        """The kept stories.json entries of these stories or storylines."""
        if table not in ("stories", "storylines"):
            raise ValueError(table)
        out: dict[str, str] = {}
        for chunk in chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT id, doc FROM {table} WHERE id IN ({marks})", chunk
            ).fetchall()
            out.update((str(i), str(d)) for i, d in rows)
        return out

    def article_rows_of(self, ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """For stories.json, of the named placed articles (any order): id, source, title,
        published, estimated, path, url, author, evidence (JSON), the kept entry and the
        original it was made with (None, None when none is kept)."""
        rows: list[tuple[Any, ...]] = []
        for chunk in chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            rows += self._db.execute(
                "SELECT a.id, a.source, a.title, s.published, s.published_estimated,"
                " a.path, a.url, a.author, s.evidence, d.doc, d.original"
                " FROM story_articles s JOIN articles a ON a.id = s.article_id"
                f" LEFT JOIN article_docs d ON d.article_id = s.article_id"
                f" WHERE s.article_id IN ({marks})",
                chunk,
            ).fetchall()
        return rows

    def delete(self, story_ids: Iterable[str]) -> None:
        """Forget stories that no longer have any report."""
        for chunk in chunks(list(story_ids)):
            marks = ",".join("?" * len(chunk))
            self._db.execute(f"DELETE FROM story_articles WHERE story_id IN ({marks})", chunk)
            self._db.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)

    def stories(self, ids: Iterable[str] | None = None) -> list[Story]:
        """Stored stories in report order (all of them, or those named)."""
        return [s.story for s in self.records(ids)]

    def records(self, ids: Iterable[str] | None = None) -> list[StoredStory]:
        """Stored story records in report order: newest first, then by id."""
        cols = "data, key, latest, doc, entry"
        order = " ORDER BY latest DESC, id, storyline"
        if ids is None:
            rows = self._db.execute(f"SELECT {cols} FROM stories{order}").fetchall()
        else:
            rows = []
            for chunk in chunks(list(ids)):
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(
                    f"SELECT {cols} FROM stories WHERE id IN ({marks})", chunk
                ).fetchall()
        return [
            StoredStory(loads(Story, d), str(k), str(latest), str(doc), json.loads(e))
            for d, k, latest, doc, e in rows
        ]

    def count(self) -> int:
        """How many stories are stored."""
        return int(self._db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])

    def articles(self, story_ids: Iterable[str] | None = None) -> dict[str, StoryArticle]:
        """Article id -> its date as its story estimated it (all, or those of these stories)."""
        cols = "article_id, published, published_estimated, evidence"
        if story_ids is None:
            rows = self._db.execute(f"SELECT {cols} FROM story_articles").fetchall()
        else:
            rows = []
            for chunk in chunks(list(story_ids)):
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(
                    f"SELECT {cols} FROM story_articles WHERE story_id IN ({marks})", chunk
                ).fetchall()
        return {
            str(a): StoryArticle(str(a), p, bool(e), tuple(json.loads(ev))) for a, p, e, ev in rows
        }
