"""``stories.json``'s writer when every story changed: the peak memory of that write.

After a new ``ANALYSIS_VERSION`` the first digest assembles every story again, and its
last seconds write ``stories.json`` and its index whole: the previous index read back,
the in-place change tried and given up, the file written whole, the new index written
(issue 16). This bench does that write alone, on made-up entries of the sizes and
counts of the 100k-report store (102k articles of ~0.8 KB, 65k stories of ~20 KB,
53k storylines of ~1 KB; ids and keys shaped as the store's), no store read:

    .venv/bin/python bench/jsonwhole.py DIR --setup [--scale 1.0]   # two whole writes: a roomy file
    .venv/bin/python bench/jsonwhole.py DIR                           # every key changed: one write

The second form copies nothing first: run ``--setup`` again (or keep a copy of DIR,
with modification times, and copy it back) before each measured run. It prints the
write's seconds and the process's peak resident memory before and after it
(``ru_maxrss``: the write's own share is the difference), with ``--trace`` the peak
Python allocation of the write (tracemalloc; slower). ``PYTHONPATH=<tree>/src``
compares trees on the same DIR.
"""

from __future__ import annotations

import hashlib
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storyline.update.jsonfile import Section, write_spliced
from storyline.update.jsonorder import (
    Before,
    _by_row,
    _newest_then_id,
    _newest_then_id_down,
    merged,
)

Rows = Sequence[Any]
COUNTS = {"articles": 102_278, "stories": 65_141, "storylines": 53_000}
SIZES = {"articles": 800, "stories": 20_000, "storylines": 1_000}


def _hex(*parts: object) -> str:
    return hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()


def entries(name: str, n: int, tag: str) -> list[tuple[str, str, Any]]:
    """The section's entries in file order, each keyed by ``tag``."""
    if name == "articles":
        return [(f"gva-{_hex(i)[:12]}~{i % 21}", f"{_hex(tag, i)}:", i + 1) for i in range(n)]
    prefix = "s" if name == "stories" else "l"
    out = []
    for i in range(n):
        day = 20_000 - i * 20_000 // n  # newest first
        when = f"{2016 + day // 365:04d}-{1 + day % 12:02d}-{1 + day % 28:02d}T12:00:00"
        out.append((f"{prefix}-{_hex(prefix, i)[:12]}~{i % 21}", _hex(tag, name, i), when))
    return out


def sections(counts: dict[str, int], tag: str) -> list[Section]:
    """The three lists, every entry keyed by ``tag``, made from the previous rows as a
    digest makes them (``merged``), their texts made-up JSON of the sizes above."""
    befores: dict[str, Before] = {
        "articles": _by_row,
        "stories": _newest_then_id,
        "storylines": _newest_then_id_down,
    }

    def update(name: str) -> Callable[[Rows], Any]:
        def made(rows: Rows) -> Any:
            fresh = entries(name, counts[name], tag)
            return merged(rows, {e[0] for e in fresh}, fresh, befores[name])

        return made

    def reader(size: int) -> Callable[[Sequence[str]], dict[str, str]]:
        return lambda ids: {i: json.dumps({"id": i, "text": "y" * size}) for i in ids}

    return [
        Section(
            name,
            (lambda name=name: entries(name, counts[name], tag)),  # type: ignore[misc]
            reader(SIZES[name]),
            update(name),
        )
        for name in ("articles", "stories", "storylines")
    ]


def main() -> None:
    folder = Path(sys.argv[1])
    scale = float(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv else 1.0
    counts = {k: max(1, int(v * scale)) for k, v in COUNTS.items()}
    path = folder / "stories.json"
    if "--setup" in sys.argv:
        folder.mkdir(parents=True, exist_ok=True)
        for name in (folder / "stories.json", folder / ".storyline-json.idx"):
            name.unlink(missing_ok=True)
        write_spliced(path, sections(counts, "a"))  # first: no room
        write_spliced(path, sections(counts, "b"))  # whole again, with room
        print(json.dumps({"setup": str(folder), "bytes": path.stat().st_size}))
        return
    held = [[i, str(i)] for i in range(500_000)]  # a digest's other state, as jsonwrite.py
    trace = "--trace" in sys.argv
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    fresh = write_spliced(path, sections(counts, f"c{time.time_ns()}"))
    took = time.perf_counter() - start
    traced = tracemalloc.get_traced_memory()[1] if trace else None
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "write_spliced s": round(took, 2),
                "entries read": fresh,
                "maxrss before KB": before,
                "maxrss after KB": after,
                "write's share KB": after - before,
                "traced peak bytes": traced,
                "held": len(held),
            }
        )
    )


if __name__ == "__main__":
    main()
