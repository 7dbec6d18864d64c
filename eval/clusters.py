"""Story clustering on ECB+: events (sub-topics) and storylines (topics).

Clusters all 982 ECB+ documents together with storyline's clusterer (batch and
online, one report at a time in a shuffled order) and with a plain TF-IDF
average-link baseline, and prints B-cubed precision/recall/F1 and the adjusted
Rand index against the gold sub-topics (topic + ecb/ecbplus) and topics, for the
tuning topics 1-35 and the test topics 36-45 separately. Parameters are tuned on
topics 1-35 only (``--tune`` searches them again).

    .venv/bin/python eval/clusters.py [ECBPLUS_DIR] [--tune] [--cache DIR]

ECB+: Cybulska & Vossen, LREC 2014, CC BY 3.0.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import pickle
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cat import read_cat

from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span
from storyline.story.clustering import ClusterParams, StoryClusterer, doc_features
from storyline.story.clustering.batch import average_link, vector_similarity

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus"
TEST_TOPICS = range(36, 46)


# --- reading and analysing ------------------------------------------------------------


def load_corpus(root: Path) -> list[tuple[str, int, str, str]]:
    """(doc id, topic, sub-topic, text) for every ECB+ file."""
    out = []
    for path in sorted(root.glob("ECB+/*/*.xml")):
        m = re.match(r"(\d+)_(\d+)(ecbplus|ecb)\.xml$", path.name)
        if not m:
            continue
        doc = read_cat(path)
        topic = int(m.group(1))
        out.append((path.stem, topic, f"{topic}{m.group(3)}", doc.text))
    return out


def _as_analyzed(article: Article, result: Any) -> Analyzed:
    """An ``Analyzed`` from ``analyze_batch`` output: an analysis or an (article, analysis)."""
    if isinstance(result, tuple):
        return Analyzed(result[0], result[1])
    return Analyzed(article, result)


def _analyse(docs: list[tuple[str, int, str, str]]) -> tuple[list[Analyzed], str]:
    """Analyse with the project's per-article pipeline (else spaCy NER alone)."""
    return analyse_articles([Article(id=d[0], text=d[3]) for d in docs])


def analyse_articles(articles: list[Article]) -> tuple[list[Analyzed], str]:
    """Analyse articles with the project's pipeline (else spaCy NER alone)."""
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    try:
        from storyline.analyze.pipeline import analyze_batch
    except ImportError:
        analyze_batch = None
    if analyze_batch is not None:
        items = []
        for start in range(0, len(articles), 32):
            chunk = articles[start : start + 32]
            for article, result in zip(chunk, analyze_batch(chunk, nlp), strict=True):
                items.append(_as_analyzed(article, result))
        return items, "storyline.analyze.pipeline"
    items = []
    texts = [a.text for a in articles]
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=32), strict=True):
        mentions = tuple(
            Mention(Span(e.start_char, e.end_char), e.text, e.label_, e.text) for e in doc.ents
        )
        analysis = ArticleAnalysis(article.id, entities=mentions)
        items.append(Analyzed(article, analysis))
    return items, "spaCy NER only"


def analysed(
    root: Path, cache: Path | None
) -> tuple[list[tuple[str, int, str]], list[Analyzed], str]:
    """Gold labels and analysed documents (cached in ``cache`` when given)."""
    docs = load_corpus(root)
    gold = [(d[0], d[1], d[2]) for d in docs]
    if cache is not None:
        path = cache / "ecbplus-analysed.pickle"
        if path.exists():
            items, how = pickle.loads(path.read_bytes())
            items = [_as_analyzed(a.article, a.analysis) for a in items]
            return gold, items, how
    items, how = _analyse(docs)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "ecbplus-analysed.pickle").write_bytes(pickle.dumps((items, how)))
    return gold, items, how


# --- metrics ------------------------------------------------------------------------


