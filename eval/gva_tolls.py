"""Tolls of the GVA tuning folds' gold incidents: the wrong ones, one by one, by cause.

Scores the killed and injured figures of each gold incident of the tuning part
(dev.jsonl minus dev_sample.jsonl, first ``--grid-folds`` of ``--folds``), as
``eval/gva.py --gold-tolls`` does, so that clustering errors do not blur toll
errors. ``--reclaim`` runs the claim stage again over the cached parses (after a
change to the claim rules; the other stages are kept), which takes a minute
where ``--restage`` of every stage takes many. ``--show N`` prints N wrong
incidents with each report's figures and the sentences they come from (for
reading only: nothing is written inside the repository). ``--save FILE`` keeps
each incident's verdict, and ``--against FILE`` lists the incidents whose
verdict changed since.

    .venv/bin/python eval/gva_tolls.py --cache /tmp/gva-cache --reclaim --show 20
    .venv/bin/python eval/gva_tolls.py --cache /tmp/gva-cache --reclaim --sample  # last
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gva import fold_of, incident_causes, ours, score, scorer, stories_json
from gva_data import DEVDATA, analysed, built, gold_and_sample, parsed

from storyline.analyze.claims import extract_claims
from storyline.model import Analyzed
from storyline.story.clustering import ClusterParams
from storyline.story.figures import report_figures


def reclaimed(
    items: Sequence[Analyzed], cache: Path, reports: Path = DEVDATA / "dev.jsonl"
) -> list[Analyzed]:
    """``items`` with their claims read again from the cached parses (other stages kept)."""
    articles, docs, _, _ = parsed(reports, cache)
    doc_of = {a.id: d for a, d in zip(articles, docs, strict=True)}
    out = []
    for item in items:
        doc = doc_of[item.article.id]
        an = item.analysis
        claims = extract_claims(doc, an.entities, an.times)
        out.append(Analyzed(item.article, replace(an, claims=claims)))
    return out


def verdicts(score_py: Any, items: Sequence[Analyzed], gold: dict[str, Any]) -> dict[str, Any]:
    """Per gold incident: our killed and injured, the archive's, and whether each is right."""
    incident = gold["article_incident"]
    groups: dict[str, list[Analyzed]] = {}
    for item in items:
        groups.setdefault(incident[item.article.id], []).append(item)
    out = {}
    for gid, members in sorted(groups.items()):
        story = stories_json(members, {m.article.id: gid for m in members})["stories"][0]
        row = {}
        for measure in ("killed", "injured"):
            row[measure] = [score_py.story_value(story, measure), gold["incidents"][gid][measure]]
        out[gid] = row
    return out


def show(items: Sequence[Analyzed], gid: str, row: dict[str, Any]) -> None:
    """One wrong incident: the values, then each report's figures and their sentences."""
    print(
        f"\n=== {gid}: killed {row['killed'][0]} (archive {row['killed'][1]}), "
        f"injured {row['injured'][0]} (archive {row['injured'][1]})"
    )
    for item in sorted(items, key=lambda i: i.article.published or ""):
        text = item.article.text
        figs = report_figures(item)
        given = ", ".join(
            f"{m} {f.value:g}" + (f" [{f.derived}]" if f.derived else "")
            for m, f in figs
            if m in ("killed", "injured")
        )
        print(f"--- {item.article.id} {item.article.published} {item.article.source}: {given}")
        print(f"    title: {item.article.title}")
        seen = set()
        for c in item.analysis.claims:
            if c.measure not in ("killed", "injured", "shot"):
                continue
            sent = text[c.sentence.start : c.sentence.end].replace("\n", " ")
            mark = f"{c.measure}={c.value:g}/{c.counted}/{c.date or '-'}"
            if c.sentence in seen:
                print(f"      + {mark}")
                continue
            seen.add(c.sentence)
            print(f"    > {mark}: {sent[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/gva-cache"))
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--grid-folds", type=int, default=2, help="the first N folds")
    parser.add_argument("--reclaim", action="store_true", help="read the claims again")
    parser.add_argument("--show", type=int, default=0, help="print N wrong incidents")
    parser.add_argument("--measure", default=None, help="show only this wrong measure")
    parser.add_argument(
        "--cause", default=None, help="show only incidents of this cause (words of its line)"
    )
    parser.add_argument("--seed", type=int, default=0, help="which wrong incidents to show")
    parser.add_argument(
        "--sample", action="store_true", help="score dev_sample (ours, one batch), report last"
    )
    parser.add_argument("--ids", nargs="*", default=[], help="show these incidents")
    parser.add_argument("--save", type=Path, default=None, help="write the verdicts here")
    parser.add_argument("--against", type=Path, default=None, help="diff with saved verdicts")
    parser.add_argument(
        "--reports",
        type=Path,
        default=DEVDATA / "dev.jsonl",
        help="the reports to read (dev.jsonl, or a subset of it written outside the repository)",
    )
    args = parser.parse_args()
    if not built():
        return
    score_py = scorer()
    gold, sample_ids = gold_and_sample()
    incident = gold["article_incident"]
    t0 = time.perf_counter()
    every = analysed(args.reports, args.cache)
    if args.sample:
        sample = [i for i in every if i.article.id in sample_ids]
        sample = reclaimed(sample, args.cache, args.reports) if args.reclaim else sample
        s = score(score_py, sample, ours(sample, ClusterParams()), gold)
        print(f"dev_sample, ours, one batch: {len(sample)} reports, {s}")
        return
    part = [
        i
        for i in every
        if i.article.id not in sample_ids
        and i.article.id in incident
        and fold_of(incident[i.article.id], args.folds) < args.grid_folds
    ]
    if args.reclaim:
        part = reclaimed(part, args.cache, args.reports)
    print(f"{len(part)} reports ({time.perf_counter() - t0:.0f}s)", flush=True)
    labels = {i.article.id: incident[i.article.id] for i in part}
    tolls = score_py.score_casualties(stories_json(part, labels), gold)
    print(f"gold incidents of folds 0-{args.grid_folds - 1} of {args.folds}: {tolls}")
    causes = incident_causes(score_py, part, gold)
    for cause, n in Counter(c for cs in causes.values() for c in cs).most_common():
        print(f"  {n:4d}  {cause}")
    rows = verdicts(score_py, part, gold)
    if args.save:
        args.save.write_text(json.dumps(rows))
    if args.against and args.against.exists():
        old = json.loads(args.against.read_text())
        moves: Counter[str] = Counter()
        for gid, row in rows.items():
            for m in ("killed", "injured"):
                was, now = old[gid][m][0] == old[gid][m][1], row[m][0] == row[m][1]
                if was != now:
                    moves[f"{m} {'fixed' if now else 'broken'}"] += 1
                    print(f"  {'+' if now else '-'} {gid} {m}: {old[gid][m][0]} -> {row[m][0]}"
                          f" (archive {row[m][1]})")  # fmt: skip
        print(dict(moves))
    wrong = [
        g
        for g, r in rows.items()
        if any(r[m][0] != r[m][1] for m in ((args.measure,) if args.measure else r))
        and (not args.cause or any(args.cause in c for c in causes[g]))
    ]
    random.Random(args.seed).shuffle(wrong)
    by_gid: dict[str, list[Analyzed]] = {}
    for item in part:
        by_gid.setdefault(incident[item.article.id], []).append(item)
    for gid in [*args.ids, *wrong[: args.show]]:
        show(by_gid[gid], gid, rows[gid])


if __name__ == "__main__":
    main()
