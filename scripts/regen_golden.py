"""Regenerate the golden outputs of the bundled sample corpus.

    .venv/bin/python scripts/regen_golden.py

Writes tests/golden/examples.analyze.jsonl (the per-article analysis) and
tests/golden/examples.stories.json (the digest), keys sorted, so that a change in
any stage shows up as a reviewable diff. tests/test_golden.py compares.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.api import analyze, digest  # noqa: E402
from storyline.report.json import analysis_to_dict, digest_to_dict  # noqa: E402

EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"


def _relative(path: object) -> object:
    """A path inside the checkout, written relative to it (checkouts live anywhere)."""
    if isinstance(path, str) and path.startswith(str(ROOT)):
        return path[len(str(ROOT)) :].lstrip("/")
    return path


def analyze_rows() -> list[dict[str, Any]]:
    """The analyze rows of the sample corpus."""
    rows = [analysis_to_dict(i.article, i.analysis) for i in analyze([EXAMPLES], jobs=1)]
    for row in rows:
        if "path" in row:
            row["path"] = _relative(row["path"])
    return rows


def digest_data() -> dict[str, Any]:
    """The stories.json data of the sample corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        result = digest([EXAMPLES], out_dir=None, db=Path(tmp) / "g.db", jobs=1)
    assert result.digest is not None
    data: dict[str, Any] = json.loads(json.dumps(digest_to_dict(result.digest)))
    for article in data["articles"]:
        # paths depend on where the checkout lives
        article["path"] = Path(article["path"]).name if article.get("path") else None
    return data


def dump_rows(rows: list[dict[str, Any]]) -> str:
    """JSON lines, keys sorted."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)


def dump_data(data: dict[str, Any]) -> str:
    """Indented JSON, keys sorted."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


if __name__ == "__main__":
    GOLDEN.mkdir(parents=True, exist_ok=True)
    (GOLDEN / "examples.analyze.jsonl").write_text(dump_rows(analyze_rows()), encoding="utf-8")
    (GOLDEN / "examples.stories.json").write_text(dump_data(digest_data()), encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)}/examples.*")
