"""Helpers written for speed answer as the plain versions they replace (issue 19)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.numbers.parse import SCALES
from storyline.lexicon.calendar import MONTHS, WEEKDAYS
from storyline.lexicon.stopwords import CONTENT_STOPWORDS, MATCH_STOPWORDS
from storyline.model import Span
from storyline.report.json import to_jsonable
from storyline.report.markdown import md
from storyline.story import dating
from storyline.story.clustering.features import _OUTLET_TAIL, is_outlet
from storyline.story.summary import text as summary_text
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


_WORDISH = st.lists(
    st.sampled_from([*"abKrs' ’-.,5", "İ", "ı", "Nine ", "killed ", "the ", "Mr's ", "\n"]),
    max_size=20,
).map("".join)


def _plain_content_words(text: str) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for w in [w.replace("’", "'") for w in re.findall(r"[\w’']+", text.lower())]:
        if w in summary_text._DIGIT_WORDS:
            out[summary_text._DIGIT_WORDS[w]] = None
        elif w not in CONTENT_STOPWORDS and (len(w) > 2 or w.isdigit()):
            stem = summary_text._stem(w[:-2] if w.endswith("'s") else w)
            out[summary_text._EVENT_SYNONYMS.get(stem, stem)] = None
    return tuple(out)


@settings(max_examples=300, deadline=None)
@given(_WORDISH)
def test_content_words_as_read_word_by_word(text: str) -> None:
    assert summary_text.word_seq(text) == [
        w.replace("’", "'") for w in re.findall(r"[\w’']+", text.lower())
    ]
    assert summary_text._content_stems.__wrapped__(text) == _plain_content_words(text)


@settings(max_examples=300, deadline=None)
@given(_WORDISH)
def test_dating_words_as_read_word_by_word(text: str) -> None:
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", text):
        lw = w.lower().strip("'’-")
        if len(lw) < 4 or lw in MATCH_STOPWORDS or lw in MONTHS or lw in WEEKDAYS:
            continue
        out.add(lw[:6])
    assert dating.words(text) == frozenset(out)


def test_to_jsonable_reads_records_by_their_fields() -> None:
    @dataclass(frozen=True)
    class Inner:
        name: str
        share: float
        tags: frozenset[str] = frozenset()

    @dataclass(frozen=True)
    class Outer:
        inner: Inner
        spans: tuple[Span, ...]
        counts: dict[int, bool]
        note: None = None

    value = Outer(Inner("quay", 2.0, frozenset({"b", "a"})), (Span(1, 4),), {3: True})
    assert to_jsonable(value) == {
        "inner": {"name": "quay", "share": 2, "tags": ["a", "b"]},
        "spans": [{"start": 1, "end": 4}],
        "counts": {"3": True},
        "note": None,
    }
    assert to_jsonable(Inner) == str(Inner)  # a record class is no record


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab .,5", "1,200", "3.5", "nine ", "million ", "Dozen ", "x.7", "\n"]),
        max_size=20,
    ).map("".join)
)
def test_numbers_as_read_match_by_match(text: str) -> None:
    values: list[float] = []
    scalable = False
    for m in re.finditer(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|[A-Za-z]+", text):
        token = m.group()
        if token[0].isdigit():
            values.append(float(token.replace(",", "")))
            scalable = True
            continue
        word = token.lower()
        if scalable and word in SCALES:
            values[-1] *= SCALES[word]
            scalable = False
        elif word in summary_text._NUMBER_WORDS:
            values.append(float(summary_text._NUMBER_WORDS[word]))
            scalable = True
        else:
            scalable = False
    assert summary_text.numbers_in(text) == values
