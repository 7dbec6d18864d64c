"""Incidents and tolls on real US local news (GVA development set), ours beside TF-IDF.

Clusters the reports with our clusterer (one batch; two halves in two digests, in
both orders) and with a plain TF-IDF average-link baseline whose threshold is
tuned on the tuning part, then scores incidents (B-cubed, ARI) and tolls (killed,
injured, both right per incident: the story's ``figures``) with
``../shared/devdata/score.py``. The tuning part is dev.jsonl minus dev_sample.jsonl
(``--folds N`` cuts it into N folds grouped by incident and scores them
separately, ``--fold K`` scores one); dev_sample is scored with ``--sample``.

    .venv/bin/python eval/gva.py --sample [--cache /tmp/gva-cache] [--write DIR]
    .venv/bin/python eval/gva.py --fold 0 --folds 8
    .venv/bin/python eval/gva.py --gold-tolls --folds 4 --grid-folds 2   # tolls alone
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import itertools
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clusters import average_link, tfidf_similarity
from gva_data import DEVDATA, analysed, built, gold_and_sample

from storyline.model import Analyzed
from storyline.story.assemble import date_story
from storyline.story.clustering import ClusterParams, StoryClusterer, doc_features
from storyline.story.dedup.minhash import find_duplicates
from storyline.story.figures import report_figures, story_figures

SCORE = Path(__file__).resolve().parents[2] / "shared" / "devdata" / "score.py"

Labels = dict[str, str]


def scorer() -> ModuleType:
    """``score.py`` of ../shared/devdata, imported."""
    spec = importlib.util.spec_from_file_location("gva_score", SCORE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fold_of(incident: str, folds: int) -> int:
    """The fold of an incident (stable hash)."""
    return int(hashlib.sha1(incident.encode()).hexdigest(), 16) % folds


def ours(items: Sequence[Analyzed], params: ClusterParams) -> Labels:
    """Story labels from one ``add_batch`` of every report."""
    placed = StoryClusterer(params).add_batch([(a.article.id, doc_features(a)) for a in items])
    return {k: v.story_id for k, v in placed.items()}


def ours_halves(items: Sequence[Analyzed], params: ClusterParams, seed: int, flip: bool) -> Labels:
    """Story labels from two digests of two halves of a shuffled order."""
    order = list(items)
    random.Random(seed).shuffle(order)
    half = len(order) // 2
    parts = [order[:half], order[half:]]
    if flip:
        parts.reverse()
    clusterer = StoryClusterer(params)
    for part in parts:
        clusterer.add_batch([(a.article.id, doc_features(a)) for a in part])
    # The final placements: the second digest may move reports of the first (a merge).
    return {a.article.id: clusterer.placements[a.article.id].story_id for a in order}


def tfidf(items: Sequence[Analyzed], threshold: float) -> Labels:
    """Plain TF-IDF average link cut at ``threshold``."""
    sim = tfidf_similarity(list(items))
    labels = average_link(sim, threshold)
    return {a.article.id: f"t{label}" for a, label in zip(items, labels, strict=True)}


def stories_json(items: Sequence[Analyzed], labels: Labels, figures: bool = True) -> dict[str, Any]:
    """A ``stories.json``-shaped object (ids, articles, figures) for score.py."""
    groups: dict[str, list[Analyzed]] = {}
    for item in items:
        groups.setdefault(labels[item.article.id], []).append(item)
    stories = []
    for sid, members in sorted(groups.items()):
        row: dict[str, Any] = {"id": sid, "articles": [m.article.id for m in members]}
        if figures:
            dated = date_story(members).items
            dups = find_duplicates(dated)
            row["figures"] = [
                {"measure": f.measure, "value": f.value, "status": f.status}
                for f in story_figures(dated, dups)
            ]
        stories.append(row)
    return {"articles": [{"id": i.article.id} for i in items], "stories": stories}


def score(
    score_py: ModuleType, items: Sequence[Analyzed], labels: Labels, gold: dict[str, Any]
) -> dict[str, Any]:
    """Cluster and casualty figures of one labelling."""
    stories = stories_json(items, labels)
    out = dict(score_py.score_clusters(stories, gold))
    out.update(score_py.score_casualties(stories, gold))
    return out


def toll_causes(
    score_py: ModuleType, items: Sequence[Analyzed], gold: dict[str, Any]
) -> Counter[str]:
    """Wrong tolls of the gold incidents by cause: the value chosen against the reports' own."""
    return Counter(c for causes in incident_causes(score_py, items, gold).values() for c in causes)


