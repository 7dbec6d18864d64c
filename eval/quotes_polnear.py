"""Direct quotes and their speakers on PolNeAR (train and dev), against textacy.

Reads ``.devdata/polnear/dev.jsonl`` (built from ``../shared/devdata``; never committed)
and scores with ``../shared/devdata/score.py quotes`` per split, in the same run:

- ``storyline``: :func:`storyline.analyze.quotes.extract_quotes` on the article as
  ``storyline analyze`` parses it (boilerplate masked);
- ``textacy``: ``textacy.extract.triples.direct_quotations`` run on each paragraph of
  the same parse (an eval-only dependency: ``pip install -r requirements-eval.txt``).

Besides P/R/F1 and speaker accuracy on all matched quotes, it reports speaker accuracy
on the gold quotes that both find (``common``). Parsed docs are cached one article
to a spaCy DocBin in ``.cache/polnear/docs/`` (gitignored), keyed by the model, the text and
the tokenizer's cuts, so a second run costs seconds.

    .venv/bin/python eval/quotes_polnear.py [--split train|dev|all] [--errors FILE] [--causes]

``--errors`` writes our speaker errors and misses for reading (to a file outside the
repository: it holds article text); ``--causes`` counts our speaker errors by kind.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storyline.analyze.clean import find_boilerplate, mask_text
from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes
from storyline.nlp import load_nlp, model_name

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".devdata" / "polnear"
SCORER = ROOT.parent / "shared" / "devdata" / "score.py"
CACHE = ROOT / ".cache" / "polnear"

Row = dict[str, Any]


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("devdata_score", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{SCORER}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _key(nlp: Any, text: str) -> str:
    """The cache key of one article: the model, the text and where the tokenizer cuts it
    (the parse depends on nothing else, so a tokenizer change reparses only the articles
    whose tokens it moves, and a stale parse is never read)."""
    cuts = ",".join(f"{t.idx}:{len(t)}" for t in nlp.tokenizer(text))
    return hashlib.sha256("\x00".join([model_name(), text, cuts]).encode()).hexdigest()[:20]


def parse_all(articles: Sequence[Row]) -> list[Any]:
    """spaCy docs of the masked texts, each from the cache when its key matches."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    masked = [mask_text(a["text"], find_boilerplate(a["text"], a.get("title"))) for a in articles]
    paths = [CACHE / "docs" / f"{_key(nlp, text)}.spacy" for text in masked]
    todo = [i for i, path in enumerate(paths) if not path.is_file()]
    if todo:
        t0 = time.perf_counter()
        (CACHE / "docs").mkdir(parents=True, exist_ok=True)
        for i, doc in zip(todo, nlp.pipe([masked[i] for i in todo], batch_size=32), strict=True):
            DocBin(docs=[doc]).to_disk(paths[i])
        print(f"parsed {len(todo)} articles in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    return [next(iter(DocBin().from_disk(path).get_docs(nlp.vocab))) for path in paths]


def ours(doc: Any) -> list[Row]:
    """Our quotes in the shape of ``storyline analyze`` output."""
    out = []
    for q in extract_quotes(doc, extract_entities(doc)):
        out.append(
            {
                "start": q.span.start,
                "end": q.span.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_start": q.speaker_span.start if q.speaker_span else None,
                "speaker_end": q.speaker_span.end if q.speaker_span else None,
            }
        )
    return out


def textacy_quotes(doc: Any) -> list[Row]:
    """textacy's direct quotations, one paragraph at a time, placed in the article."""
    from textacy.extract.triples import direct_quotations

    text = doc.text
    out: list[Row] = []
    pos = 0
    for para in text.split("\n"):
        start, pos = pos, pos + len(para) + 1
        if not para.strip():
            continue
        span = doc.char_span(start, start + len(para), alignment_mode="contract")
        if span is None or not len(span):
            continue
        sub = span.as_doc()
        base = span.start_char
        try:
            triples = list(direct_quotations(sub))
        except (ValueError, IndexError, RuntimeError):
            continue  # textacy rejects some paragraphs (unbalanced marks): none found there
        for t in triples:
            speaker = sorted(t.speaker, key=lambda tok: tok.i)
            out.append(
                {
                    "start": base + t.content.start_char,
                    "end": base + t.content.end_char,
                    "kind": "direct",
                    "speaker": " ".join(tok.text for tok in speaker) or None,
                    "speaker_start": base + speaker[0].idx if speaker else None,
                    "speaker_end": base + speaker[-1].idx + len(speaker[-1].text)
                    if speaker
                    else None,
                }
            )
    return out


def _verdicts(score: Any, row: Row, gold: Row) -> dict[int, bool | None]:
    """Per gold quote index: None when not found, else whether the speaker is right
    (only for quotes whose speaker is scored), the way ``score.py`` decides."""
    text = row["text"]
    preds = [q for q in row["quotes"] if q.get("kind", "direct") == "direct"]
    preds = [(q, *score.strip_marks(text, q["start"], q["end"])) for q in preds]
    out: dict[int, bool | None] = {}
    for i, gq in enumerate(gold["quotes"]):
        gs, ge = gq["start"], gq["end"]
        best = max(preds, key=lambda p: score.overlap(p[1], p[2], gs, ge), default=None)
        if best is None or score.overlap(best[1], best[2], gs, ge) < 0.5 * (ge - gs):
            out[i] = None
            continue
        src = gq["source"]
        if not (src and score.name_tokens(src["text"])):
            continue
        q = best[0]
        span_ok = (
            q.get("speaker_start") is not None
            and q.get("speaker_end") is not None
            and score.overlap(q["speaker_start"], q["speaker_end"], src["start"], src["end"]) > 0
        )
        name_ok = bool(score.name_tokens(q.get("speaker")) & score.name_tokens(src["text"]))
        out[i] = span_ok or name_ok
    return out


def common(score: Any, a: Sequence[Row], b: Sequence[Row], gold: Row) -> dict[str, Any]:
    """Speaker accuracy of each system on the scored gold quotes both find."""
    n = right_a = right_b = 0
    for ra, rb in zip(a, b, strict=True):
        va, vb = _verdicts(score, ra, gold[ra["id"]]), _verdicts(score, rb, gold[rb["id"]])
        for i, ok in va.items():
            if ok is None or vb.get(i) is None or i not in vb:
                continue
            n += 1
            right_a += bool(ok)
            right_b += bool(vb[i])
    return {
        "common_scored": n,
        "storyline": round(right_a / n, 3) if n else 0.0,
        "textacy": round(right_b / n, 3) if n else 0.0,
    }


def write_errors(score: Any, rows: Sequence[Row], gold: Row, path: Path) -> None:
    """Our wrong speakers and missed quotes, with the paragraph around each."""
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            text, g = row["text"], gold[row["id"]]
            verdicts = _verdicts(score, row, g)
            for i, gq in enumerate(g["quotes"]):
                ok = verdicts.get(i, True)
                if ok is True:
                    continue
                src = gq["source"] or {}
                p0 = text.rfind("\n", 0, gq["start"]) + 1
                p0 = text.rfind("\n", 0, max(0, p0 - 1)) + 1  # the paragraph before too
                p1 = text.find("\n", gq["end"])
                p1 = len(text) if p1 < 0 else p1
                kind = "MISS" if ok is None else "SPEAKER"
                got = [
                    q
                    for q in row["quotes"]
                    if q["kind"] == "direct" and score.overlap(q["start"], q["end"], *gq_span(gq))
                ]
                fh.write(f"== {kind} {row['id']} gold={src.get('text')!r}\n")
                for q in got:
                    spk = (
                        text[q["speaker_start"] : q["speaker_end"]]
                        if q["speaker_start"] is not None
                        else None
                    )
                    fh.write(f"   ours: {q['speaker']!r} span={spk!r}\n")
                fh.write(f"   quote: {text[gq['start'] : gq['end']][:120]!r}\n")
                fh.write(text[p0:p1].strip() + "\n\n")


_DOC_WORDS = re.compile(
    r"\b(poll|polls|report|statement|email|e-mail|transcript|editorial|study|ad|ads|letter|"
    r"survey|website|page|document|book|memo|tweet|post|release|video|article|analysis|"
    r"filing|lawsuit|suit|order|platform|campaign|message|headline|ruling|complaint|motion|"
    r"data|cnn|times|journal|newsletter)\b",
    re.IGNORECASE,
)


def cause(gold_source: str, speaker: str | None, span: str | None) -> str:
    """The kind of a speaker error, from the gold source's words and what we gave."""
    g = gold_source.strip().lower()
    if g in ("who", "which", "that", "whom"):
        return "gold source is a relative pronoun"
    if g in ("said", "will", "says", "say", "told", "according"):
        return "gold source is not a noun phrase"
    if g in ("she", "her", "his", "they", "their", "him", "them", "hers"):
        found = speaker is not None or span is not None
        return "gold source is a pronoun, " + ("ours another mention" if found else "ours none")
    if gold_source.isupper() and len(g) > 15:
        return "gold source is a headline"
    if _DOC_WORDS.search(g):
        return "gold source is a document, poll or outlet"
    if speaker is None and span is None:
        return "no cue found"
    if speaker is None:
        return "unnamed span, no key"
    return "another named speaker"


def causes(score: Any, rows: Sequence[Row], gold: Row) -> dict[str, int]:
    """Our speaker errors counted by :func:`cause` (no article text is printed)."""
    out: Counter[str] = Counter()
    for row in rows:
        text, g = row["text"], gold[row["id"]]
        verdicts = _verdicts(score, row, g)
        preds = [q for q in row["quotes"] if q.get("kind", "direct") == "direct"]
        for i, gq in enumerate(g["quotes"]):
            if verdicts.get(i, True) is not False:
                continue
            gs, ge = gq_span(gq)
            q = max(
                preds,
                key=lambda p: score.overlap(*score.strip_marks(text, p["start"], p["end"]), gs, ge),
            )
            span = (
                text[q["speaker_start"] : q["speaker_end"]]
                if q.get("speaker_start") is not None
                else None
            )
            out[cause(gq["source"]["text"], q.get("speaker"), span)] += 1
    return dict(out.most_common())


def gq_span(gq: Row) -> tuple[int, int]:
    return gq["start"], gq["end"]


def run(
    articles: Sequence[Row],
    docs: Sequence[Any],
    gold: Row,
    systems: dict[str, Callable[[Any], list[Row]]],
) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for name, fn in systems.items():
        t0 = time.perf_counter()
        out[name] = [
            {"id": a["id"], "text": a["text"], "quotes": fn(d)}
            for a, d in zip(articles, docs, strict=True)
        ]
        print(f"{name}: {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev", "all"), default="all")
    parser.add_argument("--no-textacy", action="store_true", help="score storyline alone")
    parser.add_argument("--errors", type=Path, help="write our speaker errors and misses here")
    parser.add_argument("--causes", action="store_true", help="count our speaker errors by kind")
    args = parser.parse_args(argv)
    if not (DATA / "dev.jsonl").is_file():
        print(f"{DATA}/dev.jsonl: not found (build it with ../shared/devdata): skipped")
        return 0
    if not args.no_textacy and importlib.util.find_spec("textacy") is None:
        print("textacy is not installed (pip install -r requirements-eval.txt): ours alone")
        args.no_textacy = True
    score = _scorer()
    articles = [json.loads(x) for x in (DATA / "dev.jsonl").read_text("utf-8").splitlines() if x]
    gold = json.loads((DATA / "gold.json").read_text("utf-8"))
    docs = parse_all(articles)
    splits = ("train", "dev") if args.split == "all" else (args.split,)
    keep = [i for i, a in enumerate(articles) if a["split"] in splits]
    articles = [articles[i] for i in keep]
    docs = [docs[i] for i in keep]
    systems: dict[str, Callable[[Any], list[Row]]] = {"storyline": ours}
    if not args.no_textacy:
        systems["textacy"] = textacy_quotes
    rows = run(articles, docs, gold, systems)
    for split in splits:
        sub = {
            k: [r for r, a in zip(v, articles, strict=True) if a["split"] == split]
            for k, v in rows.items()
        }
        g = {r["id"]: gold[r["id"]] for r in sub["storyline"]}
        for name, rs in sub.items():
            print(json.dumps({"split": split, "system": name, **score.score_quotes(rs, g)}))
        if "textacy" in sub:
            c = common(score, sub["storyline"], sub["textacy"], gold)
            print(json.dumps({"split": split, "common": c}))
        if args.causes:
            print(json.dumps({"split": split, "causes": causes(score, sub["storyline"], gold)}))
    if args.errors:
        write_errors(
            score,
            [r for r, a in zip(rows["storyline"], articles, strict=True) if a["split"] == "train"],
            gold,
            args.errors,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
