"""Reports per second of the per-report analysis: local processes against Dask, same run.

    .venv/bin/python bench/cluster.py [--reports N] [--chunk 16]
    .venv/bin/python bench/cluster.py --end-to-end

With ``--end-to-end``: a whole ``digest`` (store, analyse, place, assemble, write
the report; one job) of the GVA development sample (321 real reports) against bare
spaCy ``nlp.pipe`` over the same texts (one process), in the same run, and their
ratio (``nlp.pipe`` seconds / digest seconds: 1.0 would be a digest as fast as the
parse alone).

Analyses the same reports (the GVA development sample when ``.devdata`` is built,
else the sample corpus repeated) with the local process pool (``--jobs 1`` and
``2``) and on a Dask cluster started here (``--dask local:1`` and ``local:2``),
and prints reports per second and each runner's ratio to ``--jobs 1``. A Dask
cluster's start (worker processes, each loading the spaCy pipeline once) is
timed apart from its throughput, which is measured after one warm-up chunk per
worker has run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.analyze.pipeline import analyze_articles  # noqa: E402
from storyline.ingest import iter_articles  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.runners import DaskTarget  # noqa: E402
from storyline.runners.on_dask import dask_client, run_chunks  # noqa: E402

DEV_SAMPLE = ROOT / ".devdata" / "gva" / "dev_sample.jsonl"


def reports(limit: int) -> list[Article]:
    """Real local-news reports when the development set is built, else the sample corpus."""
    source = DEV_SAMPLE if DEV_SAMPLE.exists() else ROOT / "examples"
    base = list(iter_articles([source], on_error=lambda e: None))
    return [
        Article(id=f"{a.id}-{n}", text=a.text, title=a.title, published=a.published)
        for n, a in ((n, base[n % len(base)]) for n in range(limit))
    ]


def local(articles: list[Article], jobs: int, chunk: int) -> float:
    """Seconds for the local runner (pool start included: it forks a loaded pipeline)."""
    start = time.perf_counter()
    for _ in analyze_articles(articles, jobs=jobs, batch_size=chunk):
        pass
    return time.perf_counter() - start


def on_dask(articles: list[Article], workers: int, chunk: int) -> tuple[float, float]:
    """Seconds to start a ``local:N`` cluster and warm it, and seconds to analyse the reports."""
    start = time.perf_counter()
    with dask_client(DaskTarget(local_workers=workers)) as client:
        for _ in run_chunks(client, articles[: chunk * workers], chunk_size=chunk):
            pass
        warm = time.perf_counter()
        for _ in run_chunks(client, articles, chunk_size=chunk):
            pass
        done = time.perf_counter()
    return warm - start, done - warm


def end_to_end() -> None:
    """A whole digest of the development sample against bare ``nlp.pipe``, same run."""
    import tempfile

    from storyline.api import digest
    from storyline.nlp import load_nlp

    source = DEV_SAMPLE if DEV_SAMPLE.exists() else ROOT / "examples"
    texts = [a.text for a in iter_articles([source], on_error=lambda e: None)]
    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    pipe = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        digest([source], out_dir=Path(tmp) / "out", db=Path(tmp) / "s.db", jobs=1)
        whole = time.perf_counter() - start
    print(f"{len(texts)} reports from {source.name}")
    print(f"nlp.pipe {pipe:.1f} s, digest {whole:.1f} s, ratio {pipe / whole:.2f}x")


def main() -> None:
    """Run each runner on the same reports and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=160)
    parser.add_argument("--chunk", type=int, default=16)
    parser.add_argument("--end-to-end", action="store_true", help="see the docstring")
    args = parser.parse_args()
    if args.end_to_end:
        end_to_end()
        return
    articles = reports(args.reports)
    print(f"{len(articles)} reports, chunks of {args.chunk}")
    base = local(articles, 1, args.chunk)
    rows = [("local --jobs 1", 0.0, base), ("local --jobs 2", 0.0, local(articles, 2, args.chunk))]
    for workers in (1, 2):
        started, took = on_dask(articles, workers, args.chunk)
        rows.append((f"--dask local:{workers}", started, took))
    print(f"{'runner':<18} {'start s':>8} {'reports/s':>10} {'vs jobs 1':>10}")
    for name, started, took in rows:
        print(f"{name:<18} {started:>8.1f} {len(articles) / took:>10.2f} {base / took:>9.2f}x")


if __name__ == "__main__":
    main()
