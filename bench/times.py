"""Time resolution cost as a share of analysis: ``nlp.pipe`` vs ``extract_times``.

Usage: .venv/bin/python bench/times.py [MEANTIME_DIR] [--repeat N]

Parses the MEANTIME article texts (or the seeds when the corpus is absent) with the
spaCy pipeline, then runs ``extract_times`` on the parsed documents, in the same run,
and prints both times and the ratio (goal: time expressions <= 10% of parsing). A
last row times the story stages of this module on the same documents, each MEANTIME
sub-corpus taken as one story: ``estimate_dates`` + ``build_timeline`` (which reads the
event lines found at analysis and parses nothing; their extraction is not timed here).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _texts(corpus: Path) -> list[tuple[str, str, str | None]]:
    """(story, text, creation date) of each document."""
    from cat import read_cat

    files = sorted((corpus / "intra-doc_annotation").rglob("*.xml"))
    if files:
        out = []
        for p in files:
            doc = read_cat(p)
            out.append((p.parent.name, doc.text, doc.creation_time))
        return out
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    return [("seeds", p.read_text(encoding="utf-8"), None) for p in seeds]


def _story_stages(docs: list[Any], meta: list[tuple[str, str, str | None]]) -> float:
    """Seconds for estimate_dates + build_timeline over every story."""
    from cat import parse_date

    from storyline.analyze.eventline.extract import extract_event_lines
    from storyline.analyze.times import extract_times
    from storyline.model import Analyzed, Article, ArticleAnalysis, Span
    from storyline.story.dating import estimate_dates
    from storyline.story.timeline.build import build_timeline

    stories: dict[str, list[Analyzed]] = {}
    for n, (doc, (story, text, created)) in enumerate(zip(docs, meta, strict=True)):
        day = parse_date(created)
        times = extract_times(doc, None)
        sents = tuple(Span(s.start_char, s.end_char) for s in doc.sents)
        art = Article(id=str(n), text=text, published=day.isoformat() if day else None)
        lines = extract_event_lines(doc, sents, times)
        analysis = ArticleAnalysis(str(n), sentences=sents, times=times, event_lines=lines)
        stories.setdefault(story, []).append(Analyzed(art, analysis))
    t0 = time.perf_counter()
    for items in stories.values():
        dated, _ = estimate_dates(items)
        build_timeline(dated)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    """Time both stages and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "corpora" / "meantime"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from storyline.analyze.times import extract_times
    from storyline.nlp import load_nlp

    meta = _texts(Path(args.corpus))
    texts = [t for _, t, _ in meta]
    if not texts:
        print("no texts found; pass the MEANTIME folder")
        return 1
    nlp = load_nlp()
    list(nlp.pipe(texts[:5]))  # warm-up
    parse_best = times_best = float("inf")
    n_times = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts))
        t1 = time.perf_counter()
        n_times = sum(len(extract_times(d, None)) for d in docs)
        t2 = time.perf_counter()
        parse_best = min(parse_best, t1 - t0)
        times_best = min(times_best, t2 - t1)
    story_best = min(_story_stages(docs, meta) for _ in range(args.repeat))
    chars = sum(len(t) for t in texts)
    print(f"{'stage':22} {'seconds':>8} {'docs/s':>8} {'share':>7}")
    print(f"{'nlp.pipe (baseline)':22} {parse_best:8.3f} {len(texts) / parse_best:8.1f} {1:7.1%}")
    print(
        f"{'extract_times':22} {times_best:8.3f} {len(texts) / times_best:8.1f} "
        f"{times_best / parse_best:7.1%}"
    )
    print(
        f"{'dating + timeline':22} {story_best:8.3f} {len(texts) / story_best:8.1f} "
        f"{story_best / parse_best:7.1%}"
    )
    print(
        f"{len(texts)} documents, {chars} characters, {n_times} time expressions, "
        f"best of {args.repeat}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
