"""eval/times_gva.py: relative days against incident dates, on a fictional set."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from times_gva import bucket, first_relative_day, main


def test_buckets_and_the_first_relative_day() -> None:
    assert [bucket(n) for n in (0, -1, 1, 3, -6, 7, -9)] == [
        "same day",
        "a day off",
        "a day off",
        "2-6 days off",
        "2-6 days off",
        "a week or more off",
        "a week or more off",
    ]
    times = [
        (40, 46, "2031-03-10", "Monday"),
        (0, 7, "2031-03-07", "March 7"),  # a written date is not relative
        (10, 14, "P1D", "a day"),
        (20, 38, "2031-03-08TNI", "Saturday night"),
    ]
    assert first_relative_day(times) == (20, 38, "2031-03-08TNI", "Saturday night")
    assert first_relative_day([(0, 4, "P1D", "a day")]) is None


def _write(tmp: Path) -> None:
    reports = [
        ("r1", "2031-03-10", "A man was shot on Saturday night outside the Velin depot."),
        ("r2", "2031-03-10", "Police are investigating a shooting Saturday on Pier Road."),
        ("r3", "2031-03-10", "The depot reopened. No one was hurt."),
        ("s1", "2031-03-10", "A woman was hurt in a crash Sunday."),
    ]
    rows = [{"id": i, "text": t, "title": "", "published": p} for i, p, t in reports]
    (tmp / "dev.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (tmp / "dev_sample.jsonl").write_text(json.dumps(rows[-1]) + "\n")
    gold = {
        "article_incident": {"r1": "1", "r2": "1", "r3": "1", "s1": "2"},
        "incidents": {
            "1": {"date": "March 8, 2031", "killed": 0, "injured": 1},
            "2": {"date": "March 9, 2031", "killed": 0, "injured": 1},
        },
    }
    (tmp / "gold.json").write_text(json.dumps(gold))


@pytest.mark.usefixtures("nlp")
def test_main_counts_the_tuning_part_and_the_check_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path)
    assert main(["--data", str(tmp_path), "--no-baseline", "--limit", "0"]) == 0
    out = capsys.readouterr().out
    # r1 and r2 land on the Saturday of the incident, r3 has no relative day
    assert "tuning part (3 reports)" in out
    assert "storyline               2     2 (100.0%)" in out
    assert main(["--data", str(tmp_path), "--no-baseline", "--check"]) == 0
    out = capsys.readouterr().out
    assert "dev_sample (check)" in out
    assert "storyline               1     1 (100.0%)" in out
