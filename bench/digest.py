"""End-to-end cost of ``storyline digest`` on the 982 ECB+ documents, phase by phase.

Builds, at run time and in a temporary folder (never committed), a JSON-lines file of
the ECB+ documents (CAT XML rebuilt to text by ``eval/cat.py``; no title, no date),
optionally plus the sample corpus and the seeds, and runs ``storyline.api.digest`` into a
temporary output folder with a temporary store. Each phase is timed by wrapping the
library's functions from this script only (the library carries no timing code):
ingest+store, analyse, dedup, clustering, assemble (and, summed over stories, its parts:
dating, names, quotes, claims, timeline, summary, title, coverage; in older versions
the timeline's sentences parsed ahead for all stories and the parse cache), render. Then a second
``digest`` on the same store with 20 new reports (updates of ECB+ reports: the lead kept,
the other sentences in reverse order) gives the incremental cost, printed as a ratio to
the first run's time.

    .venv/bin/python bench/digest.py [ECBPLUS_DIR] [--jobs 2] [--extra] [--limit N]
    .venv/bin/python bench/digest.py --profile digest.prof   # cProfile of the digest part

``--compare REV`` instead times ``digest`` end to end, fresh store each time, on the
sample corpus (examples/) and on the 321-report GVA development sample
(.devdata/gva/dev_sample.jsonl), for this tree and for REV's ``src/`` (``git archive``
into a temporary folder), each in its own process (jobs 1, so that every spaCy call is in
that process and counted): the texts spaCy parses during the analysis and after it
(the timeline's re-parse, before the event lines moved into the analysis).

    .venv/bin/python bench/digest.py --compare 1a77ea5

ECB+: Cybulska & Vossen, LREC 2014, CC BY 3.0.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
DEFAULT = ROOT.parent / "shared" / "corpora" / "ecbplus"
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"

TOP_PHASES = ("ingest+store", "analyse", "dedup", "clustering", "assemble", "render")
PARTS = {
    "dating": "estimate_dates",
    "names": "resolve_names",
    "quotes": "group_quotes",
    "claims": "compare_claims",
    "timeline": "build_timeline",
    "summary": "summarize",
    "title": "story_title",
    "coverage": "build_coverage",
}


def ecb_records(root: Path, limit: int | None) -> list[dict[str, Any]]:
    """One JSON record per ECB+ document: id, text, no title, no date."""
    from cat import read_cat

    paths = sorted(root.glob("ECB+/*/*.xml"))[:limit]
    out = []
    for path in paths:
        text = read_cat(path).text
        if text.strip():
            out.append({"id": path.stem, "text": text, "title": None, "published": None})
    return out


def updates(records: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """``n`` new reports: updates of evenly spread records (lead kept, rest reversed)."""
    step = max(1, len(records) // max(1, n))
    out = []
    for rec in records[::step][:n]:
        lines = rec["text"].split("\n")
        text = "\n".join(lines[:1] + lines[:0:-1])
        out.append({"id": rec["id"] + "-update", "text": text, "title": None, "published": None})
    return out


class Timer:
    """Wall time per phase, gathered by wrapping library functions."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)  # this process's CPU time
        self.stories: list[tuple[float, str, int]] = []

    def wrap(self, module: Any, attr: str, *phases: str) -> Callable[[], None]:
        """Replace ``module.attr`` by a wrapper timing it into ``phases``; return the undo."""
        original = getattr(module, attr, None)
        if original is None:  # an older library without this function: nothing to time
            return lambda: None

        def timed(*args: Any, **kwargs: Any) -> Any:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                for phase in phases:
                    self.seconds[phase] += time.perf_counter() - start
                    self.cpu[phase] += time.process_time() - cpu

        setattr(module, attr, timed)
        return lambda: setattr(module, attr, original)

    def wrap_story(self, module: Any) -> Callable[[], None]:
        """Time ``assemble_story`` per story (and in total)."""
        original = module.assemble_story

        def timed(story_id: str, storyline_id: str, items: Any, *a: Any, **kw: Any) -> Any:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return original(story_id, storyline_id, items, *a, **kw)
            finally:
                took = time.perf_counter() - start
                self.seconds["assemble"] += took
                self.cpu["assemble"] += time.process_time() - cpu
                self.stories.append((took, story_id, len(items)))

        module.assemble_story = timed
        return lambda: setattr(module, "assemble_story", original)


