"""A big store for bench/digest.py, made at run time from a digested store of real reports.

Parsing 100,000 texts is out of reach on a shared two-core machine, so the store is
grown by copies: copy ``k`` (1, 2, ...) of every stored row of a store that a real
digest filled (articles, analyses, clustering features, placements, near-duplicate
state and copies, assembled stories), with

- ids: every article, story and storyline id gets the suffix ``~k``;
- names and places: every capitalised word of four letters or more that the
  analyses tag as a person, place or facility is replaced, wherever it occurs
  (text, title, analysis, features, stories), by another such word of the same
  length, chosen per copy, so that every character offset stays valid;
- dates: every ``YYYY-MM-DD`` (publication dates, resolved times, features,
  stories) is moved ``364 * k`` days later (whole weeks: weekdays stay right), and
  the years of the clustering features follow;
- near-duplicate state: the MinHash values and shingle hashes are XOR-ed with a
  per-copy constant (band keys recomputed), so a copy keeps the copy structure of
  its originals among its own reports and shares no LSH band with other copies, as
  reports with other names and places would not;
- stories: the stored records rewritten the same way and their keys recomputed
  with the library's ``story_key``, so that a digest finds them up to date.

The clusterer's kept state is dropped: the first digest that places a report
restores it from the features, once. Nothing here is committed or kept.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from storyline.story.dedup.incremental import Fingerprint
from storyline.update.stories import story_key

_ID = re.compile(r"\b((?:gva|s|l)-[0-9a-f]{12}(?:-\d+)?)\b")
_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")
_LOWER = re.compile(r"\b[a-z]{4,}\b")
NAME_LABELS = {"PERSON", "GPE", "LOC", "FAC"}


def name_pool(db: sqlite3.Connection) -> dict[int, list[str]]:
    """The capitalised words of person, place and facility mentions, by length (of the
    original reports: a copy's ids end in ``~k``)."""
    words: set[str] = set()
    for (raw,) in db.execute("SELECT data FROM analyses WHERE article_id NOT LIKE '%~%'"):
        for mention in json.loads(raw)["entities"]:
            if mention["label"] in NAME_LABELS:
                words.update(_WORD.findall(mention["text"]))
    pool: dict[int, list[str]] = defaultdict(list)
    for w in sorted(words):
        pool[len(w)].append(w)
    return pool


class Copy:
    """The rewriting of copy ``k``."""

    def __init__(self, k: int, pool: dict[int, list[str]]) -> None:
        self.k = k
        self.names: dict[str, str] = {}
        for size, words in pool.items():
            for w in words:
                h = int(hashlib.sha1(f"{w}/{k}".encode()).hexdigest()[:8], 16)
                self.names[w] = words[h % len(words)] if size >= 4 else w
        self.lower = {a.lower(): b.lower() for a, b in self.names.items()}
        self.days = 364 * k
        self.xor = np.uint32(int(hashlib.sha1(f"copy {k}".encode()).hexdigest()[:8], 16))

    def id(self, value: str) -> str:
        return f"{value}~{self.k}"

    def date(self, value: str | None) -> str | None:
        return None if value is None else _DATE.sub(self._shift, value)

    def _shift(self, m: re.Match[str]) -> str:
        try:
            day = date(int(m[1]), int(m[2]), int(m[3])) + timedelta(days=self.days)
        except ValueError:
            return m[0]
        return day.isoformat()

    def text(self, value: str | None) -> str | None:
        """Names swapped (same lengths), dates moved, ids suffixed."""
        if value is None:
            return None
        value = _WORD.sub(lambda m: self.names.get(m[0], m[0]), value)
        value = _DATE.sub(self._shift, value)
        return _ID.sub(lambda m: self.id(m[1]), value)

    def lower_names(self, value: str) -> str:
        return _LOWER.sub(lambda m: self.lower.get(m[0], m[0]), value)

    def year(self, value: str) -> str:
        days = round(self.days / 365.25)
        return str(int(value[:4]) + days) + value[4:] if value[:4].isdigit() else value

    def features(self, raw: str) -> str:
        data = json.loads(raw)
        for field in ("entities", "mentions"):
            data[field] = [[self.lower_names(a), b] for a, b in data.get(field, [])]
        data["places"] = [self.lower_names(p) for p in data.get("places", [])]
        data["marks"] = [self.text(m) for m in data.get("marks", [])]
        for field in ("dates", "incident_days"):
            if data.get(field) is not None:
                data[field] = [self.date(d) for d in data[field]]
        data["published"] = self.date(data.get("published"))
        data["periods"] = [self.year(p) for p in data.get("periods", [])]
        if data.get("year"):
            data["year"] = self.year(data["year"])
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def grow(
    db_path: Path,
    copies: int,
    max_sentences: int = 6,
    say: Callable[[str], None] = print,
    first: int = 1,
) -> int:
    """Add ``copies`` rewritten copies of every stored report and story; the report count.

    The copies are numbered from ``first``: a store grown before (copies 1 to n) is
    grown further with ``first = n + 1``; the originals are the rows with no ``~``.
    """
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    pool = name_pool(db)
    base_articles = db.execute(
        "SELECT id, text, title, source, url, published, published_estimated, path, author,"
        " content_hash FROM articles WHERE id NOT LIKE '%~%' ORDER BY rowid"
    ).fetchall()
    for k in range(first, first + copies):
        c = Copy(k, pool)
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO articles (id, text, title, source, url, published, published_estimated,"
            " path, author, content_hash, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,'')",
            [
                (c.id(i), c.text(t), c.text(ti), s, u, c.date(p), e, pa, au, f"{h}~{k}")
                for i, t, ti, s, u, p, e, pa, au, h in base_articles
            ],
        )
        rows = db.execute(
            "SELECT article_id, version, data FROM analyses WHERE article_id NOT LIKE '%~%'"
        )
        db.executemany(
            "INSERT INTO analyses (article_id, version, data) VALUES (?,?,?)",
            [(c.id(a), v, c.text(d)) for a, v, d in rows.fetchall()],
        )
        rows = db.execute("SELECT article_id, data FROM features WHERE article_id NOT LIKE '%~%'")
        db.executemany(
            "INSERT INTO features (article_id, data) VALUES (?,?)",
            [(c.id(a), c.features(d)) for a, d in rows.fetchall()],
        )
        rows = db.execute(
            "SELECT article_id, story_id, storyline_id FROM placements"
            " WHERE article_id NOT LIKE '%~%'"
        )
        db.executemany(
            "INSERT INTO placements (article_id, story_id, storyline_id) VALUES (?,?,?)",
            [(c.id(a), c.id(s), c.id(line)) for a, s, line in rows.fetchall()],
        )
        rows = db.execute(
            "SELECT article_id, original_id FROM duplicates WHERE article_id NOT LIKE '%~%'"
        )
        db.executemany(
            "INSERT INTO duplicates (article_id, original_id) VALUES (?,?)",
            [(c.id(a), c.id(o)) for a, o in rows.fetchall()],
        )
        _copy_dedup(db, c)
        _copy_stories(db, c, max_sentences)
        db.execute("COMMIT")
        n = int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        say(f"  copy {k}/{first + copies - 1}: {n:,} reports")
    db.execute("DELETE FROM cluster_state")
    db.execute("DELETE FROM cluster_meta")  # stale: restored from the features, once
    n = int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    db.close()
    return n


def _copy_dedup(db: sqlite3.Connection, c: Copy) -> None:
    rows = db.execute(
        "SELECT d.article_id, d.published, d.component, p.signature, p.shingles FROM dedup d"
        " JOIN dedup_prints p ON p.num = d.num WHERE d.article_id NOT LIKE '%~%'"
    ).fetchall()
    for article_id, published, component, signature, shingles in rows:
        sig = np.frombuffer(signature, dtype="<u4").astype(np.uint32) ^ c.xor
        sh = np.sort(np.frombuffer(shingles, dtype="<u4").astype(np.uint32) ^ c.xor)
        fp = Fingerprint(sh, sig)
        packed = fp.pack()
        cur = db.execute(
            "INSERT INTO dedup (article_id, published, component) VALUES (?,?,?)",
            (c.id(article_id), c.date(published), c.text(component)),
        )
        db.execute(
            "INSERT INTO dedup_prints (num, signature, shingles) VALUES (?,?,?)",
            (cur.lastrowid, packed[0], packed[1]),
        )
        db.executemany(
            "INSERT OR IGNORE INTO dedup_bands (band, key, num) VALUES (?,?,?)",
            [(band, key, cur.lastrowid) for band, key in fp.bands()],
        )


def _copy_stories(db: sqlite3.Connection, c: Copy, max_sentences: int) -> None:
    members: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for a, s, p in db.execute(
        "SELECT p.article_id, p.story_id, a.published FROM placements p"
        " JOIN articles a ON a.id = p.article_id WHERE p.article_id LIKE ?",
        (f"%~{c.k}",),
    ):
        members[s].append((a, p))
    copies = dict(
        db.execute(
            "SELECT article_id, original_id FROM duplicates WHERE article_id LIKE ?", (f"%~{c.k}",)
        )
    )
    story_of = {a: s for s, arts in members.items() for a, _ in arts}
    inside: dict[str, dict[str, str]] = defaultdict(dict)
    for copy, original in copies.items():
        if story_of.get(copy) is not None and story_of.get(copy) == story_of.get(original):
            inside[story_of[copy]][copy] = original
    rows = db.execute(
        "SELECT id, storyline, latest, data, doc, entry FROM stories WHERE id NOT LIKE '%~%'"
    ).fetchall()
    out = []
    for sid, line, latest, data, doc, entry in rows:
        new_id, new_line = c.id(sid), c.id(line)
        arts = sorted(members.get(new_id, []))
        key = story_key((new_id, new_line), arts, inside.get(new_id, {}), max_sentences)
        out.append(
            (new_id, new_line, key, c.date(latest), c.text(data), c.text(doc), c.text(entry))
        )
    db.executemany(
        "INSERT INTO stories (id, storyline, key, latest, data, doc, entry) VALUES (?,?,?,?,?,?,?)",
        out,
    )
    rows = db.execute(
        "SELECT article_id, story_id, published, published_estimated, evidence FROM story_articles"
        " WHERE article_id NOT LIKE '%~%'"
    ).fetchall()
    db.executemany(
        "INSERT INTO story_articles"
        " (article_id, story_id, published, published_estimated, evidence) VALUES (?,?,?,?,?)",
        [(c.id(a), c.id(s), c.date(p), e, c.text(ev)) for a, s, p, e, ev in rows],
    )
    rows = db.execute(
        "SELECT id, last, data, doc, index_last, section FROM storylines WHERE id NOT LIKE '%~%'"
    ).fetchall()
    lines = []
    for line_id, last, data, doc, index_last, section in rows:
        new_doc = c.text(doc) or ""
        key = hashlib.sha1(new_doc.encode("utf-8")).hexdigest()
        new = (c.id(line_id), c.date(last), key, c.text(data), new_doc, c.date(index_last))
        lines.append((*new, c.text(section)))
    db.executemany(
        "INSERT INTO storylines (id, last, key, data, doc, index_last, section)"
        " VALUES (?,?,?,?,?,?,?)",
        lines,
    )
    rows = db.execute(
        "SELECT article_id, original, doc FROM article_docs WHERE article_id NOT LIKE '%~%'"
    ).fetchall()
    db.executemany(
        "INSERT INTO article_docs (article_id, original, doc) VALUES (?,?,?)",
        [(c.id(a), c.id(o) if o else None, c.text(d)) for a, o, d in rows],
    )
