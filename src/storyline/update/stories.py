"""Re-assembling only the stories whose reports changed; the rest stay as stored.

A story's *key* is a hash of everything its assembly reads that can change
between digests: its id and storyline, its reports (ids with their publication
dates), which of them copy which, the summary length, and the versions of the
analysis and of assembly. Reports are handed to assembly in id order, not in
arrival order (date estimation lists its evidence in the order it reads the
reports), so that the order in which they came does not matter. A digest computes every story's key
from the placements, the dates and the copy map (no text, no analysis read),
and assembles only the stories whose key differs from the stored one. A story's
result is a function of that key alone, so it is the same whether its reports
came in one digest or in many.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from storyline.model import Analyzed, Article, Digest, Story
from storyline.report.html import index_entry
from storyline.report.json import article_to_dict, entry_text, story_to_dict
from storyline.store import ANALYSIS_VERSION, Store
from storyline.store.stories import StoredStory, StoryArticle
from storyline.update.place import read_items

if TYPE_CHECKING:
    from storyline.story.assemble import AssembledStory

#: Bumped when assembly changes what it makes of the same reports: every stored story
#: is then assembled again at the next digest.
ASSEMBLY_VERSION = "11"

Progress = Callable[[str, int, int | None], None]
StoryKey = tuple[str, str]  # (story id, storyline id)


def story_key(
    story: StoryKey,
    members: Sequence[tuple[str, str | None]],
    duplicate_of: Mapping[str, str],
    max_sentences: int,
) -> str:
    """The key of what a story is assembled from (see the module docstring)."""
    # One string hashed once (the digest of the parts one after the other): a digest
    # computes every stored story's key, 65k of them at 100k reports.
    parts = [ASSEMBLY_VERSION, str(ANALYSIS_VERSION), str(max_sentences), *story, ""]
    text = "\x00".join(parts) + "".join(f"{a}\x01{p or ''}\x00" for a, p in members)
    if duplicate_of:
        ids = {a for a, _ in members}
        copies = sorted((c, o) for c, o in duplicate_of.items() if c in ids and o in ids)
        text += "".join(f"{c}\x02{o}\x00" for c, o in copies)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Changes:
    """Which stories a digest must assemble again, and which are gone."""

    changed: dict[StoryKey, list[str]]  # story -> its reports, id order
    keys: dict[str, str]  # story id -> new key, for the changed ones
    removed: tuple[str, ...]


def find_changes(
    store: Store,
    placements: Mapping[str, tuple[str, str]],
    dates: Mapping[str, str | None],
    duplicate_of: Mapping[str, str],
    max_sentences: int,
) -> Changes:
    """Compare every story's key with the stored one."""
    members: dict[StoryKey, list[tuple[str, str | None]]] = defaultdict(list)
    for article_id, story in placements.items():
        members[story].append((article_id, dates.get(article_id)))
    copies: dict[StoryKey, dict[str, str]] = defaultdict(dict)  # the copies inside each story
    for copy, original in duplicate_of.items():
        home = placements.get(copy)
        if home is not None and placements.get(original) == home:
            copies[home][copy] = original
    stored = store.stories.keys()
    changed: dict[StoryKey, list[str]] = {}
    keys: dict[str, str] = {}
    for story, arts in members.items():
        arts.sort()
        key = story_key(story, arts, copies.get(story, {}), max_sentences)
        if stored.get(story[0]) != key:
            changed[story] = [a for a, _ in arts]
            keys[story[0]] = key
    current = {s for s, _ in members}
    return Changes(changed, keys, tuple(sorted(stored.keys() - current)))


def assemble_changed(
    store: Store,
    changes: Changes,
    duplicate_of: Mapping[str, str],
    *,
    max_sentences: int,
    progress: Progress,
    block: int = 200,
) -> Iterator[AssembledStory]:
    """Assemble the changed stories, ``block`` at a time (their reports read only then).

    Each block is stored in one transaction as it is assembled.
    """
    keys = sorted(changes.changed)
    if not keys:
        if changes.removed:
            with store.batch():
                store.stories.delete(changes.removed)
        return
    from storyline.story.assemble import assemble_story
    from storyline.update.changelog import log_changes

    done = 0
    for start in range(0, len(keys), block):
        chunk = keys[start : start + block]
        wanted = [a for k in chunk for a in changes.changed[k]]
        by_id = {i.article.id: i for i in read_items(store, wanted)}
        groups = [[by_id[a] for a in changes.changed[k] if a in by_id] for k in chunk]
        built = [
            assemble_story(story_id, line_id, items, duplicate_of, max_sentences=max_sentences)
            for (story_id, line_id), items in zip(chunk, groups, strict=True)
        ]
        today = date.today().isoformat()
        built = [log_changes(store, one, today) for one in built]  # before the state is replaced
        with store.batch():
            for one in built:
                save_assembled(store, one, changes.keys[one.story.id], duplicate_of)
            if start == 0 and changes.removed:
                store.stories.delete(changes.removed)
        for one in built:
            done += 1
            progress("assemble", done, len(keys))
            yield one