def run(inputs: list[Path], out: Path, db: Path, jobs: int, profile: str | None) -> Timer:
    """One timed ``digest`` run."""
    import storyline.api as api
    import storyline.story.assemble as assemble

    timer = Timer()
    undo = [
        timer.wrap(api, "_store_inputs", "ingest+store"),
        timer.wrap(api, "_analyse_pending", "analyse"),
        timer.wrap(api, "update_duplicates", "dedup"),
        timer.wrap(api, "_place", "clustering"),
        timer.wrap(api, "write_report", "render"),
        timer.wrap_story(api),
        # dating and the timeline's parse run ahead of the stories, outside assemble_story
        timer.wrap(api, "date_story", "assemble"),
        timer.wrap(api, "parse_ahead", "assemble", "  timeline parse"),
        timer.wrap(api, "load_parses", "assemble", "  parse cache"),
        timer.wrap(api, "save_parses", "assemble", "  parse cache"),
    ]
    undo += [timer.wrap(assemble, fn, f"  {part}") for part, fn in PARTS.items()]
    profiler = cProfile.Profile() if profile else None
    start, cpu = time.perf_counter(), time.process_time()
    try:
        if profiler is not None:
            profiler.enable()
        api.digest([str(p) for p in inputs], out_dir=out, db=db, jobs=jobs)
    finally:
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)
        timer.seconds["total"] = time.perf_counter() - start
        timer.cpu["total"] = time.process_time() - cpu
        for u in reversed(undo):
            u()
    return timer


