"""What a copy adds: the sentences of an updated page that its first version lacks.

Near-duplicates are grouped (:mod:`storyline.story.dedup`) and the summary takes its
sentences from originals only, so a sentence is not told twice. A later version of
a page ("Mom to face charges", the same report with a paragraph added) is grouped
as a copy of its first version, and what it adds is often the story's latest
development. A copy's sentence is its own when no sentence of its original says it:
the original does not hold it, and shares under ``NEW_OVERLAP`` of its content words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from storyline.model import Analyzed, Span
from storyline.story.dedup.minhash import original_of
from storyline.story.summary.text import content_words

__all__ = ["NEW_OVERLAP", "added_by_copy"]

#: The share of a copy's sentence's content words that one sentence of its original may
#: share, at most, for the sentence to be new (a copy edited for style shares most).
NEW_OVERLAP = 0.6


def added_by_copy(
    items: Sequence[Analyzed], duplicate_of: Mapping[str, str]
) -> Callable[[Analyzed, Span], bool]:
    """Whether a copy's sentence (at a span) is one its original does not say; each
    original's sentences are read once."""
    by_id = {i.article.id: i for i in items}
    read: dict[str, tuple[str, list[set[str]]]] = {}

    def original_words(aid: str) -> tuple[str, list[set[str]]]:
        if aid not in read:
            text = by_id[aid].article.text
            read[aid] = (
                " ".join(text.split()),
                [content_words(text[s.start : s.end]) for s in by_id[aid].analysis.sentences],
            )
        return read[aid]

    def added(copy: Analyzed, span: Span) -> bool:
        original = original_of(copy.article.id, duplicate_of)
        if original == copy.article.id or original not in by_id:
            return False
        flat_text, sentences = original_words(original)
        sentence = copy.article.text[span.start : span.end]
        words = content_words(sentence)
        if not words or " ".join(sentence.split()) in flat_text:
            return False
        return all(len(words & other) < NEW_OVERLAP * len(words) for other in sentences)

    return added
