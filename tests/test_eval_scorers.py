"""The clustering and coreference scorers of eval/ against published worked examples.

Sources of the examples (the figures are cited, the code is ours):

- [BB98] A. Bagga and B. Baldwin, "Algorithms for scoring coreference chains",
  LREC 1998 workshop on linguistic coreference: twelve mentions in chains
  {1-5} {6,7} {8-C}; a response joining {6,7} to {8-C} scores B³ precision 16/21,
  one joining {1-5} to {8-C} 7/12, while MUC gives both precision 9/10 (the
  paper's point). Reproduced as cases TC-D-1 and TC-E-1 in the CoNLL reference
  scorer's test/TestCases.README (github.com/conll/reference-coreference-scorers,
  Pradhan et al., ACL 2014, "Scoring coreference partitions of predicted mentions:
  a reference implementation").
- [TC] the same reference scorer's cases TC-A-1 to TC-A-11 (key {a} {bc} {def}),
  with the expected MUC, B³ and CEAF-e recall and precision its test
  configuration (test/CorefMetricTestConfig.pm) gives.
- [SK] scikit-learn's documentation of ``adjusted_rand_score`` (Hubert and
  Arabie's adjusted Rand index): 1.0 for identical labelings, 0.57… for
  [0,0,1,2] against [0,0,1,1], 0.0 for [0,0,0,0] against [0,1,2,3], -0.5 for
  [0,0,1,1] against [0,1,0,1].
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

import clusters
import entities

KEY_BB = "11111 22 33333"  # chains by position: mentions 1-5, 6-7, 8-C
RESPONSE_A = "11111 33 33333"  # {6,7} joined to {8-C}
RESPONSE_B = "11111 22 11111"  # {1-5} joined to {8-C}


def _labels(spec: str) -> list[str]:
    return list(spec.replace(" ", ""))


def _sets(spec: str) -> list[set[str]]:
    """'{a} {bc}' → [{'a'}, {'b', 'c'}]."""
    return [set(part.strip("{}")) for part in spec.split()]


def _chains(labels: list[str]) -> list[set[int]]:
    groups: dict[str, set[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, set()).add(i)
    return list(groups.values())


def _ids(spec: str) -> list[set[int]]:
    """Mention letters to numbers, so the scorers see the sets they are given."""
    return [{ord(c) for c in chain} for chain in _sets(spec)]


# --- B³ -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "precision"), [(RESPONSE_A, 16 / 21), (RESPONSE_B, 7 / 12)]
)  # [BB98]
def test_eval_b_cubed_bagga_baldwin(response: str, precision: float) -> None:
    gold, pred = _labels(KEY_BB), _labels(response)
    p, r, f = clusters.b_cubed(pred, gold)
    assert (p, r) == pytest.approx((precision, 1.0))
    assert f == pytest.approx(2 * precision / (1 + precision))
    p2, r2, f2 = entities.b_cubed(_chains(gold), _chains(pred))
    assert (p2, r2, f2) == pytest.approx((p, r, f))


@pytest.mark.parametrize(
    ("response", "recall", "precision"),
    [
        ("{a} {bc} {def}", 1.0, 1.0),  # TC-A-1
        ("{a} {b} {c} {d} {e} {f}", 3 / 6, 6 / 6),  # TC-A-10
        ("{abcdef}", 6 / 6, 7 / 18),  # TC-A-11
    ],
)
def test_eval_b_cubed_reference_cases(response: str, recall: float, precision: float) -> None:
    p, r, _ = entities.b_cubed(_ids("{a} {bc} {def}"), _ids(response))  # [TC]
    assert (r, p) == pytest.approx((recall, precision))


# --- MUC ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("response", [RESPONSE_A, RESPONSE_B])  # [BB98]: MUC cannot tell them apart
def test_eval_muc_bagga_baldwin(response: str) -> None:
    p, r, f = entities.muc(_chains(_labels(KEY_BB)), _chains(_labels(response)))
    assert (p, r) == pytest.approx((9 / 10, 9 / 9))
    assert f == pytest.approx(2 * 0.9 / 1.9)


@pytest.mark.parametrize(
    ("response", "recall", "precision"),
    [
        ("{a} {bc} {def}", 1.0, 1.0),  # TC-A-1
        ("{a} {de}", 1 / 3, 1 / 1),  # TC-A-2: missing mentions
        ("{a} {bcx} {defy} {z}", 3 / 3, 3 / 5),  # TC-A-3: false alarms
        ("{a} {bcx} {dy} {z}", 1 / 3, 1 / 3),  # TC-A-4: both
        ("{a} {b} {c} {d} {e} {f}", 0.0, 0.0),  # TC-A-10
        ("{abcdef}", 3 / 3, 3 / 5),  # TC-A-11
    ],
)
def test_eval_muc_reference_cases(response: str, recall: float, precision: float) -> None:
    p, r, _ = entities.muc(_ids("{a} {bc} {def}"), _ids(response))  # [TC]
    assert (r, p) == pytest.approx((recall, precision))


# --- CEAF-e -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "recall", "precision", "f1"),
    [
        ("{a} {bc} {def}", 1.0, 1.0, 1.0),  # TC-A-1
        ("{a} {de}", 0.6, 0.9, 0.72),  # TC-A-2
        ("{a} {bcx} {defy} {z}", 0.88571, 0.66429, 0.75918),  # TC-A-3
        ("{a} {bcx} {dy} {z}", 0.73333, 0.55, 0.62857),  # TC-A-4
    ],
)
def test_eval_ceaf_e_reference_cases(
    response: str, recall: float, precision: float, f1: float
) -> None:
    p, r, f = entities.ceaf_e(_ids("{a} {bc} {def}"), _ids(response))  # [TC]
    assert (r, p, f) == pytest.approx((recall, precision, f1), abs=1e-5)


def test_eval_ceaf_e_all_in_one_key_entity() -> None:
    # TC-M-1 [TC]: key {abcdef}, the same response
    assert entities.ceaf_e(_ids("{abcdef}"), _ids("{abcdef}")) == pytest.approx((1, 1, 1))


# --- ARI ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("truth", "pred", "ari"),
    [
        ("0011", "0011", 1.0),
        ("0011", "1100", 1.0),  # a renaming of the labels
        ("0011", "0012", 4 / 7),  # 0.57…
        ("0000", "0123", 0.0),
        ("0011", "0101", -0.5),
    ],
)
def test_eval_adjusted_rand_scikit_learn_examples(truth: str, pred: str, ari: float) -> None:
    assert clusters.adjusted_rand(list(pred), list(truth)) == pytest.approx(ari)  # [SK]
    assert clusters.adjusted_rand(list(truth), list(pred)) == pytest.approx(ari)  # symmetric
