"""Writing the report folder incrementally, from the stored stories.

The folder keeps a small manifest (``.storyline-pages.json``): the generation of the
store's report log (:mod:`storyline.store.report_log`) it was last written for. Each
digest that changes anything logs the stories and storylines whose pages it changed
or removed; the next digest into a folder touches the pages logged since the
folder's generation (the pages of the stories it assembled are written as they are
assembled), removes those of stories that are gone, and rewrites ``stories.json``
and the index. A digest with nothing new since the folder's generation also lists
the folder and writes any page it lacks (one deleted by hand). A folder the log does
not know (a new one, one another database wrote, one older than the log keeps, or one
whose manifest is of the older per-page form) is compared whole, once: every page
whose story key differs from the per-page key its manifest recorded (all of them when
it recorded none) or that is missing is written, and so is each storyline page.

``stories.json`` is rewritten from the kept entries of articles, stories and
storylines (no story is re-assembled or decoded; unchanged entries are copied from
the previous file, see :mod:`storyline.update.jsonfile`), and the index from each
storyline's kept section (rendered when its storyline was rebuilt).
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.model import Digest
from storyline.report.html import index_frame, story_file, storyline_file
from storyline.report.write import write_story_pages, write_storyline_pages
from storyline.store import Store, report_log
from storyline.update.jsonfile import write_spliced
from storyline.update.jsonorder import json_sections
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
        self.written: set[str] = set()  # stories whose pages this digest wrote
        self.pages: dict[str, str] = dict(self.manifest.get("pages", {}))  # older manifests

    def story(self, built: AssembledStory, key: str, duplicate_of: Mapping[str, str]) -> None:
        """Write the pages of a story assembled in this digest."""
        write_story_pages(built.story, story_digest(built, duplicate_of), self.out_dir)
        self.written.add(built.story.id)
        self.pages[built.story.id] = page_key(key)

    def finish(self, duplicate_of: Mapping[str, str], block: int = 200) -> Path:
        """Bring the pages up to date from the store, then stories.json, the index, manifest."""
        db = self.store.connection
        generation = report_log.current(db)
        if generation is None:  # a store that has logged nothing yet
            with self.store.batch():
                generation = report_log.record(db, (), ())
        changed = self._since()
        if changed is None:
            self._compare_all(duplicate_of, block)
            rewrite = True
        elif changed.generations:
            self._write_changed(changed, duplicate_of, block)
            rewrite = True
        else:
            self._write_missing(duplicate_of, block)
            rewrite = False
        index = self.out_dir / "index.html"
        data = self.out_dir / "stories.json"
        if rewrite or not index.exists() or not data.exists():
            since = (None, ()) if changed is None else (changed.stories, changed.storylines)
            write_spliced(data, json_sections(self.store, duplicate_of, *since))
            write_index(self.store, index)
        manifest = {
            "version": RENDER_VERSION,
            "generation": generation.number,
            "token": generation.token,
        }
        if manifest != self.manifest:  # a digest that wrote nothing leaves it as it was
            tmp = self.out_dir / (MANIFEST + ".tmp")
            tmp.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
            tmp.replace(self.out_dir / MANIFEST)
        return index

    def _since(self) -> report_log.Since | None:
        number, token = self.manifest.get("generation"), self.manifest.get("token")
        if not isinstance(number, int) or not isinstance(token, str):
            return None
        return report_log.since(self.store.connection, number, token)

    def _write_changed(
        self, changed: report_log.Since, duplicate_of: Mapping[str, str], block: int
    ) -> None:
        """The pages of what the log names since the folder's generation, and no other."""
        kept = self.store.stories.existing(changed.stories)
        self._remove_stories(changed.stories - kept)
        self._write_stories(sorted(kept - self.written), duplicate_of, block)
        lines = self.store.stories.existing_storylines(changed.storylines)
        self._remove_storylines(changed.storylines - lines)
        self._write_storylines(sorted(lines))

    def _write_missing(self, duplicate_of: Mapping[str, str], block: int) -> None:
        """The folder is current: write only the pages it lacks (one listing, no stat a page)."""
        present = set(os.listdir(self.out_dir))
        stories = self.store.stories.ids()
        self._write_stories(
            sorted(s for s in stories if story_file(s) not in present), duplicate_of, block
        )
        lines = self.store.stories.storyline_ids()
        self._write_storylines(sorted(x for x in lines if storyline_file(x) not in present))

    def _compare_all(self, duplicate_of: Mapping[str, str], block: int) -> None:
        """A folder the log does not know: compare every page with what is stored."""
        keys = self.store.stories.keys()
        self._remove_stories(self.pages.keys() - keys.keys())
        present = set(os.listdir(self.out_dir))
        stale = sorted(
            s
            for s, k in keys.items()
            if s not in self.written
            and (self.pages.get(s) != page_key(k) or story_file(s) not in present)
        )
        self._write_stories(stale, duplicate_of, block)
        written: Mapping[str, str] = self.manifest.get("lines", {})
        lines = self.store.stories.storyline_keys()
        self._remove_storylines(written.keys() - lines.keys())
        self._write_storylines(
            sorted(
                x
                for x, k in lines.items()
                if written.get(x) != k or storyline_file(x) not in present
            )
        )

    def _remove_stories(self, ids: Collection[str]) -> None:
        for gone in sorted(ids):
            page = self.out_dir / story_file(gone)
            page.unlink(missing_ok=True)
            page.with_suffix(".md").unlink(missing_ok=True)

    def _remove_storylines(self, ids: Collection[str]) -> None:
        for gone in sorted(ids):
            (self.out_dir / storyline_file(gone)).unlink(missing_ok=True)

    def _write_stories(
        self, stale: Sequence[str], duplicate_of: Mapping[str, str], block: int
    ) -> None:
        """Write these stored stories' pages (their reports read ``block`` stories at a time)."""
        for start in range(0, len(stale), block):
            chunk = stale[start : start + block]
            items = stored_items(self.store, chunk)
            seen = self.store.stories.articles(chunk)
            for record in self.store.stories.records(chunk):
                story = record.story
                arts = items.get(story.id, [])
                ids = {i.article.id for i in arts}
                digest = Digest(
                    articles=tuple(i.article for i in arts),
                    analyses={i.article.id: i.analysis for i in arts},
                    stories=(story,),
                    duplicate_of={c: o for c, o in duplicate_of.items() if c in ids},
                    date_evidence={
                        a: seen[a].evidence for a in ids if a in seen and seen[a].evidence
                    },
                )
                write_story_pages(story, digest, self.out_dir)

    def _write_storylines(self, stale: Sequence[str], block: int = 500) -> None:
        for start in range(0, len(stale), block):
            chunk = stale[start : start + block]
            write_storyline_pages(self.store.stories.storylines(chunk), self.out_dir)


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
