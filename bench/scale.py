"""Story clustering at scale: per-article placement time and peak memory vs store size.

Feeds realistic synthetic reports to ``StoryClusterer.add`` one at a time, at a
steady rate of news (``--per-day`` reports a day), so a bigger store spans more
time, as it would in use. Reports are generated at run time, never saved: each
event takes the sentences of one ECB+ document (many events share one, so
look-alike incidents abound), a made-up person, town and date; each report
recombines some of those sentences with a lead naming person, town and date.

Each size runs in a fresh process; times are the process's CPU time, which a
busy shared machine disturbs less than wall time. Printed per size: mean placement time over
the last 10% of reports (the store at full size), peak resident memory, and for
comparison a brute-force baseline measured in the same run (every story scored,
no index) on a sample of reports at that size.

    .venv/bin/python bench/scale.py [ECBPLUS_DIR] [--sizes 10000 100000]

ECB+: Cybulska & Vossen, LREC 2014, CC BY 3.0.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
DEFAULT = ROOT.parent / "shared" / "corpora" / "ecbplus"

_SYLLABLE_TEXT = "ka ro mi ten sa lu vor den bri ga hol mes tra win cal pe dor ny ash fen"
SYLLABLES = _SYLLABLE_TEXT.split()
TOWN_ENDS = ["ford", "ton", "bridge", "field", "wick", "by", "mouth", "stead", "ham", "more"]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def sentences_by_doc(root: Path) -> list[list[str]]:
    """The sentences of every ECB+ document (one list per document)."""
    from cat import read_cat

    docs = []
    for path in sorted(root.glob("ECB+/*/*.xml")):
        lines = [s for s in read_cat(path).text.split("\n") if len(s.split()) >= 6]
        if len(lines) >= 4:
            docs.append(lines)
    return docs


def reports(root: Path, n: int, per_day: int, seed: int = 7) -> Iterator[tuple[str, object, int]]:
    """``n`` synthetic reports as (id, DocFeatures, event number), in publication order."""
    from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span, TimeExpr
    from storyline.story.clustering import doc_features

    rng = random.Random(seed)
    docs = sentences_by_doc(root)
    start = date(2024, 1, 1)
    live: list[dict[str, object]] = []
    done = 0
    for i in range(n):
        today = start + timedelta(days=i // per_day)
        if not live or rng.random() < 0.25:  # a new event: about four reports each
            event = {
                "sents": rng.choice(docs),
                "person": f"{_name(rng, 2)} {_name(rng, 3)}",
                "town": _name(rng, 2) + rng.choice(TOWN_ENDS),
                "day": today - timedelta(days=rng.randint(0, 2)),
                "left": rng.randint(1, 12),
                "id": len(live) + done,
            }
            live.append(event)
        event = rng.choice(live[-200:])
        day: date = event["day"]  # type: ignore[assignment]
        person, town = str(event["person"]), str(event["town"])
        lead = f"{person} was named by officials in {town} after the events of "
        when = f"{day:%B} {day.day}, {day.year}"
        text = lead + when + ". "
        mentions = [
            Mention(Span(0, len(person)), person, "PERSON", person),
            Mention(Span(lead.index(town), lead.index(town) + len(town)), town, "GPE", town),
        ]
        times = [
            TimeExpr(Span(len(lead), len(lead) + len(when)), when, "DATE", day.isoformat(), "day")
        ]
        sents: list[str] = event["sents"]  # type: ignore[assignment]
        text += " ".join(rng.sample(sents, min(len(sents), rng.randint(3, 8))))
        aid = f"r{i}"
        analysis = ArticleAnalysis(aid, entities=tuple(mentions), times=tuple(times))
        article = Article(id=aid, text=text, published=today.isoformat())
        event["left"] = int(event["left"]) - 1  # type: ignore[call-overload]
        if int(event["left"]) <= 0:  # type: ignore[call-overload]
            live.remove(event)
            done += 1
        yield aid, doc_features(Analyzed(article, analysis)), int(event["id"])  # type: ignore[call-overload]


def run_size(root: Path, n: int, per_day: int) -> dict[str, float]:
    """Feed ``n`` reports; time the placements and the brute-force baseline."""
    from storyline.story.clustering import StoryClusterer

    clusterer = StoryClusterer()
    tail_from = n - max(n // 10, 1)
    tail_time, total, sample = 0.0, 0.0, []
    gold: dict[str, str] = {}
    for i, (aid, feats, event_no) in enumerate(reports(root, n, per_day)):
        gold[aid] = str(event_no)
        t0 = time.process_time()
        clusterer.add(aid, feats)  # type: ignore[arg-type]
        dt = time.process_time() - t0
        total += dt
        if i and i % 10_000 == 0:
            print(f"  {i:,} reports, {total / i * 1000:.2f} ms each", file=sys.stderr, flush=True)
        if i >= tail_from:
            tail_time += dt
            if len(sample) < 200 and i % 5 == 0:
                sample.append((aid, feats))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from clusters import b_cubed

    ids = sorted(gold)
    _, _, f1 = b_cubed([clusterer.placements[a].story_id for a in ids], [gold[a] for a in ids])
    # Brute force: score every story (what the index saves), on a small sample.
    t0 = time.process_time()
    stories = list(clusterer.stories.values())
    for aid, feats in sample[:20]:
        doc = clusterer._prepare(aid, feats)  # type: ignore[arg-type]
        for story in stories:
            clusterer._event_score(doc, story, clusterer._similarity(doc, story))
    brute = (time.process_time() - t0) / max(len(sample[:20]), 1)
    return {
        "n": n,
        "tail_ms": 1000 * tail_time / (n - tail_from),
        "mean_ms": 1000 * total / n,
        "brute_ms": 1000 * brute,
        "rss_mb": rss_mb,
        "b3_f1": f1,
        "stories": len(clusterer.stories),
        "days": n / per_day,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--per-day", type=int, default=300)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.corpus / "ECB+").is_dir():
        print(f"ECB+ not found under {args.corpus}; nothing to do")
        return
    if args.one:
        print(json.dumps(run_size(args.corpus, args.one, args.per_day)))
        return
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, str(args.corpus), "--one", str(n)]
        cmd += ["--per-day", str(args.per_day)]
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        r = rows[-1]
        print(
            f"{n:>7} reports done: {r['tail_ms']:.2f} ms/report, {r['rss_mb']:.0f} MB", flush=True
        )
    base = rows[0]
    print(
        "\n| reports | days | stories | ms/report (last 10%) | vs smallest | mean ms | "
        "brute force ms | peak RSS MB | event B3 F1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['days']:.0f} | {r['stories']:,} | {r['tail_ms']:.2f} | "
            f"{r['tail_ms'] / base['tail_ms']:.2f}x | {r['mean_ms']:.2f} | {r['brute_ms']:.1f} | "
            f"{r['rss_mb']:.0f} | {r['b3_f1']:.3f} |"
        )


if __name__ == "__main__":
    main()
