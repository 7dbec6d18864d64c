"""Arrival-order independence of `storyline digest` on a GVA set: one run, halves, two at once.

Digests the reports (default dev_sample.jsonl) three ways with the real CLI, each
into a fresh database: all in one run; the first half, then the second half; and
the two halves by two digests started at the same time on one database (then one
more digest with no new input writes the stories of the final state). Prints,
for each, the stories, B-cubed F1 and tolls (``../shared/devdata/score.py``) and
the share of reports whose story holds exactly the same reports as in one run.

    .venv/bin/python eval/gva_order.py [JSONL] [--work DIR] [--jobs 1]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gva import scorer
from gva_data import DEVDATA

BIN = Path(sys.executable).parent / "storyline"


def digest(inputs: list[Path], db: Path, out: Path, jobs: int) -> subprocess.Popen[bytes]:
    """Start one `storyline digest` run."""
    cmd = [str(BIN), "digest", *map(str, inputs), "--db", str(db), "--out", str(out), "-q"]
    cmd += ["--jobs", str(jobs)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finish(*runs: subprocess.Popen[bytes]) -> None:
    """Wait for runs; a failed one is reported, not raised."""
    for run in runs:
        _, err = run.communicate()
        if run.returncode not in (0, None):
            print(f"  digest exited {run.returncode}: {err.decode()[-300:]}")


def partition(stories: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Each article's story, as the set of the story's articles."""
    out: dict[str, frozenset[str]] = {}
    for s in stories["stories"]:
        members = frozenset(s["articles"])
        for a in members:
            out[a] = members
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path, nargs="?", default=DEVDATA / "dev_sample.jsonl")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not args.jsonl.exists():
        print(f"{args.jsonl} not found: build ../shared/devdata first; nothing to do")
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="gva-order-"))
    work.mkdir(parents=True, exist_ok=True)
    lines = [line for line in args.jsonl.read_text().splitlines() if line.strip()]
    random.Random(args.seed).shuffle(lines)
    halves = [work / "half1.jsonl", work / "half2.jsonl"]
    halves[0].write_text("\n".join(lines[: len(lines) // 2]) + "\n")
    halves[1].write_text("\n".join(lines[len(lines) // 2 :]) + "\n")
    j = args.jobs
    finish(digest([args.jsonl], work / "one.db", work / "one", j))
    finish(digest([halves[0]], work / "seq.db", work / "seq-a", j))
    finish(digest([halves[1]], work / "seq.db", work / "seq", j))
    finish(
        digest([halves[0]], work / "par.db", work / "par-a", j),
        digest([halves[1]], work / "par.db", work / "par-b", j),
    )
    # a third digest settles what the two at once left (its reports are all stored already)
    finish(digest([halves[1]], work / "par.db", work / "par", j))
    score_py = scorer()
    gold = json.loads((DEVDATA / "gold.json").read_text())
    base: dict[str, frozenset[str]] | None = None
    print(f"{len(lines)} reports of {args.jsonl.name}; work in {work}\n")
    print("| run | stories | B³ P | B³ R | B³ F1 | both right | same incidents as one run |")
    print("|---|---|---|---|---|---|---|")
    for name, folder in (
        ("one digest", "one"),
        ("two halves, one after the other", "seq"),
        ("two halves by two digests at once", "par"),
    ):
        path = work / folder / "stories.json"
        if not path.exists():
            print(f"| {name} | (no output) | | | | | |")
            continue
        stories = json.loads(path.read_text())
        c = score_py.score_clusters(stories, gold)
        k = score_py.score_casualties(stories, gold)
        part = partition(stories)
        base = base or part
        same = sum(part.get(a) == base.get(a) for a in base) / len(base)
        print(
            f"| {name} | {c['stories']} | {c['bcubed_p']:.3f} | {c['bcubed_r']:.3f} "
            f"| {c['bcubed_f1']:.3f} | {k['both_accuracy']:.3f} | {same:.3f} |"
        )


if __name__ == "__main__":
    main()
