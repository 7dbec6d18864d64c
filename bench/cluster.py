"""Reports per second of the per-report analysis: local processes against Dask, same run.

    .venv/bin/python bench/cluster.py [--reports N] [--chunk 16]
    .venv/bin/python bench/cluster.py --end-to-end

With ``--end-to-end``: a whole ``digest`` (store, analyse, place, assemble, write
the report; one job) of the GVA development sample (321 real reports) against bare
spaCy ``nlp.pipe`` over the same texts (one process; once before the digest and
once after it, and their mean taken, since the load of a shared machine drifts), and their
ratio (``nlp.pipe`` seconds / digest seconds: 1.0 would be a digest as fast as the
parse alone). Both run in this process with the same model (every component
enabled, as the digest uses it; ``batch_size`` 16 on both sides, the digest's
batch): the baseline is the pipeline as spaCy loads it, the digest runs its own
(``storyline.nlp.load_nlp``: the same model, its attribute ruler finding the same
matches by look-up, see ``storyline.ruler_index``); ``nlp.pipe`` with the digest's
pipeline is timed too, after the digest, and the ratio against it printed as well.
The digest is the CLI's (``read_back=False``: the stories are not read back into
memory afterwards). Wall and CPU seconds are both printed: on a shared machine the
CPU ratio is the steadier figure; the digest's CPU counts its forked analysis process
too. ``--phases`` adds where the digest's
CPU time goes, by cause, each phase exclusive of those nested in it (the analysis then
runs in this process so that its phases can be seen; timed by
wrapping library functions from this script; the library holds no timing code);
``--limit N`` takes the first N reports (for quick iterations).

    .venv/bin/python bench/cluster.py --end-to-end [--phases] [--limit N]

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
import gc
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

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


class PhaseTimer:
    """CPU seconds per phase, each exclusive of the wrapped calls nested in it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []  # [start, seconds of nested phases]
        self._undo: list[Callable[[], None]] = []

    def wrap(self, owner: Any, attr: str, phase: str) -> None:
        """Replace ``owner.attr`` by a wrapper that times it into ``phase``."""
        original = getattr(owner, attr)
        stack, seconds = self._stack, self.seconds

        def timed(*args: Any, **kwargs: Any) -> Any:
            frame = [time.process_time(), 0.0]
            stack.append(frame)
            try:
                return original(*args, **kwargs)
            finally:
                stack.pop()
                took = time.process_time() - frame[0]
                seconds[phase] += took - frame[1]
                if stack:
                    stack[-1][1] += took

        setattr(owner, attr, timed)
        self._undo.append(lambda: setattr(owner, attr, original))

    def substitute(self, owner: Any, attr: str, value: Any) -> None:
        """Replace ``owner.attr`` by ``value`` until :meth:`undo`."""
        original = getattr(owner, attr)
        setattr(owner, attr, value)
        self._undo.append(lambda: setattr(owner, attr, original))

    def undo(self) -> None:
        """Put every wrapped function back."""
        while self._undo:
            self._undo.pop()()


class CollectorTimer:
    """CPU seconds spent in the garbage collector (a ``gc.callbacks`` entry)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.count = 0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start
            self.count += 1


def wrap_phases(timer: PhaseTimer) -> None:
    """Time the digest's phases by cause (see :func:`end_to_end`)."""
    import storyline.analyze.pipeline as pipeline
    import storyline.api as api
    import storyline.store.sqlite as sqlite
    import storyline.store.stories as stored
    import storyline.story.assemble as assemble
    import storyline.update as update
    import storyline.update.ahead as ahead
    import storyline.update.report as pages
    import storyline.update.stories as stories

    # the analysis in this process, for its phases to be timed (the model is loaded before
    # timing, so the overlap the forked process gives, imports beside the load, is not lost)
    timer.substitute(api, "analyse_ahead", ahead.analyse_here)
    timer.wrap(api, "_store_inputs", "ingest and store the reports")
    timer.wrap(api, "_analyse_pending", "store the analyses (SQLite)")
    timer.wrap(pipeline, "analyze_batch", "spaCy parse (nlp.pipe)")
    timer.wrap(pipeline, "find_boilerplate", "analysis: boilerplate")
    timer.wrap(pipeline, "mask_text", "analysis: boilerplate")
    for stage in STAGES:
        timer.wrap(pipeline, stage, f"analysis: {stage}")
    timer.wrap(api, "update_stories", "update: the rest")
    timer.wrap(update, "update_copies", "update: near-duplicates")
    timer.wrap(update, "place_new", "update: placement (features, clusterer)")
    timer.wrap(assemble, "assemble_story", "update: story assembly")
    timer.wrap(stories, "save_assembled", "update: store the stories")
    timer.wrap(pages.ReportWriter, "story", "update: write the pages")
    timer.wrap(pages.ReportWriter, "finish", "update: write the pages")
    for module in (sqlite, stored):
        timer.wrap(module, "loads", "codec: decode stored records")
        timer.wrap(module, "dumps", "codec: encode records")


