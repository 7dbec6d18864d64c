"""Parameter grids of the story clusterer on its development data.

Scores every combination of the given parameter values with one ``add_batch``
per set, on ECB+ tuning topics 1-35 and the local-news development sets, and
prints event and storyline B-cubed F1 per set and their means (the criterion
the defaults were chosen by). ECB+ test topics 36-45 are printed too, for
reference only: they are not in the means. The held-out local sets
(blind9, blind10) are not read.

    .venv/bin/python eval/cluster_grid.py threshold=0.1,0.12 signature_floor=0.2,0.25
        [--ecbplus DIR] [--cache DIR]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import fields, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clusters import DEFAULT, TEST_TOPICS, TRAIN, analysed, load_local, ours_batch, scores

from storyline.story.clustering import ClusterParams

DATA = Path(__file__).resolve().parent / "data"
DEVELOPMENT = (
    "local_news_clusters",
    "local_news_blind1",
    "local_news_blind2",
    "local_news_blind3",
    "local_news_blind4",
    "local_news_blind5",
    "local_news_blind6",
    "local_news_blind7",
    "local_news_blind8",
)


def parse_grid(specs: list[str]) -> dict[str, list[float]]:
    """``name=v1,v2`` arguments as {name: values}, names checked against ClusterParams."""
    known = {f.name for f in fields(ClusterParams)}
    grid = {}
    for spec in specs:
        name, _, values = spec.partition("=")
        if name not in known or not values:
            raise SystemExit(f"cluster_grid: not a parameter=values pair: {spec}")
        grid[name] = [float(v) for v in values.split(",")]
    return grid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("grid", nargs="*", help="parameter=value,value ...")
    parser.add_argument("--ecbplus", type=Path, default=DEFAULT)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    grid = parse_grid(args.grid)
    sets = {name: load_local(DATA / f"{name}.jsonl")[:2] for name in DEVELOPMENT}
    ecb = analysed(args.ecbplus, args.cache) if (args.ecbplus / "ECB+").is_dir() else None
    names = list(grid)
    print("| " + " | ".join(names) + " | mean event | mean storyline | per set | ECB+ test |")
    print("|" + "---|" * (len(names) + 4))
    for values in itertools.product(*grid.values()):
        base = ClusterParams()
        params = replace(
            base,
            # an int parameter (days, sizes) gets an int, as gva.py does
            **{n: type(getattr(base, n))(v) for n, v in zip(names, values, strict=True)},
        )
        event, line, cells = [], [], []
        if ecb is not None:
            gold, items, _ = ecb
            stories, lines = ours_batch(items, params)
            event.append(scores(stories, gold, 2, TRAIN)[2])
            line.append(scores(lines, gold, 1, TRAIN)[2])
            cells.append(f"ECB+ 1-35 {event[-1]:.3f}/{line[-1]:.3f}")
            test = scores(stories, gold, 2, TEST_TOPICS)[2], scores(lines, gold, 1, TEST_TOPICS)[2]
        for name, (gold_local, items_local) in sets.items():
            every = {g[1] for g in gold_local}
            stories, lines = ours_batch(items_local, params)
            event.append(scores(stories, gold_local, 2, every)[2])
            line.append(scores(lines, gold_local, 1, every)[2])
            cells.append(f"{name.removeprefix('local_news_')} {event[-1]:.3f}/{line[-1]:.3f}")
        shown = " | ".join(f"{v:g}" for v in values)
        mean_event, mean_line = sum(event) / len(event), sum(line) / len(line)
        ref = f"{test[0]:.3f}/{test[1]:.3f}" if ecb is not None else "-"
        print(f"| {shown} | {mean_event:.4f} | {mean_line:.4f} | {', '.join(cells)} | {ref} |")


if __name__ == "__main__":
    main()
