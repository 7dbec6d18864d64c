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

With ``--gva``, the cost of a digest against the size of the store (issue 16): the
4,831 GVA development reports (``.devdata/gva/dev.jsonl``) are stored and analysed
(or taken from ``--analysed DB``, a store that ``storyline digest`` filled from
them), digested once from scratch (the first digest's reports per second, analysis
apart), then given a digest with nothing new and one with 20 new reports (development
reports with other names, places and dates, see bench/bigstore.py). The digested store
is then grown to about 100,000 reports by rewritten copies (bench/bigstore.py: no
text is parsed), given a warm-up digest of one new report (the clusterer's state is
restored once; the report folder holds empty placeholder pages, see
``placeholder_pages``), then the same two digests. Each digest runs in its own
process, as ``storyline digest`` would; its wall time and peak resident memory
(its own, or its largest worker's) are printed. Last, each folder's stories.json and
index (written incrementally) are compared with writing them whole from its store
(``--child-check DB OUT`` does that alone).

    .venv/bin/python bench/digest.py --gva [--analysed DB] [--copies 20] [--keep DIR]

To time digests on a store that a run left: ``--child-digest DB OUT [NEW.jsonl] --jobs 2``
(one digest, its phases appended to ``DB.phases.jsonl``); ``--new-batch DB NEW.jsonl K``
writes 20 development reports rewritten as copy ``K`` (names from the store's pool;
pick a ``K`` no copy or earlier batch used), reports the store does not hold;
``--relabel DB`` marks a store's analyses as this tree's ``ANALYSIS_VERSION`` (after a
bump: timing only, the analyses stay what older rules made; without it the digest
analyses every report again).

The last seconds of the digest after a version bump (every story assembled again), alone:
``--stale-index OUT 1|2`` marks every story and article row of ``OUT``'s stories.json
index stale (key ``forced``), written in the index's first (rows) or second (columns)
form; ``--child-rewrite DB OUT`` then rewrites stories.json as that digest's report
writer does (every story and storyline named changed: the in-place change tried, then
the file written whole) and prints its seconds and the process's peak memory.
``--index-form OUT 1|2`` only rewrites the index in that form (to alternate trees that
write different forms on one folder: the code before columns reads form 1 only).

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
import os
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
    import storyline.update as update
    import storyline.update.report as pages

    timer = Timer()
    undo = [
        timer.wrap(api, "_store_inputs", "ingest+store"),
        timer.wrap(api, "_analyse_pending", "analyse"),
        timer.wrap(update, "update_copies", "dedup"),
        timer.wrap(update, "place_new", "clustering"),
        timer.wrap(pages, "write_story_pages", "render"),
        timer.wrap(pages, "write_json_entries", "render"),
        timer.wrap(pages, "render_index_entries", "render"),
        timer.wrap_story(assemble),
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


def child_digest(db: Path, out: Path, inputs: list[str], jobs: int) -> None:
    """One ``digest`` as the CLI runs it (in this process); prints what it did as JSON."""
    import storyline.api as api
    import storyline.story.assemble as assemble
    import storyline.update as update
    import storyline.update.report as pages

    timer = Timer()
    undo = [
        timer.wrap(api, "_analyse_pending", "analyse"),
        timer.wrap(update, "update_copies", "copies"),
        timer.wrap(update, "place_new", "placement"),
        timer.wrap(update, "find_changes", "which stories"),
        timer.wrap(assemble, "assemble_story", "assemble"),
        timer.wrap(pages, "write_story_pages", "pages"),
        timer.wrap(update, "refresh_storylines", "storylines"),
        timer.wrap(pages.ReportWriter, "finish", "stories.json, index, stale pages"),
        timer.wrap(pages, "write_spliced", "  stories.json"),
        timer.wrap(pages, "write_index", "  index"),
        timer.wrap(api, "warm_up", "  imports beside the analysis"),
        gc_timer(timer),
    ]
    start = time.perf_counter()
    result = api.digest(inputs, out_dir=out, db=db, jobs=jobs, read_back=False)
    took = time.perf_counter() - start
    for u in reversed(undo):
        u()
    phases = {k: round(v, 2) for k, v in timer.seconds.items()}
    with open(str(db) + ".phases.jsonl", "a", encoding="utf-8") as log:
        log.write(json.dumps({"inputs": inputs, "seconds": took, "phases": phases}) + "\n")
    print(
        json.dumps(
            {"seconds": took, "changed": result.changed, "stories": result.stories, **phases}
        )
    )


def gc_timer(timer: Timer) -> Callable[[], None]:
    """Time spent in the garbage collector, by generation, into ``timer``; return the undo."""
    import gc

    started = [0.0]

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            timer.seconds[f"gc (generation {info['generation']})"] += (
                time.perf_counter() - started[0]
            )

    gc.callbacks.append(note)
    return lambda: gc.callbacks.remove(note)


def timed_child(*argv: str) -> tuple[dict[str, Any], float]:
    """Run this script as a child; its printed JSON and its peak RSS (MB, workers included)."""
    import os
    import subprocess

    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, *argv], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"child {argv} failed ({proc.returncode})")
    data: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    data["process"] = time.perf_counter() - start  # start-up and imports included
    return data, usage.ru_maxrss / 1024