STAGES = (
    "sentence_spans",
    "extract_entities",
    "extract_times",
    "extract_quotes",
    "extract_claims",
    "extract_event_lines",
)


def process_and_children() -> float:
    """CPU seconds of this process and of its ended children (the digest analyses in a
    forked process of its own, ``storyline.update.ahead``, joined before it returns)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def bare_pipe(nlp: Any, texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of bare ``nlp.pipe`` over the texts (batches of 16, as digest)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def end_to_end(limit: int | None, phases: bool) -> None:
    """A whole digest of the development sample against bare ``nlp.pipe``, same run."""
    import tempfile

    from storyline.api import digest
    from storyline.nlp import load_nlp, load_stock, model_name

    source = DEV_SAMPLE if DEV_SAMPLE.exists() else ROOT / "examples"
    articles = list(iter_articles([source], on_error=lambda e: None))[:limit]
    nlp = load_stock(model_name())  # the baseline: spaCy's pipeline as spaCy loads it
    ours = load_nlp()  # the digest's (loaded here, as the baseline is, before timing)
    texts = [a.text for a in articles]
    first = bare_pipe(nlp, texts)
    timer = PhaseTimer()
    if phases:
        wrap_phases(timer)
    with tempfile.TemporaryDirectory() as tmp:
        data = source
        if limit is not None and source.is_file():  # the first N lines, as they are
            data = Path(tmp) / source.name
            with source.open(encoding="utf-8") as lines:
                data.write_text("".join(islice(lines, limit)), encoding="utf-8")
        collector = CollectorTimer()
        gc.callbacks.append(collector)
        wall, cpu = time.perf_counter(), process_and_children()
        digest([data], out_dir=Path(tmp) / "out", db=Path(tmp) / "s.db", jobs=1, read_back=False)
        whole = time.perf_counter() - wall, process_and_children() - cpu
        gc.callbacks.remove(collector)
    timer.undo()
    then = bare_pipe(nlp, texts)
    own = bare_pipe(ours, texts)
    pipe = (first[0] + then[0]) / 2, (first[1] + then[1]) / 2
    print(f"{len(articles)} reports from {source.name}")
    print(
        f"nlp.pipe before the digest {first[0]:.1f} s wall, {first[1]:.1f} s CPU; "
        f"after it {then[0]:.1f} s, {then[1]:.1f} s (the ratios use their mean)"
    )
    for name, n in (("wall", 0), ("CPU", 1)):
        print(
            f"{name:>4}: nlp.pipe {pipe[n]:.1f} s, digest {whole[n]:.1f} s, "
            f"ratio {pipe[n] / whole[n]:.2f}x, digest {len(articles) / whole[n]:.2f} reports/s"
        )
    print(
        f"nlp.pipe with the digest's own pipeline (ruler and lemmatizer sped up), after: "
        f"{own[0]:.1f} s wall, {own[1]:.1f} s CPU ({own[1] / pipe[1]:.2f} of the stock one's); "
        f"ratio against it, CPU: {own[1] / whole[1]:.2f}x"
    )
    if phases:
        print(f"{'phase (CPU, exclusive)':<44} {'s':>7} {'of nlp.pipe':>12}")
        rows = sorted(timer.seconds.items(), key=lambda kv: -kv[1])
        rows.append(("other (untimed)", whole[1] - sum(timer.seconds.values())))
        for phase, took in rows:
            print(f"{phase:<44} {took:>7.2f} {took / pipe[1]:>11.1%}")
    print(
        f"garbage collection inside the digest (in the phases above): {collector.seconds:.2f} s "
        f"CPU in {collector.count} collections"
    )


def main() -> None:
    """Run each runner on the same reports and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=160)
    parser.add_argument("--chunk", type=int, default=16)
    parser.add_argument("--end-to-end", action="store_true", help="see the docstring")
    parser.add_argument("--phases", action="store_true", help="with --end-to-end: by cause")
    parser.add_argument("--limit", type=int, default=None, help="with --end-to-end: N reports")
    args = parser.parse_args()
    if args.end_to_end:
        end_to_end(args.limit, args.phases)
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