def report(title: str, timer: Timer, top: int = 5) -> None:
    """Print the phase table, the story count and the slowest stories."""
    s = timer.seconds
    total = s["total"]
    c = timer.cpu
    print(f"\n{title}: {total:.1f} s, {len(timer.stories)} stories")
    print(f"| {'phase':<16} | {'seconds':>8} | {'share':>6} | {'cpu s':>8} |")
    print(f"|{'-' * 18}|{'-' * 9}:|{'-' * 7}:|{'-' * 9}:|")
    names: list[str] = []
    for phase in TOP_PHASES:
        names.append(phase)
        if phase == "assemble":
            names += [f"  {part}" for part in PARTS] + ["  timeline parse", "  parse cache"]
    for phase in names:
        print(f"| {phase:<16} | {s[phase]:8.2f} | {s[phase] / total:6.1%} | {c[phase]:8.2f} |")
    other, other_cpu = (x["total"] - sum(x[p] for p in TOP_PHASES) for x in (s, c))
    print(f"| {'other (load)':<16} | {other:8.2f} | {other / total:6.1%} | {other_cpu:8.2f} |")
    print("(cpu s: this process only; the analysis runs in worker processes)")
    slow = sorted(timer.stories, reverse=True)[:top]
    print("slowest stories: " + ", ".join(f"{sid} ({n} reports) {t:.2f} s" for t, sid, n in slow))


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child (MB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def main() -> None:
    """Build the corpus, run the two digests, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ecbplus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="first N ECB+ documents only")
    parser.add_argument("--new", type=int, default=20, help="new reports for the second run")
    parser.add_argument("--extra", action="store_true", help="add the sample corpus and seeds")
    parser.add_argument("--profile", default=None, help="write a cProfile of the first run")
    parser.add_argument("--keep", type=Path, default=None, help="keep the store and pages here")
    parser.add_argument("--compare", metavar="REV", default=None, help="see the docstring")
    args = parser.parse_args()
    if args.compare:
        compare(args.compare)
        return
    if not args.ecbplus.exists():
        sys.exit(f"no ECB+ corpus at {args.ecbplus}")
    records = ecb_records(args.ecbplus, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        first = work / "ecbplus.jsonl"
        first.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        inputs = [first]
        if args.extra:
            inputs += [p for p in (EXAMPLES, SEEDS) if p.exists()]
        db = work / "bench.db"
        db.unlink(missing_ok=True)
        print(f"{len(records)} ECB+ documents, {sum(len(r['text']) for r in records):,} chars")
        one = run(inputs, work / "out", db, args.jobs, args.profile)
        report("first digest", one)
        second_in = work / "updates.jsonl"
        new = updates(records, args.new)
        second_in.write_text("".join(json.dumps(r) + "\n" for r in new), encoding="utf-8")
        two = run([second_in], work / "out2", db, args.jobs, None)
        report(f"second digest, {len(new)} new reports", two)
        ratio = two.seconds["total"] / one.seconds["total"]
        print(f"\nincremental / first run: {ratio:.2f}")
        own, child = peak_rss_mb()
        print(f"peak RSS: {own:.0f} MB (this process), {child:.0f} MB (largest worker)")


GVA_SAMPLE = ROOT / ".devdata" / "gva" / "dev_sample.jsonl"
#: Run in a child process with PYTHONPATH at one tree's src: counts spaCy's parses.
_CHILD = """
import json, sys, time
import spacy.language as lang
phase, counts = ["analyse"], {"analyse": 0, "after": 0}
pipe, call = lang.Language.pipe, lang.Language.__call__
def counted_pipe(self, texts, *a, **k):
    texts = list(texts)
    counts[phase[0]] += len(texts)
    return pipe(self, texts, *a, **k)
def counted_call(self, text, *a, **k):
    counts[phase[0]] += 1
    return call(self, text, *a, **k)
lang.Language.pipe, lang.Language.__call__ = counted_pipe, counted_call
import storyline, storyline.api as api
analyse = api._analyse_pending
def then_after(*a, **k):
    out = analyse(*a, **k)
    phase[0] = "after"
    return out
api._analyse_pending = then_after
inputs, out, db = sys.argv[1:4]
start = time.perf_counter()
result = api.digest([inputs], out_dir=out, db=db, jobs=1)
seconds = time.perf_counter() - start
stories = len(result.digest.stories) if result.digest else 0
print(json.dumps({"seconds": seconds, "stories": stories, "src": storyline.__file__, **counts}))
"""


def _digest_in(tree: Path, inputs: Path, work: Path) -> dict[str, Any]:
    """One end-to-end digest with ``tree``'s library, in a child process."""
    import os
    import subprocess

    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    work.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, "-c", _CHILD, str(inputs), str(work / "out"), str(work / "s.db")]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if not row["src"].startswith(str(tree / "src")):
        sys.exit(f"child imported {row['src']}, not {tree}")
    return row


def compare(rev: str) -> None:
    """Digest time and spaCy parses, this tree against ``rev``, on two corpora."""
    import subprocess

    corpora = [("examples", EXAMPLES), ("gva dev_sample", GVA_SAMPLE)]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        # REV's library only (src/), unpacked from git: no worktree, nothing shared touched
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        print("| corpus | tree | digest s | ratio | parsed in analysis | parsed after |")
        print("|---|---|---:|---:|---:|---:|")
        for name, path in corpora:
            if not path.exists():
                print(f"| {name} | (absent: {path}) | | | | |")
                continue
            rows = {}
            for label, tree in ((rev, base), ("this tree", ROOT)):
                rows[label] = row = _digest_in(tree, path, Path(tmp) / f"{name}-{label}")
                ratio = row["seconds"] / rows[rev]["seconds"]
                print(f"| {name} | {label} | {row['seconds']:.1f} | {ratio:.2f} "
                      f"| {row['analyse']} | {row['after']} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
