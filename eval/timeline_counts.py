"""Timeline merge counts per story: candidate events, after merging, entries, multi-report entries.

Digests the inputs into a temporary store (the product's path), then, for each
story, rebuilds its timeline the way ``storyline.story.timeline.build_timeline``
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
from storyline.nlp import load_nlp
from storyline.store import Store
from storyline.story import timeline as tl
from storyline.story.assemble import date_story
from storyline.story.names import resolve_names
from storyline.story.timeline_merge import articles_of, merge, order, prune


def counts(items: list[Analyzed], nlp: object) -> tuple[int, int, int, int]:
    """(candidate events, after merging, entries, entries from two or more reports)."""
    ordered = date_story(items).items
    names = resolve_names(ordered)
    todos = [tl._dated_times(item) for item in ordered]
    keys = tl._sentence_keys(todos)
    texts = [ordered[n].article.text[s.start : s.end] for n, s in keys]
    unique = list(dict.fromkeys(texts))
    docs = dict(zip(unique, nlp.pipe(unique, batch_size=256), strict=True))  # type: ignore[attr-defined]
    parsed: list[dict[object, object]] = [{} for _ in ordered]
    for (n, span), text in zip(keys, texts, strict=True):
        parsed[n][span] = docs[text]
    events = []
    for index, (item, todo) in enumerate(zip(ordered, todos, strict=True)):
        name_of = tl._namer(names.canonical, item)
        events.extend(tl._events_of(item, index, todo, parsed[index], name_of))  # type: ignore[arg-type]
    merged = merge(list(events))
    kept = order(prune(list(merged), tl._copies(ordered)))
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
    nlp = load_nlp()
    print("| story | reports | candidate events | after merging | entries | multi-report entries |")
    print("|---|---:|---:|---:|---:|---:|")
    for story_id, items in sorted(by_story.items(), key=lambda kv: -len(kv[1])):
        row = counts(items, nlp)
        print(
            f"| {titles.get(story_id, story_id)} | {len(items)} | "
            + " | ".join(map(str, row))
            + " |"
        )


if __name__ == "__main__":
    main()
