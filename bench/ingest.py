"""Reading the sample reports: cold and warm, against reading their bytes, and boilerplate.

Reads ``examples/`` with :func:`storyline.ingest.iter_articles` once cold (in this
fresh process: trafilatura and feedparser are imported by the first call) and then
warm (median of five), and times ``find_boilerplate`` per report (median of five
passes over every report). The baseline, measured in the same run: reading the
same files' bytes (median of five). Times are CPU time of this process.

    .venv/bin/python bench/ingest.py [FOLDER]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cpu(run: object) -> float:
    start = time.process_time()
    run()  # type: ignore[operator]
    return time.process_time() - start


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples"
    from storyline.analyze.clean import find_boilerplate
    from storyline.ingest import iter_articles

    files = sorted(p for p in folder.rglob("*") if p.is_file())
    articles: list = []
    cold = _cpu(lambda: articles.extend(iter_articles([folder], on_error=lambda e: None)))
    warm = statistics.median(
        _cpu(lambda: list(iter_articles([folder], on_error=lambda e: None))) for _ in range(5)
    )
    raw = statistics.median(_cpu(lambda: [p.read_bytes() for p in files]) for _ in range(5))
    clean = statistics.median(
        _cpu(lambda: [find_boilerplate(a.text, a.title) for a in articles]) for _ in range(5)
    )
    print(f"{len(articles)} reports from {len(files)} files in {folder}")
    print(f"read cold: {cold:.2f} s; warm: {warm:.3f} s")
    print(f"baseline, the files' bytes: {raw * 1000:.2f} ms (warm read = {warm / raw:.0f}x)")
    print(f"find_boilerplate: {clean / len(articles) * 1000:.1f} ms per report")


if __name__ == "__main__":
    main()
