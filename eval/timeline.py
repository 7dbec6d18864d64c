"""Score storyline's entity timelines on SemEval-2015 Task 4 (TimeLine), track A.

Usage: .venv/bin/python eval/timeline.py [SEMEVAL_DIR] [--out DIR]

Track A gives raw texts (with their creation time) and target entities; a system
lists, per entity, the events the entity takes part in, anchored to dates and
ordered. What storyline does here, with its own stages only:

- an entity is mentioned where its name, its last word (unless a generic word such
  as "Airlines"), or its acronym appears;
- the event of a mention is the verb that governs it in the dependency parse (with
  its particle, as the task writes phrasal verbs: ``rolled_out``);
- its date is the calendar time expression of the sentence (``extract_times``
  anchored on the creation time), else the creation time for past or present verbs
  (news reports what just happened), else unknown (rank 0, as in the gold);
- events are ranked by date (same date, same rank).

Scoring is the task's own measure (temporal awareness on the timelines' reduced
graphs and closures, micro-averaged), implemented in ``timeline_metric.py``. Events
are written as the task writes them, ``docid-sentence-word`` with the CAT sentence
number and the token's text. Two baselines run on the same detected events: all in
one rank, undated; and each at its document's creation date. ``--out`` writes
storyline's timelines in the task's file format.
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
from timeline_metric import UNKNOWN_DATE, Line, Tally, format_timeline, parse_timeline, score

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

Event = str  # docid-sentence-word, as the task writes it


def read_gold(path: Path) -> tuple[str, list[Line]]:
    """A gold timeline file: entity name and lines."""
    return parse_timeline(path.read_text(encoding="utf-8"))


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
        # the task writes a phrasal verb as one event joined by "_" ("rolled_out")
        particle = [c.text for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
        word = "_".join([cat_tok.text, *particle])
        event = f"{doc.doc_id}-{cat_tok.sentence}-{word}"
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
            value = UNKNOWN_DATE
        out.append((value, event))
    return out


def rank(events: list[tuple[str, Event]]) -> list[Line]:
    """Timeline lines: undated events at rank 0, dated ones ranked by date."""
    by_date: dict[str, list[Event]] = defaultdict(list)
    for d, e in events:
        by_date[d].append(e)
    undated = by_date.pop(UNKNOWN_DATE, [])
    lines = [Line(0, UNKNOWN_DATE, tuple(undated))] if undated else []
    for n, d in enumerate(sorted(by_date), start=1):
        lines.append(Line(n, d, tuple(by_date[d])))
    return lines


def one_rank(events: list[tuple[str, Event]]) -> list[Line]:
    """Baseline: every detected event in one rank, undated (all simultaneous)."""
    ids = tuple(dict.fromkeys(e for _, e in events))
    return [Line(1, UNKNOWN_DATE, ids)] if ids else []


def by_document_date(events: list[tuple[str, Event]], created: dict[str, str]) -> list[Line]:
    """Baseline: every detected event at its document's creation date, ranked by it."""
    return rank([(created.get(e.split("-", 1)[0], UNKNOWN_DATE), e) for _, e in events])


SYSTEMS = ("storyline", "one rank", "document date")


def main(argv: list[str] | None = None) -> int:
    """Build every target entity's timeline and print the task's scores."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--out", help="write storyline's timelines here, in the task's format")
    args = ap.parse_args(argv)
    root = Path(args.corpus) / "SemEval_Task4_data"
    if not root.is_dir():
        print(f"SemEval-2015 Task 4 data not found at {root}")
        return 1
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    print(
        f"{'corpus':10} {'system':14} {'timelines':>9} {'gold rel':>8} {'sys rel':>8} "
        f"{'P':>6} {'R':>6} {'F1':>6}"
    )
    grand = dict.fromkeys(SYSTEMS, Tally())
    bounds = {(label, mode): Tally() for label in SYSTEMS for mode in ("best", "worst")}
    count = 0
    for corpus in sorted(p for p in root.iterdir() if p.is_dir()):
        docs = [read_cat(p) for p in sorted((corpus / "corpus_trackA_CAT").glob("*.xml"))]
        parsed = {d.doc_id: nlp(d.text) for d in docs}
        created = {}
        for d in docs:
            day = parse_date(d.creation_time)
            created[d.doc_id] = day.isoformat() if day else UNKNOWN_DATE
        tally = dict.fromkeys(SYSTEMS, Tally())
        gold_files = sorted((corpus / "TimeLines_Gold_Standard").glob("*.txt"))
        for gold_path in gold_files:
            name, gold = read_gold(gold_path)
            pattern = name_patterns(name)
            events: list[tuple[str, Event]] = []
            for d in docs:
                anchor = parse_date(d.creation_time)
                events.extend(system_events(d, parsed[d.doc_id], anchor, pattern))
            ours = rank(events)
            runs = {
                "storyline": ours,
                "one rank": one_rank(events),
                "document date": by_document_date(events, created),
            }
            for label, lines in runs.items():
                tally[label] += score(gold, lines)
                for mode in ("best", "worst"):
                    bounds[label, mode] += score(gold, lines, mode)
            if args.out:
                out = Path(args.out) / corpus.name
                out.mkdir(parents=True, exist_ok=True)
                (out / gold_path.name).write_text(format_timeline(name, ours), encoding="utf-8")
        count += len(gold_files)
        for label in SYSTEMS:
            grand[label] += tally[label]
            _row(corpus.name, label, len(gold_files), tally[label])
    for label in SYSTEMS:
        _row("all", label, count, grand[label])
    print("\nF1 with the least / most favourable transitive reductions (all corpora):")
    for label in SYSTEMS:
        worst, best = bounds[label, "worst"].f1, bounds[label, "best"].f1
        print(f"  {label:14} {worst:6.3f} .. {best:6.3f}")
    print("best 2015 track-A system (official scorer, all corpora): F1 0.0785")
    return 0


def _row(corpus: str, label: str, n: int, t: Tally) -> None:
    print(
        f"{corpus:10} {label:14} {n:9d} {t.gold_reduced:8d} {t.sys_reduced:8d} "
        f"{t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
