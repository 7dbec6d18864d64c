"""Helpers written for speed answer as the plain versions they replace (issue 19)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.model import Span
from storyline.report.markdown import md
from storyline.story.clustering.features import _OUTLET_TAIL, is_outlet
from storyline.story.summary.sentences import facts_of

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#!~])")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab \n\t.", *"\\`*_[]<>|#!~"]), max_size=40))
def test_md_escapes_as_one_substitution(text: str) -> None:
    assert md(text) == _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*"wkrn khou11 news.com-tv"]), max_size=20),
    st.lists(st.sampled_from(["wkrn", "khou", "kansascity", "wk-rn", "k2"]), max_size=3),
)
def test_is_outlet_as_one_pattern_per_label(key: str, labels: list[str]) -> None:
    squashed = re.sub(r"[^a-z0-9]", "", key)
    plain = any(re.fullmatch(re.escape(label) + _OUTLET_TAIL, squashed) for label in labels)
    assert is_outlet(key, labels) == plain


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=12),
    st.integers(0, 30),
    st.integers(0, 8),
)
def test_facts_of_as_overlaps(spans: list[tuple[int, int]], start: int, width: int) -> None:
    cited = [(Span(a, a + w), f"claim:{n}") for n, (a, w) in enumerate(spans)]
    span = Span(start, start + width)
    expected = {fact for at, fact in cited if at.overlaps(span)}
    assert facts_of("r1", span, {"r1": cited}) == expected
