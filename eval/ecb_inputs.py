"""ECB+ topics as digest inputs: one plain-text file per document and a manifest.

    .venv/bin/python eval/ecb_inputs.py FIRST LAST OUT_DIR [--corpus ECBPLUS_DIR]

Writes ``OUT_DIR/<doc>.txt`` for every document of topics FIRST..LAST (both ends
included), read with ``eval/clusters.py``'s reader (CAT XML rebuilt by ``eval/cat.py``),
and ``OUT_DIR/manifest.csv`` (file, source, url) that ``storyline digest OUT_DIR``
applies. An ECB+ "plus" document opens on its web address (tokenised: "http: / / ...")
and then its headline and its date line, as the corpus gives them: the address goes to
the manifest (its host as the source), the file opens on the headline. The older ECB
half has no address, headline or date line: its file is the text as it is.

Used for the page checks on real world news (docs/quality.md, branch s38e). The output
holds corpus text: keep it in a scratch folder, never in the repository.
ECB+: Cybulska & Vossen, LREC 2014, CC BY 3.0.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clusters import DEFAULT, load_corpus

_ADDRESS = re.compile(r"https?:")
_HOST = re.compile(r"https?://(?:www\.)?([^/]+)")


def split_address(text: str) -> tuple[str, str, str]:
    """(url, host, rest of the text) of a document; empty url and host without one."""
    first, _, rest = text.partition("\n")
    if not _ADDRESS.match(first):
        return "", "", text
    url = first.replace(" ", "")
    host = _HOST.match(url)
    return url, host.group(1) if host else "", rest


def write_inputs(root: Path, first: int, last: int, out: Path) -> int:
    """Write the documents of topics ``first``..``last`` under ``out``; how many."""
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for doc_id, topic, _sub, text in load_corpus(root):
        if not first <= topic <= last:
            continue
        url, host, body = split_address(text)
        name = f"{doc_id}.txt"
        (out / name).write_text(body.rstrip("\n") + "\n", encoding="utf-8")
        rows.append({"file": name, "source": host, "url": url})
    with (out / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ["file", "source", "url"])
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=int)
    parser.add_argument("last", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    print(f"{write_inputs(args.corpus, args.first, args.last, args.out)} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
