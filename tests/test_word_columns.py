"""The doc's word columns (``nlp.doc_strings``, ``nlp.doc_lemmas``) and the rules that read
them instead of making a token object per word: the same answers as the token-by-token
reading they replace (issue 19, the eighth pass)."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from storyline.analyze.clean import _key, _words, find_boilerplate
from storyline.analyze.eventline.lines import _text
from storyline.analyze.naming.cleanup import common_word, word_shapes
from storyline.analyze.numbers.parse import (
    FRACTIONS,
    SCALES,
    UNITS,
    _is_number_text,
    _prefix,
    _suffix,
    word_value,
)
from storyline.analyze.numbers.victims import harm_indices
from storyline.ingest import iter_articles
from storyline.nlp import doc_lemmas, doc_strings, made_from

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

#: Our own fiction: numbers, qualifiers, quotes, speech verbs, an odd lemma or two.
TEXT = (
    "VELKA, March 3 (Harbour Press) - At least 12 people were killed and nearly "
    "two dozen hurt when a tram left the rails, officials said on Tuesday.\n\n"
    "\u201cWe heard a crash,\u201d said Ines Brandt, 41. About 30 or so passengers "
    "were taken to Saint Ode's Hospital, according to the city's fire service.\n\n"
    "The driver, who ain't been named, was in critical condition. Some 1,200 "
    "riders use the line; one-third of them ride at 8:15 a.m. or more.\n"
    "Police initially said seven were dead but later lowered the figure to five."
)

#: Each column and the token attribute it must equal.
ATTRIBUTES = {"LOWER": "lower_", "ORTH": "text", "LEMMA": "lemma_", "POS": "pos_"}


def _docs(nlp: Any) -> list[Any]:
    texts = [TEXT] + [a.text for a in iter_articles([EXAMPLES], on_error=lambda e: None)]
    return [made_from(doc, text) for doc, text in zip(nlp.pipe(texts), texts, strict=True)]


def test_columns_equal_the_tokens_attributes(nlp: Any) -> None:
    for doc in _docs(nlp):
        for column, attribute in ATTRIBUTES.items():
            assert doc_strings(doc, column) == [getattr(t, attribute) for t in doc], column
        assert doc_lemmas(doc) == [t.lemma_.lower() for t in doc]


def test_columns_are_read_once_per_doc(nlp: Any) -> None:
    doc = nlp("Two trams collided.")
    assert doc_strings(doc, "LOWER") is doc_strings(doc, "LOWER")
    assert doc_lemmas(doc) is doc_lemmas(doc)
    assert doc_strings(nlp(""), "ORTH") == []


def _is_number_token_before(tok: Any) -> bool:
    """The token test as it was, read from the token."""
    low = tok.lower_
    if low in SCALES or low in UNITS or low in FRACTIONS:
        return True
    return word_value(tok.text) is not None


def _prefix_before(doc: Any, start: int, floor: int) -> tuple[int, str | None]:
    from storyline.analyze.numbers.parse import PREFIX_QUALIFIERS

    for phrase, qualifier in PREFIX_QUALIFIERS:
        words = phrase.split()
        begin = start - len(words)
        if begin < floor:
            continue
        if [t.lower_ for t in doc[begin:start]] == words:
            return begin, qualifier
    return start, None


def _suffix_before(doc: Any, end: int, limit: int) -> tuple[int, str | None]:
    from storyline.analyze.numbers.parse import SUFFIX_QUALIFIERS

    for phrase, qualifier in SUFFIX_QUALIFIERS:
        words = phrase.split()
        if end + len(words) <= limit and [t.lower_ for t in doc[end : end + len(words)]] == words:
            return end + len(words), qualifier
    return end, None


def test_number_words_and_qualifiers_as_read_from_tokens(nlp: Any) -> None:
    for doc in _docs(nlp):
        for tok in doc:
            assert _is_number_text(tok.text, tok.lower_) == _is_number_token_before(tok), tok
            for floor in (0, max(0, tok.i - 2)):
                assert _prefix(doc, tok.i, floor) == _prefix_before(doc, tok.i, floor)
            for limit in (len(doc), min(len(doc), tok.i + 1)):
                assert _suffix(doc, tok.i, limit) == _suffix_before(doc, tok.i, limit)


def _harm_indices_before(doc: Any) -> list[int]:
    from storyline.analyze.numbers.victims import HARM_LEMMAS

    out = set()
    for tok in doc:
        if tok.lemma_.lower() in HARM_LEMMAS or tok.lower_ == "dead":
            out.add(tok.i)
        if tok.lemma_ == "condition":
            out.add(tok.head.head.i)
    return sorted(out)


def test_harm_tokens_as_read_from_tokens(nlp: Any) -> None:
    for doc in _docs(nlp):
        assert harm_indices(doc) == _harm_indices_before(doc)


def test_a_sentences_text_is_spacys(nlp: Any) -> None:
    for doc in _docs(nlp):
        for sent in doc.sents:
            assert _text(sent) == sent.text


def _shapes_before(text: str) -> dict[str, Counter[str]]:
    shapes: dict[str, Counter[str]] = defaultdict(Counter)
    for w in __import__("re").findall(r"[^\W\d_]+", text):
        shapes[w.lower()][w] += 1
    return shapes


def _common_word_before(text: str, start: int, end: int, label: str) -> bool:
    from storyline.analyze.naming.cleanup import _WORDISH

    word = text[start:end]
    if label not in _WORDISH or " " in word or not word.isalpha():
        return False
    seen = _shapes_before(text).get(word.lower())
    if not seen or not seen[word.lower()]:
        return False
    return sum(n for w, n in seen.items() if w != w.lower()) == 1


@pytest.mark.parametrize(
    "text",
    [
        "a Ceasefire now, and a ceasefire later",
        "the War, the war and the WAR",
        "Harbour harbour HARBOUR Harbour",
        "İstanbul i̇stanbul and Straße STRASSE strasse",
        "nothing capitalised here at all",
    ],
)
def test_common_word_as_before(text: str) -> None:
    shapes = word_shapes(text)
    for m in __import__("re").finditer(r"\S+", text):
        word = m.group().strip(",")
        start = m.start()
        for label in ("ORG", "PERSON", "EVENT", "WORK_OF_ART", "GPE"):
            got = common_word(text, start, start + len(word), label, shapes)
            assert got == _common_word_before(text, start, start + len(word), label), word


def test_boilerplate_keys_kept_give_the_same_spans() -> None:
    articles = list(iter_articles([EXAMPLES], on_error=lambda e: None))
    first = [find_boilerplate(a.text, a.title) for a in articles]
    _key.cache_clear()
    _words.cache_clear()
    assert [find_boilerplate(a.text, a.title) for a in articles] == first
    assert _key("Share this: Facebook") == "share this facebook"
    assert _words("one two-three four’s") == 3
