"""Near-duplicates at digest time: incremental runs give the full recompute's map."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHashLSH

from storyline.model import Analyzed, Article, ArticleAnalysis
from storyline.store import Store
from storyline.store.migrations import SCHEMA_VERSION
from storyline.story.dedup import incremental as dedup_incremental
from storyline.story.dedup.incremental import Fingerprint, fingerprint, update_duplicates
from storyline.story.dedup.minhash import (
    LSH_THRESHOLD,
    NUM_PERM,
    find_duplicates,
    minhash,
    shingles,
)

Hasher = Callable[[Analyzed], Fingerprint]

# A fictional agency report about a ferry, and reports that reuse it.
FERRY = (
    "The evening ferry to Osterby ran aground on a sandbank outside the harbour of Lunden "
    "on Friday, leaving ninety passengers stranded on board for most of the night. "
    "Coastguard boats from two stations stood by until the tide rose shortly after three "
    "in the morning and the vessel floated free without help. The operator, Nordvik Lines, "
    "said nobody was hurt and that the captain had followed a channel marker that had "
    "drifted in the storm earlier in the week. Passengers were offered hot drinks and "
    "blankets, and the crossing was completed at dawn, nine hours late. The maritime "
    "authority has opened an inquiry into how the marker came to move."
)
# An unrelated fictional report.
MARKET = (
    "Stallholders at the covered market in Brenholt voted on Monday to keep trading on "
    "Sundays through the winter, after a trial in the autumn brought twice the usual "
    "number of visitors. The town council will now decide whether to pay for extra "
    "heating in the hall, which was built in the last century and loses warmth quickly. "
    "A baker who has sold bread there for thirty years said the change had saved her stall."
)
LOCAL = (
    "Residents of Lunden said the same sandbank had caught a fishing boat two winters ago "
    "and asked the council to press for a permanent light on the channel."
)


def report(article_id: str, text: str, published: str | None) -> Analyzed:
    article = Article(id=article_id, text=text, published=published, content_hash=article_id)
    return Analyzed(article, ArticleAnalysis(article_id))


def open_store(path: Path, items: Sequence[Analyzed]) -> Store:
    store = Store(path)
    with store.batch():
        for item in items:
            store.add_article(item.article)
    return store


def digest(
    store: Store, items: Sequence[Analyzed], hash_report: Hasher = fingerprint
) -> dict[str, str]:
    with store.batch():
        return update_duplicates(items, store, hash_report=hash_report)


def counting() -> tuple[list[str], Hasher]:
    seen: list[str] = []

    def hash_report(item: Analyzed) -> Fingerprint:
        seen.append(item.article.id)
        return fingerprint(item)

    return seen, hash_report


# Run 1 stores a syndicated copy and a market report; run 2 brings the agency's
# original, dated a day earlier than the copy, and a padded copy of it.
FIRST = [
    report("copy", f"Ferry aground. {FERRY}", "2025-03-08"),
    report("market", MARKET, "2025-03-08"),
]
SECOND = [
    report("agency", FERRY, "2025-03-07"),
    report("padded", f"{FERRY} {LOCAL}", "2025-03-09"),
    report("alone", f"{MARKET} {LOCAL}", None),
]


def test_dedup_incremental_two_runs_match_one_run(tmp_path: Path) -> None:
    everything = FIRST + SECOND
    with open_store(tmp_path / "two.db", everything) as store:
        assert digest(store, FIRST) == {}
        second = digest(store, everything)
        stored = store.duplicates()
    with open_store(tmp_path / "one.db", everything) as store:
        once = digest(store, everything)
    assert second == once == find_duplicates(everything)
    # The older original, found late, takes over its stored copy's group.
    assert second["copy"] == "agency" and second["padded"] == "agency"
    assert stored == second


def test_dedup_incremental_hashes_only_new_reports(tmp_path: Path) -> None:
    seen, hash_report = counting()
    with open_store(tmp_path / "s.db", FIRST + SECOND) as store:
        digest(store, FIRST, hash_report=hash_report)
        assert sorted(seen) == ["copy", "market"]
        seen.clear()
        digest(store, FIRST + SECOND, hash_report=hash_report)
        assert sorted(seen) == ["agency", "alone", "padded"]
        seen.clear()
        assert digest(store, FIRST + SECOND, hash_report=hash_report) == find_duplicates(
            FIRST + SECOND
        )
        assert seen == []


def test_dedup_incremental_state_is_stored_per_report(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db", FIRST + SECOND) as store:
        digest(store, FIRST + SECOND)
        known = store.dedup_known(dedup_incremental.STATE_VERSION)
        assert sorted(known) == ["agency", "alone", "copy", "market", "padded"]
        # The ferry reports share one component; the market report has its own.
        assert known["copy"][1] == known["agency"][1] == known["padded"][1]
        assert known["market"][1] != known["copy"][1]
        stored = Fingerprint.unpack(store.dedup_fingerprints(["agency"])["agency"])
        assert np.array_equal(stored.shingles, shingles(FERRY))


def test_dedup_incremental_old_database_without_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path, FIRST + SECOND) as store:
        store.save_duplicate("market", "copy")  # a stale row an older version left
    db = sqlite3.connect(path)
    db.executescript(
        "DROP TABLE dedup_bands; DROP TABLE dedup_prints; DROP TABLE dedup;"
        " UPDATE meta SET value = '1' WHERE key = 'schema_version';"
    )
    db.close()
    seen, hash_report = counting()
    with Store(path) as store:
        version = store._db.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        assert int(version.fetchone()[0]) == SCHEMA_VERSION
        result = digest(store, FIRST + SECOND, hash_report=hash_report)
        assert result == find_duplicates(FIRST + SECOND)
        assert store.duplicates() == result  # the stale row is gone
        assert len(seen) == 5  # filled lazily, once
        seen.clear()
        digest(store, FIRST + SECOND, hash_report=hash_report)
        assert seen == []


def test_dedup_incremental_new_state_version_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen, hash_report = counting()
    with open_store(tmp_path / "s.db", FIRST) as store:
        digest(store, FIRST, hash_report=hash_report)
        monkeypatch.setattr(dedup_incremental, "STATE_VERSION", "test")
        assert digest(store, FIRST, hash_report=hash_report) == {}
        assert sorted(seen) == ["copy", "copy", "market", "market"]


def test_dedup_incremental_date_filled_later_moves_the_original(tmp_path: Path) -> None:
    # Undated, "agency" sorts after the dated copy; its date, filled in later, makes it first.
    undated = [
        report("copy", f"Ferry aground. {FERRY}", "2025-03-08"),
        report("agency", FERRY, None),
    ]
    dated = [
        undated[0],
        replace(undated[1], article=replace(undated[1].article, published="2025-03-07")),
    ]
    with open_store(tmp_path / "s.db", undated) as store:
        assert digest(store, undated) == {"agency": "copy"}
        assert digest(store, dated) == {"copy": "agency"} == find_duplicates(dated)
        assert store.duplicates() == {"copy": "agency"}


def test_dedup_incremental_bands_propose_what_datasketch_proposes() -> None:
    rng = random.Random(3)
    words = [f"w{i}" for i in range(40)]
    texts = []
    for _ in range(20):  # each text and two variants, from nearly equal to far apart
        base = [rng.choice(words) for _ in range(rng.randint(20, 60))]
        texts.append(" ".join(base))
        for _ in range(2):
            variant = list(base)
            for k in rng.sample(range(len(base)), rng.randint(1, len(base) // 3)):
                variant[k] = rng.choice(words)
            texts.append(" ".join(variant))
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    prints = {}
    for n, text in enumerate(texts):
        values = shingles(text)
        lsh.insert(str(n), minhash(values))
        prints[str(n)] = fingerprint(report(str(n), text, None))
    proposed = 0
    for fa in prints.values():
        ours = {b for b, fb in prints.items() if set(fa.bands()) & set(fb.bands())}
        theirs = set(lsh.query(minhash(fa.shingles)))
        assert ours == theirs
        proposed += len(ours) > 1
    assert proposed  # the test texts do collide


def _random_reports(rng: random.Random, n: int) -> list[Analyzed]:
    """Fictional word soup: originals, and trimmed, padded, edited or merged copies."""
    vocab = [f"w{i}" for i in range(200)]
    sentences = [
        " ".join(rng.choice(vocab) for _ in range(rng.randint(8, 16))) for _ in range(2 * n)
    ]
    texts: list[list[str]] = []
    out = []
    for i in range(n):
        if texts and rng.random() < 0.6:
            text = list(rng.choice(texts))
            edit = rng.randrange(5)
            if edit == 0:
                text = text[: max(1, len(text) * rng.randint(3, 9) // 10)]
            elif edit == 1:
                text.insert(rng.randint(0, len(text)), rng.choice(sentences))
            elif edit == 2:
                text = [s.replace(rng.choice(vocab), rng.choice(vocab)) for s in text]
            elif edit == 3:
                other = rng.choice(texts)
                text = text[: len(text) // 2] + other[len(other) // 2 :]
            else:
                text = text[len(text) // 3 :]
        else:
            text = rng.sample(sentences, rng.randint(1, 6))
        texts.append(text)
        day = rng.choice([None, *[f"2025-01-{d:02d}" for d in range(1, 8)]])
        out.append(report(f"r{i:03d}", ". ".join(text), day))
    return out


def test_dedup_incremental_random_arrivals_match_full_recompute(tmp_path: Path) -> None:
    for seed in range(5):
        rng = random.Random(seed)
        items = _random_reports(rng, 40)
        rng.shuffle(items)  # arrival order is not publication order
        with open_store(tmp_path / f"r{seed}.db", items) as store:
            current: list[Analyzed] = []
            for step in range(4):
                kept = [i for i in current if rng.random() < 0.9]  # some drop out
                ids = {i.article.id for i in kept}
                kept += [i for i in items if i.article.id not in ids and rng.random() < 0.4]
                current = [
                    replace(i, article=replace(i.article, published="2025-01-04"))
                    if i.article.published is None and rng.random() < 0.2
                    else i
                    for i in kept
                ]
                got = digest(store, current)
                want = find_duplicates(current)
                assert list(got.items()) == list(want.items()), (seed, step)


def test_band_layout_is_datasketchs_choice() -> None:
    # BANDS and ROWS are written out (datasketch works them out with SciPy); they must be
    # the layout datasketch's LSH picks for our threshold and signature length.
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (dedup_incremental.BANDS, dedup_incremental.ROWS)


def test_digest_modules_import_neither_datasketch_nor_scipy_integrate() -> None:
    # Importing datasketch imports SciPy's integration routines, a fifth of a second of
    # CPU; what a digest imports to place and assemble must not import it.
    import subprocess
    import sys

    code = (
        "import sys, storyline.update as u; u.warm_up(); import storyline.update.report;"
        "print(sorted(m for m in sys.modules if m.startswith(('datasketch', 'scipy.integrate'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
