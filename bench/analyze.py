"""Throughput of `storyline analyze` against bare spaCy on the same texts, same run.

    .venv/bin/python bench/analyze.py [--texts N] [--jobs 1 2]

Prints articles per second for bare ``nlp.pipe`` and for storyline's full
per-article analysis (boilerplate, parse, entities, times, quotes, claims) and
their ratio, for each job count; then the peak memory of `storyline digest` on
the bundled sample corpus (a child process, so its own peak).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.analyze.pipeline import analyze_articles  # noqa: E402
from storyline.ingest import iter_articles  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.nlp import load_nlp  # noqa: E402


def corpus_texts(limit: int) -> list[Article]:
    """Sample corpus and seed reports (when present), repeated up to ``limit`` articles."""
    sources = [ROOT / "examples"]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        sources.append(seeds)
    base = list(iter_articles(sources, on_error=lambda e: None))
    out = []
    n = 0
    while len(out) < limit:
        a = base[n % len(base)]
        # a distinct suffix keeps each text unique without changing its shape
        out.append(Article(id=f"{a.id}-{n}", text=a.text + f"\n\n({n})", title=a.title))
        n += 1
    return out


def bare_spacy(texts: list[str], jobs: int) -> float:
    """Seconds for bare ``nlp.pipe`` over the texts."""
    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=jobs):
        pass
    return time.perf_counter() - start


def ours(articles: list[Article], jobs: int) -> float:
    """Seconds for storyline's full per-article analysis over the same articles."""
    start = time.perf_counter()
    for _ in analyze_articles(articles, jobs=jobs):
        pass
    return time.perf_counter() - start


_PEAK = """
import resource, sys
from storyline.api import digest
digest([sys.argv[1]], out_dir=sys.argv[2], db=sys.argv[2] + "/s.db", jobs=1)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def digest_peak_mb() -> float:
    """Peak resident memory (MB) of a digest of the sample corpus, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [sys.executable, "-c", _PEAK, str(ROOT / "examples"), tmp],
            check=True,
            capture_output=True,
            text=True,
        )
    return int(done.stdout.split()[-1]) / 1024


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=120)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    articles = corpus_texts(args.texts)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    load_nlp()
    print(f"{len(texts)} articles, {words} words")
    print(f"{'jobs':>4}  {'spaCy art/s':>11}  {'storyline art/s':>15}  {'ratio':>5}")
    for jobs in args.jobs:
        base = bare_spacy(texts, jobs)
        mine = ours(articles, jobs)
        print(
            f"{jobs:>4}  {len(texts) / base:>11.1f}  {len(texts) / mine:>15.1f}"
            f"  {base / mine:>5.2f}"
        )
    print(f"peak memory of digest on examples/: {digest_peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
