"""Relative days on real US local news: does "Saturday" / "last night" land on the incident's day?

Usage: .venv/bin/python eval/times_gva.py [--data .devdata/gva] [--limit N] [--errors N]
       [--no-baseline] [--check]

The GVA development set gives, for every report, its incident and the incident's date
(``gold.json``). A local report tells its shooting with a weekday or a day word
("shot Saturday night", "early Sunday", "yesterday") resolved against the publication
date; the first such expression of a report almost always names the incident's day,
so its offset from the incident date measures the direction rules (which week a
weekday falls in, past or future) on news we did not write the rules from. Counted
per report, on the first relative day expression (a weekday or today / yesterday /
tonight / last night / overnight, no written date): the same day as the incident, a
day off (a shooting after midnight told as "Saturday night", a report that tells the
day of death), two to six days off (another event of the story: a vigil, a court
date), a week or more off (the wrong week: a direction error or a publication date
that is not the report's own). In the same run, the spaCy + dateparser baseline of
eval/times.py on the same reports (its first DATE/TIME entity naming a weekday or a
day word, without a digit).

Parts: the tuning part is dev.jsonl without dev_sample.jsonl, ``--limit`` reports of it
(every k-th by id; 600 by default); ``--check`` scores dev_sample.jsonl (321 reports)
instead, figures only, its errors never printed. Parses are cached as in
eval/times_tempeval.py. Nothing from the set is stored in the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from times import baseline_times
from times_tempeval import _context, _parsed

ROOT = Path(__file__).resolve().parents[1]
BUCKETS = ("same day", "a day off", "2-6 days off", "a week or more off")
_DAY_WORD = re.compile(
    r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\btoday\b|\byesterday\b|\btonight\b"
    r"|\blast\s+night\b|\bovernight\b"
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")


def bucket(offset: int) -> str:
    """The bucket of a day offset from the incident date."""
    size = abs(offset)
    if size == 0:
        return BUCKETS[0]
    if size == 1:
        return BUCKETS[1]
    return BUCKETS[2] if size < 7 else BUCKETS[3]


def first_relative_day(times: list[tuple[int, int, str, str]]) -> tuple[int, int, str, str] | None:
    """The first (start, end, value, text) whose text names a weekday or a day word and
    no digit, with a value that is a day."""
    for t in sorted(times):
        if _DAY_WORD.search(t[3]) and not re.search(r"\d", t[3]) and _ISO_DAY.match(t[2]):
            return t
    return None


def _day(value: str) -> date | None:
    m = _ISO_DAY.match(value)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _rows(data: Path, check: bool, limit: int) -> list[dict[str, Any]]:
    def read(name: str) -> list[dict[str, Any]]:
        with (data / name).open(encoding="utf-8") as lines:
            return [json.loads(line) for line in lines if line.strip()]

    sample = read("dev_sample.jsonl")
    if check:
        return sample
    held = {r["id"] for r in sample}
    tune = sorted((r for r in read("dev.jsonl") if r["id"] not in held), key=lambda r: r["id"])
    step = max(1, len(tune) // limit) if limit else 1
    return tune[::step][:limit] if limit else tune


def main(argv: list[str] | None = None) -> int:
    """Print the buckets for storyline and the baseline."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / ".devdata" / "gva"))
    ap.add_argument("--limit", type=int, default=600, help="reports of the tuning part")
    ap.add_argument("--errors", type=int, default=0, help="print this many off by a day or more")
    ap.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--check", action="store_true", help="score dev_sample (figures only)")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "dev.jsonl").is_file():
        print(f"GVA development set not found in {data}; see ../shared/devdata/README.md")
        return 1
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    rows = [
        r
        for r in _rows(data, args.check, args.limit)
        if r.get("published") and r["id"] in gold["article_incident"]
    ]

    from storyline.analyze.times import extract_times
    from storyline.nlp import load_nlp

    nlp = load_nlp()
    docs = _parsed(rows, nlp, "gva-check" if args.check else "gva")
    systems = ["storyline"] if args.no_baseline else ["storyline", "spaCy+dateparser"]
    counts: dict[str, Counter[str]] = {name: Counter() for name in systems}
    errors: list[tuple[int, str]] = []
    for row, doc in zip(rows, docs, strict=True):
        anchor = date.fromisoformat(row["published"][:10])
        incident = gold["incidents"][gold["article_incident"][row["id"]]]
        day = datetime.strptime(incident["date"].strip(), "%B %d, %Y").date()
        text = row["text"]
        preds = {
            "storyline": [
                (t.span.start, t.span.end, t.value, t.text) for t in extract_times(doc, anchor)
            ]
        }
        if not args.no_baseline:
            preds["spaCy+dateparser"] = [
                (*b, text[b[0] : b[1]]) for b in baseline_times(doc, anchor)
            ]
        for name in systems:
            first = first_relative_day(preds[name])
            said = _day(first[2]) if first else None
            if first is None or said is None:
                counts[name]["no relative day"] += 1
                continue
            offset = (said - day).days
            counts[name][bucket(offset)] += 1
            counts[name]["after publication"] += said > anchor
            if name == "storyline" and offset and not args.check:
                errors.append(
                    (
                        -abs(offset),
                        f"{offset:+d} {first[3]!r} {first[2]} incident={day} published={anchor}"
                        f" | {_context(text, first[0], first[1])}   [{row['id']}]",
                    )
                )
    part = "dev_sample (check)" if args.check else f"tuning part ({len(rows)} reports)"
    print(f"first relative day of each report against the incident date, {part}")
    print(f"{'system':18} {'dated':>6} " + " ".join(f"{b:>18}" for b in BUCKETS) + " after-pub")
    for name in systems:
        c = counts[name]
        dated = sum(c[b] for b in BUCKETS)
        cells = " ".join(f"{c[b]:5d} ({c[b] / dated if dated else 0:5.1%})   " for b in BUCKETS)
        print(f"{name:18} {dated:6d} {cells} {c['after publication']:5d}")
    for _, line in sorted(errors)[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
