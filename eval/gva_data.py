"""The GVA development set of real US local news (../shared/devdata), parsed once and cached.

The spaCy parses of the reports' masked text are kept in a DocBin beside their
boilerplate, so that the rule stages (claims, times, quotes) can run again after
a change without parsing again; a change to boilerplate or to the pipeline asks
for ``--reparse``. Nothing from the set is written inside the repository.

    .venv/bin/python eval/gva_data.py .devdata/gva/dev.jsonl --cache /tmp/gva-cache
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from storyline.analyze.clean import find_boilerplate, mask_text
from storyline.analyze.pipeline import analyze_doc, date_from_text
from storyline.model import Analyzed, Article, Boilerplate

DEVDATA = Path(__file__).resolve().parents[1] / ".devdata" / "gva"


def read_reports(path: Path) -> list[Article]:
    """The reports of a GVA JSONL file as articles."""
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [
        Article(
            id=r["id"],
            text=r["text"],
            title=r.get("title"),
            source=r.get("source"),
            published=r.get("published"),
            url=r.get("url"),
        )
        for r in rows
    ]


def _key(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def _parse(articles: list[Article], nlp: Any) -> tuple[list[tuple[Boilerplate, ...]], bytes]:
    from spacy.tokens import DocBin

    debris = [tuple(find_boilerplate(a.text, a.title)) for a in articles]
    masked = [mask_text(a.text, b) for a, b in zip(articles, debris, strict=True)]
    docs = DocBin(store_user_data=False)
    t0 = time.perf_counter()
    for n, doc in enumerate(nlp.pipe(masked, batch_size=32), 1):
        docs.add(doc)
        if n % 500 == 0:
            print(f"  parsed {n}/{len(masked)} ({time.perf_counter() - t0:.0f}s)", flush=True)
    return debris, docs.to_bytes()


def parsed(
    path: Path, cache: Path, *, reparse: bool = False
) -> tuple[list[Article], list[Any], list[tuple[Boilerplate, ...]]]:
    """The reports of ``path``, their spaCy docs and their boilerplate (cached in ``cache``)."""
    from spacy.tokens import DocBin

    from storyline.nlp import load_nlp

    nlp = load_nlp()
    articles = read_reports(path)
    file = cache / f"{path.stem}-{_key(path)}.parsed"
    if reparse or not file.exists():
        debris, blob = _parse(articles, nlp)
        cache.mkdir(parents=True, exist_ok=True)
        file.write_bytes(pickle.dumps((debris, blob)))
    debris, blob = pickle.loads(file.read_bytes())
    docs = list(DocBin().from_bytes(blob).get_docs(nlp.vocab))
    return articles, docs, debris


def analysed(path: Path, cache: Path, *, reparse: bool = False) -> list[Analyzed]:
    """The reports of ``path`` analysed by the current rule stages over cached parses."""
    articles, docs, debris = parsed(path, cache, reparse=reparse)
    out = []
    for article, doc, bp in zip(articles, docs, debris, strict=True):
        article = date_from_text(article, bp)
        out.append(Analyzed(article, analyze_doc(article, doc, bp)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path, nargs="?", default=DEVDATA / "dev.jsonl")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/gva-cache"))
    parser.add_argument("--reparse", action="store_true")
    args = parser.parse_args()
    if not args.jsonl.exists():
        print(f"{args.jsonl} not found: build ../shared/devdata first (its README)")
        sys.exit(0)
    t0 = time.perf_counter()
    items = analysed(args.jsonl, args.cache, reparse=args.reparse)
    print(f"{len(items)} reports analysed in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
