"""Golden outputs of the sample corpus: any change in a stage shows up as a diff.

Regenerate with `.venv/bin/python scripts/regen_golden.py` and review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from regen_golden import GOLDEN, analyze_rows, digest_data, dump_data, dump_rows  # noqa: E402

sys.path.pop(0)


def test_golden_examples_analysis() -> None:
    expected = (GOLDEN / "examples.analyze.jsonl").read_text(encoding="utf-8")
    assert dump_rows(analyze_rows()) == expected, "run scripts/regen_golden.py and review"


def test_golden_examples_digest() -> None:
    expected = (GOLDEN / "examples.stories.json").read_text(encoding="utf-8")
    assert dump_data(digest_data()) == expected, "run scripts/regen_golden.py and review"
