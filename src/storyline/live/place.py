"""The one place the live poller hands new reports to the digest.

It calls the incremental digest (:func:`storyline.update.update_stories`): the new
reports are placed, only the stories they change are assembled again, and, given
an output folder, only their pages are rewritten (then ``stories.json`` and the
index from the stored entries).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.model import Digest
from storyline.store import Store


@dataclass(frozen=True, slots=True)
class Placed:
    """What a placement did: the stories now, and those the new reports went into."""

    stories: int
    touched: tuple[str, ...]
    digest: Digest | None = None


Place = Callable[[Store, Sequence[str]], Placed]
"""``place(store, new_article_ids)``: place stored, analysed reports and update the stories."""


def digest_placer(
    *, out_dir: Path | None = None, model: str | None = None, max_sentences: int = 6
) -> Place:
    """A :data:`Place` over the incremental digest; ``model`` is unused (nothing is parsed)."""
    del model

    def place(store: Store, article_ids: Sequence[str]) -> Placed:
        from storyline.update import update_stories

        update = update_stories(store, out_dir=out_dir, max_sentences=max_sentences)
        placed = update.placements
        touched = sorted({placed[a][0] for a in article_ids if a in placed})
        return Placed(update.stories, tuple(touched))

    return place
