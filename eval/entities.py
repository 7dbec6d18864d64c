"""Cross-document entity resolution of named mentions: MEANTIME and ECB+.

Gold named mentions (MEANTIME ``syntactic_type="NAM"`` entity mentions linked to a
cross-document instance; ECB+ participant and location mentions written as names) are
clustered two ways in the same run:

- ``exact``: the exact-string baseline (same text, same entity);
- ``storyline``: per article :func:`storyline.analyze.entities.link_names`, then across
  the articles of a story :func:`storyline.story.names.resolve_names`.

A story is a MEANTIME sub-corpus (airbus, apple, gm, stock) or an ECB+ sub-topic.
Scores: MUC, B³, CEAF-e and CoNLL F1 (mean of the three), pooled over stories, plus
the share of the baseline's B³ error that storyline removes.

    .venv/bin/python eval/entities.py [--meantime DIR] [--ecbplus DIR] [--ecb-topics 36-45]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cat import CatDocument, read_cat

from storyline.analyze.naming.linking import link_names
from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span
from storyline.story.names import resolve_names

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"

#: One gold mention: (story, doc, start, end, text, label, gold entity id).
GoldMention = tuple[str, str, int, int, str, str, str]

_MEANTIME_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "PRO": "PRODUCT"}
_ECB_LABELS = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "GPE",
    "LOC_GEO": "GPE",
    "LOC_FAC": "FAC",
    "LOC_OTHER": "LOC",
    "NON_HUMAN_PART": "PRODUCT",
}
_FUNCTION = frozenset({"of", "the", "and", "for", "de", "von", "van", "'s", "&", "-"})


# --- gold mentions ---------------------------------------------------------------


def _targets(doc: CatDocument, tag: str) -> dict[str, str]:
    """Mention id -> instance markable id, over relations of one tag."""
    out: dict[str, str] = {}
    for rel in doc.relations:
        if rel.tag == tag:
            for s in rel.sources:
                for t in rel.targets:
                    out[s] = t
    return out


def meantime_mentions(root: Path) -> list[GoldMention]:
    """Named entity mentions of MEANTIME with their cross-document instance ids."""
    out: list[GoldMention] = []
    for sub in sorted((root / "intra_cross-doc_annotation").iterdir()):
        for path in sorted(sub.glob("*.xml")):
            doc = read_cat(path)
            instances = {m.id: m for m in doc.markables if not m.tokens}
            refers = _targets(doc, "REFERS_TO")
            for m in doc.markables:
                if m.tag != "ENTITY_MENTION" or m.attrs.get("syntactic_type") != "NAM":
                    continue
                inst = instances.get(refers.get(m.id, ""))
                if inst is None or m.start is None or m.end is None:
                    continue
                gold = inst.attrs.get("instance_id") or f"{doc.name}#{inst.id}"
                label = _MEANTIME_LABELS.get(inst.attrs.get("ent_type", ""), "ORG")
                text = doc.text[m.start : m.end]
                out.append((sub.name, doc.name, m.start, m.end, text, label, gold))
    return out


def _named(text: str) -> bool:
    """Whether a mention is written as a name: every content word capitalised."""
    words = [w for w in re.findall(r"[\w'&-]+", text) if w.lower() not in _FUNCTION]
    if not words or words[0].lower() in ("a", "an", "this", "that", "his", "her"):
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def ecbplus_mentions(root: Path) -> list[GoldMention]:
    """Named participant/location mentions of ECB+ in the fully annotated sentences."""
    annotated: set[tuple[str, int]] = set()
    with (root / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            annotated.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    out: list[GoldMention] = []
    for topic in sorted((root / "ECB+").iterdir(), key=lambda p: p.name):
        if not topic.is_dir():
            continue
        for path in sorted(topic.glob("*.xml")):
            name = path.stem
            story = f"{name.split('_')[0]}{'ecbplus' if name.endswith('ecbplus') else 'ecb'}"
            doc = read_cat(path)
            tokens = doc.token_index()
            instances = {m.id: m for m in doc.markables if not m.tokens}
            coref = _targets(doc, "CROSS_DOC_COREF")
            for m in doc.markables:
                label = _ECB_LABELS.get(m.tag)
                if label is None or not m.tokens or m.start is None or m.end is None:
                    continue
                if (name, tokens[m.tokens[0]].sentence) not in annotated:
                    continue
                text = doc.text[m.start : m.end]
                if not _named(text):
                    continue
                inst = instances.get(coref.get(m.id, ""))
                gold = (
                    inst.attrs.get("instance_id", f"{name}#{inst.id}")
                    if inst is not None
                    else f"{name}#{m.id}"
                )
                out.append((story, name, m.start, m.end, text, label, gold))
    return out


# --- systems ---------------------------------------------------------------------


def exact_clusters(mentions: Sequence[GoldMention]) -> list[str]:
    """The baseline: one entity per story and exact mention text."""
    return [f"{m[0]}|{m[4]}" for m in mentions]


def storyline_clusters(mentions: Sequence[GoldMention]) -> list[str]:
    """Entities from storyline's in-article linking and story-wide resolution."""
    by_story: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, m in enumerate(mentions):
        by_story[m[0]][m[1]].append(i)
    out = [""] * len(mentions)
    for story, docs in by_story.items():
        items: list[Analyzed] = []
        keyed: list[tuple[str, int, str]] = []
        for doc, idxs in docs.items():
            idxs.sort(key=lambda i: mentions[i][2])
            raw = [
                (Span(mentions[i][2], mentions[i][3]), mentions[i][4], mentions[i][5]) for i in idxs
            ]
            linked = link_names(raw)
            ents = tuple(
                Mention(span, text, label, key)
                for (span, text, _), (label, key) in zip(raw, linked, strict=True)
            )
            items.append(Analyzed(Article(doc, ""), ArticleAnalysis(doc, entities=ents)))
            keyed += [(doc, i, key) for i, (_, key) in zip(idxs, linked, strict=True)]
        index = resolve_names(items)
        for doc, i, key in keyed:
            out[i] = f"{story}|{index.label(doc, key)}|{index.canonical(doc, key)}"
    return out


