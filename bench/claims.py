"""Cost of claim extraction and alignment against the spaCy parse, in the same run.

    .venv/bin/python bench/claims.py [--texts 200] [--repeat 3]

Parses the sample corpus and the seed reports (repeated up to ``--texts``
articles) with ``nlp.pipe``, then times ``extract_claims`` over the parsed docs
and ``compare_claims`` over the resulting analyses (one story per 6 articles,
the size of a typical story). Prints each time and its ratio to the parse
time; the goal is claims + alignment at most 15% of the parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.analyze.claims import extract_claims  # noqa: E402
from storyline.ingest import iter_articles  # noqa: E402
from storyline.model import Analyzed, Article, ArticleAnalysis, Mention, Span  # noqa: E402
from storyline.nlp import load_nlp  # noqa: E402
from storyline.story.compare.claims import compare_claims  # noqa: E402

STORY_SIZE = 6


def corpus(limit: int) -> list[Article]:
    """Sample corpus and seeds (when present), repeated up to ``limit`` articles."""
    sources = [ROOT / "examples"]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        sources.append(seeds)
    base = list(iter_articles(sources, on_error=lambda e: None))
    return [
        Article(id=f"a{n}", text=base[n % len(base)].text, published=base[n % len(base)].published)
        for n in range(limit)
    ]


def main(argv: list[str] | None = None) -> int:
    """Time parse, claims and alignment; print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="best of N for the claim stages")
    args = parser.parse_args(argv)
    nlp = load_nlp()
    articles = corpus(args.texts)
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:8]))  # warm up
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - start
    mentions = [
        tuple(Mention(Span(e.start_char, e.end_char), e.text, e.label_, e.text) for e in d.ents)
        for d in docs
    ]
    extract = align = float("inf")
    analyses: list[Analyzed] = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        claims = [extract_claims(d, m, ()) for d, m in zip(docs, mentions, strict=True)]
        extract = min(extract, time.perf_counter() - start)
        analyses = [
            Analyzed(a, ArticleAnalysis(a.id, entities=m, claims=c))
            for a, m, c in zip(articles, mentions, claims, strict=True)
        ]
        start = time.perf_counter()
        for i in range(0, len(analyses), STORY_SIZE):
            compare_claims(analyses[i : i + STORY_SIZE])
        align = min(align, time.perf_counter() - start)
    n_claims = sum(len(a.analysis.claims) for a in analyses)
    print(f"{len(articles)} articles, {n_claims} claims")
    print(f"{'stage':<28}{'seconds':>10}{'of parse':>10}")
    print(f"{'nlp.pipe (baseline)':<28}{parse:>10.3f}{1:>10.1%}")
    print(f"{'extract_claims':<28}{extract:>10.3f}{extract / parse:>10.1%}")
    print(f"{'compare_claims':<28}{align:>10.3f}{align / parse:>10.1%}")
    total = extract + align
    print(f"{'claims + alignment':<28}{total:>10.3f}{total / parse:>10.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
