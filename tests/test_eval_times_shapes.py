"""eval/times_shapes.py: which shapes of expression pay for themselves under value F1."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from times_shapes import outcomes, report, shape


def test_shape_folds_days_months_and_numbers() -> None:
    assert shape("Friday  night") == "WD night"
    assert shape("Sept. 30") == "MON #"
    assert shape("two weeks ago") == "N weeks ago"


def test_outcomes_follow_the_scorer() -> None:
    gold = [{"start": 0, "end": 9, "value": "2031-W10"}, {"start": 20, "end": 26, "value": "P1D"}]
    pred = [(0, 9, "2031-W10", "last week"), (20, 26, "P2D", "a day"), (40, 46, "P1Y", "a year")]
    assert outcomes(gold, pred) == ["right", "wrong", "extra"]


def test_report_lists_the_shapes_that_cost_more_than_they_earn() -> None:
    tally: Counter[tuple[str, str]] = Counter(
        {("now", "right"): 8, ("now", "extra"): 2, ("annual", "extra"): 5, ("a year", "right"): 1,
         ("a year", "extra"): 2}
    )  # fmt: skip
    lines = report(tally, 0.8, 10)
    listed = [line.split()[0] for line in lines[1:-1]]
    assert listed == ["annual", "a"]  # "a year": 2 x 0.8 - 1 x 1.2 = 0.4 > 0
    assert "now" not in " ".join(lines[1:-1])
