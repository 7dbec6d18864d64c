"""Cost of quote extraction and entity resolution against the spaCy pipeline itself.

Runs ``nlp.pipe`` over the same documents, then extract_entities + extract_quotes per
document and resolve_names + group_quotes over them, and prints the ratio of our
stages to the pipeline time (goal: at most 0.15).

    .venv/bin/python bench/quotes.py [--seeds DIR] [--meantime DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes
from storyline.model import Analyzed, Article, ArticleAnalysis
from storyline.nlp import doc_text, load_nlp
from storyline.story.names import resolve_names
from storyline.story.quotes import group_quotes

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _texts(seeds: Path, meantime: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if meantime.is_dir():
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
        from cat import read_cat

        for path in sorted(meantime.glob("intra_cross-doc_annotation/*/*.xml")):
            texts.append(read_cat(path).text)
    return texts


def main(argv: Sequence[str] | None = None) -> int:
    """Time both and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--meantime", type=Path, default=SHARED / "corpora" / "meantime")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    texts = _texts(args.seeds, args.meantime) * args.repeat
    if not texts:
        print("no documents found", file=sys.stderr)
        return 1
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm-up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    t_nlp = time.perf_counter() - t0
    t0 = time.perf_counter()
    items = []
    for i, doc in enumerate(docs):
        ents = extract_entities(doc)
        quotes = extract_quotes(doc, ents)
        aid = f"d{i}"
        items.append(
            Analyzed(
                Article(aid, doc_text(doc)), ArticleAnalysis(aid, entities=ents, quotes=quotes)
            )
        )
    t_article = time.perf_counter() - t0
    t0 = time.perf_counter()
    names = resolve_names(items)
    group_quotes(items, names)
    t_story = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} documents, {words} words")
    print(f"{'stage':<34}{'seconds':>10}{'ratio to nlp.pipe':>20}")
    for name, t in (
        ("nlp.pipe (baseline)", t_nlp),
        ("extract_entities + extract_quotes", t_article),
        ("resolve_names + group_quotes", t_story),
        ("ours, total", t_article + t_story),
    ):
        print(f"{name:<34}{t:>10.3f}{t / t_nlp:>20.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
