"""Each story's state as the last digest left it, so the next digest can log what changed.

One row per story: the :class:`~storyline.model.Story` record through the one
codec (:mod:`storyline.store.codec`; its ``changes`` field is the log itself, so
the log survives every later digest) and the day that state stands for. The
table is created with the others (``CREATE TABLE IF NOT EXISTS``): an older
database gains it on first open, empty, and its stories start their logs then.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.model import Story
from storyline.store.codec import dumps, loads
from storyline.store.connection import Connection

STORY_LOG_SCHEMA = """
CREATE TABLE IF NOT EXISTS story_log (
    story_id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    data TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class LoggedStory:
    """A story's previous state and the day it stands for."""

    story: Story
    day: str


class StoryLog:
    """Reads and writes of the stories' previous states; the store's connection is passed in."""

    def __init__(self, db: Connection) -> None:
        self._db = db
        self._db.executescript(STORY_LOG_SCHEMA)

    def get(self, story_id: str) -> LoggedStory | None:
        """The story as the previous digest stored it, or None for a story not seen before."""
        row = self._db.execute(
            "SELECT day, data FROM story_log WHERE story_id = ?", (story_id,)
        ).fetchone()
        if row is None:
            return None
        try:
            return LoggedStory(loads(Story, str(row[1])), str(row[0]))
        except (ValueError, KeyError, TypeError):
            return None  # a row from an incompatible version: the log starts again

    def save(self, story: Story, day: str) -> None:
        """Store (or replace) a story's state, its ``changes`` log included."""
        self._db.execute(
            "INSERT OR REPLACE INTO story_log (story_id, day, data) VALUES (?,?,?)",
            (story.id, day, dumps(story)),
        )
