"""Direct-quote extraction and speaker attribution against a gold JSONL set.

Each line: ``{"id", "text", "quotes": [{"start", "end", "text", "speaker", "kind"}]}``.
A predicted direct quote matches a gold one when their spans, trimmed of spaces,
quotation marks and edge punctuation, are equal (strict) or overlap by at least half
of the longer one (lenient). Speaker accuracy is over matched quotes: the predicted
speaker key must equal the gold name (surname-only gold names match a key ending with
that surname; ``null`` gold means "no named speaker").

    .venv/bin/python eval/quotes.py [eval/data/quotes_dev.jsonl ...] [--show]

A gold line may name an input instead of carrying its text (``"path":
"examples/x.txt"``, ``file::n`` for the n-th article of a multi-article file): the
text is read with storyline's readers and each gold quote placed by its words.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.analyze.entities import extract_entities
from storyline.analyze.naming.folding import name_tokens, translit
from storyline.analyze.quotes import extract_quotes
from storyline.nlp import load_nlp

DEFAULT = Path(__file__).resolve().parent / "data" / "quotes_dev.jsonl"
_EDGE = " \t\n\"'“”‘’«»,.;:!?…"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _same_speaker(pred: str | None, gold: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    p = tuple(translit(t) for t in name_tokens(pred))
    g = tuple(translit(t) for t in name_tokens(gold))
    return p == g or (len(g) == 1 and bool(p) and p[-1] == g[0])


def evaluate(cases: Sequence[dict[str, Any]], show: bool = False) -> dict[str, float]:
    """Span precision/recall/F1 (strict and lenient) and speaker accuracy."""
    nlp = load_nlp()
    tp = tp_lenient = n_pred = n_gold = speaker_ok = matched = 0
    for case in cases:
        text = case["text"]
        doc = nlp(text)
        preds = [q for q in extract_quotes(doc, extract_entities(doc)) if q.kind == "direct"]
        golds = [g for g in case["quotes"] if g.get("kind", "direct") == "direct"]
        n_pred += len(preds)
        n_gold += len(golds)
        used: set[int] = set()
        for g in golds:
            gs, ge = _trim(text, g["start"], g["end"])
            hit = None
            for i, q in enumerate(preds):
                if i in used:
                    continue
                ps, pe = _trim(text, q.span.start, q.span.end)
                overlap = min(ge, pe) - max(gs, ps)
                if (ps, pe) == (gs, ge):
                    hit, strict = i, True
                    break
                if overlap * 2 >= max(ge - gs, pe - ps):
                    hit, strict = i, False
            if hit is None:
                if show:
                    print(f"  MISS {case['id']}: {g['text']!r}")
                continue
            used.add(hit)
            tp_lenient += 1
            tp += int(strict)
            matched += 1
            ok = _same_speaker(preds[hit].speaker, g["speaker"])
            speaker_ok += int(ok)
            if show and not ok:
                print(f"  SPEAKER {case['id']}: {preds[hit].speaker!r} != {g['speaker']!r}")
        if show:
            for i, q in enumerate(preds):
                if i not in used:
                    print(f"  EXTRA {case['id']}: {q.text!r}")

    def f1(p: float, r: float) -> float:
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    pl, rl = tp_lenient / max(n_pred, 1), tp_lenient / max(n_gold, 1)
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "P": p,
        "R": r,
        "F1": f1(p, r),
        "F1 lenient": f1(pl, rl),
        "speaker acc": speaker_ok / max(matched, 1),
    }


def _resolve_paths(cases: list[dict[str, Any]], gold: Path) -> list[dict[str, Any]]:
    """Cases that name an input (``"path"``) instead of carrying text: read it through
    storyline's own readers and place each gold quote by finding its words in order."""
    if not any("path" in c for c in cases):
        return cases
    from storyline.ingest import iter_articles

    root = gold.resolve().parents[2]
    wanted = {c["path"].split("::")[0] for c in cases if "path" in c}
    texts: dict[str, str] = {}
    for name in sorted(wanted):
        for article in iter_articles([root / name]):
            member = (article.path or "").split("::", 1)
            key = name + (f"::{member[1]}" if len(member) > 1 else "")
            texts[key] = article.text
    out = []
    for c in cases:
        if "path" not in c:
            out.append(c)
            continue
        text = texts[c["path"]]
        pos, quotes = 0, []
        for q in c["quotes"]:
            start = text.index(q["text"], pos)
            pos = start + len(q["text"])
            quotes.append({**q, "start": start, "end": pos})
        out.append({"id": c["path"], "text": text, "quotes": quotes})
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate on each gold file given (default: the fictional dev set)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--show", action="store_true", help="print misses and extras")
    args = parser.parse_args(argv)
    cols = ["gold", "predicted", "P", "R", "F1", "F1 lenient", "speaker acc"]
    print(f"{'set':<28}" + "".join(f"{c:>12}" for c in cols))
    for path in args.files:
        if not path.is_file():
            print(f"{path}: not found", file=sys.stderr)
            return 1
        cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        cases = _resolve_paths(cases, path)
        s = evaluate(cases, args.show)
        cells = "".join(f"{s[c]:>12}" if isinstance(s[c], int) else f"{s[c]:>12.3f}" for c in cols)
        print(f"{path.name:<28}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
