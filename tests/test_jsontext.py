"""``dumps_indented`` writes what ``json.dumps(..., sort_keys=True, indent=1)`` writes."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.report.json import dumps, entry_text
from storyline.report.jsontext import dumps_indented


def _stdlib(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)


class Colour(enum.IntEnum):
    RED = 1


class Name(str):
    pass


FICTION: list[Any] = [
    {},
    [],
    "",
    None,
    0,
    -3,
    2.5,
    1.0,
    1e-07,
    12345678901234567890,
    float("nan"),
    float("inf"),
    -float("inf"),
    True,
    ("tuple", 1, [None, False]),
    {"b": [], "a": {}, "c": [{}], "d": [[]]},
    {"title": "Ferry to Lönsholm runs late \u2014 \u201cagain\u201d", "tab": "a\tb\n\x00\x7f"},
    {"z": {"y": {"x": [1, 2.25, "three", {"w": None}]}}, "quote": 'say "hi" \\ there'},
    {"surrogate": "\ud800", "emoji": "\U0001f600", "bidi": "\u202e"},
    # values left to json.dumps: keys that are not strings, subclasses of JSON types
    {2: "two", 1: "one"},
    {2.5: 1, 1.0: 2},
    {"level": Colour.RED},
    {"name": Name("Ada")},
    [Colour.RED, Name("Bo")],
]


@pytest.mark.parametrize("document", FICTION, ids=range(len(FICTION)))
def test_same_text_as_the_standard_library(document: Any) -> None:
    assert dumps_indented(document) == _stdlib(document)
    assert dumps(document) == _stdlib(document)
    for level in (1, 2, 5):
        assert dumps_indented(document, level) == _stdlib(document).replace(
            "\n", "\n" + " " * level
        )


def test_entry_text_is_the_entry_indented_two_levels() -> None:
    entry = {"id": "s-1", "articles": ["a", "b"], "summary": [{"text": "x", "citations": []}]}
    want = "\n".join("  " + line for line in _stdlib(entry).split("\n"))
    assert entry_text(entry) == want


def test_what_json_rejects_is_rejected_the_same_way() -> None:
    rejected: list[Any] = [{"when": object()}, [{1, 2}], {"a": b"bytes"}, {(1, 2): "key"}]
    rejected.append({1: 1, "b": 2})  # keys that cannot be sorted
    for bad in rejected:
        with pytest.raises(TypeError) as theirs:
            _stdlib(bad)
        with pytest.raises(TypeError) as ours:
            dumps_indented(bad)
        assert str(ours.value) == str(theirs.value)


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(document=_DOCUMENTS, level=st.integers(min_value=0, max_value=3))
def test_any_json_document(document: Any, level: int) -> None:
    assert dumps_indented(document, level) == _stdlib(document).replace("\n", "\n" + " " * level)
