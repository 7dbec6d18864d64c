"""The one place the live poller hands new reports to the digest.

Today it calls the existing machinery: :func:`storyline.api.build_digest` (which
restores every stored placement, places only the new reports, and assembles the
stories) and writes the report when an output folder is given. When the
incremental digest lands (issue 16: place new reports, re-assemble only the
stories they touch), this function switches to it; nothing else changes.
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
    """A :data:`Place` over the whole-digest machinery (the adapter to switch later)."""

    def place(store: Store, article_ids: Sequence[str]) -> Placed:
        from storyline.api import build_digest
        from storyline.report import write_report

        built = build_digest(store, max_sentences=max_sentences, model=model)
        if out_dir is not None:
            write_report(built, out_dir)
        new = set(article_ids)
        touched = tuple(s.id for s in built.stories if new & set(s.articles))
        return Placed(len(built.stories), touched, built)

    return place
