"""Time resolution cost as a share of analysis: ``nlp.pipe`` vs ``extract_times``.

Usage: .venv/bin/python bench/times.py [MEANTIME_DIR] [--repeat N]

Parses the MEANTIME article texts (or the seeds when the corpus is absent) with the
spaCy pipeline, then runs ``extract_times`` on the parsed documents, in the same run,
and prints both times and the ratio (goal: time expressions <= 10% of parsing).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _texts(corpus: Path) -> list[str]:
    from cat import read_cat

    files = sorted((corpus / "intra-doc_annotation").rglob("*.xml"))
    if files:
        return [read_cat(p).text for p in files]
    return [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    """Time both stages and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "corpora" / "meantime"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from storyline.analyze.times import extract_times
    from storyline.nlp import load_nlp

    texts = _texts(Path(args.corpus))
    if not texts:
        print("no texts found; pass the MEANTIME folder")
        return 1
    nlp = load_nlp()
    list(nlp.pipe(texts[:5]))  # warm-up
    parse_best = times_best = float("inf")
    n_times = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts))
        t1 = time.perf_counter()
        n_times = sum(len(extract_times(d, None)) for d in docs)
        t2 = time.perf_counter()
        parse_best = min(parse_best, t1 - t0)
        times_best = min(times_best, t2 - t1)
    chars = sum(len(t) for t in texts)
    print(f"{'stage':22} {'seconds':>8} {'docs/s':>8} {'share':>7}")
    print(f"{'nlp.pipe (baseline)':22} {parse_best:8.3f} {len(texts) / parse_best:8.1f} {1:7.1%}")
    print(
        f"{'extract_times':22} {times_best:8.3f} {len(texts) / times_best:8.1f} "
        f"{times_best / parse_best:7.1%}"
    )
    print(
        f"{len(texts)} documents, {chars} characters, {n_times} time expressions, "
        f"best of {args.repeat}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
