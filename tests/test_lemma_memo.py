"""The lemmatizer that keeps its answers gives the stock one's lemmas, and so does the pipeline."""

from __future__ import annotations

from typing import Any

import pytest
from stock_pipeline import columns, load_or_skip

from storyline.lemma_memo import MemoLemmas, RuleLemmas, memoise_lemmatizer
from storyline.nlp import load_nlp, load_stock, model_name

# Fiction with repeated forms in several parts of speech, contractions, blank runs,
# names, numbers and a word the tagger may leave odd.
TEXTS = (
    "The dogs barked; a dog barks. Police said the men were shot and the man was "
    "shooting. She's been running; they ran. Lives were lost, he lives nearby.\n\n\n"
    "  \t The better answers are best. Ana Riva's cats, 3 of them, saw 12,000 geese.",
    "Running runs ran. Better, best, well. I'm gonna go; y'all ain't.",
    "",
    "Shot shot shot. Houses housed housing.",
)


@pytest.fixture(scope="module")
def stock() -> Any:
    return load_or_skip()


def test_pipeline_docs_equal_the_stock_pipelines(stock: Any) -> None:
    ours = load_nlp()
    assert isinstance(ours.get_pipe("lemmatizer").pipe.__self__, MemoLemmas)
    for _ in range(2):  # the second time from what was kept
        for a, b in zip(stock.pipe(TEXTS), ours.pipe(TEXTS), strict=True):
            assert columns(a) == columns(b)
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_memo_alone_equals_the_lemmatizer(stock: Any) -> None:
    fresh = load_stock(model_name())
    memoise_lemmatizer(fresh)
    memoise_lemmatizer(fresh)  # twice is once
    memo = fresh.get_pipe("lemmatizer").pipe.__self__
    before = [n for n in fresh.pipe_names if n != "lemmatizer"]
    with fresh.select_pipes(enable=before):
        docs = list(fresh.pipe(TEXTS * 2))
    with stock.select_pipes(enable=before):
        plain = list(stock.pipe(TEXTS * 2))
    lemmatizer = stock.get_pipe("lemmatizer")
    for doc, other in zip(docs, plain, strict=True):
        assert [t.lemma_ for t in memo(doc)] == [t.lemma_ for t in lemmatizer(other)]


def test_a_pipeline_without_a_lemmatizer_is_left_alone() -> None:
    class Bare:
        pipe_names: tuple[str, ...] = ("tagger",)

    memoise_lemmatizer(Bare())


def test_rule_lemmas_equal_the_stock_rule_lemmatizer(stock: Any) -> None:
    lemmatizer = stock.get_pipe("lemmatizer")
    rules = RuleLemmas(lemmatizer)
    before = [n for n in stock.pipe_names if n != "lemmatizer"]
    extra = "The geese were fleeing; oxen and mice fled. He'd sung, she sings louder, 2nd-best."
    with stock.select_pipes(enable=before):
        tokens = [t for doc in stock.pipe((*TEXTS, extra)) for t in doc]
    for token in tokens:
        lemmatizer.cache.clear()
        assert rules.lemmatize(token) == lemmatizer.rule_lemmatize(token), token.text


def test_rule_lemmas_defer_to_a_lemmatizer_of_its_own(stock: Any) -> None:
    from spacy.pipeline import Lemmatizer

    class Odd(Lemmatizer):
        def rule_lemmatize(self, token: Any) -> list[str]:
            return ["odd"]

    odd = Odd.__new__(Odd)
    odd.lemmatize = odd.rule_lemmatize
    token = stock("Dogs")[0]
    assert RuleLemmas(odd).lemmatize(token) == ["odd"]
