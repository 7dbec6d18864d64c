"""The speaker the quote finder gives a quote, for the tests of speaker rules."""

from __future__ import annotations

from typing import Any

from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes


def speaker_of(nlp: Any, text: str, words: str) -> tuple[str | None, str | None]:
    """The speaker and the speaker's words in ``text`` of the first quote holding ``words``."""
    doc = nlp(text)
    found = [q for q in extract_quotes(doc, extract_entities(doc)) if words in q.text]
    assert found, f"no quote holding {words!r}"
    q = found[0]
    span = text[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None
    return q.speaker, span


#: One token of a parse set by hand: text, space after, head, dependency, POS, tag, lemma.
Row = tuple[str, bool, int, str, str, str, str]


def doc_from_rows(nlp: Any, rows: list[Row]) -> Any:
    """A parsed document built from ``rows``, for parses the tagger gives only at times."""
    from spacy.tokens import Doc

    return Doc(
        nlp.vocab,
        words=[r[0] for r in rows],
        spaces=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        pos=[r[4] for r in rows],
        tags=[r[5] for r in rows],
        lemmas=[r[6] for r in rows],
    )


def speaker_words_in(doc: Any, words: str) -> str:
    """The speaker's words in ``doc`` of the first quote holding ``words`` (one must exist)."""
    found = [q for q in extract_quotes(doc, extract_entities(doc)) if words in q.text]
    assert found and found[0].speaker_span is not None
    span = found[0].speaker_span
    return str(doc.text[span.start : span.end])
