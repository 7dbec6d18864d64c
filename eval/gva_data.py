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
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from storyline.analyze.clean import find_boilerplate, mask_text
from storyline.analyze.pipeline import analyze_doc, date_from_text
from storyline.model import Analyzed, Article, Boilerplate

# GVA_DEVDATA points the scripts at another directory of the same three files
# (a subset of dev.jsonl, to parse less on a busy machine).
DEVDATA = Path(
    os.environ.get("GVA_DEVDATA") or Path(__file__).resolve().parents[1] / ".devdata" / "gva"
)


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


def built() -> bool:
    """Whether the development set is built here; if not, says so (one line) and what to do."""
    if (DEVDATA / "dev.jsonl").exists():
        return True
    print(f"{DEVDATA} not found: build ../shared/devdata first (its README); nothing to do")
    return False


def gold_and_sample() -> tuple[dict[str, Any], set[str]]:
    """The gold file (incidents and each report's incident), and dev_sample's report ids."""
    gold: dict[str, Any] = json.loads((DEVDATA / "gold.json").read_text())
    sample = {
        json.loads(line)["id"]
        for line in (DEVDATA / "dev_sample.jsonl").read_text().splitlines()
        if line.strip()
    }
    return gold, sample


def _key(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def _parse(articles: list[Article], debris: list[tuple[Boilerplate, ...]], nlp: Any) -> list[Any]:
    masked = [mask_text(a.text, b) for a, b in zip(articles, debris, strict=True)]
    docs = []
    t0 = time.perf_counter()
    for n, doc in enumerate(nlp.pipe(masked, batch_size=32), 1):
        docs.append(doc)
        if n % 500 == 0:
            print(f"  parsed {n}/{len(masked)} ({time.perf_counter() - t0:.0f}s)", flush=True)
    return docs


def parsed(
    path: Path, cache: Path, *, reparse: bool = False
) -> tuple[list[Article], list[Any], list[tuple[Boilerplate, ...]], set[int]]:
    """The reports of ``path``, their spaCy docs, their boilerplate, and which were parsed now.

    A report whose boilerplate the current rules find differently from the cached
    parse is parsed again (masked text changed), and so is every report with ``reparse``.
    """
    from spacy.tokens import DocBin

    from storyline.nlp import load_nlp

    nlp = load_nlp()
    articles = read_reports(path)
    file = cache / f"{path.stem}-{_key(path)}.parsed"
    debris = [tuple(find_boilerplate(a.text, a.title)) for a in articles]
    docs: list[Any] = [None] * len(articles)
    if file.exists() and not reparse:
        old, blob = pickle.loads(file.read_bytes())
        for i, doc in enumerate(DocBin().from_bytes(blob).get_docs(nlp.vocab)):
            if old[i] == debris[i]:
                docs[i] = doc
    stale = {i for i, doc in enumerate(docs) if doc is None}
    if stale:
        print(f"  parsing {len(stale)} reports", flush=True)
        fresh = _parse(
            [articles[i] for i in sorted(stale)], [debris[i] for i in sorted(stale)], nlp
        )
        for i, doc in zip(sorted(stale), fresh, strict=True):
            docs[i] = doc
        cache.mkdir(parents=True, exist_ok=True)
        blob = DocBin(docs=docs, store_user_data=False).to_bytes()
        file.write_bytes(pickle.dumps((debris, blob)))
    return articles, docs, debris, stale


def analysed(
    path: Path, cache: Path, *, reparse: bool = False, restage: bool = False
) -> list[Analyzed]:
    """The reports of ``path`` analysed by the rule stages over cached parses.

    The analyses are cached too; reports parsed again are analysed again, and
    ``restage`` runs the stages on every report (after a change to claims, times
    or quotes).
    """
    articles, docs, debris, stale = parsed(path, cache, reparse=reparse)
    file = cache / f"{path.stem}-{_key(path)}.analysed"
    old: list[Analyzed] = []
    if not restage and file.exists():
        old = pickle.loads(file.read_bytes())
        if old and not _current_shape(old[0]):
            print("  cached analyses predate the current model: running the stages again")
            old = []
    redo = set(range(len(articles))) if len(old) != len(articles) else stale
    if not redo:
        return old
    out = list(old) if old else [None] * len(articles)
    for i in sorted(redo):
        article = date_from_text(articles[i], debris[i])
        out[i] = Analyzed(article, analyze_doc(article, docs[i], debris[i]))
    file.write_bytes(pickle.dumps(out))
    return out  # type: ignore[return-value]


def _current_shape(item: Analyzed) -> bool:
    """Whether a cached analysis has every field of the current model."""
    from dataclasses import fields

    return all(hasattr(item.analysis, f.name) for f in fields(item.analysis))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path, nargs="?", default=DEVDATA / "dev.jsonl")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/gva-cache"))
    parser.add_argument("--reparse", action="store_true", help="parse again (boilerplate changed)")
    parser.add_argument("--restage", action="store_true", help="run the rule stages again")
    args = parser.parse_args()
    if not args.jsonl.exists():
        print(f"{args.jsonl} not found: build ../shared/devdata first (its README)")
        sys.exit(0)
    t0 = time.perf_counter()
    items = analysed(args.jsonl, args.cache, reparse=args.reparse, restage=args.restage)
    print(f"{len(items)} reports analysed in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
