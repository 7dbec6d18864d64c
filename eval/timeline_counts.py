"""Timeline merge counts per story: candidate events, after merging, entries, multi-report entries.

Digests the inputs into a temporary store (the product's path), then, for each
story, rebuilds its timeline the way ``storyline.story.timeline.build.build_timeline``
does and counts at each step: the candidate events (one per dated clause), the
events left after merging across reports, the entries kept, and the entries two or
more reports carry. Reads private helpers of the timeline module: a measuring tool.

    .venv/bin/python eval/timeline_counts.py examples
    .venv/bin/python eval/timeline_counts.py ../shared/seeds
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from storyline import api
from storyline.model import Analyzed
from storyline.store import Store
from storyline.story.assemble import date_story
from storyline.story.names import resolve_names
from storyline.story.params import TIMELINE
from storyline.story.timeline import build as tl
from storyline.story.timeline.merge import articles_of, merge, order, prune


def counts(items: list[Analyzed]) -> tuple[int, int, int, int]:
    """(candidate events, after merging, entries, entries from two or more reports)."""
    ordered = date_story(items).items
    names = resolve_names(ordered)
    events = []
    for index, item in enumerate(ordered):
        name_of = tl._namer(names.canonical, item)
        events.extend(tl._events_of(item, index, tl._dated_times(item), name_of, TIMELINE))
    merged = merge(list(events), TIMELINE)
    kept = order(prune(list(merged), tl._copies(ordered, TIMELINE.copy_overlap), TIMELINE))
    multi = sum(1 for e in kept if len(articles_of(e)) >= 2)
    return len(events), len(merged), len(kept), multi


def main() -> None:
    inputs = sys.argv[1:] or ["examples"]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.db"
        run = api.digest(inputs, out_dir=None, db=db, jobs=1)
        assert run.digest is not None
        titles = {s.id: s.title for s in run.digest.stories}
        with Store(db) as store:
            analyses = store.analyses()
            by_story: dict[str, list[Analyzed]] = defaultdict(list)
            placements = store.placements()
            for article in store.articles():
                if article.id in analyses and article.id in placements:
                    by_story[placements[article.id][0]].append(
                        Analyzed(article, analyses[article.id])
                    )
    print("| story | reports | candidate events | after merging | entries | multi-report entries |")
    print("|---|---:|---:|---:|---:|---:|")
    for story_id, items in sorted(by_story.items(), key=lambda kv: -len(kv[1])):
        row = counts(items)
        print(
            f"| {titles.get(story_id, story_id)} | {len(items)} | "
            + " | ".join(map(str, row))
            + " |"
        )


if __name__ == "__main__":
    main()