def incident_causes(
    score_py: ModuleType, items: Sequence[Analyzed], gold: dict[str, Any]
) -> dict[str, list[str]]:
    """Each gold incident's wrong tolls by cause (an incident with both right has none)."""
    incident = gold["article_incident"]
    groups: dict[str, list[Analyzed]] = {}
    for item in items:
        groups.setdefault(incident[item.article.id], []).append(item)
    out: dict[str, list[str]] = {}
    for gid, members in groups.items():
        story = stories_json(members, {m.article.id: gid for m in members})["stories"][0]
        given = [dict(report_figures(m)) for m in members]
        causes = out.setdefault(gid, [])
        for measure in ("killed", "injured"):
            value, want = score_py.story_value(story, measure), gold["incidents"][gid][measure]
            if value == want:
                continue
            values = [g[measure].value for g in given if measure in g]
            if not values:
                how = "no report gives one"
            elif want in values:
                how = "the archive's value is among the reports', another chosen"
            elif max(values) < want:
                how = "every report gives less"
            elif min(values) > want:
                how = "every report gives more"
            else:
                how = "reports give more and less"
            causes.append(f"{measure} too {'low' if value < want else 'high'}: {how}")
    return out


def tune_tfidf(score_py: ModuleType, items: Sequence[Analyzed], gold: dict[str, Any]) -> float:
    """The TF-IDF threshold with the best B-cubed F1 on ``items``."""
    sim = tfidf_similarity(list(items))
    best = (-1.0, 0.0)
    for t in [x / 100 for x in range(4, 64, 3)]:
        labels = {
            a.article.id: f"t{label}" for a, label in zip(items, average_link(sim, t), strict=True)
        }
        f1 = score_py.score_clusters(stories_json(items, labels, figures=False), gold)["bcubed_f1"]
        best = max(best, (f1, t))
    return best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/gva-cache"))
    parser.add_argument("--sample", action="store_true", help="score dev_sample (report last)")
    parser.add_argument("--folds", type=int, default=8)
    parser.add_argument("--fold", type=int, default=None, help="score this fold of the tuning part")
    parser.add_argument(
        "--threshold", type=float, default=None, help="TF-IDF threshold (else tuned)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--restage", action="store_true", help="run the rule stages again")
    parser.add_argument("--write", type=Path, default=None, help="write our stories.json here")
    parser.add_argument("--set", nargs="*", default=[], help="ClusterParams overrides name=value")
    parser.add_argument(
        "--grid",
        nargs="*",
        default=None,
        help="name=v1,v2 ...: score every combination (one batch) on the folds of the tuning part",
    )
    parser.add_argument("--grid-folds", type=int, default=0, help="score only the first N folds")
    parser.add_argument(
        "--only", default=None, help="grid: score these folds (comma-separated, e.g. 0,2)"
    )
    parser.add_argument(
        "--gold-tolls",
        action="store_true",
        help="score the tolls of the gold incidents of the tuning folds (first --grid-folds)",
    )
    args = parser.parse_args()
    if not built():
        return
    score_py = scorer()
    gold, sample_ids = gold_and_sample()
    incident = gold["article_incident"]
    t0 = time.perf_counter()
    every = analysed(DEVDATA / "dev.jsonl", args.cache, restage=args.restage)
    sample = [i for i in every if i.article.id in sample_ids]
    rest = [i for i in every if i.article.id not in sample_ids and i.article.id in incident]
    print(f"{len(every)} reports analysed ({time.perf_counter() - t0:.0f}s)", flush=True)
    params = ClusterParams()
    for spec in args.set:
        name, _, value = spec.partition("=")
        params = replace(params, **{name: type(getattr(params, name))(float(value))})
    if args.gold_tolls:
        used = args.grid_folds or args.folds
        part = [i for i in rest if fold_of(incident[i.article.id], args.folds) < used]
        gold_labels = {i.article.id: incident[i.article.id] for i in part}
        tolls = score_py.score_casualties(stories_json(part, gold_labels), gold)
        print(f"gold incidents of folds 0-{used - 1} of {args.folds}: {len(part)} reports, {tolls}")
        for cause, n in toll_causes(score_py, part, gold).most_common():
            print(f"  {n:4d}  {cause}")
        return
    if args.grid is not None:
        only = [int(k) for k in args.only.split(",")] if args.only else None
        run_grid(score_py, rest, gold, params, args.grid, args.folds, args.grid_folds, only)
        return
    if args.sample:
        target, name = sample, "dev_sample"
    else:
        fold = args.fold if args.fold is not None else 0
        target = [i for i in rest if fold_of(incident[i.article.id], args.folds) == fold]
        name = f"fold {fold}/{args.folds} of dev minus dev_sample"
    threshold = args.threshold
    if threshold is None:
        t1 = time.perf_counter()
        threshold = tune_tfidf(score_py, rest, gold) if args.sample else 0.0
        if not args.sample:  # tune on the other folds
            others = [i for i in rest if fold_of(incident[i.article.id], args.folds) != fold]
            threshold = tune_tfidf(score_py, others[:1500], gold)
        print(f"TF-IDF threshold {threshold:.2f} ({time.perf_counter() - t1:.0f}s)", flush=True)
    systems = [
        ("ours, one batch", lambda: ours(target, params)),
        ("ours, halves A then B", lambda: ours_halves(target, params, args.seed, False)),
        ("ours, halves B then A", lambda: ours_halves(target, params, args.seed, True)),
        (f"TF-IDF average link (t={threshold:.2f})", lambda: tfidf(target, threshold)),
    ]
    print(f"\n{name}: {len(target)} reports\n")
    print("| system | stories | B³ P | B³ R | B³ F1 | ARI | killed | injured | both |")
    print("|---|---|---|---|---|---|---|---|---|")
    first: Labels | None = None
    for label, run in systems:
        labels = run()
        s = score(score_py, target, labels, gold)
        print(
            f"| {label} | {s['stories']} | {s['bcubed_p']:.3f} | {s['bcubed_r']:.3f} "
            f"| {s['bcubed_f1']:.3f} | {s['ari']:.3f} | {s['killed_accuracy']:.3f} "
            f"| {s['injured_accuracy']:.3f} | {s['both_accuracy']:.3f} |",
            flush=True,
        )
        if first is None:
            first = labels
            if args.write:
                args.write.mkdir(parents=True, exist_ok=True)
                (args.write / "stories.json").write_text(
                    json.dumps(stories_json(target, labels), indent=1)
                )
        elif label.startswith("ours"):
            same = _same_partition(first, labels)
            print(f"|   same incidents as one batch: {same:.3f} of reports | | | | | | | | |")


