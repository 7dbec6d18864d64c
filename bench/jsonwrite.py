"""``stories.json``'s writer alone, on a large file: what one digest's in-place change costs.

    cp -a OUT/stories.json OUT/.storyline-json.idx DIR/    # a report folder a digest left
    .venv/bin/python bench/jsonwrite.py DIR K [--profile]

Runs :func:`storyline.update.jsonfile.write_spliced` on ``DIR/stories.json`` with made-up
sections built from the index's own rows: 20 new articles, 20 changed and 20 new stories,
20 changed storylines (picked by ``K``, so that two trees given the same file and ``K``
make the same change), and 500k small lists held beside (a digest holds its placements,
dates and the rest while it writes). The file is changed in place: copy it again (keeping
its modification time, which the index records) before comparing two trees, e.g. with
``PYTHONPATH=<tree>/src``. No store is read; entries are placeholder JSON.
"""

from __future__ import annotations

import cProfile
import gc
import json
import pstats
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storyline.update.jsonfile import Section, read_index, write_spliced
from storyline.update.jsonorder import (
    Before,
    _by_row,
    _newest_then_id,
    _newest_then_id_down,
    merged,
)

Rows = Sequence[list[Any]]


def sections(k: int) -> list[Section]:
    """The three lists, each changing 20 entries (and stories adding 20)."""
    rnd = random.Random(k)

    def articles(rows: Rows) -> Any:
        top = max(getattr(rows, "orders", None) or [r[4] for r in rows])  # columns or lists
        fresh = [(f"new{k}-{i}", f"sk{k}-{i}:", top + 1 + i) for i in range(20)]
        return merged(rows, {e[0] for e in fresh}, fresh, _by_row)

    def changing(before: Before, tag: str, new: int) -> Callable[[Rows], Any]:
        def update(rows: Rows) -> Any:
            pick = [rows[rnd.randrange(len(rows))] for _ in range(20)]
            fresh: list[tuple[str, str, Any]] = [(r[0], f"{tag}{k}-{r[0]}", r[4]) for r in pick]
            fresh += [(f"{tag}new{k}-{i}", f"{tag}k{k}-{i}", "2099-01-01") for i in range(new)]
            return merged(rows, {e[0] for e in fresh}, fresh, before)

        return update

    def reader(size: int) -> Callable[[Sequence[str]], dict[str, str]]:
        return lambda ids: {i: json.dumps({"id": i, "text": "y" * size}) for i in ids}

    return [
        Section("articles", list, reader(400), articles),
        Section("stories", list, reader(15000), changing(_newest_then_id, "s", 20)),
        Section("storylines", list, reader(400), changing(_newest_then_id_down, "l", 0)),
    ]


def main() -> None:
    folder, k = Path(sys.argv[1]), int(sys.argv[2])
    path = folder / "stories.json"
    if not read_index(path).get("layout"):
        sys.exit(f"{path}: no index of this file beside it (copy both, keeping the mtime)")
    gc.set_threshold(10_000, 10, 10)  # as a digest runs (storyline.gcpause)
    held = [[i, str(i)] for i in range(500_000)]
    profile = cProfile.Profile() if "--profile" in sys.argv else None
    start, cpu = time.perf_counter(), time.process_time()
    if profile is not None:
        profile.enable()
    fresh = write_spliced(path, sections(k))
    if profile is not None:
        profile.disable()
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        json.dumps(
            {
                "write_spliced s": round(took, 3),
                "cpu s": round(cpu, 3),
                "entries read": fresh,
                "held": len(held),
            }
        )
    )
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
