"""The attribute ruler's matches found by look-up are the stock ruler's, and so are the docs."""

from __future__ import annotations

from typing import Any

import pytest
from stock_pipeline import columns, load_or_skip

from storyline.nlp import load_stock, model_name
from storyline.ruler_index import Annotate, IndexedMatch, Rule, _rule, index_attribute_ruler

# Fiction that reaches the ruler's unusual rules: contractions, "gonna", "y'all",
# "nothin'", "there is", pronouns as subject and object, auxiliaries, blank runs.
TEXTS = (
    "Ain't nobody gonna stop us, y'all, said Mo Venn. We got nothin' left.\n\n\n"
    "There is a fire. There were two dogs. Let's go, c'mon! I told it to you.\n"
    "It hit me and I hit it. She has had enough; he did not do it, but did he?\n"
    "That which is done is done. Whether or not it rains, the bus isn't late.\n"
    "   \t  Gotta go.  You gotta see it: I'm here and you're there, they've left.",
    "The ferry, which carried 140 passengers, was towed to Salt Harbour on Sunday.",
    "",
)


@pytest.fixture(scope="module")
def stock() -> Any:
    return load_or_skip()


def test_matches_equal_the_rulers(stock: Any) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    indexed = IndexedMatch(ruler)
    before = [n for n in stock.pipe_names if n != "attribute_ruler"][:3]
    with stock.select_pipes(enable=before):
        docs = list(stock.pipe(TEXTS))
    assert any(len(d) for d in docs)
    for doc in docs:
        assert indexed(doc) == ruler.match(doc)


def test_docs_equal_the_stock_pipelines(stock: Any) -> None:
    ours = load_stock(model_name())
    index_attribute_ruler(ours)
    index_attribute_ruler(ours)  # twice is once
    assert isinstance(ours.get_pipe("attribute_ruler").match, IndexedMatch)
    for a, b in zip(stock.pipe(TEXTS), ours.pipe(TEXTS), strict=True):
        assert columns(a) == columns(b)


def test_filed_and_left_patterns(stock: Any) -> None:
    strings = stock.vocab.strings
    filed = _rule(3, 7, [{"TAG": "NN", "LOWER": {"IN": ["a", "b"]}}], strings)
    assert isinstance(filed, Rule) and len(filed.tests) == 2
    assert _rule(3, 7, [{"LOWER": {"REGEX": "^n't$"}}], strings) is not None
    two = _rule(3, 7, [{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}], strings)
    assert isinstance(two, Rule) and (two.at, two.length, len(two.others)) == (1, 2, 1)
    assert _rule(3, 7, [{"LOWER": {"REGEX": "^y$"}}, {"LOWER": {"NOT_IN": ["a"]}}], strings) is None
    assert _rule(3, 7, [{"ORTH": "x"}], strings) is None  # an attribute not read here
    assert _rule(3, 7, [{"LOWER": "x", "OP": "?"}], strings) is None
    assert _rule(3, 7, [{"IS_SPACE": {"IN": [True]}}], strings) is None


def test_a_pipeline_without_a_ruler_is_left_alone() -> None:
    class Bare:
        pipe_names: tuple[str, ...] = ("tagger",)

    index_attribute_ruler(Bare())


def test_every_rule_of_the_model_is_filed(stock: Any) -> None:
    indexed = IndexedMatch(stock.get_pipe("attribute_ruler"))
    assert len(indexed._rest) == 0  # patterns of several tokens too: no Matcher left


def test_two_token_rules_at_the_edges_of_a_doc(stock: Any) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    indexed = IndexedMatch(ruler)
    before = [n for n in stock.pipe_names if n != "attribute_ruler"][:3]
    texts = ("gon", "na", "gonna", "all", "y'all", "Y'all gonna", "is there", "There is")
    with stock.select_pipes(enable=before):
        for doc in stock.pipe(texts):
            assert indexed(doc) == ruler.match(doc)


def test_a_match_out_of_its_span_raises_as_spacy_does(stock: Any) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    doc = stock.make_doc("Mo ran home")
    bad = next(n for n, index in enumerate(ruler.indices) if index == 1)
    with pytest.raises(ValueError):
        Annotate(ruler, ruler.set_annotations)(doc, [(bad, 0, 0, 1)])
