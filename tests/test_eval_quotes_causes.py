"""The kinds ``eval/quotes_polnear.py --causes`` sorts our speaker errors into."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from quotes_polnear import cause


@pytest.mark.parametrize(
    ("gold", "speaker", "span", "kind"),
    [
        ("who", "Ilse Brandt", "Ilse Brandt", "gold source is a relative pronoun"),
        ("said", "Ilse Brandt", "Brandt", "gold source is not a noun phrase"),
        ("She", "Ilse Brandt", "Brandt", "gold source is a pronoun, ours another mention"),
        ("her", None, None, "gold source is a pronoun, ours none"),
        ("HARBOUR REOPENS AFTER THE STORM", None, None, "gold source is a headline"),
        (
            "a fresh harbour poll",
            "Emil Varga",
            "Varga",
            "gold source is a document, poll or outlet",
        ),
        ("Emil Varga", None, None, "no cue found"),
        ("Emil Varga", None, "a spokesman", "unnamed span, no key"),
        ("Emil Varga", "Ilse Brandt", "Brandt", "another named speaker"),
    ],
)
def test_eval_quotes_causes_kinds(
    gold: str, speaker: str | None, span: str | None, kind: str
) -> None:
    assert cause(gold, speaker, span) == kind
