"""Near-duplicate detection: precision and recall on copies made at run time.

From ECB+ documents this builds, in memory only, a pool of originals and edited
copies: exact republication under a new headline, trimmed (the first 40-70% of
the text kept), padded (two to four sentences of another report inserted),
lightly edited (about one word in twelve replaced or dropped, sentences
shortened), and trimmed + re-headlined + edited together. Copies are published a
day or two after their original. The other documents of the same ECB+ sub-topic
(the same event told by other outlets) are the hard negatives.

Scores are over pairs: a predicted pair is two reports ``find_duplicates`` puts
in one group; a gold pair is an original and its copy (or two copies of one).
Also printed: recall per kind of edit, and how often the earliest report is
named the original.

    .venv/bin/python eval/dedup.py [ECBPLUS_DIR] [--originals 300]

ECB+: Cybulska & Vossen, LREC 2014, CC BY 3.0.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cat import read_cat

from storyline.model import Analyzed, Article, ArticleAnalysis
from storyline.story.dedup.minhash import find_duplicates, is_copy, shingles

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus"
FILLER = ["reportedly", "also", "then", "now", "later", "officially", "still"]


def _sentences(text: str) -> list[str]:
    return [s for s in text.split("\n") if s.strip()]


def trimmed(sents: list[str], rng: random.Random) -> list[str]:
    """Keep the first 40-70% of the sentences (at least two)."""
    return sents[: max(2, round(len(sents) * rng.uniform(0.4, 0.7)))]


def padded(sents: list[str], other: list[str], rng: random.Random) -> list[str]:
    """Insert two to four sentences of another report at random places."""
    out = list(sents)
    for s in rng.sample(other, min(len(other), rng.randint(2, 4))):
        out.insert(rng.randint(1, len(out)), s)
    return out


def edited(sents: list[str], rng: random.Random) -> list[str]:
    """Replace or drop about one word in twelve; shorten a few long sentences."""
    out = []
    for s in sents:
        words = s.split()
        new = []
        for w in words:
            r = rng.random()
            if r < 0.04:
                continue
            new.append(rng.choice(FILLER) if r < 0.085 else w)
        if len(new) > 25 and rng.random() < 0.3:
            new = new[: len(new) * 3 // 4]
        out.append(" ".join(new))
    return out


KINDS = ("new headline", "trimmed", "padded", "edited", "trimmed+headline+edited")


def build(
    root: Path, originals: int, seed: int
) -> tuple[list[Analyzed], dict[str, str], dict[str, str]]:
    """The pool, each report's family (its original's id) and each copy's kind."""
    rng = random.Random(seed)
    docs: dict[str, list[str]] = {}
    subtopic: dict[str, str] = {}
    for path in sorted(root.glob("ECB+/*/*.xml")):
        m = re.match(r"(\d+)_\d+(ecbplus|ecb)\.xml$", path.name)
        if m:
            docs[path.stem] = _sentences(read_cat(path).text)
            subtopic[path.stem] = m.group(1) + m.group(2)
    ids = sorted(d for d in docs if len(docs[d]) >= 5)
    chosen = set(rng.sample(ids, min(originals, len(ids))))
    items: list[Analyzed] = []
    family: dict[str, str] = {}
    kind: dict[str, str] = {}

    def add(aid: str, sents: list[str], day: int, fam: str) -> None:
        text = "\n".join(sents)
        published = f"2024-03-{day:02d}"
        items.append(
            Analyzed(Article(id=aid, text=text, published=published), ArticleAnalysis(aid))
        )
        family[aid] = fam

    for doc_id in sorted(docs):  # every ECB+ document is in the pool, edited or not
        add(doc_id, docs[doc_id], 10, doc_id)
        if doc_id not in chosen:
            continue
        sents = docs[doc_id]
        same = [d for d in ids if subtopic[d] == subtopic[doc_id] and d != doc_id]
        other = docs[rng.choice(same)] if same else docs[rng.choice(ids)]
        headline = f"{rng.choice(['Update', 'Breaking', 'Report'])}: " + " ".join(
            sents[0].split()[:8]
        )
        for k, name in enumerate(KINDS):
            if name == "new headline":
                copy = [headline, *sents[1:]]
            elif name == "trimmed":
                copy = trimmed(sents, rng)
            elif name == "padded":
                copy = padded(sents, other, rng)
            elif name == "edited":
                copy = edited(sents, rng)
            else:
                copy = [headline, *edited(trimmed(sents, rng)[1:], rng)]
            aid = f"{doc_id}~{k}"
            add(aid, copy, 11 + k % 3, doc_id)
            kind[aid] = name
    return items, family, kind


def pairs_in(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    """Every unordered pair within each group."""
    return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}  # type: ignore[misc]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--originals", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not (args.corpus / "ECB+").is_dir():
        print(f"ECB+ not found under {args.corpus}; nothing to do")
        return
    items, family, kind = build(args.corpus, args.originals, args.seed)
    t0 = time.perf_counter()
    dup = find_duplicates(items)
    elapsed = time.perf_counter() - t0
    pred_groups: dict[str, list[str]] = defaultdict(list)
    gold_groups: dict[str, list[str]] = defaultdict(list)
    for item in items:
        aid = item.article.id
        pred_groups[dup.get(aid, aid)].append(aid)
        gold_groups[family[aid]].append(aid)
    pred, gold = pairs_in(pred_groups), pairs_in(gold_groups)
    # ECB+ itself holds wire copies (one agency text under two outlets). Pairs of
    # families whose unedited originals are copies by the same exact test are
    # syndication in the corpus, not errors: the second row does not count them.
    text = {i.article.id: i.article.text for i in items}
    originals = sorted(set(family.values()))
    internal = {
        (a, b)
        for a, b in combinations(originals, 2)
        if a.split("_")[0] == b.split("_")[0] and is_copy(shingles(text[a]), shingles(text[b]))
    }
    syndicated = {p for p in pred - gold if tuple(sorted((family[p[0]], family[p[1]]))) in internal}
    print(
        f"{len(items)} reports: {len(items) - len(kind)} ECB+ documents, {len(kind)} copies; "
        f"find_duplicates {elapsed:.1f}s; {len(internal)} pairs of ECB+ documents are "
        "copies already\n"
    )
    print("| pairs | gold | predicted | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    rows = (
        ("strict: ECB+'s own copies count as errors", set()),
        ("ECB+'s own copies not errors", syndicated),
    )
    for name, extra in rows:
        precision = len(pred & (gold | extra)) / len(pred) if pred else 1.0
        recall = len(pred & gold) / len(gold) if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"| {name} | {len(gold)} | {len(pred)} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    print("\n| edit | copies | grouped with its original | original named right |")
    print("|---|---|---|---|")
    for name in KINDS:
        copies = [a for a, k in kind.items() if k == name]
        found = sum(dup.get(a, a) == dup.get(family[a], family[a]) for a in copies)
        right = sum(dup.get(a) == dup.get(family[a], family[a]) for a in copies)
        print(f"| {name} | {len(copies)} | {found / len(copies):.3f} | {right / len(copies):.3f} |")
    false = sorted(pred - gold - syndicated)
    examples = ", ".join("/".join(p) for p in false[:5])
    print(f"\nother false pairs: {len(false)}" + (f" (e.g. {examples})" if false else ""))


if __name__ == "__main__":
    main()
