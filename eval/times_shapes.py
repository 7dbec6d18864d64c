"""Which kinds of expression pay for themselves under value F1 (TempEval-3, tuning part).

Used by eval/times_tempeval.py ``--shapes N``. Value F1 is 2V / (G + P): V right values,
G gold expressions, P our expressions. One more expression whose value is right with
probability q changes it by (2q - F1) / (G + P + 1), so an expression pays only when
q > F1 / 2 (about 0.42 on the tuning part): an extra (no gold expression overlaps it)
and a wrong value cost the same, a precision point each. Grouping our expressions by
shape ("last week", "WD night", "# years ago": lower case, weekdays, months and numbers
folded) and counting right / wrong / extra per shape shows the kinds whose emission
costs more than it earns, the broad view that single errors hide. A shape below the
line is a candidate for a rule only where the gold agrees with itself about it (what it
writes where we are wrong), and only if the story does not need it: the timeline reads
weeks and days, not rates or vague references.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

_WD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_NUM = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|several|few|many)"
)


def shape(text: str) -> str:
    """The shape of an expression: lower case, weekdays WD, months MON, numbers # and N."""
    s = " ".join(text.lower().split())
    s = re.sub(rf"\b{_WD}\b", "WD", s)
    s = re.sub(rf"\b{_MON}(?=\s|$|,)", "MON", s)
    s = re.sub(r"\d+", "#", s)
    return re.sub(rf"\b{_NUM}\b", "N", s)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def outcomes(gold: list[dict[str, Any]], pred: list[tuple[int, int, str, str]]) -> list[str]:
    """Per prediction: ``right`` (the value score.py counts for a gold expression),
    ``wrong`` (counted with another value, or overlapping gold without being the
    prediction whose value counts) or ``extra`` (no gold expression overlaps it)."""
    best: dict[int, bool] = {}
    for g in gold:
        hits = [i for i, p in enumerate(pred) if _overlap(p[0], p[1], g["start"], g["end"])]
        if not hits:
            continue
        i = max(hits, key=lambda k: _overlap(pred[k][0], pred[k][1], g["start"], g["end"]))
        right = pred[i][2].strip().upper() == str(g["value"]).strip().upper()
        best[i] = best.get(i, False) or right
    out: list[str] = []
    for i, p in enumerate(pred):
        if best.get(i):
            out.append("right")
        elif any(_overlap(p[0], p[1], g["start"], g["end"]) for g in gold):
            out.append("wrong")
        else:
            out.append("extra")
    return out


def report(tally: Counter[tuple[str, str]], f1: float, top: int) -> list[str]:
    """The shapes whose emission costs value F1 (q below F1 / 2), worst first."""
    shapes = {s for s, _ in tally}
    rows = []
    for s in shapes:
        right, wrong, extra = (tally[s, k] for k in ("right", "wrong", "extra"))
        n = right + wrong + extra
        gain = (wrong + extra) * f1 - right * (2 - f1)  # what leaving the shape out earns
        if n and gain > 0:
            rows.append((gain, s, right, wrong, extra))
    rows.sort(reverse=True)
    lines = [
        f"\n{'shape (emission costs value F1: right < F1/2 of the time)':58} "
        f"{'right':>5} {'wrong':>5} {'extra':>5} {'cost':>5}"
    ]
    for gain, s, right, wrong, extra in rows[:top]:
        lines.append(f"{s[:58]:58} {right:5d} {wrong:5d} {extra:5d} {gain:5.1f}")
    total = sum(r[0] for r in rows)
    lines.append(
        f"{'all such shapes (' + str(len(rows)) + ')':58} {'':5} {'':5} {'':5} {total:5.1f}"
    )
    return lines
