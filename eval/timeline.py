"""Score storyline's entity timelines on SemEval-2015 Task 4 (TimeLine), track A.

Usage: .venv/bin/python eval/timeline.py [SEMEVAL_DIR]

Track A gives raw texts (with their creation time) and target entities; a system
lists, per entity, the events the entity takes part in, anchored to dates and
ordered. What storyline does here, with its own stages only:

- an entity is mentioned where its name, its last word (unless a generic word such
  as "Airlines"), or its acronym appears;
- the event of a mention is the verb that governs it in the dependency parse;
- its date is the calendar time expression of the sentence (``extract_times``
  anchored on the creation time), else the creation time for past or present verbs
  (news reports what just happened), else unknown (rank 0, as in the gold);
- events are ranked by date (same date, same rank).

Scoring approximates the task's temporal-awareness measure: each timeline becomes a
set of relations (event BEFORE event for every pair of ranks, SIMULTANEOUS within a
rank, event INCLUDED in its date, and membership for undated events); precision and
recall are the shares of system and gold relations found in the other set, micro-
averaged over all timelines. The official scorer reduces the graphs before comparing
closures, which weights relations differently, so figures are indicative.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cat import CatDocument, parse_date, read_cat

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "semeval2015-timeline"
GENERIC = frozenset(
    [
        "airlines",
        "motors",
        "motor",
        "airline",
        "index",
        "average",
        "composite",
        "exchange",
        "markets",
        "market",
        "reserve",
        "dollar",
        "company",
        "group",
        "inc",
        "corp",
        "worldwide",
        "stock",
        "stocks",
        "bank",
        "creditors",
        "workers",
    ]
)

Event = tuple[str, int, str]  # doc id, sentence, word (lower case)


def read_gold(path: Path) -> tuple[str, list[tuple[int, str, list[Event]]]]:
    """A gold timeline: entity name and (rank, date, events) lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = []
    for line in lines[1:]:
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        events = []
        for ev in parts[2:]:
            doc, sent, word = ev.split("-", 2)
            events.append((doc, int(sent), word.lower()))
        rows.append((int(parts[0]), parts[1], events))
    return lines[0].strip(), rows


def relations(rows: list[tuple[int, str, list[Event]]]) -> set[tuple[str, Event, object]]:
    """The relations a timeline asserts (see the module docstring)."""
    out: set[tuple[str, Event, object]] = set()
    ranked = [(r, d, e) for r, d, evs in rows for e in evs]
    for r, d, e in ranked:
        out.add(("IN", e, "timeline"))
        if r > 0 and not d.startswith("XXXX"):
            out.add(("INCLUDED", e, d))
    dated = [(r, e) for r, _, e in ranked if r > 0]
    for r1, e1 in dated:
        for r2, e2 in dated:
            if e1 == e2:
                continue
            if r1 < r2:
                out.add(("BEFORE", e1, e2))
            elif r1 == r2 and e1 < e2:
                out.add(("SIMULTANEOUS", e1, e2))
    return out


def name_patterns(name: str) -> re.Pattern[str]:
    """Ways a target entity is written: full name, distinctive last word, acronym."""
    words = name.split()
    forms = {name}
    if words[0].lower() in ("us", "the") and len(words) > 1:
        forms.add(" ".join(words[1:]))
    if len(words) > 1 and words[-1].lower() not in GENERIC and len(words[-1]) > 2:
        forms.add(words[-1])
    if len(words) > 2 and words[-1].lower() in GENERIC:
        forms.add(" ".join(words[:-1]))  # "FTSE 100 index" -> "FTSE 100"
    if len(words) > 2 and all(w[:1].isupper() for w in words[:2]):
        forms.add(" ".join(words[:2]))  # "Dow Jones Industrial Average" -> "Dow Jones"
    caps = [w for w in words if w[:1].isupper() and w.isalpha()]
    if len(caps) > 1:
        forms.add("".join(w[0] for w in caps))
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE if len(words) > 1 else 0)


