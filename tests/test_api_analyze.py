"""The analyze JSONL is written by the library (api.analyze_to), not by the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from storyline import api
from storyline.report import analysis_to_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_api_analyze_to_writes_one_row_per_article(tmp_path: Path) -> None:
    inputs = sorted(p for p in EXAMPLES.iterdir() if p.suffix == ".txt")[:2]
    assert inputs, "the sample corpus has .txt reports"
    out = tmp_path / "deep" / "analysis.jsonl"
    result = api.analyze_to(inputs, out, jobs=1)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = [analysis_to_dict(i.article, i.analysis) for i in api.analyze(inputs, jobs=1)]
    assert rows == json.loads(json.dumps(expected))
    assert result.added == len(rows) == 2 and result.out == out
