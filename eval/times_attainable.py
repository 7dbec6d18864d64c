"""How many errors of the tuning part are attainable at all: the gold agrees with itself.

Usage: .venv/bin/python eval/times_attainable.py [--data .devdata/tempeval] [--corpus C]
       [--list KIND:CLASS] [--limit N]

Runs storyline on TimeBank and AQUAINT half A (never half B, which stays held out) as
eval/times_tempeval.py does, and puts each error (a miss, a wrong value, an extra) in
one of three classes by how the gold writes **the same expression** (its words, lower
case) elsewhere in the tuning part:

- ``single`` — the words occur nowhere else in the tuning part: a rule can get it right
  without losing another, but it would be a rule for one case;
- ``consistent`` — the words occur elsewhere and the gold writes every occurrence the
  same way: a rule can get them all right;
- ``majority`` — the gold writes the words more than one way, and this occurrence's
  way is the most frequent: a rule that follows the majority earns it;
- ``minority`` — this occurrence's way is not the most frequent: any one consistent
  rule loses it (or loses more elsewhere); so is a gold day that is not the weekday its
  words name (a slip of the annotator).

"The same way" for a value is its shape relative to the document's creation date: a
date is its granularity and its distance from the creation date in that unit (``day
-1``, ``week 0``, ``quarter -4``), its direction only for a weekday or a month name
(which of its weeks or years is a reading of the tense), the value itself when the
words write a year, and the value itself for durations, sets and the ``*_REF`` words.
A wrong value that differs from the gold only by a part of day ("Friday night" written
``…TNI`` or as the day alone) belongs to the family of weekdays with a part of day,
counted over the gold. For a miss or an extra, "annotated" is a way of its own: the
words found in the text of the tuning part where no gold TIMEX3 covers them count as
"not annotated". So "now" missed where it is annotated 53 times and left 19 times is
``majority``; an extra "now" is ``minority``. Errors are counted per cause (eval/times_causes.py).
The figures say how much of the error left any rule can reach.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from times_causes import cause
from times_tempeval import HELD, _overlap, _parsed, load_dev, our_times

ROOT = Path(__file__).resolve().parents[1]
CLASSES = ("single", "consistent", "majority", "minority")
KINDS = ("MISS", "VALUE", "EXTRA")
NOT_ANNOTATED = "(not annotated)"

_WEEKDAY_OR_MONTH = re.compile(
    r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\b"
)
_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b")


def words(text: str) -> str:
    """The expression's words: lower case, spaces folded."""
    return " ".join(text.lower().split())


def _sign(n: int) -> str:
    return "0" if n == 0 else ("+" if n > 0 else "-")


def way(text: str, value: str, dct: date | None) -> str:
    """How the gold writes ``value`` for ``text``, relative to the creation date."""
    v = value.strip().upper()
    if dct is None or _YEAR.search(text):
        return v
    direction_only = bool(_WEEKDAY_OR_MONTH.search(text))
    m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(T.*)?$", v)
    if m:
        y = int(m[1])
        if m[3]:
            d = (date(y, int(m[2]), int(m[3])) - dct).days
            unit = "day"
        elif m[2]:
            d = (y - dct.year) * 12 + int(m[2]) - dct.month
            unit = "month"
        else:
            d = y - dct.year
            unit = "year"
        tail = m[4] or ""
        if direction_only:  # which way, and whether within the week a weekday implies
            far = " far" if unit == "day" and abs(d) > 7 and not re.search(r"\d", text) else ""
            return f"{unit} {_sign(d)}{far}{tail}"
        return f"{unit} {d}{tail}"
    m = re.match(r"^(\d{4})-W(\d+)(.*)$", v)
    if m:
        iy, iw, _ = dct.isocalendar()
        d = (int(m[1]) - iy) * 52 + int(m[2]) - iw
        return f"week {_sign(d) if direction_only else d}{m[3]}"
    m = re.match(r"^(\d{4})-([QH])(\d)$", v)
    if m:
        per = 4 if m[2] == "Q" else 2
        cur = (dct.month - 1) * per // 12 + 1
        d = (int(m[1]) - dct.year) * per + int(m[3]) - cur
        return f"{m[2]} {d}"
    m = re.match(r"^(\d{4})(-.*X.*)$", v)  # "1989-WXX", "1990-XX-XX": the year relative
    if m:
        return f"year {int(m[1]) - dct.year}{m[2]}"
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", v)
    if m:
        return f"season {m[2]} {int(m[1]) - dct.year}"
    return v


PART_FAMILY = "(weekday + part of day)"
SLIP = "(a day of another weekday)"
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def _wrong_weekday(text: str, value: str) -> bool:
    """Whether the gold day of a weekday expression falls on another weekday."""
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", value)
    named = re.match(r"(?i)^(?:on\s+)?(mon|tues|wednes|thurs|fri|satur|sun)day\b", text.strip())
    if m is None or named is None:
        return False
    day = date(int(m[1]), int(m[2]), int(m[3]))
    return _WEEKDAYS[day.weekday()] != named[1].lower()


_WEEKDAY_PART = re.compile(
    r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$"
)
_PART = re.compile(r"(?i)\s+(?:morning|afternoon|evening|night)\b")


def _part_way(value: str) -> str:
    return "with its part of day" if re.search(r"T(?:MO|AF|EV|NI)$", value) else "the day alone"


