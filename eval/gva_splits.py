"""Incidents our clusterer splits on the GVA tuning folds, one line per split, with why.

For each gold incident of the tuning part (dev.jsonl minus dev_sample.jsonl,
folds grouped by incident as in ``gva.py``) that our one-batch clustering puts in
more than one story, every smaller piece is compared with the largest: the best
pair of reports across them, its plain similarity, each factor of
``similarity.conflict_factor``, the publication gap, and the names, places, sites
and marks each side has. A rough cause is given per piece so that causes can be
counted; ``--show`` prints the pairs (text of the set only on the terminal, never
in the repository). Merges (stories holding several gold incidents) are counted
the same way, by the best pair across two incidents.

    .venv/bin/python eval/gva_splits.py --cache /tmp/gva-cache --folds 4 --grid-folds 2
    .venv/bin/python eval/gva_splits.py --cache /tmp/gva-cache --folds 4 --only 0,2
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gva import fold_of, ours
from gva_data import DEVDATA, analysed, built, gold_and_sample

from storyline.model import Analyzed
from storyline.story.clustering import ClusterParams, StoryClusterer, doc_features
from storyline.story.clustering.clusterer import _Doc
from storyline.story.clustering.similarity import (
    days_close,
    disjoint,
    dot,
    overlap_factor,
    time_factor,
    without_kinds,
)


@dataclass(frozen=True, slots=True)
class Pair:
    """The factors of one pair of reports."""

    plain: float
    time: float
    place: float
    name: float
    far: bool
    kind: bool
    site: bool
    gap: int | None
    event: float


def pair_factors(clusterer: StoryClusterer, a: _Doc, b: _Doc) -> Pair:
    """Factors of two prepared reports (clusterer._Doc), as batch.pair_similarity reads them."""
    p = clusterer.params
    plain = dot(a.vector, b.vector)
    gap = None
    tf = 1.0
    if a.ref is not None and b.ref is not None:
        gap = abs(a.ref - b.ref)
        tf = time_factor(gap, p)
    place = overlap_factor(a.places, b.places, p.place_conflict, p.place_match)
    far = bool(a.days and b.days and not days_close(a.days, b.days, p.date_tolerance_days))
    scene = dot(a.places, b.places) > 0 and not far
    na, nb = a.names, b.names
    if not scene:
        na, nb = without_kinds(na), without_kinds(nb)
    name = overlap_factor(na, nb, p.name_conflict, p.name_match)
    kind = bool(a.kinds and b.kinds and not (a.kinds & b.kinds))
    site = bool(a.sites and b.sites and not (a.sites.keys() & b.sites.keys()))
    event = plain * tf * place * name
    if far:
        event *= p.date_conflict
    if kind:
        event *= p.kind_conflict
    if site:
        event *= p.site_conflict
    return Pair(plain, tf, place, name, far, kind, site, gap, event)


def cause(pair: Pair, params: ClusterParams) -> str:
    """The factor that cost the pair most, or the plain similarity when none did."""
    if pair.plain * pair.time < params.threshold:
        if pair.gap is not None and pair.gap > 14:
            return "few words shared, weeks apart"
        return "few words shared"
    costs = {
        "time gap": pair.time,
        "place": pair.place,
        "name": pair.name,
        "date far": params.date_conflict if pair.far else 1.0,
        "kind": params.kind_conflict if pair.kind else 1.0,
        "site": params.site_conflict if pair.site else 1.0,
    }
    if pair.event >= params.threshold:
        return "pair above threshold, average below"
    return "factor: " + min(costs.items(), key=lambda kv: kv[1])[0]


def identity(clusterer: StoryClusterer, a: _Doc, b: _Doc) -> str:
    """What ties two reports of one incident, for counting split pieces: the tie of
    clustering/attach.py (one kind, one street or site, one town, days not apart),
    else a shared main actor, else nothing."""
    p = clusterer.params
    if not (a.kinds & b.kinds):
        return "none"
    specific = [k for k in b.places if not clusterer.stats.is_general(k, p)]
    if disjoint(a.places.keys(), specific):
        return "none (places disjoint)"
    towns = {k for k in a.places if k not in a.sites} & {k for k in b.places if k not in b.sites}
    apart = bool(a.days and b.days and not days_close(a.days, b.days, p.date_tolerance_days))
    if a.sites.keys() & b.sites.keys() and towns and not apart:
        return "street and town"
    if a.people & b.people:
        return "actor"
    return "none"


def top(vec: dict[str, float], n: int = 6) -> str:
    return ", ".join(k for k, _ in sorted(vec.items(), key=lambda kv: -kv[1])[:n])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/gva-cache"))
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--grid-folds", type=int, default=2)
    parser.add_argument(
        "--only",
        default=None,
        help="these folds (comma-separated, e.g. 0,2) instead of the first N",
    )
    parser.add_argument("--set", nargs="*", default=[], help="ClusterParams overrides")
    parser.add_argument("--show", action="store_true", help="print each split pair")
    parser.add_argument("--merges", action="store_true", help="print each merged pair")
    parser.add_argument(
        "--names", action="store_true", help="count pairs sharing a rare full name, by evidence"
    )
    args = parser.parse_args()
    if not built():
        return
    gold, sample_ids = gold_and_sample()
    incident = gold["article_incident"]
    every = analysed(DEVDATA / "dev.jsonl", args.cache)
    rest = [i for i in every if i.article.id not in sample_ids and i.article.id in incident]
    params = ClusterParams()
    for spec in args.set:
        name, _, value = spec.partition("=")
        params = replace(params, **{name: type(getattr(params, name))(float(value))})
    causes: Counter[str] = Counter()
    merges: Counter[str] = Counter()
    chosen = [int(k) for k in args.only.split(",")] if args.only else range(args.grid_folds)
    for k in chosen:
        part = [i for i in rest if fold_of(incident[i.article.id], args.folds) == k]
        if args.names:
            name_pairs(part, gold, params)
            continue
        splits, merged = analyse_part(part, gold, params, args.show, args.merges)
        causes.update(splits)
        merges.update(merged)
    print("\nsplit pieces by cause:")
    for c, n in causes.most_common():
        print(f"  {n:4d}  {c}")
    print("merged incident pairs by cause:")
    for c, n in merges.most_common():
        print(f"  {n:4d}  {c}")


def analyse_part(
    part: Sequence[Analyzed],
    gold: dict[str, object],
    params: ClusterParams,
    show: bool,
    show_merges: bool,
) -> tuple[Counter[str], Counter[str]]:
    incident: dict[str, str] = gold["article_incident"]  # type: ignore[assignment]
    incidents: dict[str, dict[str, object]] = gold["incidents"]  # type: ignore[assignment]
    labels = ours(part, params)
    feats = {a.article.id: doc_features(a) for a in part}
    clusterer = StoryClusterer(params)
    for a in part:
        clusterer.stats.add(feats[a.article.id])
    docs = {i: clusterer._prepare(i, f) for i, f in feats.items()}
    by_id = {a.article.id: a for a in part}
    causes: Counter[str] = Counter()
    merges: Counter[str] = Counter()
    pieces: dict[str, dict[str, list[str]]] = {}
    for a in part:
        aid = a.article.id
        pieces.setdefault(incident[aid], {}).setdefault(labels[aid], []).append(aid)
    for gid, split in pieces.items():
        if len(split) < 2:
            continue
        ordered = sorted(split.values(), key=len, reverse=True)
        main_piece = ordered[0]
        for piece in ordered[1:]:
            best = max(
                (
                    (pair_factors(clusterer, docs[x], docs[y]), x, y)
                    for x in piece
                    for y in main_piece
                ),
                key=lambda t: t[0].event,
            )
            pair, x, y = best
            c = cause(pair, params)
            causes[c] += 1
            tie = max(
                (identity(clusterer, docs[x2], docs[y2]) for x2 in piece for y2 in main_piece),
                key=_LINK_ORDER.index,
            )
            causes[f"[{'one' if len(piece) == 1 else 'several'}] identity link: {tie}"] += 1
            if show:
                g = incidents[gid]
                print(f"\n== {gid} {g.get('city')}, {g.get('state')} {g.get('date')}: {c}")
                print(f"   {pair}")
                for d in (x, y):
                    _show(by_id[d], docs[d])
    stories: dict[str, list[str]] = {}
    for aid, sid in labels.items():
        stories.setdefault(sid, []).append(aid)
    for members in stories.values():
        gids = sorted({incident[m] for m in members})
        if len(gids) < 2:
            continue
        groups = {g: [m for m in members if incident[m] == g] for g in gids}
        for i, g1 in enumerate(gids):
            for g2 in gids[i + 1 :]:
                best = max(
                    (
                        (pair_factors(clusterer, docs[x], docs[y]), x, y)
                        for x in groups[g1]
                        for y in groups[g2]
                    ),
                    key=lambda t: t[0].event,
                )
                pair, x, y = best
                same_state = incidents[g1].get("state") == incidents[g2].get("state")
                same_city = same_state and incidents[g1].get("city") == incidents[g2].get("city")
                where = "same city" if same_city else "same state" if same_state else "elsewhere"
                merges[where] += 1
                if show_merges:
                    print(f"\n## MERGE {g1} / {g2} ({where}) {pair}")
                    for d in (x, y):
                        _show(by_id[d], docs[d])
    return causes, merges


def name_pairs(part: Sequence[Analyzed], gold: dict[str, object], params: ClusterParams) -> None:
    """Pairs of reports sharing a rare full person name, counted by the other evidence.

    Columns: same incident and split by us (a join would fix it), same incident
    already together, different incidents (a join would be a wrong merge).
    """
    incident: dict[str, str] = gold["article_incident"]  # type: ignore[assignment]
    labels = ours(part, params)
    feats = {a.article.id: doc_features(a) for a in part}
    clusterer = StoryClusterer(params)
    for f in feats.values():
        clusterer.stats.add(f)
    docs = {i: clusterer._prepare(i, f) for i, f in feats.items()}
    holders: dict[str, list[str]] = {}
    for aid, f in feats.items():
        for key, label in f.entities:
            if label == "PERSON" and len(key.split()) > 1:
                holders.setdefault(key, []).append(aid)
    mentions = {aid: dict(f.mentions) for aid, f in feats.items()}
    table: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[str, str]] = set()
    for key, ids in holders.items():
        if len(ids) > 4:
            continue
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                if (x, y) in seen:
                    continue
                seen.add((x, y))
                a, b = docs[x], docs[y]
                kind = "kind" if a.kinds & b.kinds else "nokind"
                pa = set(a.places)
                pb = set(b.places)
                place = "place+" if pa & pb else ("place?" if not pa or not pb else "place-")
                far = bool(a.days and b.days and not days_close(a.days, b.days, 2))
                day = "far" if far else ("close" if a.days and b.days else "undated")
                ages_a = {m for m in a.marks if m.startswith("age:")}
                ages_b = {m for m in b.marks if m.startswith("age:")}
                age = (
                    "age+" if ages_a & ages_b else ("age?" if not ages_a or not ages_b else "age-")
                )
                main = (
                    "main2"
                    if mentions[x].get(key, 1) >= 2 and mentions[y].get(key, 1) >= 2
                    else "main1"
                )
                if incident[x] != incident[y]:
                    truth = "different"
                elif labels[x] == labels[y]:
                    truth = "together"
                else:
                    truth = "split"
                for cond in (
                    "all",
                    kind,
                    place,
                    day,
                    age,
                    main,
                    f"{kind} {place}",
                    f"{kind} {place} {age}",
                    f"{kind} {place} {main}",
                ):
                    table[(cond, truth)] += 1
    conds = sorted({c for c, _ in table})
    print("| evidence | split (join fixes) | together | different (join breaks) |")
    for c in conds:
        print(
            f"| {c} | {table[(c, 'split')]} | {table[(c, 'together')]} "
            f"| {table[(c, 'different')]} |"
        )


_LINK_ORDER = ["none", "none (places disjoint)", "actor", "street and town"]


def _show(item: Analyzed, doc: _Doc) -> None:
    a = item.article
    head = (a.title or a.text[:90]).replace("\n", " ")[:90]
    print(f"   - {a.id} pub {a.published} {a.source}: {head}")
    print(f"     names: {top(doc.names)}")
    print(f"     places: {top(doc.places)} | sites: {top(doc.sites)}")
    print(
        f"     marks: {sorted(doc.marks)[:6]} days: {doc.days[:4]} people: {sorted(doc.people)[:4]}"
    )


if __name__ == "__main__":
    main()
