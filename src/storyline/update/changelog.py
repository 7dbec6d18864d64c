"""Each re-assembled story's log of changes: the new state compared with the stored one.

The store keeps every assembled story (``store.stories``, the ``Story`` record with
its ``changes``), so the previous state is read back before the new one replaces
it; :func:`storyline.story.changes.changes` compares the two (a pure function) and
returns the whole log, which is stored with the new state and so survives later
digests. Only re-assembled stories are compared: a story no report changed keeps
its log as it is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.store import Store
from storyline.story.changes import changes, newest_date

if TYPE_CHECKING:
    from storyline.story.assemble import AssembledStory


def log_changes(store: Store, built: AssembledStory, today: str) -> AssembledStory:
    """The assembled story with its log: stored log plus what changed since the stored state.

    Changes are logged under the newest publication date of the reports new since then
    (else of all the story's reports, else the newest date of its timeline, else
    ``today``), so a digest run again logs the same; ``since`` is the stored state's
    newest publication date.
    """
    story = built.story
    by_id = {i.article.id: i.article for i in built.items}
    records = store.stories.records([story.id])
    previous = records[0].story if records else None
    since = records[0].latest[:10] if records else None
    known = set(previous.articles) if previous else set()
    new = [by_id[a] for a in story.articles if a not in known and a in by_id]
    dates = [(a.published or "")[:10] for a in (new or by_id.values()) if a.published]
    day = max(dates, default="") or newest_date(story) or today
    outlets = [a.source or a.title or "" for a in new]
    log = changes(previous, story, day, outlets=outlets, since=since or None)
    return replace(built, story=replace(story, changes=log))