def b_cubed(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold classes."""
    pairs = Counter(zip(pred, gold, strict=True))
    psize, gsize = Counter(pred), Counter(gold)
    p = sum(n * n / psize[c] for (c, _), n in pairs.items()) / len(pred)
    r = sum(n * n / gsize[g] for (_, g), n in pairs.items()) / len(pred)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def adjusted_rand(pred: Sequence[str], gold: Sequence[str]) -> float:
    """Adjusted Rand index (Hubert & Arabie)."""

    def comb(n: float) -> float:
        return n * (n - 1) / 2

    index = sum(comb(n) for n in Counter(zip(pred, gold, strict=True)).values())
    a = sum(comb(n) for n in Counter(pred).values())
    b = sum(comb(n) for n in Counter(gold).values())
    expected = a * b / comb(len(pred))
    top = (a + b) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def scores(
    labels: dict[str, str], gold: list[tuple[str, int, str]], level: int, topics: Any
) -> tuple[float, ...]:
    """(P, R, F1, ARI) on the documents of ``topics``; level 1 = topic, 2 = sub-topic."""
    rows = [(labels[g[0]], str(g[level])) for g in gold if g[1] in topics]
    pred, truth = [r[0] for r in rows], [r[1] for r in rows]
    return (*b_cubed(pred, truth), adjusted_rand(pred, truth))


# --- systems ------------------------------------------------------------------------


def ours_batch(
    items: list[Analyzed], params: ClusterParams
) -> tuple[dict[str, str], dict[str, str]]:
    """Story and storyline labels from one ``add_batch`` of every document."""
    feats = [(a.article.id, doc_features(a)) for a in items]
    placed = StoryClusterer(params).add_batch(feats)
    return {k: v.story_id for k, v in placed.items()}, {
        k: v.storyline_id for k, v in placed.items()
    }


def ours_online(
    items: list[Analyzed], params: ClusterParams, seed: int
) -> tuple[dict[str, str], dict[str, str]]:
    """Labels from ``add`` one report at a time, in a shuffled order."""
    order = list(items)
    random.Random(seed).shuffle(order)
    clusterer = StoryClusterer(params)
    placed = {a.article.id: clusterer.add(a.article.id, doc_features(a)) for a in order}
    return {k: v.story_id for k, v in placed.items()}, {
        k: v.storyline_id for k, v in placed.items()
    }


def ours_digests(
    items: list[Analyzed], params: ClusterParams, seed: int, parts: int = 2
) -> tuple[dict[str, str], dict[str, str]]:
    """Labels from ``add_batch`` over ``parts`` successive digests of a shuffled order.

    The product's path: a later digest restores the stored placements and adds
    its new reports in one batch to the existing stories.
    """
    order = list(items)
    random.Random(seed).shuffle(order)
    clusterer = StoryClusterer(params)
    size = -(-len(order) // parts)
    for start in range(0, len(order), size):
        chunk = order[start : start + size]
        clusterer.add_batch([(a.article.id, doc_features(a)) for a in chunk])
    # The final placements: a later digest may move reports of an earlier one (a merge).
    placed = {a.article.id: clusterer.placements[a.article.id] for a in order}
    return {k: v.story_id for k, v in placed.items()}, {
        k: v.storyline_id for k, v in placed.items()
    }


Labels = dict[str, str]


def our_systems(
    items: list[Analyzed], params: ClusterParams, seed: int
) -> tuple[list[tuple[str, Labels, Labels]], dict[str, float]]:
    """(name, story labels, storyline labels) of our three paths, and their times."""
    rows, seconds = [], {}
    for key, name, run in (
        ("batch", "ours, add_batch", lambda: ours_batch(items, params)),
        (
            "digests",
            f"ours, add_batch in 2 digests (shuffled, seed {seed})",
            lambda: ours_digests(items, params, seed),
        ),
        (
            "online",
            f"ours, online add (shuffled, seed {seed})",
            lambda: ours_online(items, params, seed),
        ),
    ):
        t0 = time.perf_counter()
        stories, lines = run()
        seconds[key] = time.perf_counter() - t0
        rows.append((name, stories, lines))
    return rows, seconds


def load_local(
    path: Path, *, undated: bool = False
) -> tuple[list[tuple[str, str, str]], list[Analyzed], str]:
    """Gold (id, storyline, event), analysed reports and how, of a local-news set.

    ``undated`` drops every ``published`` date before analysis (reports without metadata).
    """
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    if undated:
        rows = [{**r, "published": None} for r in rows]
    articles = [
        Article(
            id=r["id"],
            text=r["text"],
            title=r["title"],
            source=r["outlet"],
            published=r["published"],
        )
        for r in rows
    ]
    items, how = analyse_articles(articles)
    # Gold as (id, storyline, event) so that ``scores`` levels 1 and 2 apply.
    return [(r["id"], r["storyline"], r["event"]) for r in rows], items, how


def tfidf_similarity(items: list[Analyzed]) -> np.ndarray:
    """Plain TF-IDF cosine similarities (lowercased words, smoothed IDF, no stemming)."""
    counts = [Counter(re.findall(r"\b\w\w+\b", a.article.text.lower())) for a in items]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(items)
    vectors = []
    for c in counts:
        vec = {t: k * (math.log((1 + n) / (1 + df[t])) + 1) for t, k in c.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({t: w / norm for t, w in vec.items()})
    return vector_similarity(vectors)


def baseline(sim: np.ndarray, items: list[Analyzed], threshold: float) -> dict[str, str]:
    """Plain TF-IDF average-link clustering cut at ``threshold``."""
    labels = average_link(sim, threshold)
    return {a.article.id: str(label) for a, label in zip(items, labels, strict=True)}


# --- tuning and report --------------------------------------------------------------


TRAIN = range(1, 36)


def tune_baseline(
    sim: np.ndarray,
    items: list[Analyzed],
    gold: list[tuple[str, int, str]],
    level: int,
    topics: Any,
) -> float:
    """The baseline threshold with the best B-cubed F1 on ``topics``."""
    grid = [x / 100 for x in range(2, 60)]
    return max(grid, key=lambda t: scores(baseline(sim, items, t), gold, level, topics)[2])


def tune_ours(items: list[Analyzed], gold: list[tuple[str, int, str]]) -> ClusterParams:
    """Grid search of the main parameters on topics 1-35 (sub-topic F1, then topic F1)."""
    base = ClusterParams()
    best: tuple[float, ClusterParams] = (-1.0, base)
    grid = itertools.product(
        [0.1, 0.12, 0.14, 0.16],  # threshold
        [1.5, 2.0],  # entity weight
        [0.5, 0.7, 1.0],  # name conflict
        [0.5, 0.7, 1.0],  # place conflict
    )
    for threshold, ent, name, place in grid:
        params = replace(
            base,
            threshold=threshold,
            entity_weight=ent,
            name_conflict=name,
            place_conflict=place,
        )
        stories, _ = ours_batch(items, params)
        f1 = scores(stories, gold, 2, TRAIN)[2]
        if f1 > best[0]:
            best = (f1, params)
            print(f"  sub-topic F1 {f1:.4f}: {threshold} {ent} {name} {place}", flush=True)
    params = best[1]
    line_best = (-1.0, params)
    for line in [x / 100 for x in range(2, 30)]:
        trial = replace(params, storyline_threshold=line)
        _, lines = ours_batch(items, trial)
        f1 = scores(lines, gold, 1, TRAIN)[2]
        if f1 > line_best[0]:
            line_best = (f1, trial)
    print(f"  topic F1 {line_best[0]:.4f} storyline_threshold={line_best[1].storyline_threshold}")
    return line_best[1]


def _row(name: str, values: tuple[float, ...]) -> str:
    return f"| {name} | " + " | ".join(f"{v:.3f}" for v in values) + " |"


LOCAL = Path(__file__).resolve().parent / "data" / "local_news_clusters.jsonl"


def run_local(path: Path, params: ClusterParams, seed: int, *, undated: bool = False) -> None:
    """B-cubed on the fictional local-news set: ours against TF-IDF average link."""
    gold, items, how = load_local(path, undated=undated)
    every = {g[1] for g in gold}
    print(f"{len(items)} fictional local reports, features from {how}")
    sim = tfidf_similarity(items)
    # The baseline's threshold has nothing to tune on but the set itself: optimistic.
    grid = [x / 100 for x in range(2, 60)]
    best_ev = max(grid, key=lambda t: scores(baseline(sim, items, t), gold, 2, every)[2])
    best_sl = max(grid, key=lambda t: scores(baseline(sim, items, t), gold, 1, every)[2])
    systems = [
        *our_systems(items, params, seed)[0],
        (
            f"TF-IDF average link, tuned on this set ({best_ev:.2f}/{best_sl:.2f})",
            baseline(sim, items, best_ev),
            baseline(sim, items, best_sl),
        ),
    ]
    print(
        "\n| system | event P | event R | event F1 | event ARI "
        "| storyline P | storyline R | storyline F1 | storyline ARI |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, ev, sl in systems:
        print(_row(name, scores(ev, gold, 2, every) + scores(sl, gold, 1, every)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--tune", action="store_true", help="search parameters on topics 1-35")
    parser.add_argument("--cache", type=Path, default=None, help="cache the analysed corpus here")
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed of the online run")
    parser.add_argument(
        "--local",
        type=Path,
        nargs="?",
        const=LOCAL,
        default=None,
        help="score the fictional local-news set instead (default eval/data/...)",
    )
    parser.add_argument(
        "--undated", action="store_true", help="with --local: drop every publication date first"
    )
    args = parser.parse_args()
    if args.local is not None:
        run_local(args.local, ClusterParams(), args.seed, undated=args.undated)
        return
    if not (args.corpus / "ECB+").is_dir():
        print(f"ECB+ not found under {args.corpus}; nothing to do")
        return
    t0 = time.perf_counter()
    gold, items, how = analysed(args.corpus, args.cache)
    print(f"{len(items)} documents, features from {how} ({time.perf_counter() - t0:.0f}s)")
    params = tune_ours(items, gold) if args.tune else ClusterParams()
    print(f"parameters: {params}")
    sim = tfidf_similarity(items)
    base_sub = tune_baseline(sim, items, gold, 2, TRAIN)
    base_top = tune_baseline(sim, items, gold, 1, TRAIN)
    oracle = tune_baseline(sim, items, gold, 2, TEST_TOPICS)
    oracle_top = tune_baseline(sim, items, gold, 1, TEST_TOPICS)
    ours, seconds = our_systems(items, params, args.seed)
    stories, lines = ours[0][1], ours[0][2]
    systems = [
        *ours,
        (
            f"TF-IDF average link (t={base_sub:.2f}/{base_top:.2f})",
            baseline(sim, items, base_sub),
            baseline(sim, items, base_top),
        ),
        (
            f"TF-IDF avg link, tuned on test ({oracle:.2f}/{oracle_top:.2f})",
            baseline(sim, items, oracle),
            baseline(sim, items, oracle_top),
        ),
    ]
    for title, topics in (("test topics 36-45", TEST_TOPICS), ("tuning topics 1-35", TRAIN)):
        print(f"\n{title}: events (sub-topics) and storylines (topics)\n")
        print(
            "| system | event P | event R | event F1 | event ARI "
            "| storyline P | storyline R | storyline F1 | storyline ARI |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for name, ev, sl in systems:
            print(_row(name, scores(ev, gold, 2, topics) + scores(sl, gold, 1, topics)))
    n_ev, n_sl = len(set(stories.values())), len(set(lines.values()))
    print(
        f"\nours: {n_ev} stories in {n_sl} storylines (gold: 86 sub-topics in 43 topics); "
        f"batch {seconds['batch']:.1f}s, online {seconds['online']:.1f}s"
    )


if __name__ == "__main__":
    main()
