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

A form not yet kept gets the answer spaCy's ``rule_lemmatize`` gives, worked out here
without one cost: spaCy tests each candidate form against the part of speech's
index of known words as a list (57,528 nouns), a scan per candidate, which made a
first answer cost about 65 µs; here the index is a set. When the lemmatizer's class
has its own ``rule_lemmatize`` the stock call is used.
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
        self._rules: RuleLemmas | None = None

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
        if self._rules is None:
            self._rules = RuleLemmas(lemmatizer)
        lemmatize = self._rules.lemmatize
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(
            doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        ):
            if lemma == 0:
                key = (orth, pos, morph)
                lemma = kept.get(key, 0)
                if lemma == 0:
                    lemma = int(strings.add(lemmatize(doc[i])[0]))
                    if pos != 0:
                        kept[key] = lemma
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


class RuleLemmas:
    """The answers of spaCy's ``Lemmatizer.rule_lemmatize``, its index of known words
    held as sets.

    The same candidate forms in the same order (see :meth:`lemmatize`); spaCy's own
    cache is not read or filled (:class:`MemoLemmas` keeps the answers).
    """

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.pipeline import Lemmatizer

        self._lemmatizer = lemmatizer
        self._stock = type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize
        #: part of speech -> (known words, exceptions, suffix rules), or None: no tables
        self._tables: dict[str, tuple[frozenset[str], Any, Any] | None] = {}

    def _tables_of(self, pos: str) -> tuple[frozenset[str], Any, Any] | None:
        if pos not in self._tables:
            lookups = self._lemmatizer.lookups
            index, exc, rules = (
                lookups.get_table(name, {}).get(pos)
                for name in ("lemma_index", "lemma_exc", "lemma_rules")
            )
            found = index or exc or rules
            self._tables[pos] = (frozenset(index or ()), exc or {}, rules or ()) if found else None
        return self._tables[pos]

    def lemmatize(self, token: Any) -> list[str]:
        """The lemmas ``lemmatizer.lemmatize(token)`` gives (rule mode).

        Each suffix rule that the lower-cased word ends with makes a candidate: a known
        word of its part of speech ranks first (the last one found foremost), a form
        with other characters than letters after them, a form of letters that is not
        known only when nothing else is. An exception of the word ranks before all.
        """
        lemmatizer = self._lemmatizer
        if self._stock:
            return list(lemmatizer.lemmatize(token))
        pos = token.pos_.lower()
        if pos in ("", "eol", "space") or lemmatizer.is_base_form(token):
            return list(lemmatizer.rule_lemmatize(token))  # no table read: cheap as it is
        tables = self._tables_of(pos)
        if tables is None:
            return [token.text] if pos == "propn" else [token.text.lower()]
        known, exceptions, rules = tables
        word = token.text.lower()
        in_index: list[str] = []
        not_words: list[str] = []
        unknown: list[str] = []
        for suffix, replacement in rules:
            if not word.endswith(suffix):
                continue
            form = word[: len(word) - len(suffix)] + replacement
            if not form:
                continue
            if form in known:
                in_index.append(form)
            elif not form.isalpha():
                not_words.append(form)
            else:
                unknown.append(form)
        ranked = list(dict.fromkeys([*reversed(in_index), *not_words]))
        extra = [f for f in dict.fromkeys(exceptions.get(word, ())) if f not in ranked]
        return [*reversed(extra), *ranked] or unknown or [token.text]


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
