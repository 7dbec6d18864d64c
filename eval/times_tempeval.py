"""Score time expressions on the TempEval-3 development set (TimeBank and AQUAINT apart).

Usage: .venv/bin/python eval/times_tempeval.py [--data .devdata/tempeval] [--errors N]
       [--corpus TimeBank|AQUAINT-A] [--no-baseline] [--causes] [--shapes N] [--report]

The split (third round, issue 14): TimeBank and half A of AQUAINT are the tuning part;
half B of AQUAINT is held out. The halves alternate over the AQUAINT documents sorted by
id (A takes the first, third, ... so both halves mix APW, NYT and Xinhua). Errors and
causes of half B are never printed, and its rows (with AQUAINT and all, which contain
it) only with ``--report``, the last run: while tuning, the table shows the tuning part.

Runs storyline's ``extract_times`` exactly as ``storyline analyze`` does (boilerplate
masked, anchored on the creation date ``published``, the dates of masked wire datelines
added) and, in the same run, the
baseline of eval/times.py: spaCy DATE/TIME entities normalised by dateparser against
the same anchor. Scoring is that of ``../shared/devdata/score.py times`` (a gold span
matches any overlapping prediction, the value of the most overlapping one counts), so
the figures equal those of ``storyline analyze`` + ``score.py``. Parsed documents are
cached as a spaCy DocBin in ``eval/.cache/`` (gitignored), keyed by the model and the
texts, so a loop costs seconds. The set is built on your machine (../shared/devdata);
nothing from it is stored in the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from times import baseline_times
from times_causes import parse_error
from times_shapes import outcomes, report, shape

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("MISS", "VALUE", "EXTRA")
HELD = "AQUAINT-B"
CACHE = ROOT / "eval" / ".cache"


@dataclass
class Tally:
    """Counts of score.py's ``times`` measure."""

    gold: int = 0
    pred: int = 0
    hit_gold: int = 0
    hit_pred: int = 0
    value: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally to this one."""
        self.gold += other.gold
        self.pred += other.pred
        self.hit_gold += other.hit_gold
        self.hit_pred += other.hit_pred
        self.value += other.value

    def row(self) -> tuple[float, float, float, float, float, float]:
        """Span P, R, F1 and value P, R, F1."""
        sp = self.hit_pred / self.pred if self.pred else 0.0
        sr = self.hit_gold / self.gold if self.gold else 0.0
        vp = self.value / self.pred if self.pred else 0.0
        vr = self.value / self.gold if self.gold else 0.0
        return sp, sr, _f1(sp, sr), vp, vr, _f1(vp, vr)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score(
    gold: list[dict[str, Any]], pred: list[tuple[int, int, str, str]], text: str = ""
) -> tuple[Tally, list[str]]:
    """One document scored as score.py does, with its errors as readable lines."""
    t = Tally(gold=len(gold), pred=len(pred))
    errors: list[str] = []
    for g in gold:
        hits = [p for p in pred if _overlap(p[0], p[1], g["start"], g["end"])]
        if not hits:
            errors.append(
                f"MISS  {g['text']!r} {g['type']} {g['value']}"
                f" | {_context(text, g['start'], g['end'])}"
            )
            continue
        t.hit_gold += 1
        best = max(hits, key=lambda p: _overlap(p[0], p[1], g["start"], g["end"]))
        if best[2].strip().upper() == str(g["value"]).strip().upper():
            t.value += 1
        else:
            errors.append(
                f"VALUE {g['text']!r} {g['type']} gold={g['value']} ours={best[2]}"
                f" | {_context(text, g['start'], g['end'])}"
            )
    for p in pred:
        if any(_overlap(p[0], p[1], g["start"], g["end"]) for g in gold):
            t.hit_pred += 1
        else:
            errors.append(f"EXTRA {p[3]!r} {p[2]} | {_context(text, p[0], p[1])}")
    return t, errors


def halves(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Each AQUAINT document's half: ``AQUAINT-A`` (tuning) or ``AQUAINT-B`` (held out)."""
    ids = sorted(r["id"] for r in rows if r["corpus"] == "AQUAINT")
    return {d: ("AQUAINT-A", HELD)[i % 2] for i, d in enumerate(ids)}


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 60) : end + 40].split())


def _parsed(rows: list[dict[str, Any]], nlp: Any, name: str = "tempeval") -> list[Any]:
    """The masked texts parsed, from the DocBin cache when it holds this model and text."""
    from spacy.tokens import DocBin

    from storyline.analyze.clean import find_boilerplate, mask_text

    masked = [mask_text(r["text"], find_boilerplate(r["text"], r.get("title"))) for r in rows]
    key = hashlib.sha256(
        (nlp.meta.get("name", "") + nlp.meta.get("version", "") + "\0".join(masked)).encode()
    ).hexdigest()[:16]
    path = CACHE / f"{name}-{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(masked, batch_size=16))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def our_times(row: dict[str, Any], doc: Any) -> list[tuple[int, int, str, str]]:
    """The times the product reads in one TempEval document, as ``analyze_doc`` does
    (its dateline's date included), anchored on the document's creation date: start,
    end, value and text each."""
    from storyline.analyze.clean import find_boilerplate
    from storyline.analyze.times import dateline_times, extract_times, with_datelines

    anchor = date.fromisoformat(row["published"][:10]) if row.get("published") else None
    text = row["text"]
    found = with_datelines(
        extract_times(doc, anchor),
        dateline_times(text, find_boilerplate(text, row.get("title")), anchor),
    )
    return [(t.span.start, t.span.end, t.value, t.text) for t in found]


