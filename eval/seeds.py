"""What `storyline digest` makes of the five seed reports, checked against SEEDS.md.

    .venv/bin/python eval/seeds.py [SEEDS_DIR]

Prints one line per expectation of ../shared/SEEDS.md with what the program
produced, then the story's timeline, so that a reader can judge it. Exits 1 when
an expectation fails.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.api import digest  # noqa: E402
from storyline.model import Digest, Story  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "seeds"


def _check(label: str, ok: bool, detail: str) -> bool:
    print(f"[{'ok' if ok else 'FAIL'}] {label}: {detail}")
    return ok


def _dates(result: Digest, story: Story, words: tuple[str, ...]) -> list[str]:
    return sorted(
        {
            e.date or "?"
            for e in story.timeline
            if all(w in e.text.lower() for w in words) and not e.background
        }
    )


def evaluate(seeds: Path) -> bool:
    """Run the digest on the seeds and print each expectation; True if all hold."""
    with tempfile.TemporaryDirectory() as tmp:
        run = digest([seeds], out_dir=Path(tmp) / "out", db=Path(tmp) / "s.db", jobs=1)
    result = run.digest
    assert result is not None
    stories = result.stories
    ok = True
    lines = {s.storyline for s in stories}
    ok &= _check(
        "one storyline", len(lines) == 1, f"{len(stories)} stories, {len(lines)} storyline(s)"
    )
    people = [e for s in stories for e in s.entities if "zelensk" in e.name.lower()]
    ok &= _check(
        "one Zelensky",
        len({p.name for p in people}) == 1,
        "; ".join(f"{p.name} ← {', '.join(p.variants)}" for p in people),
    )
    nine = [c for s in stories for c in s.claims if c.measure == "killed" and c.value == 9]
    ok &= _check(
        "nine killed agreed",
        any(len(c.articles) >= 2 for c in nine),
        ", ".join(f"{len(c.articles)} reports ({c.independent} independent)" for c in nine),
    )
    injured = [c for s in stories for c in s.conflicts if c.measure == "injured"]
    sides = [(v.value, len(v.articles), v.attribution) for c in injured for v in c.values]
    ok &= _check("injured disagreement", {5.0, 7.0} <= {v for v, _, _ in sides}, repr(sides))
    swap = [c for s in stories for c in s.claims if c.value == 1000]
    ok &= _check(
        "1,000 prisoners agreed",
        any(len(c.articles) >= 2 for c in swap),
        ", ".join(f"{c.measure} {len(c.articles)} reports" for c in swap),
    )
    soldiers = [c for s in stories for c in s.claims if c.value == 5000]
    ok &= _check(
        "5,000 a week is Trump's",
        any(c.attribution and "Trump" in c.attribution for c in soldiers),
        ", ".join(f"{c.measure} by {c.attribution}" for c in soldiers),
    )
    post = [q for s in stories for q in s.quotes if "productive day" in q.text.lower()]
    ok &= _check(
        "'productive day' grouped",
        any(len(q.articles) >= 3 for q in post),
        ", ".join(
            f"{q.speaker}: {len(q.articles)} reports, {len(q.variants)} wordings" for q in post
        ),
    )
    cited = [s for st in stories for s in st.summary]
    ok &= _check(
        "summary cited",
        all(s.citations for s in cited),
        f"{len(cited)} sentences, {sum(len(s.citations) >= 2 for s in cited)} cite 2+ reports",
    )
    dates = {a.id: (a.published, a.published_estimated) for a in result.articles}
    print("publication dates:", sorted(dates.values()))
    for story in stories:
        print(f"\ntimeline of {story.id} ({story.title}):")
        for entry in story.timeline:
            mark = " (background)" if entry.background else ""
            print(f"  {entry.date or '?':<22} {entry.text[:80]} [{len(entry.articles)}]{mark}")
    return ok


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.is_dir():
        print(f"no seeds at {folder}; nothing to evaluate")
        sys.exit(0)
    sys.exit(0 if evaluate(folder) else 1)