def save_assembled(
    store: Store, built: AssembledStory, key: str, duplicate_of: Mapping[str, str]
) -> None:
    """Keep one assembled story: its record, stories.json entry, index entry and dates."""
    story = built.story
    by_id = {i.article.id: i.article for i in built.items}
    stored = StoredStory(
        story=story,
        key=key,
        latest=latest(story, by_id),
        doc=entry_text(story_to_dict(story)),
        entry=index_entry(story, by_id),
    )
    store.stories.save(
        stored,
        (
            StoryArticle(
                i.article.id,
                i.article.published,
                i.article.published_estimated,
                tuple(built.date_evidence.get(i.article.id, ())),
            )
            for i in built.items
        ),
    )
    store.stories.save_article_docs(
        (
            i.article.id,
            duplicate_of.get(i.article.id),
            article_entry(i.article, built, duplicate_of),
        )
        for i in built.items
    )


def article_entry(article: Article, built: AssembledStory, duplicate_of: Mapping[str, str]) -> str:
    """An article's stories.json entry, its date as its story estimated it."""
    bare = Article(
        id=article.id,
        text="",
        title=article.title,
        source=article.source,
        url=article.url,
        published=article.published,
        published_estimated=article.published_estimated,
        path=article.path,
        author=article.author,
    )
    evidence = built.date_evidence.get(article.id, ())
    return entry_text(article_to_dict(bare, duplicate_of.get(article.id), evidence))


def refresh_storylines(store: Store, lines: set[str], block: int = 500) -> tuple[str, ...]:
    """Build the named storylines (and their sections of the index) again from their
    stored stories and keep them, ``block`` storylines at a time (a storyline is made
    from its own stories alone, so only a block's stories are read at once).

    A storyline with no story left is forgotten. A database that keeps no
    storyline yet (schema version 5 or older) has all of them built once. Returns the
    ids of the storylines built.
    """
    from storyline.report.html import index_storylines, render_index_section
    from storyline.report.json import to_jsonable
    from storyline.story.storyline import build_storylines

    if not store.stories.has_storylines():
        lines = store.stories.all_storylines()
    ordered = sorted(lines)
    done: list[str] = []
    for start in range(0, len(ordered), block):
        chunk = set(ordered[start : start + block])
        members = store.stories.in_storylines(chunk)
        seen = store.stories.articles([s.id for s in members])
        published = {a: s.published for a, s in seen.items() if s.published}
        built = build_storylines(members, published)
        sections = {
            line["id"]: (str(line["last"]), render_index_section(line))
            for line in index_storylines(store.stories.entries_in(chunk))
        }
        with store.batch():
            store.stories.save_storylines(
                ((line, entry_text(to_jsonable(line)), *sections[line.id]) for line in built),
                chunk - {line.id for line in built},
            )
        done += [line.id for line in built]
    return tuple(done)


def story_digest(built: AssembledStory, duplicate_of: Mapping[str, str]) -> Digest:
    """A digest of one story alone: all that its pages read."""
    ids = {i.article.id for i in built.items}
    return Digest(
        articles=tuple(i.article for i in built.items),
        analyses={i.article.id: i.analysis for i in built.items},
        stories=(built.story,),
        duplicate_of={c: o for c, o in duplicate_of.items() if c in ids},
        date_evidence={k: v for k, v in built.date_evidence.items() if k in ids},
    )


def latest(story: Story, articles: Mapping[str, Article]) -> str:
    """The newest publication date of a story's reports: stories are listed newest first."""
    dates = [articles[a].published or "" for a in story.articles if a in articles]
    return max(dates, default="")


def stored_items(store: Store, story_ids: Sequence[str]) -> dict[str, list[Analyzed]]:
    """The reports of stored stories, dates as their story estimated them, story order."""
    records = store.stories.records(story_ids)
    seen = store.stories.articles(story_ids)
    wanted = [a for r in records for a in r.story.articles]
    by_id = {i.article.id: i for i in read_items(store, wanted)}
    out: dict[str, list[Analyzed]] = {}
    for r in records:
        items = []
        for a in r.story.articles:
            if a not in by_id:
                continue
            item = by_id[a]
            dated = seen.get(a)
            if dated is not None:
                art = item.article
                item = Analyzed(
                    Article(
                        id=art.id,
                        text=art.text,
                        title=art.title,
                        source=art.source,
                        url=art.url,
                        published=dated.published,
                        published_estimated=dated.published_estimated,
                        path=art.path,
                        author=art.author,
                        content_hash=art.content_hash,
                    ),
                    item.analysis,
                )
            items.append(item)
        out[r.story.id] = items
    return out
