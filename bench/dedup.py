"""Near-duplicates at digest time: cost per new report vs store size, and the old way.

Builds synthetic reports at run time (never saved). A story is a made-up lead and
three to eight ECB+ sentences (CAT XML rebuilt to text by ``eval/cat.py``) drawn
from all documents, reworded once every sentence has been dealt, so that
independent reports share no more text in a big store than in a small one; a
third of the reports are edited copies (trimmed, padded, words changed or
re-headlined) of a report of the last three days, at 100 reports a day.

For each store size: fill a temporary SQLite store with that many reports
(``update_duplicates``, the digest path), reopen it and time a digest with
nothing new (the fixed cost: the stored ids, dates and copy map are loaded and
checked), then one with 100 new reports (new stories, copies of recent reports,
and older originals of recent reports, dated a day before them); three times,
each on a fresh copy of the filled store, medians kept. Printed: both times, the
cost per new report ((second - first) / 100), the share of it spent shingling and
hashing, and the baseline measured in the same run: the old full recompute
(``find_duplicates`` over every report, what every digest did before). Both give
the same map (checked). Times are CPU time of this process (SQLite's reads and
writes included), steadier than wall time on a busy machine.

    .venv/bin/python bench/dedup.py [ECBPLUS_DIR] [--sizes 2000 20000] [--new 100]

ECB+: Cybulska & Vossen, LREC 2014, CC BY 3.0.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
DEFAULT = ROOT.parent / "shared" / "corpora" / "ecbplus"

from storyline.model import Analyzed, Article, ArticleAnalysis  # noqa: E402
from storyline.store import Store  # noqa: E402
from storyline.story.dedup.incremental import Fingerprint, fingerprint, update_duplicates  # noqa: E402
from storyline.story.dedup.minhash import find_duplicates  # noqa: E402

FIRST = ("Ana", "Bram", "Cleo", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas")
LAST = ("Marsh", "Okafor", "Lindqvist", "Brandt", "Achebe", "Novak", "Sato", "Reyes")
REPEATS = 3  # digests timed per size, each on a fresh copy of the store; medians
PER_DAY = 100  # reports a day: a bigger store spans more days
TOWNS = ("Carrow", "Eastmere", "Holloway", "Kestrel", "Marrow Bay", "Penhallow", "Tarn")


def sentences_by_doc(root: Path) -> list[list[str]]:
    """The sentences of every ECB+ document (one line per sentence in the rebuilt text)."""
    from cat import read_cat

    docs = []
    for path in sorted(root.glob("ECB+/*/*.xml")):
        lines = [s for s in read_cat(path).text.splitlines() if len(s.split()) > 4]
        if len(lines) >= 3:
            docs.append(lines)
    return docs


def _date(day: int) -> str:
    return f"2025-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}"


def _edit(rng: random.Random, text: list[str], docs: list[list[str]]) -> list[str]:
    """An edited copy: trimmed, padded, words changed or re-headlined."""
    kind = rng.randrange(4)
    if kind == 0 and len(text) > 2:
        return text[: rng.randint(2, len(text) - 1)]
    if kind == 1:
        return [*text, rng.choice(rng.choice(docs))]
    if kind == 2:
        return [s.replace(" the ", " a ", 1) for s in text]
    return [f"{rng.choice(TOWNS)} update: {rng.choice(FIRST)} speaks", *text[1:]]


class Sentences:
    """ECB+ sentences dealt in random order; once all are dealt, dealt again reworded.

    On the n-th pass every fourth word (from the n-th on) is swapped for a random
    word of the corpus, so that no word 5-gram survives from one pass to the next:
    two independent reports then share a sentence no more often in a large store
    than in a small one.
    """

    def __init__(self, docs: list[list[str]], rng: random.Random) -> None:
        self.sentences = [s for doc in docs for s in doc]
        self.words = sorted({w for s in self.sentences for w in s.split()})
        self.rng = rng
        self.passes = -1
        self.queue: list[str] = []

    def take(self, k: int) -> list[str]:
        """The next ``k`` sentences."""
        out = []
        for _ in range(k):
            if not self.queue:
                self.passes += 1
                self.queue = self.rng.sample(self.sentences, len(self.sentences))
            words = self.queue.pop().split()
            if self.passes:
                for j in range(self.passes % 4, len(words), 4):
                    words[j] = self.rng.choice(self.words)
            out.append(" ".join(words))
        return out


def reports(docs: list[list[str]], n: int, seed: int) -> list[tuple[str, list[str], int]]:
    """``n`` reports as (id, sentences, day): new stories and edited copies of recent ones.

    A story recombines sentences of all the documents (two independent reports
    rarely share one); a copy edits a report of the last three days, mostly an
    original (wire copy), sometimes another copy.
    """
    rng = random.Random(seed)
    pool = Sentences(docs, rng)
    out: list[tuple[str, list[str], int]] = []
    originals: list[int] = []
    for i in range(n):
        day = i // PER_DAY
        if originals and rng.random() < 1 / 3:
            recent = [j for j in originals[-3 * PER_DAY // 2 :] if out[j][2] >= day - 3]
            if recent:
                j = rng.choice(recent) if rng.random() < 0.9 else rng.randrange(len(out))
                out.append((f"r{i}", _edit(rng, out[j][1], docs), day))
                continue
        lead = (
            f"{rng.choice(FIRST)} {rng.choice(LAST)} of {rng.choice(TOWNS)} said on {_date(day)}."
        )
        originals.append(len(out))
        out.append((f"r{i}", [lead, *pool.take(rng.randint(3, 8))], day))
    return out


def newcomers(
    docs: list[list[str]],
    stored: list[tuple[str, list[str], int]],
    fresh: list[tuple[str, list[str], int]],
    seed: int,
) -> list[tuple[str, list[str], int]]:
    """New reports: the ``fresh`` ones (next of the stream), copies of stored ones and
    older originals of stored ones."""
    rng = random.Random(seed)
    last = max(day for _, _, day in stored)
    out = []
    for i, (_, text, _) in enumerate(fresh):
        aid = f"n{i}"
        kind = i % 4
        if kind == 1:  # a copy of a report of the last days
            _, theirs, _ = rng.choice(stored[-3 * PER_DAY :])
            out.append((aid, _edit(rng, theirs, docs), last + 1))
        elif kind == 2:  # an older original of a recent stored report, found late
            _, theirs, day = rng.choice(stored[-3 * PER_DAY :])
            out.append((aid, [*theirs, rng.choice(rng.choice(docs))], max(day - 1, 0)))
        else:
            out.append((aid, text, last + 1))
    return out


def analyzed(rows: list[tuple[str, list[str], int]]) -> list[Analyzed]:
    """Reports as stored articles with an (empty) analysis."""
    return [
        Analyzed(
            Article(id=aid, text=" ".join(text), published=_date(day), content_hash=aid),
            ArticleAnalysis(aid),
        )
        for aid, text, day in rows
    ]


def run_size(docs: list[list[str]], size: int, new: int, folder: Path) -> dict[str, float]:
    """Fill a store of ``size`` reports, then time adding ``new`` ones both ways."""
    stream = reports(docs, size + new, seed=size)
    rows = stream[:size]
    base = analyzed(rows)
    added = analyzed(newcomers(docs, rows, stream[size:], seed=size + 1))
    db = folder / f"dedup-{size}.db"
    start = time.perf_counter()
    with Store(db) as store, store.batch():
        for item in [*base, *added]:
            store.add_article(item.article)
        update_duplicates(base, store)
    fill = time.perf_counter() - start

    runs = [_digests(db, base, added, folder / f"work-{size}.db") for _ in range(REPEATS)]
    fixed = statistics.median(r["fixed"] for r in runs)
    per_new = statistics.median((r["took"] - r["fixed"]) / new for r in runs)
    everything = [*base, *added]
    start = time.process_time()
    full = find_duplicates(everything)
    baseline = time.process_time() - start
    if any(r["map"] != full for r in runs):
        raise SystemExit(f"maps differ at {size}")
    with Store(db) as store:
        state = store._db.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE '%dedup%'"
        ).fetchone()[0]
    return {
        "size": size,
        "fill": fill,
        "hashed": statistics.median(r["hashed"] for r in runs),
        "fixed": fixed,
        "incremental": fixed + per_new * new,
        "per_new": per_new,
        "hashing": statistics.median(r["hashing"] for r in runs) / new,
        "state_kb": state / 1000 / (size + new),
        "full": baseline,
        "copies": len(full),
        "candidates": statistics.median(r["candidates"] for r in runs) / new,
    }


def _digests(db: Path, base: list[Analyzed], added: list[Analyzed], work: Path) -> dict[str, Any]:
    """On a copy of the filled store: a digest with nothing new, then one with the new reports."""
    shutil.copyfile(db, work)
    hashed = 0
    hashing = 0.0

    def counted(item: Analyzed) -> Fingerprint:
        nonlocal hashed, hashing
        start = time.process_time()
        out = fingerprint(item)
        hashing += time.process_time() - start
        hashed += 1
        return out

    with Store(work) as store:  # the fixed cost
        start = time.process_time()
        with store.batch():
            update_duplicates(base, store, hash_report=counted)
        fixed = time.process_time() - start
    if hashed:
        raise SystemExit(f"{hashed} stored reports hashed again")
    with Store(work) as store:
        counting = Candidates(store)
        start = time.process_time()
        with store.batch():
            result = update_duplicates([*base, *added], counting, hash_report=counted)  # type: ignore[arg-type]
        took = time.process_time() - start
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    return {
        "fixed": fixed,
        "took": took,
        "hashed": hashed,
        "hashing": hashing,
        "map": result,
        "candidates": counting.found,
    }


class Candidates:
    """The store, counting the LSH candidates its band index returns."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.found = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)

    def dedup_candidates(self, bands: Any) -> set[str]:
        """Look up as the store does, and count."""
        out = self.store.dedup_candidates(bands)
        self.found += len(out)
        return out


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ecbplus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--new", type=int, default=100)
    args = parser.parse_args()
    if not (args.ecbplus / "ECB+").is_dir():
        print(f"skipped: no ECB+ corpus at {args.ecbplus}")
        return
    docs = sentences_by_doc(args.ecbplus)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            results.append(run_size(docs, size, args.new, Path(tmp)))
    first = results[0]["per_new"]
    print(
        f"| stored | new | hashed | digest, nothing new | digest, {args.new} new"
        f" | ms per new report | vs {args.sizes[0]:,} | of which hashing"
        f" | LSH candidates per new report | full recompute | full / incremental | copies"
        " | dedup state kB/report |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['size']:,} | {args.new} | {r['hashed']:.0f} | {r['fixed'] * 1000:.0f} ms"
            f" | {r['incremental'] * 1000:.0f} ms | {r['per_new'] * 1000:.2f}"
            f" | {r['per_new'] / first:.2f}x | {r['hashing'] * 1000:.2f} | {r['candidates']:.1f}"
            f" | {r['full']:.1f} s | {r['full'] / r['incremental']:.0f}x"
            f" | {r['copies']:,} | {r['state_kb']:.1f} |"
        )
    fills = ", ".join(f"{r['fill']:.0f} s" for r in results)
    print(f"(filling the stores, every report hashed once: {fills})")


if __name__ == "__main__":
    main()
