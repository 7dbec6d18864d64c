"""spaCy's pipeline as spaCy loads it, and the token columns two pipelines' docs are
compared on, for the tests of the parse's sped-up parts."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.nlp import load_stock, model_name

#: Every attribute a stage of the analysis reads from a token.
COLUMNS = ("ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB")


def load_or_skip() -> Any:
    """The stock pipeline, or a skip with the reason when no pipeline is installed."""
    try:
        return load_stock(model_name())
    except Exception as exc:  # no pipeline installed
        pytest.skip(f"no spaCy pipeline: {exc}")


def columns(doc: Any) -> list[list[int]]:
    """The doc's token attributes (:data:`COLUMNS`) as rows of numbers."""
    from spacy import attrs

    rows: list[list[int]] = doc.to_array([getattr(attrs, n) for n in COLUMNS]).tolist()
    return rows