def run_grid(
    score_py: ModuleType,
    rest: Sequence[Analyzed],
    gold: dict[str, Any],
    base: ClusterParams,
    specs: Sequence[str],
    folds: int,
    used: int = 0,
    only: Sequence[int] | None = None,
) -> None:
    """B-cubed F1 of every parameter combination, per fold of the tuning part and on average."""
    incident = gold["article_incident"]
    parts = [[i for i in rest if fold_of(incident[i.article.id], folds) == k] for k in range(folds)]
    parts = parts[:used] if used else parts
    if only is not None:
        parts = [[i for i in rest if fold_of(incident[i.article.id], folds) == k] for k in only]
    # A subset of the set (GVA_DEVDATA) may hold only some folds: score those.
    parts = [part for part in parts if part]
    grid = {n: [float(v) for v in vs.split(",")] for n, _, vs in (s.partition("=") for s in specs)}
    names = list(grid)
    print("| " + " | ".join(names) + " | mean B³ F1 | P | R | per fold |")
    print("|" + "---|" * (len(names) + 4))
    for values in itertools.product(*grid.values()):
        params = replace(
            base,
            **{n: type(getattr(base, n))(v) for n, v in zip(names, values, strict=True)},
        )
        cells = [
            score_py.score_clusters(stories_json(part, ours(part, params), False), gold)
            for part in parts
        ]
        f1 = [c["bcubed_f1"] for c in cells]
        p = sum(c["bcubed_p"] for c in cells) / len(cells)
        r = sum(c["bcubed_r"] for c in cells) / len(cells)
        shown = " | ".join(f"{v:g}" for v in values)
        per = " ".join(f"{x:.3f}" for x in f1)
        print(f"| {shown} | {sum(f1) / len(f1):.4f} | {p:.3f} | {r:.3f} | {per} |", flush=True)


def _same_partition(a: Labels, b: Labels) -> float:
    """Share of reports whose story holds exactly the same reports in both labellings."""

    def groups(labels: Labels) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for k, v in labels.items():
            out.setdefault(v, set()).add(k)
        return {k: frozenset(out[v]) for k, v in labels.items()}

    ga, gb = groups(a), groups(b)
    return sum(ga[k] == gb[k] for k in a) / len(a)


if __name__ == "__main__":
    main()