def to_gold_date(value: str) -> str:
    """A TIMEX3 value written as the gold writes dates (2005-01-XX, 2007-XX-XX)."""
    m = re.match(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    if not m:
        return "XXXX-XX-XX"
    week = re.match(r"^(\d{4})-W(\d\d)", value)
    if week:
        d = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return f"{d.year:04d}-{d.month:02d}-XX"
    return f"{m[1]}-{m[2] or 'XX'}-{m[3] or 'XX'}"


def system_events(
    doc: CatDocument, parsed: Any, anchor: date | None, pattern: re.Pattern[str]
) -> list[tuple[str, Event]]:
    """(gold-style date, event) for each mention of the entity in one document."""
    from storyline.analyze.times import extract_times

    times = [t for t in extract_times(parsed, anchor) if t.type in ("DATE", "TIME")]
    token_at = {}
    for t in doc.tokens:
        for i in range(t.start, t.end):
            token_at[i] = t
    out: list[tuple[str, Event]] = []
    seen: set[Event] = set()
    for m in pattern.finditer(doc.text):
        span = parsed.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        for _ in range(8):
            if tok.pos_ == "VERB" or tok.head is tok:
                break
            tok = tok.head
        if tok.pos_ != "VERB" or tok.idx not in token_at:
            continue
        cat_tok = token_at[tok.idx]
        event = (doc.doc_id, cat_tok.sentence, cat_tok.text.lower())
        if event in seen:
            continue
        seen.add(event)
        sent = tok.sent
        in_sent = [
            t for t in times
            if sent.start_char <= t.span.start < sent.end_char and re.match(r"^\d{4}", t.value)
        ]  # fmt: skip
        if in_sent:
            value = to_gold_date(min(in_sent, key=lambda t: abs(t.span.start - tok.idx)).value)
        elif anchor is not None and tok.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            value = anchor.isoformat()
        else:
            value = "XXXX-XX-XX"
        out.append((value, event))
    return out


def rank(events: list[tuple[str, Event]]) -> list[tuple[int, str, list[Event]]]:
    """Timeline rows: undated events at rank 0, dated ones ranked by date."""
    by_date: dict[str, list[Event]] = defaultdict(list)
    for d, e in events:
        by_date[d].append(e)
    rows = [(0, "XXXX-XX-XX", by_date.pop("XXXX-XX-XX"))] if "XXXX-XX-XX" in by_date else []
    for n, d in enumerate(sorted(by_date), start=1):
        rows.append((n, d, by_date[d]))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Build every target entity's timeline and print the scores."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    args = ap.parse_args(argv)
    root = Path(args.corpus) / "SemEval_Task4_data"
    if not root.is_dir():
        print(f"SemEval-2015 Task 4 data not found at {root}")
        return 1
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    print(
        f"{'corpus':10} {'timelines':>9} {'gold rel':>9} {'sys rel':>8} {'P':>6} {'R':>6} {'F1':>6}"
    )
    grand = [0, 0, 0, 0]
    for corpus in sorted(p for p in root.iterdir() if p.is_dir()):
        docs = [read_cat(p) for p in sorted((corpus / "corpus_trackA_CAT").glob("*.xml"))]
        parsed = {d.doc_id: nlp(d.text) for d in docs}
        tally = [0, 0, 0, 0]  # gold, system, system in gold, gold in system
        gold_files = sorted((corpus / "TimeLines_Gold_Standard").glob("*.txt"))
        for gold_path in gold_files:
            name, gold_rows = read_gold(gold_path)
            pattern = name_patterns(name)
            events: list[tuple[str, Event]] = []
            for d in docs:
                anchor = parse_date(d.creation_time)
                events.extend(system_events(d, parsed[d.doc_id], anchor, pattern))
            gold = relations(gold_rows)
            system = relations(rank(events))
            hits = len(gold & system)
            for i, v in enumerate((len(gold), len(system), hits, hits)):
                tally[i] += v
        for i in range(4):
            grand[i] += tally[i]
        _row(corpus.name, len(gold_files), tally)
    _row("all", 0, grand)
    return 0


def _row(label: str, n: int, tally: list[int]) -> None:
    gold, system, p_hits, r_hits = tally
    p = p_hits / system if system else 0.0
    r = r_hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{label:10} {n or '':>9} {gold:9d} {system:8d} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
