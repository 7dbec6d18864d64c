"""Count where the TempEval-3 gold contradicts itself, on the tuning part only.

Usage: .venv/bin/python eval/times_gold_conventions.py [--data .devdata/tempeval]

Reads the gold of TimeBank and AQUAINT half A (never half B, which stays held out)
and counts, per family of expressions, how the annotators wrote the same kind of
expression: "last week" as an ISO week or as ``WXX``; "a year ago" as a quarter, a
year, a month or a day; "Friday night" with or without its part of day; "now",
"currently", "recent", "future" annotated in one place and not in another; "the past
few months", "coming weeks" as a vague duration or as PAST_REF / FUTURE_REF. For each family the
**minority** is printed: the annotations that any single consistent rule must get
wrong, whatever it does (a rule that follows the majority loses exactly those). It
also counts weekdays whose gold day is not that weekday or lies more than a week from
the creation date, values whose year is not the year the text writes (slips of the
annotator), and wire dateline dates left unannotated. No
rule is fitted to these counts; they say how much of the error left is the gold's.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from times_tempeval import HELD, halves

ROOT = Path(__file__).resolve().parents[1]

#: family -> (pattern on the gold text, function from value to the way it is written)
_SHAPES: dict[str, tuple[re.Pattern[str], Any]] = {
    "last / this / next week": (
        re.compile(r"(?i)^(?:late\s+|early\s+|earlier\s+)?(?:last|this|next|the\s+past)\s+week$"),
        lambda v: (
            "ISO week"
            if re.match(r"^\d{4}-W\d+$", v)
            else "WXX"
            if "WXX" in v
            else "duration"
            if v.startswith("P")
            else "day or month"
        ),
    ),
    "a year ago / earlier, year-ago": (
        re.compile(r"(?i)^(?:a\s+|one\s+)?year[\s-](?:ago|earlier)$"),
        lambda v: (
            "quarter"
            if re.match(r"^\d{4}-Q[1-4]$", v)
            else "year"
            if re.match(r"^\d{4}$", v)
            else "QX"
            if v.endswith("QX")
            else "month or day"
        ),
    ),
    "weekday + night / evening / morning": (
        re.compile(r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:night|evening|morning)$"),
        lambda v: "with its part of day" if "T" in v[10:] else "the day alone",
    ),
    "recent days / weeks / months / years": (
        re.compile(r"(?i)^recent\s+(?:days|weeks|months|years|quarters)$"),
        lambda v: "PAST_REF" if v == "PAST_REF" else "a vague duration",
    ),
    "the past / next / coming (few) units": (
        re.compile(
            r"(?i)^(?:the\s+)?(?:past|last|next|coming)\s+(?:few\s+|several\s+)?"
            r"(?:days|weeks|months|years|quarters)$"
        ),
        lambda v: "PAST_REF or FUTURE_REF" if v.endswith("_REF") else "a vague duration",
    ),
}

#: Words annotated in some places and not in others: (pattern in the text).
_TAGGED = {
    "now": r"\bnow\b",
    "current / currently": r"\bcurrent(?:ly)?\b",
    "recent / recently": r"\brecent(?:ly)?\b(?!\s+(?:days|weeks|months|years|quarters))",
    "soon": r"\bsoon\b(?!\s+(?:after|as))",
    "previously": r"\bpreviously\b",
    "daily / annual(ly)": r"\b(?:daily|annual|annually)\b",
    "future, the future": r"\bfuture\b",
}
_WEEKDAY = re.compile(r"(?i)^(mon|tues|wednes|thurs|fri|satur|sun)day$")
_PART_OF_DAY = re.compile(r"(?i)^\s+(?:night|evening|morning|afternoon)\b")
_DAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def main(argv: list[str] | None = None) -> int:
    """Print the counts for the tuning part."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / ".devdata" / "tempeval"))
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "dev.jsonl").is_file():
        print(f"TempEval-3 development set not found in {data}; see ../shared/devdata/README.md")
        return 1
    lines = (data / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    rows = list({r["id"]: r for r in reversed(rows)}.values())[::-1]
    gold: dict[str, list[dict[str, Any]]] = json.loads(
        (data / "gold.json").read_text(encoding="utf-8")
    )
    half = halves(rows)
    tune = [r for r in rows if half.get(r["id"]) != HELD]
    shapes: dict[str, Counter[str]] = {name: Counter() for name in _SHAPES}
    tagged: dict[str, Counter[str]] = {name: Counter() for name in _TAGGED}
    slips = Counter[str]()
    for row in tune:
        text, dct = row["text"], date.fromisoformat(row["published"][:10])
        g = gold.get(row["id"], [])
        for t in g:
            words = " ".join(t["text"].split()).strip(" .,")
            for name, (pattern, shape) in _SHAPES.items():
                if pattern.match(words):
                    shapes[name][shape(str(t["value"]))] += 1
            year = re.search(r"\b(1[89]\d\d|20\d\d)\b", words)
            value = str(t["value"])
            if year and re.match(r"^\d{4}", value) and value[:4] != year[1]:
                slips["a year written in the text, another in the gold"] += 1
            if re.search(r"-W\d(?:\D|$)", value):
                slips["an ISO week written without its zero (2000-W7)"] += 1
            if re.search(r"T\d\d$", value):
                slips["a time of day without its minutes (T17)"] += 1
            after = text[t["end"] : t["end"] + 12]
            if _WEEKDAY.match(words) and _PART_OF_DAY.match(after):
                # "Friday" annotated alone in "Friday night": the day, its part left out
                shapes["weekday + night / evening / morning"]["the day alone"] += 1
            wd = _WEEKDAY.match(words)
            if wd and re.match(r"^\d{4}-\d\d-\d\d$", str(t["value"])):
                day = date.fromisoformat(str(t["value"]))
                if day.weekday() != _DAYS.index(wd[1].lower()):
                    slips["weekday: the gold day is another weekday"] += 1
                elif abs((day - dct).days) > 7:
                    slips["weekday: more than a week from the creation date"] += 1
        for name, pattern in _TAGGED.items():
            for m in re.finditer(pattern, text, re.IGNORECASE):
                hit = any(x["start"] < m.end() and m.start() < x["end"] for x in g)
                tagged[name]["annotated" if hit else "not annotated"] += 1
        for m in re.finditer(r"(?m)^[A-Z][A-Z .'/-]+,\s+([A-Z][a-z]+\s+\d{1,2})\s+\(", text):
            hit = any(x["start"] < m.end(1) and m.start(1) < x["end"] for x in g)
            tagged.setdefault("wire dateline date", Counter())[
                "annotated" if hit else "not annotated"
            ] += 1
    total = 0
    print(f"{'family (TimeBank + AQUAINT half A)':40} {'how the gold writes it':52} minority")
    for name, counts in [*shapes.items(), *tagged.items()]:
        if not counts:
            continue
        minority = sum(counts.values()) - max(counts.values())
        total += minority
        cells = ", ".join(f"{k} {v}" for k, v in counts.most_common())
        print(f"{name:40} {cells:52} {minority:5d}")
    for name, n in slips.items():
        total += n
        print(f"{name:93} {n:5d}")
    print(f"{'total that no consistent rule can get right':93} {total:5d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