def _only_part(gold: str, ours: str) -> bool:
    """Whether two values differ only by a part of day written on one of them."""
    g, o = gold.strip().upper(), ours.strip().upper()
    return g[:10] == o[:10] and _part_way(g) != _part_way(o) and len(g) > 9 and len(o) > 9


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    pat = re.compile(r"(?<![\w-])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![\w-])", re.I)
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    """Classify the tuning part's errors and print the counts per cause."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / ".devdata" / "tempeval"))
    ap.add_argument("--corpus", default="", help="TimeBank or AQUAINT-A (both if empty)")
    ap.add_argument("--list", default="", help="list errors of KIND:CLASS, e.g. VALUE:consistent")
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args(argv)
    data = Path(args.data)
    rows, gold, half = load_dev(data)

    from storyline.nlp import load_nlp

    nlp = load_nlp()
    docs = _parsed(rows, nlp)
    tune: list[tuple[dict[str, Any], Any, str]] = []
    for row, doc in zip(rows, docs, strict=True):
        part = half.get(row["id"], row["corpus"])
        if part == HELD:
            continue  # held out: never read
        tune.append((row, doc, part))

    # how the gold writes each expression over the whole tuning part
    ways: dict[str, Counter[str]] = defaultdict(Counter)
    for row, _, _ in tune:
        dct = date.fromisoformat(row["published"][:10]) if row.get("published") else None
        for g in gold.get(row["id"], []):
            ways[words(g["text"])][way(g["text"], str(g["value"]), dct)] += 1
    texts = [(row["text"], gold.get(row["id"], [])) for row, _, _ in tune]
    # "Friday night": with its part of day or the day alone (a family of its own, since
    # the gold's span may be the weekday alone where ours holds the part of day too)
    parts: Counter[str] = Counter()
    for text, golds in texts:
        for g in golds:
            if _WEEKDAY_PART.match(g["text"]) and (
                _PART.search(g["text"]) or _PART.match(text, g["end"])
            ):
                parts[_part_way(str(g["value"]))] += 1

    def unannotated(phrase: str) -> int:
        n = 0
        for text, golds in texts:
            for s, e in _occurrences(text, phrase):
                if not any(_overlap(s, e, g["start"], g["end"]) for g in golds):
                    n += 1
        return n

    seen_unannotated: dict[str, int] = {}

    def counts(phrase: str) -> Counter[str]:
        c = Counter(ways.get(phrase, Counter()))
        if phrase not in seen_unannotated:
            seen_unannotated[phrase] = unannotated(phrase)
        if seen_unannotated[phrase]:
            c[NOT_ANNOTATED] += seen_unannotated[phrase]
        return c

    def klass(c: Counter[str], right: str) -> str:
        """Single or consistent if the gold writes it one way; else majority or minority."""
        if right == SLIP:
            return "minority"  # the gold's day is not the weekday its words name
        if len(c) <= 1:
            return "single" if sum(c.values()) <= 1 else "consistent"
        top = max(c.values())
        return "majority" if c[right] == top else "minority"

    table: Counter[tuple[str, str, str]] = Counter()
    listed: list[str] = []
    for row, doc, part in tune:
        if args.corpus and args.corpus not in (row["corpus"], part):
            continue
        dct = date.fromisoformat(row["published"][:10]) if row.get("published") else None
        preds = our_times(row, doc)
        golds = gold.get(row["id"], [])
        # kind, text, family (the words, or PART_FAMILY), gold way, type, line
        errs: list[tuple[str, str, str, str, str, str]] = []
        for g in golds:
            hits = [p for p in preds if _overlap(p[0], p[1], g["start"], g["end"])]
            gw = way(g["text"], str(g["value"]), dct)
            if _wrong_weekday(g["text"], str(g["value"])):
                gw = SLIP
            if not hits:
                errs.append(
                    ("MISS", g["text"], words(g["text"]), gw, g["type"], f"gold={g['value']}")
                )
                continue
            best = max(hits, key=lambda p: _overlap(p[0], p[1], g["start"], g["end"]))
            if best[2].strip().upper() != str(g["value"]).strip().upper():
                line = f"gold={g['value']} ours={best[2]}"
                if _only_part(str(g["value"]), best[2]):
                    errs.append(
                        ("VALUE", g["text"], PART_FAMILY, _part_way(str(g["value"])), "", line)
                    )
                    continue
                errs.append(("VALUE", g["text"], words(g["text"]), gw, g["type"], line))
        for p in preds:
            if not any(_overlap(p[0], p[1], g["start"], g["end"]) for g in golds):
                errs.append(("EXTRA", p[3], words(p[3]), NOT_ANNOTATED, "", f"ours={p[2]}"))
        for kind, etext, phrase, right, gtype, line in errs:
            ways_here = parts if phrase == PART_FAMILY else counts(phrase)
            k = klass(ways_here, right)
            value = line.split("gold=")[-1].split()[0] if "gold=" in line else ""
            table[kind, k, cause(etext, gtype, value)] += 1
            if args.list == f"{kind}:{k}":
                listed.append(f"{kind} {etext!r} {line} way={right} gold-ways={dict(ways_here)}")

    names = sorted(
        {c for _, _, c in table}, key=lambda c: -sum(v for k, v in table.items() if k[2] == c)
    )
    head = " ".join(f"{k[0]}:{c[:4]:>4}" for k in KINDS for c in CLASSES)
    print(f"{'cause (' + (args.corpus or 'tuning part') + ')':36} {head}  attainable/all")
    for n in [*names, "total"]:
        cells = []
        att = tot = 0
        for k in KINDS:
            for c in CLASSES:
                v = sum(
                    x
                    for (kk, cc, nn), x in table.items()
                    if kk == k and cc == c and n in (nn, "total")
                )
                cells.append(f"{v:6d}")
                tot += v
                att += v if c != "minority" else 0
        print(f"{n[:36]:36} " + " ".join(cells) + f"  {att}/{tot}")
    for line in listed[: args.limit]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
