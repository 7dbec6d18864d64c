"""The rule lemmatizer's answer kept per word form, part of speech and morphology.

spaCy's rule lemmatizer looks at every token through a Python call, and keeps its
answers by word, part of speech and morphology, but not those it gives without its
tables (a base form: "a singular noun is its own lemma"), which are most tokens;
its part was about a fourteenth of the whole parse. Its answer is a function of
those three values (its tables do not change once loaded), so here each is asked
once and kept, and a doc's lemmas are read and written as one array. Tokens that
already have a lemma keep it, as spaCy's do; a token without a part of speech
(spaCy warns about it) is asked every time. Tests compare whole docs with the
stock lemmatizer's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

#: Answers kept at most (word forms by part of speech and morphology); then started afresh.
MAX_KEPT = 1 << 17


class MemoLemmas:
    """A drop-in for a rule ``Lemmatizer``'s ``pipe``: the same lemmas, each form asked once."""

    def __init__(self, lemmatizer: Any) -> None:
        self._lemmatizer = lemmatizer
        self._kept: dict[tuple[int, int, int], int] = {}

    def pipe(self, stream: Iterable[Any], **_: Any) -> Iterator[Any]:
        """Lemmatize each doc, as ``Pipe.pipe`` does (its error handler included)."""
        lemmatizer = self._lemmatizer
        on_error = lemmatizer.get_error_handler()
        for doc in stream:
            try:
                yield self(doc)
            except Exception as exc:  # spaCy's handler decides: raise, by default
                on_error(lemmatizer.name, lemmatizer, [doc], exc)

    def __call__(self, doc: Any) -> Any:
        """The doc, lemmatized."""
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmatizer = self._lemmatizer
        if lemmatizer.overwrite or lemmatizer.mode != "rule" or not lemmatizer._validated:
            return lemmatizer(doc)  # the stock path (it validates its tables on first use)
        if not len(doc):
            return doc
        kept, strings = self._kept, doc.vocab.strings
        if len(kept) > MAX_KEPT:
            kept.clear()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(
            doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        ):
            if lemma == 0:
                key = (orth, pos, morph)
                lemma = kept.get(key, 0)
                if lemma == 0:
                    lemma = int(strings.add(lemmatizer.lemmatize(doc[i])[0]))
                    if pos != 0:
                        kept[key] = lemma
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


def memoise_lemmatizer(nlp: Any) -> None:
    """Have the pipeline's rule lemmatizer (if any) keep its answers (in ``nlp.pipe``)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    from spacy.pipeline import Lemmatizer

    lemmatizer = nlp.get_pipe("lemmatizer")
    if isinstance(lemmatizer, Lemmatizer) and not isinstance(
        getattr(lemmatizer.pipe, "__self__", None), MemoLemmas
    ):
        # ``Language.pipe`` calls the component's ``pipe``; spaCy offers no parameter for it
        setattr(lemmatizer, "pipe", MemoLemmas(lemmatizer).pipe)  # noqa: B010
