"""Check story pages for two date faults: unresolved relative day words and doubled events.

Usage: .venv/bin/python eval/timeline_check.py STORIES.json [STORIES.json ...] [--show N]

Reads the ``stories.json`` that ``storyline digest`` writes and counts, over every
story:

- **unresolved lines**: summary sentences and timeline lines that keep a relative
  day word ("yesterday", "today", "tomorrow", "tonight", "last night", a weekday
  name) without stating its date right after it ("on Friday (16 May)");
- **events twice**: pairs of entries of one timeline that tell the same event: their
  dates are equal or one lies inside the other (a week holding the day) and they
  cite the same sentence or their lines share most content words (set cosine of
  word stems ≥ 0.5; ages such as "52-year-old" left out, since they describe people).

Prints one row per file and a total (and with ``--show`` the offending lines), so
that a run before and after a change can be compared. The stories come from the
caller's own digest runs (examples/, ../shared/seeds, .devdata/gva/dev_sample.jsonl;
docs/quality.md gives the commands); nothing is stored.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: A relative day word, and whether a bracketed date follows it.
RELATIVE = re.compile(
    rf"\b(?:{WEEKDAY}(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?|[Yy]esterday|"
    r"[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night)\b"
)
STATED = re.compile(r"\s*\(\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\)")
#: The date written out after the weekday: "Wednesday, April 5", "Tuesday, Dec. 13".
WRITTEN = re.compile(r",?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}\b)")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "said",
        "says",
        "that",
        "this",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "after",
        "before",
        "over",
        "into",
    ]
)


def unresolved(text: str) -> list[str]:
    """The relative day words of a line not followed by their date in brackets."""
    out = []
    for m in RELATIVE.finditer(text):
        end = m.end()
        if WRITTEN.match(text, end):
            continue
        if m[0].endswith(("'s", "’s")):  # "Friday's meeting (16 May)", "Tuesday's fatal
            # shooting (24 May)": the date follows the noun phrase (up to three words)
            phrase = re.match(r"(?:\s+[\w-]+){1,3}?(?=\s*\()", text[end:])
            if phrase is None:
                phrase = re.match(r"\s+[\w-]+", text[end:])
            end += phrase.end() if phrase else 0
        if not STATED.match(text, end):
            out.append(m[0])
    return out


#: An age ("52-year-old", "47 year old") describes a person, not an event: two lines
#: about different people of some age are not the same event for sharing it.
AGE = re.compile(r"\b[\w]+[\s-]+years?[\s-]+old\b")


def _stems(text: str) -> set[str]:
    text = AGE.sub(" ", text.lower())
    return {w[:6] for w in re.findall(r"[a-z]+", text) if w not in _STOP and len(w) > 2}


def _cosine(a: set[str], b: set[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _period(value: str | None) -> tuple[date, date] | None:
    if not value:
        return None
    try:
        if m := re.match(r"^(\d{4})-(\d\d)-(\d\d)", value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.match(r"^(\d{4})-W(\d\d)", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := re.match(r"^(\d{4})-(\d\d)$", value):
            first = date(int(m[1]), int(m[2]), 1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if m := re.match(r"^(\d{4})-(\d\d)/(\d{4})-(\d\d)", value):
            return date(int(m[1]), int(m[2]), 1), date(int(m[3]), int(m[4]), 28)
        if m := re.match(r"^(\d{4})$", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _nested(a: str | None, b: str | None) -> bool:
    pa, pb = _period(a), _period(b)
    if pa is None or pb is None:
        return a == b
    return (pa[0] <= pb[0] and pb[1] <= pa[1]) or (pb[0] <= pa[0] and pa[1] <= pb[1])


def _cites(entry: dict[str, Any]) -> set[tuple[str, int, int]]:
    return {(c["article"], c["start"], c["end"]) for c in entry.get("citations", [])}


def doubled(timeline: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Pairs of entries of one timeline that tell the same event."""
    out = []
    for i, a in enumerate(timeline):
        for b in timeline[i + 1 :]:
            same_sentence = bool(_cites(a) & _cites(b))
            similar = _cosine(_stems(a["text"]), _stems(b["text"])) >= 0.5
            if (same_sentence or similar) and _nested(a.get("date"), b.get("date")):
                out.append((a, b))
    return out


def check(path: Path, show: int) -> tuple[int, int, int, int]:
    """(stories, lines, unresolved lines, doubled pairs) of one stories.json."""
    data = json.loads(path.read_text(encoding="utf-8"))
    stories = data["stories"] if isinstance(data, dict) else data
    lines = bad = twice = 0
    shown = 0
    for story in stories:
        texts = [s["text"] for s in story.get("summary", [])]
        texts += [t["text"] for t in story.get("timeline", [])]
        lines += len(texts)
        for text in texts:
            words = unresolved(text)
            if words:
                bad += 1
                if shown < show:
                    print(f"  relative {words}: {text[:140]}")
                    shown += 1
        pairs = doubled(story.get("timeline", []))
        twice += len(pairs)
        for a, b in pairs[: max(0, show - shown)]:
            print(
                f"  twice: {a.get('date')} {a['text'][:60]!r} / {b.get('date')} {b['text'][:60]!r}"
            )
            shown += 1
    return len(stories), lines, bad, twice


def main(argv: list[str] | None = None) -> int:
    """Check every file and print the counts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print this many offending lines")
    args = ap.parse_args(argv)
    print(f"{'file':48} {'stories':>7} {'lines':>6} {'unresolved':>10} {'twice':>6}")
    total = [0, 0, 0, 0]
    for path in args.files:
        if not path.is_file():
            print(f"{path}: not found", file=sys.stderr)
            continue
        row = check(path, args.show)
        total = [t + r for t, r in zip(total, row, strict=True)]
        print(f"{str(path)[-48:]:48} {row[0]:7d} {row[1]:6d} {row[2]:10d} {row[3]:6d}")
    print(f"{'total':48} {total[0]:7d} {total[1]:6d} {total[2]:10d} {total[3]:6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
