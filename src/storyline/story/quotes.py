"""The same quote across outlets: one StoryQuote per thing said.

Wordings are compared after normalisation (case, punctuation, curly or straight marks,
editorial insertions in brackets). A wording is a *faithful* report of another when each
of its pieces (split at ellipses) appears, in order, in the other: "a ceasefire will
take place … will end" is faithful to the full sentence, and a partial quote is a
fragment of the longer one. Wordings that are merely close (words added, changed or cut
without an ellipsis) join the group too but are flagged as *altered*. Speakers are
compared through the story's :class:`NameIndex`; when reports name different speakers
for one quote, all are listed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import LCSseq

from storyline.model import Analyzed, Citation, Quote, StoryQuote
from storyline.story.names import NameIndex
from storyline.story.speaker_noun import noun_speaker

_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…|\[\s*\.\.\.\s*\]")
_BRACKETED = re.compile(r"\([^)]{1,40}\)|\[[^\]]{1,40}\]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
#: Fragments shorter than this join a longer quote only when the speaker agrees.
_SHORT_WORDS = 4
#: Quoted words shorter than this are a phrase the report borrows ("called the moment
#: “defining”"), not a statement, unless they make a sentence: they stay in the
#: article's quotes, not the story's.
_MIN_STATEMENT_WORDS = 3
#: Share of the shorter wording found in order in the longer for a rewording.
_CLOSE = 0.8
_MIN_CLOSE_WORDS = 6


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The normalised words of a quote: folded case and marks, no punctuation."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return tuple(w.lower() for w in _WORD.findall(_BRACKETED.sub(" ", text)))


@lru_cache(maxsize=65536)
def pieces(text: str) -> tuple[tuple[str, ...], ...]:
    """The normalised word runs of a quote between its ellipses."""
    return tuple(w for w in (words(part) for part in _ELLIPSIS.split(text)) if w)


def _find(needle: tuple[str, ...], hay: tuple[str, ...], start: int) -> int:
    """Index of ``needle`` inside ``hay`` at or after ``start``, or -1."""
    n = len(needle)
    for i in range(start, len(hay) - n + 1):
        if hay[i : i + n] == needle:
            return i
    return -1


@lru_cache(maxsize=65536)
def faithful(part: str, whole: str) -> bool:
    """Whether ``part`` reports ``whole`` word for word, cuts marked by ellipses."""
    hay = words(whole)
    pos = 0
    for piece in pieces(part):
        found = _find(piece, hay, pos)
        if found < 0:
            return False
        pos = found + len(piece)
    return True


@lru_cache(maxsize=65536)
def close(a: str, b: str) -> bool:
    """Whether two wordings are near enough to be the same quote reworded.

    Most words of the shorter one (at least six) must appear in order in the longer.
    """
    wa, wb = words(a), words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < _MIN_CLOSE_WORDS:
        return False
    return LCSseq.similarity(short, long_) >= _CLOSE * len(short)


@dataclass
class _Group:
    """Occurrences of one quote gathered so far."""

    kind: str
    members: list[tuple[str, Quote, str | None]] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)

    def add(self, article: str, quote: Quote, speaker: str | None) -> None:
        """Record one more occurrence."""
        self.members.append((article, quote, speaker))
        self.vocabulary.update(words(quote.text))


def statement(quote: Quote) -> bool:
    """Whether a quote is a statement: not a phrase of one or two words the report borrows
    ("called the moment “defining”"), unless those words are a sentence ("Nobody answered.")."""
    if quote.kind != "direct" or len(words(quote.text)) >= _MIN_STATEMENT_WORDS:
        return True
    text = quote.text.strip()
    return text[:1].isupper() and text[-1:] in ".!?"


def _speaker(names: NameIndex, item: Analyzed, quote: Quote) -> str | None:
    """The story's name for who said it: a name that only qualifies the noun that spoke
    ("Orvale police said") gives way to that noun or the person it names."""
    if not quote.speaker:
        return None
    aid = item.article.id
    label = names.label(aid, quote.speaker)
    other = noun_speaker(item.article.text, item.analysis.entities, quote, label)
    said = names.canonical(aid, quote.speaker)
    if other is None:
        return said
    known = names.canonical(aid, other) if names.label(aid, other) else said
    return other if known == said else known  # a phrase no report names: "Orvale police"


def _joins(group: _Group, text: str, speaker: str | None) -> bool:
    """Whether a wording belongs to a group: faithful fragment, or a close rewording."""
    n = len(words(text))
    speakers = {s for _, _, s in group.members if s}
    agree = speaker is None or not speakers or speaker in speakers
    mine = words(text)
    # A member can only match if most of these words occur in the group at all.
    distinct = set(mine)
    if len(distinct & group.vocabulary) < _CLOSE * len(distinct):
        return False
    for _, q, _ in group.members:
        if mine == words(q.text) and (n >= _SHORT_WORDS or (agree and speaker is not None)):
            return True
        if faithful(text, q.text) or faithful(q.text, text):
            if n >= _SHORT_WORDS or (agree and speaker is not None and n >= 2):
                return True
        elif agree and close(text, q.text):
            return True
    return False


def group_quotes(
    items: Sequence[Analyzed],
    names: NameIndex,
    duplicate_of: Mapping[str, str] | None = None,
) -> tuple[StoryQuote, ...]:
    """One :class:`StoryQuote` per thing said, with every report that carried it."""
    occurrences: list[tuple[str, Quote, str | None]] = []
    for item in items:
        aid = item.article.id
        for q in item.analysis.quotes:
            if words(q.text) and statement(q):
                occurrences.append((aid, q, _speaker(names, item, q)))
    # Longest first, so fragments find the full quote already grouped.
    occurrences.sort(key=lambda o: (-len(words(o[1].text)), o[0], o[1].span.start))
    groups: list[_Group] = []
    for aid, q, speaker in occurrences:
        target = next((g for g in groups if g.kind == q.kind and _joins(g, q.text, speaker)), None)
        if target is None:
            target = _Group(kind=q.kind)
            groups.append(target)
        target.add(aid, q, speaker)
    roots = duplicate_of or {}
    out = [_story_quote(g) for g in groups]
    out.sort(
        key=lambda sq: (
            -len({roots.get(a, a) for a in sq.articles}),
            sq.kind != "direct",
            -len(sq.articles),
            sq.citations[0].article if sq.citations else "",
            sq.citations[0].span.start if sq.citations and sq.citations[0].span else 0,
        )
    )
    return tuple(out)


def _story_quote(group: _Group) -> StoryQuote:
    """The record of one group: reference wording, variants, altered reports, speakers."""
    texts = [q.text for _, q, _ in group.members]
    # The reference wording is the one most other wordings are faithful to.
    support = {t: sum(faithful(o, t) for o in texts) for t in set(texts)}
    reference = max(sorted(support), key=lambda t: (support[t], len(words(t))))
    altered = sorted({a for a, q, _ in group.members if not faithful(q.text, reference)})
    speakers = Counter(s for _, _, s in group.members if s)
    ranked = [s for s, _ in speakers.most_common()]
    variants = list(dict.fromkeys([reference, *texts]))
    articles = sorted({a for a, _, _ in group.members})
    return StoryQuote(
        speaker=ranked[0] if ranked else None,
        text=reference,
        variants=tuple(variants),
        articles=tuple(articles),
        kind=group.kind,
        altered=tuple(altered),
        speakers=tuple(ranked) if len(ranked) > 1 else (),
        citations=tuple(
            Citation(a, q.span)
            for a, q, _ in sorted(group.members, key=lambda m: (m[0], m[1].span.start))
        ),
    )
