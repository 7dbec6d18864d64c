"""``storyline digest`` twice gives the copies one digest over everything gives."""

from __future__ import annotations

import json
from pathlib import Path

from storyline import api
from storyline.store import Store

# Fictional reports: an agency story about a closed bridge, and an unrelated one.
BRIDGE = (
    "Engineers closed the old stone bridge at Harwick on Wednesday after divers found a "
    "crack running through one of its river piers during a routine inspection. Traffic "
    "between the two halves of the town now takes a detour of eleven kilometres through "
    "the industrial estate, and the bus company has split its route in two. The county "
    "surveyor, Lotte Verhaar, said the bridge would stay shut for at least a month while "
    "the pier was shored up, and that a temporary footbridge could open within a fortnight. "
    "Shopkeepers on the east bank said trade had halved in the first day of the closure."
)
LOCAL = (
    "Parents at the primary school on the west bank said the detour had added half an "
    "hour to the morning run and asked for a crossing guard at the footbridge."
)
CHOIR = (
    "The Harwick male voice choir celebrated its hundredth season with a concert in the "
    "town hall on Saturday, singing the same programme it performed at its first concert. "
    "Its oldest member, who joined as a boy of fourteen, conducted the final piece."
)


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


FIRST = [
    {"id": "copy", "text": f"Bridge shut\n\n{BRIDGE}", "published": "2025-03-08"},
    {"id": "choir", "text": CHOIR, "published": "2025-03-08"},
]
# The agency's original comes in late, dated before the copy that is already stored.
SECOND = [
    {"id": "agency", "text": BRIDGE, "published": "2025-03-07"},
    {"id": "padded", "text": f"{BRIDGE}\n\n{LOCAL}", "published": "2025-03-09"},
]


def test_dedup_digest_two_runs_equal_one_run(tmp_path: Path) -> None:
    first = _write(tmp_path / "first.jsonl", FIRST)
    second = _write(tmp_path / "second.jsonl", SECOND)
    db = tmp_path / "two.db"
    run1 = api.digest([first], out_dir=None, db=db, jobs=1).digest
    assert run1 is not None and run1.duplicate_of == {}
    run2 = api.digest([second], out_dir=None, db=db, jobs=1).digest
    once = api.digest([first, second], out_dir=None, db=tmp_path / "one.db", jobs=1).digest
    assert run2 is not None and once is not None
    assert run2.duplicate_of == once.duplicate_of == {"copy": "agency", "padded": "agency"}
    with Store(db) as store:
        assert store.duplicates() == {"copy": "agency", "padded": "agency"}