def new_reports(records: list[dict[str, Any]], n: int, k: int) -> list[dict[str, Any]]:
    """``n`` new reports: development reports with other names, places and dates."""
    from bigstore import Copy

    copy = Copy(k, {})
    step = max(1, len(records) // n)
    out = []
    for rec in records[::step][:n]:
        new = dict(rec)
        new["id"] = f"{rec['id']}-new{k}"
        new["text"] = copy.text(rec["text"])
        new["published"] = copy.date(rec.get("published"))
        out.append(new)
    return out


def gva_main(args: argparse.Namespace) -> None:
    """Digests against the size of the store: ~5k real reports, then ~100k copies."""
    import shutil
    import sqlite3

    sys.path.insert(0, str(ROOT / "bench"))
    from bigstore import Copy, grow, name_pool

    dev = ROOT / ".devdata" / "gva" / "dev.jsonl"
    if not dev.exists():
        sys.exit(f"no development reports at {dev}")
    records = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines()]
    records = records[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        base = work / "base.db"
        for p in work.glob("*.db*"):
            p.unlink()
        if args.analysed:
            from storyline.store import Store

            Store(base).close()
            db = sqlite3.connect(base, isolation_level=None)
            db.execute("ATTACH DATABASE ? AS src", (str(args.analysed),))
            db.execute("INSERT INTO articles SELECT * FROM src.articles ORDER BY rowid")
            db.execute("INSERT INTO analyses SELECT * FROM src.analyses")
            db.execute("DETACH DATABASE src")
            db.close()
            print(f"analysed reports taken from {args.analysed}")
        else:
            source = work / "dev.jsonl"
            source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            data, _ = timed_child(
                "--child-analyse", str(base), str(source), "--jobs", str(args.jobs)
            )
            print(f"stored and analysed {len(records)} reports: {data['seconds']:.0f} s")
        pool = name_pool(sqlite3.connect(base))
        rows: list[tuple[str, ...]] = []

        def digest(label: str, db: Path, out: Path, inputs: list[Path], reports: int) -> None:
            data, rss = timed_child(
                "--child-digest", str(db), str(out), *map(str, inputs), "--jobs", str(args.jobs)
            )
            rate = f"{reports / data['seconds']:.1f}" if reports else ""
            secs, proc = f"{data['seconds']:.2f}", f"{data['process']:.1f}"
            apart = f"{data['seconds'] - data.get('analyse', 0.0):.2f}"
            rows.append((label, secs, apart, proc, str(data["changed"]), rate, f"{rss:.0f}"))
            print(
                f"{label}: {secs} s in the digest ({apart} s analysis apart), "
                f"{proc} s for the process, "
                f"{data['changed']} stories assembled, {data['stories']} stories, "
                f"peak {rss:.0f} MB",
                flush=True,
            )

        def new_file(name: str, n: int, k: int) -> Path:
            path = work / name
            reports = new_reports(records, n, k)
            for r in reports:  # names from the store's pool, as the copies have
                r["text"] = Copy(k, pool).text(r["text"])
                r["title"] = Copy(k, pool).text(r.get("title"))
            path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
            return path

        small = work / "small.db"
        shutil.copy(base, small)
        n = len(records)
        digest(f"{n:,} stored: first digest (analysis apart)", small, work / "out1", [], n)
        shutil.copy(small, work / "digested.db")
        digest(f"{n:,} stored: nothing new", small, work / "out1", [], 0)
        digest(
            f"{n:,} stored: 20 new reports",
            small,
            work / "out1",
            [new_file("new1.jsonl", 20, 1)],
            0,
        )
        digest(f"{n:,} stored: nothing new, again", small, work / "out1", [], 0)
        big = work / "big.db"
        shutil.copy(work / "digested.db", big)
        start = time.perf_counter()
        size = grow(big, args.copies)
        print(f"grown to {size:,} reports in {time.perf_counter() - start:.0f} s")
        placeholder_pages(big, work / "out2")
        one = new_file("one.jsonl", 1, args.copies + 1)
        digest(f"{size:,} stored: warm-up, 1 new report", big, work / "out2", [one], 0)
        digest(f"{size:,} stored: nothing new", big, work / "out2", [], 0)
        digest(
            f"{size:,} stored: 20 new reports",
            big,
            work / "out2",
            [new_file("new2.jsonl", 20, args.copies + 2)],
            0,
        )
        digest(f"{size:,} stored: nothing new, again", big, work / "out2", [], 0)
        for db, out in ((small, work / "out1"), (big, work / "out2")):
            data, _ = timed_child("--child-check", str(db), str(out))
            print(f"{out.name}: stories.json and index as a whole write gives: {data['same']}")
        print(
            "\n| digest | digest s | analysis apart s | process s (start-up included)"
            " | stories assembled | reports/s | peak RSS MB |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        first = float(rows[0][1])  # the baseline: every story assembled, as every digest did
        for row in rows[1:]:
            print(f"{row[0]}: {float(row[1]) / first:.3f} of the first digest's time")


def placeholder_pages(db: Path, out: Path) -> None:
    """A report folder that is current for the grown store, its pages empty files.

    Rendering the copies' pages (tens of thousands) would take longer than the rest
    of the run and changes nothing that a later digest does: it rewrites only the
    pages of the stories changed since the generation this manifest names, then
    stories.json and the index (which the folder lacks, so the next digest writes
    them whole).
    """
    from storyline.report.html import story_file, storyline_file
    from storyline.store import Store, report_log
    from storyline.update.report import MANIFEST, RENDER_VERSION

    out.mkdir(parents=True, exist_ok=True)
    with Store(db) as store:
        keys = store.stories.keys()
        lines = store.stories.storyline_keys()
        with store.batch():
            generation = report_log.record(store.connection, (), ())
    for story_id in keys:
        page = out / story_file(story_id)
        page.touch()
        page.with_suffix(".md").touch()
    for line_id in lines:
        (out / storyline_file(line_id)).touch()
    for name in ("stories.json", "index.html"):
        (out / name).unlink(missing_ok=True)
    manifest = {
        "version": RENDER_VERSION,
        "generation": generation.number,
        "token": generation.token,
    }
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def child_check(db: Path, out: Path) -> None:
    """Whether ``out``'s stories.json and index (written incrementally) read as writing
    them whole from the store gives; prints the answer as JSON. The index page must be
    the same bytes; stories.json the same entries (``same_document``)."""
    import filecmp

    from storyline.store import Store
    from storyline.update.jsonfile import write_spliced
    from storyline.update.jsonorder import json_sections
    from storyline.update.report import write_index

    start = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp, Store(db) as store:
        placed = store.placements()
        copies = {c: o for c, o in store.duplicates().items() if c in placed and o in placed}
        write_spliced(Path(tmp) / "stories.json", json_sections(store, copies))
        write_index(store, Path(tmp) / "index.html")
        same = {
            "stories.json": same_document(out / "stories.json", Path(tmp) / "stories.json"),
            "index.html": filecmp.cmp(Path(tmp) / "index.html", out / "index.html", shallow=False),
        }
    print(json.dumps({"seconds": time.perf_counter() - start, "same": same}))


def stale_index(out: Path, form: int, stale: bool = True) -> None:
    """Every story and article row of ``out``'s stories.json index given the key
    ``forced`` (as after every story was assembled again; not if ``stale`` is false), in
    the index's form ``form`` (1: a list of rows per section, 2: columns); the file's
    stamp kept. Stale, its stories are marked as not in the order of a whole write, as
    any in-place change leaves them (their order is then read from the store)."""
    from storyline.update.jsonfile import INDEX

    path = out / INDEX
    data = json.loads(path.read_text(encoding="utf-8"))
    sections = {}
    for name, rows in data["sections"].items():
        if isinstance(rows, dict):  # columns
            cols = rows
        else:
            cols = {
                "ids": [r[0] for r in rows],
                "keys": [r[1] for r in rows],
                "starts": [r[2] for r in rows],
                "lengths": [r[3] for r in rows],
                "orders": [r[4] for r in rows] if rows and len(rows[0]) > 4 else None,
            }
        if stale and name in ("articles", "stories"):
            cols["keys"] = ["forced"] * len(cols["ids"])
        if form == 1:
            fields = ["ids", "keys", "starts", "lengths"] + (["orders"] if cols["orders"] else [])
            sections[name] = [list(r) for r in zip(*(cols[f] for f in fields), strict=True)]
        else:
            sections[name] = cols
    layout = dict(data["layout"])
    if stale and layout:
        layout["sorted"] = False  # as ordinary digests leave it: new stories first
    index = {"file": data["file"], "sections": sections, "layout": layout}
    if form == 2:
        index["format"] = 2
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    print(f"{path}: form {form}" + (", every story and article row stale" if stale else ""))


def child_rewrite(db: Path, out: Path) -> None:
    """stories.json rewritten as the report writer does after every story was assembled
    again (see ``stale_index``); prints seconds and peak memory (the process's before
    and after, KB)."""
    from storyline.store import Store
    from storyline.update.jsonfile import write_spliced
    from storyline.update.jsonorder import json_sections

    with Store(db) as store:
        placed = store.placements()
        copies = {c: o for c, o in store.duplicates().items() if c in placed and o in placed}
        stories, lines = store.stories.ids(), store.stories.storyline_ids()
        held = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        fresh = write_spliced(out / "stories.json", json_sections(store, copies, stories, lines))
        took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = {"seconds": round(took, 2), "entries read": fresh, "peak KB before": held}
    print(json.dumps({**report, "peak KB": peak, "write's share KB": peak - held}))


def same_document(path: Path, whole: Path) -> bool:
    """Whether the stories.json at ``path`` (changed in place, whitespace where entries
    were) holds what ``whole`` holds: every entry's bytes, the articles and storylines
    in the same order, the stories in any; and nothing between its entries but
    whitespace and the document's own punctuation. Both indexes name the entries."""
    from storyline.update.jsonfile import read_index

    ours, theirs = read_index(path), read_index(whole)
    if not ours or not theirs:
        return False
    with path.open("rb") as a, whole.open("rb") as b:

        def entries(f: Any, rows: Any, span: range) -> list[tuple[str, bytes]]:
            return [
                (rows.ids[i], os.pread(f.fileno(), rows.lengths[i], rows.starts[i])) for i in span
            ]

        skeleton = bytearray()
        spans: list[tuple[int, int]] = []
        for name in ("articles", "stories", "storylines"):
            mine, other = ours["sections"][name], theirs["sections"][name]
            spans += [(s, s + n) for s, n in zip(mine.starts, mine.lengths, strict=True)]
            if name != "stories" and len(mine) != len(other):
                return False
            for i in range(0, len(mine) if name != "stories" else 0, 2000):
                span = range(i, min(i + 2000, len(mine)))
                if entries(a, mine, span) != entries(b, other, span):
                    return False
            if name == "stories" and sorted(
                (r[0], hash(os.pread(a.fileno(), r[3], r[2]))) for r in mine
            ) != sorted((r[0], hash(os.pread(b.fileno(), r[3], r[2]))) for r in other):
                return False
        spans.sort()
        at = 0
        for begin, end in [*spans, (path.stat().st_size, 0)]:
            skeleton += os.pread(a.fileno(), begin - at, at).translate(None, b" \n")
            skeleton += b"E"
            at = end
    counts = [len(ours["sections"][n]) for n in ("articles", "stories", "storylines")]
    lists = [",".join("E" * k).encode() for k in counts]
    want = b'{"articles":[%s],"stories":[%s],"storylines":[%s],"version":1}E' % tuple(lists)
    return bytes(skeleton) == want


def child_analyse(db: Path, dev: Path, jobs: int) -> None:
    """Store and analyse the development reports (no digest)."""
    import storyline.api as api
    from storyline.store import Store

    start = time.perf_counter()
    result = api.RunResult()
    with Store(db) as store:
        run_id = store.start_run("bench")
        api._store_inputs(store, [dev], None, result, None, run_id)
        api._analyse_pending(store, None, jobs, lambda *_: None)
    print(json.dumps({"seconds": time.perf_counter() - start, "changed": 0, "stories": 0}))


def relabel(db: Path) -> None:
    """Mark a store's analyses as this tree's ``ANALYSIS_VERSION`` (and its near-duplicate
    state with them), so that a store built before a version bump is digested without
    analysing every report again. For timing only: the analyses stay what the older
    rules made."""
    import sqlite3

    from storyline.store.sqlite import ANALYSIS_VERSION

    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE analyses SET version = ? WHERE version != ?", (ANALYSIS_VERSION,) * 2)
        row = con.execute("SELECT value FROM meta WHERE key = 'dedup_version'").fetchone()
        if row is not None:
            tag = str(row[0]).rsplit(".", 1)[0] + f".{ANALYSIS_VERSION}"
            con.execute("UPDATE meta SET value = ? WHERE key = 'dedup_version'", (tag,))
    con.close()
    print(f"{db}: analyses marked as version {ANALYSIS_VERSION}")


def new_batch(db: Path, path: Path, k: int, n: int = 20) -> None:
    """``n`` development reports rewritten as ``bench/bigstore.py`` rewrites copy ``k``
    (names from the store's own pool; choose a ``k`` no copy or batch used): reports
    the store does not hold, as JSONL at ``path``."""
    import sqlite3

    sys.path.insert(0, str(ROOT / "bench"))
    from bigstore import Copy, name_pool

    dev = ROOT / ".devdata" / "gva" / "dev.jsonl"
    records = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines()]
    pool = name_pool(sqlite3.connect(f"file:{db}?mode=ro", uri=True))
    reports = new_reports(records, n, k)
    for r in reports:
        r["text"] = Copy(k, pool).text(r["text"])
        r["title"] = Copy(k, pool).text(r.get("title"))
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")


def main() -> None:
    """Build the corpus, run the two digests, print the tables."""
    if len(sys.argv) > 2 and sys.argv[1] == "--relabel":
        relabel(Path(sys.argv[2]))
        return
    if len(sys.argv) > 4 and sys.argv[1] == "--new-batch":
        new_batch(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
        return
    if len(sys.argv) > 3 and sys.argv[1] in ("--stale-index", "--index-form"):
        stale_index(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[1] == "--stale-index")
        return
    if len(sys.argv) > 3 and sys.argv[1] == "--child-rewrite":
        child_rewrite(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    if len(sys.argv) > 3 and sys.argv[1] == "--child-check":
        child_check(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    if len(sys.argv) > 1 and sys.argv[1] in ("--child-digest", "--child-analyse"):
        jobs = int(sys.argv[sys.argv.index("--jobs") + 1]) if "--jobs" in sys.argv else 2
        rest = [a for a in sys.argv[2:] if a != "--jobs" and a != str(jobs)]
        if sys.argv[1] == "--child-analyse":
            child_analyse(Path(rest[0]), Path(rest[1]), jobs)
        else:
            child_digest(Path(rest[0]), Path(rest[1]), rest[2:], jobs)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ecbplus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="first N ECB+ documents only")
    parser.add_argument("--new", type=int, default=20, help="new reports for the second run")
    parser.add_argument("--extra", action="store_true", help="add the sample corpus and seeds")
    parser.add_argument("--profile", default=None, help="write a cProfile of the first run")
    parser.add_argument("--keep", type=Path, default=None, help="keep the store and pages here")
    parser.add_argument("--gva", action="store_true", help="digests against the store's size")
    parser.add_argument("--analysed", type=Path, default=None, help="--gva: analysed reports")
    parser.add_argument("--copies", type=int, default=20, help="--gva: copies for the big store")
    parser.add_argument("--compare", metavar="REV", default=None, help="see the docstring")
    args = parser.parse_args()
    if args.gva:
        gva_main(args)
        return
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
