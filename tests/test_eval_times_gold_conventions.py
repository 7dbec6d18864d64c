"""eval/times_gold_conventions.py: the gold's contradictions, counted on a fictional set."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from times_gold_conventions import main

_DOCS = [
    # (id, corpus, creation date, text, [(gold text, value)])
    ("tb1", "TimeBank", "2031-03-14", "Last week the ferry sank. Now the pier is shut.",
     [("Last week", "2031-W10"), ("Now", "PRESENT_REF")]),
    ("tb2", "TimeBank", "2031-03-14", "Last week the crew sailed. Now they rest.",
     [("Last week", "2031-WXX")]),
    ("tb3", "TimeBank", "2031-03-14", "The pier opened Monday. Last week it rained.",
     [("Monday", "2031-03-03"), ("Last week", "2031-W10")]),
    # two AQUAINT documents: the first is half A (read), the second half B (never read)
    ("aq1", "AQUAINT", "2031-03-14", "VELIN, March 14 (Coastwire) --\n\nNow it rains.", []),
    ("aq2", "AQUAINT", "2031-03-14", "Last week it rained.", [("Last week", "1999-XX")]),
]  # fmt: skip


def _write(tmp: Path) -> None:
    rows, gold = [], {}
    for doc_id, corpus, dct, text, spans in _DOCS:
        rows.append({"id": doc_id, "corpus": corpus, "published": dct, "text": text})
        gold[doc_id] = []
        for words, value in spans:
            start = text.index(words)
            gold[doc_id].append(
                {"text": words, "start": start, "end": start + len(words), "value": value}
            )
    (tmp / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp / "gold.json").write_text(json.dumps(gold))


def test_each_family_loses_its_minority_and_half_b_is_never_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path)
    assert main(["--data", str(tmp_path)]) == 0
    out = {line[:40].strip(): line for line in capsys.readouterr().out.splitlines()}
    # "last week": ISO week twice, WXX once (half B's "1999-XX" is not counted)
    assert "ISO week 2, WXX 1" in out["last / this / next week"]
    assert out["last / this / next week"].endswith(" 1")
    # "now": annotated once, not in two other places (one of them half A's)
    assert "annotated 1" in out["now"] and "not annotated 2" in out["now"]
    # "Monday" eleven days before the creation date: a slip
    assert any(
        k.startswith("weekday: more than a week") and v.endswith(" 1") for k, v in out.items()
    )
    # the one dateline of half A is not annotated: no contradiction
    assert "not annotated 1" in out["wire dateline date"]
    total = [v for k, v in out.items() if k.startswith("total")]
    assert total == [total[0]] and total[0].endswith(" 3")


def test_a_missing_set_says_where_to_build_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", str(tmp_path / "none")]) == 1
    assert "not found" in capsys.readouterr().out
