"""The tokens harm predicates are looked for on: every token that can name a measure."""

from __future__ import annotations

import ast
import inspect
from typing import Any

from storyline.analyze.numbers import victims
from storyline.analyze.numbers.victims import HARM_LEMMAS, harm_indices, harm_predicate, harm_tokens
from storyline.lexicon.measures import PREDICATES

# Fiction reaching each kind of harm predicate, and a line break inside a clause.
TEXTS = (
    "A man was shot and killed on Elm Row. Two others were wounded and one is in "
    "critical condition. A boy in serious condition was taken to hospital.",
    "The blast left a 17-year-old dead. Crews said the driver succumbed to his injuries; "
    "a rider suffered a broken arm and was treated at the scene.",
    "The body of a hiker was found. The shooting death of a teen and the killing of two "
    "men claimed the lives of three. She passed away. He shot himself.",
    "Medics could not revive her. Three people remain in hospital, one in stable\n\n"
    "condition. Nobody was hurt; a dog was bitten and a cat drowned.",
    "The mayor remains in good spirits. Officers fired at a car. Rain fell all day.",
)


def _compared_with_lemma(function: Any) -> set[str]:
    """Every string the function compares its ``lemma`` with (``==``, ``in``), named
    sets of the module included."""
    tree = ast.parse(inspect.getsource(function))
    words: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Compare) and isinstance(node.left, ast.Name)):
            continue
        if node.left.id != "lemma":
            continue
        for other in node.comparators:
            if isinstance(other, ast.Constant) and isinstance(other.value, str):
                words.add(other.value)
            elif isinstance(other, ast.Tuple | ast.Set | ast.List):
                words.update(str(e.value) for e in other.elts if isinstance(e, ast.Constant))
            elif isinstance(other, ast.Name):
                words.update(getattr(victims, other.id))
    return words


def test_every_lemma_the_predicate_tests_is_a_harm_lemma() -> None:
    words = _compared_with_lemma(harm_predicate)
    assert {"succumb", "pronounce", "bite", "death"} <= words  # the reading works
    # "treat"'s "burn", "fire" ... only turn a measure away
    missing = words - HARM_LEMMAS - {"treat", "burn", "fire", "free", "release", "execute"}
    assert not missing
    assert {w for w, m in PREDICATES.items() if m in victims.PREDICATE_MEASURES} <= HARM_LEMMAS


def test_the_tokens_read_name_every_measure(nlp: Any) -> None:
    named = 0
    for doc in nlp.pipe(TEXTS):
        everything = [(t.i, harm_predicate(t)) for t in doc if harm_predicate(t)]
        read = [(t.i, harm_predicate(t)) for s in doc.sents for t in harm_tokens(s)]
        assert everything == [r for r in read if r[1]]
        assert len(harm_indices(doc)) < len(doc) / 2  # most tokens are skipped
        named += len(everything)
    assert named >= 12


def test_a_condition_across_a_line_break(nlp: Any) -> None:
    doc = nlp("One woman remains in stable\n\ncondition tonight.")
    heads = {t.head.head.i for t in doc if t.lemma_ == "condition"}
    assert heads <= set(harm_indices(doc))
