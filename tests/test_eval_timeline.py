"""The SemEval-2015 TimeLine measure of eval/ on tiny hand-made timelines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from timeline import by_document_date, one_rank, rank
from timeline_metric import (
    UNKNOWN_DATE,
    Line,
    Mode,
    Tally,
    build_graph,
    format_timeline,
    parse_timeline,
    reduced_size,
    score,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
U = UNKNOWN_DATE


def chain(*ranks: str, dated: bool = False) -> list[Line]:
    """A timeline with one event per rank, each rank on its own month if dated."""
    return [Line(n, f"2031-{n:02d}-XX" if dated else U, (e,)) for n, e in enumerate(ranks, start=1)]


@pytest.mark.parametrize("mode", ["expected", "best", "worst"])
def test_eval_timeline_identical_timelines_score_one(mode: Mode) -> None:
    gold = [
        Line(0, U, ("9-1-said",)),
        Line(1, "2031-03-XX", ("9-2-sank", "8-0-sinking")),
        Line(1, "2031-03-04", ("9-3-rescued",)),
        Line(2, U, ("8-4-inquiry",)),
        Line(3, "2031-05-01", ("8-5-report", "9-6-published")),
    ]
    t = score(gold, gold, mode)
    assert t.sys_reduced == t.gold_reduced == 3 + 2 + 3  # 3 same-rank, 2 steps, 3 anchors
    assert (t.precision, t.recall, t.f1) == (1.0, 1.0, 1.0)


def test_eval_timeline_swapped_pair_halves_both() -> None:
    # gold a < b < c; system b < a < c: of b<a, a<c only a<c holds in gold, and of
    # a<b, b<c only b<c holds in the system's closure.
    t = score(chain("a", "b", "c"), chain("b", "a", "c"))
    assert (t.precision, t.recall, t.f1) == (0.5, 0.5, 0.5)


def test_eval_timeline_extra_event_lowers_precision_only() -> None:
    t = score(chain("a", "b"), chain("a", "b", "x"))
    assert (t.precision, t.recall) == (0.5, 1.0)


def test_eval_timeline_closure_credits_implied_order() -> None:
    # the system skips b: its a < c is implied by the gold's a < b < c
    t = score(chain("a", "b", "c"), chain("a", "c"))
    assert t.precision == 1.0
    assert t.recall == 0.0  # neither a<b nor b<c is in the system's closure


def test_eval_timeline_merged_rank_counts_expected_reduction() -> None:
    gold = [Line(1, U, ("a", "b")), Line(2, U, ("c",))]
    system = [Line(1, U, ("a", "b", "c"))]
    # system: 2 edges of a spanning tree over {a, b, c}; the gold pair (a, b) is in a
    # uniform spanning tree with probability 2/3
    assert score(gold, system).sys_verified == pytest.approx(2 / 3)
    assert score(gold, system, "best").sys_verified == 1.0
    assert score(gold, system, "worst").sys_verified == 0.0
    # gold: a = b is found, the step {a, b} < c is not
    assert score(gold, system).recall == 0.5


def test_eval_timeline_anchor_needs_the_same_date() -> None:
    gold = [Line(1, "2031-01-XX", ("a",))]
    assert score(gold, [Line(1, "2031-01-XX", ("a",))]).f1 == 1.0
    wrong = score(gold, [Line(1, "2031-01-05", ("a",))])
    assert (wrong.sys_reduced, wrong.precision, wrong.recall) == (1, 0.0, 0.0)


def test_eval_timeline_same_date_on_two_ranks_is_consistent() -> None:
    # a day's events in order: anchors are inclusions, not simultaneity
    gold = [Line(1, "2031-02-03", ("a",)), Line(2, "2031-02-03", ("b",))]
    assert score(gold, gold).f1 == 1.0
    # the system's anchor holds in the gold, its a = b does not (the gold has a < b)
    assert score(gold, [Line(1, "2031-02-03", ("a", "b"))]).sys_verified == 1.0


def test_eval_timeline_rank_zero_asserts_no_order() -> None:
    unordered = [Line(0, U, ("a", "b", "c"))]
    assert reduced_size(build_graph(unordered)) == 0
    t = score(chain("a", "b"), unordered)
    assert (t.sys_reduced, t.precision, t.recall, t.f1) == (0, 0.0, 0.0, 0.0)


def test_eval_timeline_repeated_event_keeps_lowest_rank() -> None:
    g = build_graph([Line(2, U, ("a", "b")), Line(1, U, ("a",))])
    assert [sorted(g.classes[i]) for i in g.chain] == [["a"], ["b"]]


def test_eval_timeline_tallies_micro_average() -> None:
    total = score(chain("a", "b"), chain("a", "b")) + score(chain("a", "b", "c"), chain("c", "b"))
    assert (total.sys_reduced, total.sys_verified) == (2, 1.0)
    assert total.precision == 0.5
    assert Tally().f1 == 0.0


def test_eval_timeline_file_format_round_trips() -> None:
    lines = [Line(0, U, ("12-3-vote",)), Line(1, "2031-07-XX", ("12-1-elected", "14-0-win"))]
    text = format_timeline("Mayor Quill", lines)
    assert text.splitlines()[2] == "1\t2031-07-XX\t12-1-elected\t14-0-win"
    assert parse_timeline(text) == ("Mayor Quill", lines)


def test_eval_timeline_runs_and_baselines_rank_events() -> None:
    events = [("2031-05-02", "7-1-opened"), (U, "7-2-said"), ("2031-04-30", "8-0-voted")]
    assert rank(events) == [
        Line(0, U, ("7-2-said",)),
        Line(1, "2031-04-30", ("8-0-voted",)),
        Line(2, "2031-05-02", ("7-1-opened",)),
    ]
    assert one_rank(events) == [Line(1, U, ("7-1-opened", "7-2-said", "8-0-voted"))]
    by_doc = by_document_date(events, {"7": "2031-05-03", "8": "2031-05-01"})
    assert by_doc == [
        Line(1, "2031-05-01", ("8-0-voted",)),
        Line(2, "2031-05-03", ("7-1-opened", "7-2-said")),
    ]


def test_eval_timeline_gold_against_itself_scores_one() -> None:
    gold_dir = SHARED / "corpora" / "semeval2015-timeline" / "SemEval_Task4_data"
    files = sorted(gold_dir.glob("corpus_*/TimeLines_Gold_Standard/*.txt"))
    if not files:
        pytest.skip("SemEval-2015 Task 4 data not available")
    total = Tally()
    for path in files:
        _, lines = parse_timeline(path.read_text(encoding="utf-8"))
        total += score(lines, lines, "worst")
    assert total.gold_reduced > 500
    assert total.f1 == 1.0