def load_dev(data: Path) -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, str]]:
    """The development documents (each once), the gold, and each document's half."""
    with (data / "dev.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    # one document is listed twice (a second corpus name); score.py scores it once
    rows = list({r["id"]: r for r in reversed(rows)}.values())[::-1]
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    return rows, gold, halves(rows)


def main(argv: list[str] | None = None) -> int:
    """Run both systems over the set and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / ".devdata" / "tempeval"))
    ap.add_argument("--errors", type=int, default=0, help="print this many errors")
    ap.add_argument("--corpus", default="", help="errors of this corpus only (TimeBank, AQUAINT-A)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline")
    ap.add_argument(
        "--causes", action="store_true", help="count errors by cause (eval/times_causes.py)"
    )
    ap.add_argument(
        "--shapes",
        type=int,
        default=0,
        help="print this many shapes whose emission costs value F1 (eval/times_shapes.py)",
    )
    ap.add_argument(
        "--report", action="store_true", help="also print the held-out half (AQUAINT-B)"
    )
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "dev.jsonl").is_file():
        print(f"TempEval-3 development set not found in {data}; see ../shared/devdata/README.md")
        return 1
    rows, gold, half = load_dev(data)

    from storyline.nlp import load_nlp

    nlp = load_nlp()
    docs = _parsed(rows, nlp)
    systems = ["storyline"] if args.no_baseline else ["storyline", "spaCy+dateparser"]
    tallies: dict[tuple[str, str], Tally] = {}
    errors: list[str] = []
    causes: Counter[tuple[str, str]] = Counter()
    shapes: Counter[tuple[str, str]] = Counter()
    for row, doc in zip(rows, docs, strict=True):
        anchor = date.fromisoformat(row["published"][:10]) if row.get("published") else None
        g = gold.get(row["id"], [])
        text = row["text"]
        ours = our_times(row, doc)
        preds = {"storyline": ours}
        if not args.no_baseline:
            preds["spaCy+dateparser"] = [
                (*b, text[b[0] : b[1]]) for b in baseline_times(doc, anchor)
            ]
        for name in systems:
            tally, errs = score(g, preds[name], text)
            part = half.get(row["id"], row["corpus"])
            tune = "tune" if part != HELD else "held"
            for corpus in {row["corpus"], part, tune, "all"}:
                tallies.setdefault((corpus, name), Tally()).add(tally)
            if part == HELD:
                continue  # held out: scored, never read
            if name == "storyline" and args.corpus in ("", row["corpus"], part):
                for p, kind in zip(ours, outcomes(g, ours), strict=True):
                    shapes[shape(p[3]), kind] += 1
                for e in errs:
                    errors.append(f"{e}   [{row['id']} dct={anchor}]")
                    parsed = parse_error(e)
                    if parsed is not None:
                        causes[parsed] += 1
    print(
        f"{'corpus':10} {'system':18} {'gold':>5} {'pred':>5} {'spanP':>6} {'spanR':>6} "
        f"{'spanF1':>6} {'valP':>6} {'valR':>6} {'valF1':>6}"
    )
    shown = ("TimeBank", "AQUAINT-A", "tune")
    if args.report:
        shown = ("TimeBank", "AQUAINT", "AQUAINT-A", HELD, "tune", "all")
    for corpus in shown:
        for name in systems:
            t = tallies.get((corpus, name))
            if t is None:
                continue
            cells = " ".join(f"{x:6.3f}" for x in t.row())
            print(f"{corpus:10} {name:18} {t.gold:5d} {t.pred:5d} {cells}")
    if args.causes:
        names = sorted({c for _, c in causes}, key=lambda c: -sum(causes[k, c] for k in KINDS))
        print(
            f"\n{'cause (' + (args.corpus or 'all') + ')':40} {'miss':>5} {'value':>5} {'extra':>5}"
        )
        for c in names:
            print(f"{c:40} " + " ".join(f"{causes[k, c]:5d}" for k in KINDS))
        print(f"{'total':40} " + " ".join(f"{sum(causes[k, c] for c in names):5d}" for k in KINDS))
    if args.shapes:
        tune = tallies.get(("tune", "storyline"), Tally())
        print("\n".join(report(shapes, tune.row()[5], args.shapes)))
    for line in errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
