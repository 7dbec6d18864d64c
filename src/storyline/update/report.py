"""Writing the report folder incrementally, from the stored stories.

The folder keeps a manifest (``.storyline-pages.json``): each story page's key
(the key of what the story was assembled from) and the state ``stories.json``
and the index were written for. A page is written when its story was assembled
in this digest, or when the manifest says it is missing or stale (another
digest wrote into another folder, or the folder is new); the other pages are
left as they are. Storyline pages likewise, by the hash of each kept storyline.
``stories.json`` is rewritten from the kept entries of articles, stories and
storylines (no story is re-assembled or decoded; unchanged entries are copied from
the previous file, see :mod:`storyline.update.jsonfile`) when the state changed,
and the index from each storyline's kept section (rendered when its storyline was
rebuilt).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.model import Digest
from storyline.report.html import index_frame, story_file, storyline_file
from storyline.report.json import article_to_dict, entry_text
from storyline.report.write import write_story_pages, write_storyline_pages
from storyline.store import Store
from storyline.update.jsonfile import Section, write_spliced
from storyline.update.stories import stored_items, story_digest

if TYPE_CHECKING:
    from storyline.story.assemble import AssembledStory

#: The manifest's file name inside the report folder.
MANIFEST = ".storyline-pages.json"
#: Bumped when the pages' rendering changes: every page is then written again.
RENDER_VERSION = "1"


class ReportWriter:
    """Writes one digest's report folder: pages as stories are assembled, then the rest."""

    def __init__(self, store: Store, out_dir: Path) -> None:
        self.store = store
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.manifest = _read_manifest(self.out_dir / MANIFEST)
        self.pages: dict[str, str] = dict(self.manifest.get("pages", {}))

    def story(self, built: AssembledStory, key: str, duplicate_of: Mapping[str, str]) -> None:
        """Write the pages of a story assembled in this digest."""
        write_story_pages(built.story, story_digest(built, duplicate_of), self.out_dir)
        self.pages[built.story.id] = page_key(key)

    def finish(self, duplicate_of: Mapping[str, str], block: int = 200) -> Path:
        """Write the stale pages from the store, then stories.json, the index and manifest."""
        keys = self.store.stories.keys()
        for gone in sorted(self.pages.keys() - keys.keys()):
            page = self.out_dir / story_file(gone)
            page.unlink(missing_ok=True)
            page.with_suffix(".md").unlink(missing_ok=True)
            del self.pages[gone]
        present = {e.name for e in os.scandir(self.out_dir)}  # one listing, not a stat a page
        stale = sorted(
            s
            for s, k in keys.items()
            if self.pages.get(s) != page_key(k) or story_file(s) not in present
        )
        for start in range(0, len(stale), block):
            chunk = stale[start : start + block]
            items = stored_items(self.store, chunk)
            for record in self.store.stories.records(chunk):
                story = record.story
                arts = items.get(story.id, [])
                ids = {i.article.id for i in arts}
                seen = self.store.stories.articles([story.id])
                digest = Digest(
                    articles=tuple(i.article for i in arts),
                    analyses={i.article.id: i.analysis for i in arts},
                    stories=(story,),
                    duplicate_of={c: o for c, o in duplicate_of.items() if c in ids},
                    date_evidence={a: s.evidence for a, s in seen.items() if s.evidence},
                )
                write_story_pages(story, digest, self.out_dir)
                self.pages[story.id] = page_key(record.key)
        lines = _storyline_pages_of(
            self.store, self.out_dir, self.manifest.get("lines", {}), present
        )
        state = _state(keys, duplicate_of)
        index = self.out_dir / "index.html"
        data = self.out_dir / "stories.json"
        if self.manifest.get("state") != state or not index.exists() or not data.exists():
            write_spliced(data, _sections(self.store, duplicate_of))
            write_index(self.store, index)
        manifest = {
            "version": RENDER_VERSION,
            "state": state,
            "pages": self.pages,
            "lines": lines,
        }
        if manifest != self.manifest:  # a digest that wrote nothing leaves it as it was
            tmp = self.out_dir / (MANIFEST + ".tmp")
            tmp.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
            tmp.replace(self.out_dir / MANIFEST)
        return index


def write_index(store: Store, path: Path) -> None:
    """The index from the kept sections of every storyline (none rendered here)."""
    head, tail = index_frame(store.stories.count(), store.stories.count_storylines())
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write(head)
        for section in store.stories.index_sections():
            out.write(section)
        out.write(tail)
    tmp.replace(path)


def _storyline_pages_of(
    store: Store, out_dir: Path, written: Mapping[str, str], present: set[str], block: int = 500
) -> dict[str, str]:
    """Write the storyline pages that are missing or older than the kept storylines."""
    keys = store.stories.storyline_keys()
    for gone in sorted(written.keys() - keys.keys()):
        (out_dir / storyline_file(gone)).unlink(missing_ok=True)
    stale = sorted(
        line
        for line, k in keys.items()
        if written.get(line) != k or storyline_file(line) not in present
    )
    for start in range(0, len(stale), block):
        write_storyline_pages(store.stories.storylines(stale[start : start + block]), out_dir)
    return keys


def page_key(story_key: str) -> str:
    """What the manifest records for a page written from a story of this key."""
    return f"{RENDER_VERSION}:{story_key}"


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no manifest, or a broken one: every page is written again
    if not isinstance(data, dict) or data.get("version") != RENDER_VERSION:
        return {}
    return data


def _state(keys: Mapping[str, str], duplicate_of: Mapping[str, str]) -> str:
    """What stories.json and the index depend on: every story's key and the copy map."""
    h = hashlib.sha1(RENDER_VERSION.encode())
    for story_id in sorted(keys):
        h.update(f"{story_id}\x01{keys[story_id]}\x00".encode())
    for copy in sorted(duplicate_of):
        h.update(f"{copy}\x02{duplicate_of[copy]}\x00".encode())
    return h.hexdigest()


def _sections(store: Store, duplicate_of: Mapping[str, str]) -> list[Section]:
    """The three lists of stories.json, in order, each entry with the key it is made from."""
    order = store.stories.json_order()
    articles = [(a, f"{k}:{duplicate_of.get(a, '')}") for a, k in order["articles"]]

    def read_articles(ids: Sequence[str]) -> dict[str, str]:
        rows = store.stories.article_rows_of(ids)
        return {str(r[0]): _article_entry(r, duplicate_of) for r in rows}

    return [
        Section("articles", articles, read_articles),
        Section("stories", order["stories"], lambda ids: store.stories.json_docs("stories", ids)),
        Section(
            "storylines",
            order["storylines"],
            lambda ids: store.stories.json_docs("storylines", ids),
        ),
    ]


def _article_entry(row: Sequence[Any], duplicate_of: Mapping[str, str]) -> str:
    """One article's entry: as kept when its story was assembled, or made from its row."""
    from storyline.model import Article

    aid, source, title, published, estimated, path, url, author, evidence, doc, orig = row
    if doc is not None and orig == duplicate_of.get(aid):
        return str(doc)
    article = Article(
        id=aid,
        text="",
        title=title,
        source=source,
        url=url,
        published=published,
        published_estimated=bool(estimated),
        path=path,
        author=author,
    )
    return entry_text(article_to_dict(article, duplicate_of.get(aid), json.loads(evidence)))
