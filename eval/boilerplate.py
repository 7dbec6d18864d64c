"""How well ``find_boilerplate`` separates page debris from article sentences.

Two measures:

1. The sample corpus (``examples/``): every debris line listed in
   ``examples/README.md`` is gold; precision and recall over lines, and how many
   found lines got the right kind.
2. Real news (ECB+, MEANTIME, SemEval-2015, read from CAT XML): there is no gold
   debris there, but every annotated mention sits in article text. The share of
   annotated mentions that a non-headline debris span would hide is the damage a
   false positive does; the lines flagged per kind show what is being removed.

Run: ``.venv/bin/python eval/boilerplate.py [EXAMPLES_DIR] [CORPORA_DIR]``
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cat import read_cat

from storyline.analyze.clean import find_boilerplate
from storyline.ingest import iter_articles
from storyline.ingest.dates import stated_date

ROOT = Path(__file__).resolve().parents[1]

# The answer key of examples/README.md: (file, start of the debris line, kind).
GOLD: tuple[tuple[str, str, str], ...] = (
    ("northwire-krasnobir-derailment.txt", "Six killed as freight train", "headline"),
    ("northwire-krasnobir-derailment.txt", "(Reporting by Tomas Hejl", "footer"),
    ("halven-post-krasnobir.txt", "Krasnobir derailment: six dead", "headline"),
    ("halven-post-krasnobir.txt", "By Northwire staff", "byline"),
    ("halven-post-krasnobir.txt", "Also read: Halven council", "related-link"),
    ("halven-post-krasnobir.txt", "© 2025 Halven Evening Post", "footer"),
    ("meridian-ledger-krasnobir.html", "Halven region", "subheading"),
    ("meridian-ledger-krasnobir.html", "Krasnobir derailment: residents ask", "headline"),
    ("coastal-courier-krasnobir.txt", "Krasnobir mourns derailment victims", "headline"),
    ("coastal-courier-krasnobir.txt", "Firefighters work at the site", "caption"),
    ("coastal-courier-krasnobir.txt", "Questions over night trains", "subheading"),
    ("coastal-courier-krasnobir.txt", "Read more: Ferry services", "related-link"),
    ("coastal-courier-krasnobir.txt", "Agencies via Northwire", "footer"),
    ("krasnobir-line-reopens.txt", "Freight trains return to Krasnobir", "headline"),
    ("krasnobir-line-reopens.txt", "Updated 10:32 GMT", "byline"),
    ("krasnobir-line-reopens.txt", "Share", "navigation"),
    ("krasnobir-line-reopens.txt", "Advertisement", "navigation"),
    ("krasnobir-line-reopens.txt", "Cracked rail suspected", "subheading"),
    ("krasnobir-line-reopens.txt", "Anger in Station Street", "subheading"),
    ("krasnobir-line-reopens.txt", "Read more: Kolmar Rail Freight", "related-link"),
    ("corvana-profit-warning.txt", "Corvana shares slump 18%", "headline"),
    ("corvana-profit-warning.txt", "Sign up for our morning", "related-link"),
    ("corvana-profit-warning.txt", "A Corvana delivery lorry", "caption"),
    ("corvana-profit-warning.txt", "Related: Verensk stocks", "related-link"),
    ("lindholm-tram-collision.txt", "Two injured as tram and lorry", "headline"),
    ("lindholm-tram-collision.txt", "(Reporting by Sanna Aho", "footer"),
    ("broadcasts.jsonl::1", "Day of mourning in Halven region", "headline"),
)


def _member(path: str) -> str:
    """The file name (with ``::member`` for containers) an article came from."""
    head, _, member = path.partition("::")
    name = Path(head).name
    return f"{name}::{member}" if member and name.endswith(".jsonl") else name


def examples_scores(folder: Path) -> tuple[int, int, int, int, list[str]]:
    """(gold lines, found lines, correct lines, correct kinds, errors) on the sample corpus."""
    gold = {(f, start): kind for f, start, kind in GOLD}
    found: dict[tuple[str, str], str] = {}
    for article in iter_articles([folder]):
        name = _member(article.path or "")
        for item in find_boilerplate(article.text, article.title):
            line = article.text[item.span.start : item.span.end]
            key = next((k for k in gold if k[0] == name and line.startswith(k[1])), (name, line))
            found[key] = item.kind
    hits = [k for k in found if k in gold]
    kinds = sum(1 for k in hits if found[k] == gold[k])
    errors = [f"missed {k[0]}: {k[1]!r}" for k in gold if k not in found]
    errors += [f"extra {k[0]}: {k[1]!r} ({found[k]})" for k in found if k not in gold]
    errors += [
        f"kind {k[0]}: {k[1]!r} {found[k]} != {gold[k]}" for k in hits if found[k] != gold[k]
    ]
    return len(gold), len(found), len(hits), kinds, errors


_INTENDED = frozenset({"headline", "dateline", "byline"})


def corpus_scores(folder: Path) -> tuple[int, int, int, int, int, Counter[str], Counter[str]]:
    """(docs, lines, mentions, hidden in body debris, in title/date lines, kinds, dates)."""
    documents = lines = mentions = hidden = intended = 0
    kinds: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    for path in sorted(folder.rglob("*.xml")):
        try:
            doc = read_cat(path)
        except Exception:
            continue
        if not doc.tokens:
            continue
        documents += 1
        lines += doc.text.count("\n") + 1
        spans = find_boilerplate(doc.text)
        kinds.update(item.kind for item in spans)
        stated = stated_date(doc.text, spans)
        dates["stated"] += stated is not None
        if stated and doc.creation_time:
            dates["checked"] += 1
            dates["agree"] += doc.creation_time.startswith(stated)
        for markable in doc.markables:
            if markable.start is None or markable.end is None:
                continue
            mentions += 1
            kind = next(
                (
                    item.kind
                    for item in spans
                    if item.span.start <= markable.start and markable.end <= item.span.end
                ),
                None,
            )
            if kind in _INTENDED:
                intended += 1
            elif kind is not None:
                hidden += 1
    return documents, lines, mentions, hidden, intended, kinds, dates


def main(argv: list[str]) -> int:
    """Print both tables."""
    examples = Path(argv[0]) if argv else ROOT / "examples"
    corpora = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "corpora"
    gold, found, hits, kinds, errors = examples_scores(examples)
    precision = hits / found if found else 0.0
    recall = hits / gold if gold else 0.0
    print(f"sample corpus ({examples}): debris lines")
    print("| gold | found | correct | precision | recall | right kind |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {gold} | {found} | {hits} | {precision:.3f} | {recall:.3f} | {kinds}/{hits} |")
    for error in errors:
        print("  ", error)
    print()
    print(f"real news ({corpora}): annotated mentions hidden by debris spans")
    print(
        "| corpus | docs | lines | mentions | in title/date lines | in body debris | % | flagged |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    date_rows: list[str] = []
    for name, sub in (
        ("ECB+", "ecbplus/ECB+"),
        ("MEANTIME", "meantime/intra_cross-doc_annotation"),
        ("SemEval-2015", "semeval2015-timeline/SemEval_Task4_data"),
    ):
        folder = corpora / sub
        if not folder.is_dir():
            print(f"| {name} | absent | | | | | | |")
            continue
        docs, lines, mentions, hidden, intended, flagged, dates = corpus_scores(folder)
        checked = dates["checked"]
        agree = f"{dates['agree']}/{checked}" if checked else "no DCT in corpus"
        date_rows.append(f"| {name} | {docs} | {dates['stated']} | {agree} |")
        share = 100 * hidden / mentions if mentions else 0.0
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(flagged.items()))
        row = f"| {name} | {docs} | {lines} | {mentions} | {intended} | {hidden} | {share:.2f} |"
        print(f"{row} {kinds} |")
    print()
    print("stated publication date (date and byline lines) against the document creation time")
    print("| corpus | docs | with a stated date | equal to the DCT |")
    print("|---|---:|---:|---:|")
    for row in date_rows:
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