# --- scores ----------------------------------------------------------------------


def _clusters(ids: Sequence[str]) -> list[set[int]]:
    groups: dict[str, set[int]] = defaultdict(set)
    for i, c in enumerate(ids):
        groups[c].add(i)
    return list(groups.values())


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def muc(gold: list[set[int]], pred: list[set[int]]) -> tuple[float, float, float]:
    """MUC precision, recall, F1."""

    def score(keys: Iterable[set[int]], resp: list[set[int]]) -> float:
        where = {m: i for i, c in enumerate(resp) for m in c}
        num = den = 0
        for k in keys:
            parts = {where.get(m, -1 - m) for m in k}
            num += len(k) - len(parts)
            den += len(k) - 1
        return num / den if den else 0.0

    r, p = score(gold, pred), score(pred, gold)
    return p, r, _f1(p, r)


def b_cubed(gold: list[set[int]], pred: list[set[int]]) -> tuple[float, float, float]:
    """B³ precision, recall, F1 (mention-averaged)."""
    g = {m: c for c in gold for m in c}
    s = {m: c for c in pred for m in c}
    n = len(g)
    p = sum(len(s[m] & g[m]) / len(s[m]) for m in g) / n
    r = sum(len(s[m] & g[m]) / len(g[m]) for m in g) / n
    return p, r, _f1(p, r)


def ceaf_e(gold: list[set[int]], pred: list[set[int]]) -> tuple[float, float, float]:
    """Entity-based CEAF precision, recall, F1."""
    sim = np.zeros((len(gold), len(pred)))
    pred_of = {m: j for j, c in enumerate(pred) for m in c}
    for i, k in enumerate(gold):
        for j in {pred_of[m] for m in k if m in pred_of}:  # a missed mention aligns nowhere
            sim[i, j] = 2 * len(k & pred[j]) / (len(k) + len(pred[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = sim[rows, cols].sum()
    p, r = total / len(pred), total / len(gold)
    return p, r, _f1(p, r)


def scores(gold_ids: Sequence[str], pred_ids: Sequence[str]) -> dict[str, float]:
    """MUC, B³, CEAF-e F1 and CoNLL F1 of a clustering."""
    gold, pred = _clusters(gold_ids), _clusters(pred_ids)
    bp, br, bf = b_cubed(gold, pred)
    out = {"B3 P": bp, "B3 R": br, "B3 F1": bf}
    out["MUC F1"] = muc(gold, pred)[2]
    out["CEAFe F1"] = ceaf_e(gold, pred)[2]
    out["CoNLL F1"] = (out["MUC F1"] + bf + out["CEAFe F1"]) / 3
    return out


def report(name: str, mentions: Sequence[GoldMention]) -> None:
    """Print the table of one corpus."""
    gold = [f"{m[0]}|{m[6]}" for m in mentions]
    base = scores(gold, exact_clusters(mentions))
    ours = scores(gold, storyline_clusters(mentions))
    stories = len({m[0] for m in mentions})
    entities = len(set(gold))
    print(f"\n{name}: {len(mentions)} named mentions, {entities} entities, {stories} stories")
    cols = ["B3 P", "B3 R", "B3 F1", "MUC F1", "CEAFe F1", "CoNLL F1"]
    print(f"{'system':<10}" + "".join(f"{c:>10}" for c in cols))
    for label, s in (("exact", base), ("storyline", ours)):
        print(f"{label:<10}" + "".join(f"{s[c]:>10.3f}" for c in cols))
    removed = (ours["B3 F1"] - base["B3 F1"]) / (1 - base["B3 F1"]) if base["B3 F1"] < 1 else 0
    print(f"B3 error removed vs exact: {removed:.0%}")


def _topic(story: str) -> int:
    """The ECB+ topic number of a story ("12ecbplus" -> 12)."""
    return int(re.match(r"\d+", story).group(0))  # type: ignore[union-attr]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation on the corpora that are present."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meantime", type=Path, default=CORPORA / "meantime")
    parser.add_argument("--ecbplus", type=Path, default=CORPORA / "ecbplus")
    parser.add_argument(
        "--ecb-topics",
        default="",
        help="score only these ECB+ topics, e.g. 1-35 (the tuning part) or 36-45 (held out)",
    )
    args = parser.parse_args(argv)
    ran = False
    if args.meantime.is_dir():
        report("MEANTIME (English, cross-document instances)", meantime_mentions(args.meantime))
        ran = True
    if args.ecbplus.is_dir():
        mentions = ecbplus_mentions(args.ecbplus)
        name = "ECB+ (participants and locations, named)"
        if args.ecb_topics:
            lo, hi = (int(x) for x in args.ecb_topics.split("-"))
            mentions = [m for m in mentions if lo <= _topic(m[0]) <= hi]
            name += f", topics {args.ecb_topics}"
        report(name, mentions)
        ran = True
    if not ran:
        print("no corpus found; pass --meantime or --ecbplus", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
