"""Direct quotes: quoted passages with the speaker each is attributed to.

Cues are tried from the most to the least specific: a speech verb right after the
closing mark (“…,” he said), the verb that governs the quote in the parse (called the
talks “…”), a cue right before the opening mark (X said: “…”, “…,” he said, “…”,
X: “…”, according to X), then the paragraph around it: a quote continued from the
previous paragraph, or a quote paragraph after "X said:" or after another quote of X.
Short quoted words with no cue at all are scare quotes or titles, not quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.analyze.quoting.lexicon import SPEECH_VERBS
from storyline.analyze.quoting.marks import Passage
from storyline.analyze.quoting.speakers import (
    Attribution,
    MentionIndex,
    according_to,
    passive_participle,
    resolve_subject,
    subject_of,
)
from storyline.model import Quote, Span
from storyline.nlp import doc_text

#: Quoted words shorter than this with no cue are scare quotes ("so-called “reforms”").
_MIN_UNCUED_WORDS = 4
_AFTER_TOKENS = 7
#: Cue verbs that also govern ordinary clauses ("continued to push for a “red line”").
_NOT_GOVERNORS = frozenset({"continue"})
_BEFORE_TOKENS = 10


def _tokens(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _is_cue(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def _from_verb(verb: Any, index: MentionIndex, quote: Passage) -> Attribution | None:
    """The speaker of a cue verb, unless its subject lies inside the quote itself."""
    if passive_participle(verb):
        # "a “full ceasefire,” urged by X and its allies": the quoted words are a phrase
        # the report uses, not words that the subject of the sentence said.
        return None
    subj = subject_of(verb)
    if subj is None or quote.start <= subj.idx < quote.end or subj.lower_ in ("i", "we", "you"):
        return None
    speaker, span = resolve_subject(subj, index)
    return Attribution(speaker, span, verb.lemma_.lower())


def _after(doc: Any, p: Passage, limit: int, index: MentionIndex) -> Attribution | None:
    """A cue just after the closing mark: “…,” he said / said X / X wrote."""
    if p.close_at is None:
        return None
    toks = _tokens(doc, p.close_at + 1, limit)[:_AFTER_TOKENS]
    for tok in toks:
        if "\n" in tok.text:
            break
        if _is_cue(tok):
            return _from_verb(tok, index, p)
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            return _according(doc[tok.i + 1], index)
        if tok.text in ".!?;":
            break  # the quote ended its sentence: a cue after it belongs to the next one
    return None


def _according(to: Any, index: MentionIndex) -> Attribution | None:
    speaker, span = according_to(to, index)
    if span is None:
        return None
    return Attribution(speaker, span, "according to")


def _governor(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """The speech verb the quote hangs from in the parse: called the talks “…”."""
    inside = _tokens(doc, p.start, p.end)
    if not inside:
        return None
    first, last = inside[0].i, inside[-1].i
    for tok in inside:
        head = tok.head
        if first <= head.i <= last:
            continue
        for _ in range(4):
            if (
                _is_cue(head)
                and head.lemma_.lower() not in _NOT_GOVERNORS
                and not (p.start <= head.idx < p.end)
            ):
                return _from_verb(head, index, p)
            if head.head is head:
                break
            head = head.head
    return None


def _before(doc: Any, p: Passage, floor: int, index: MentionIndex) -> Attribution | None:
    """A cue just before the opening mark: X said: “… / X: “… / he said, “…"""
    toks = _tokens(doc, floor, p.open_at)[-_BEFORE_TOKENS:]
    if not toks:
        return None
    tail = doc_text(doc)[toks[-1].idx : p.open_at].strip()
    if toks[-1].text == ":" and len(toks) >= 2:
        named = index.at(toks[-2].idx, toks[-2].idx + len(toks[-2].text))
        if named is not None and named.label in ("PERSON", "ORG"):
            return Attribution(named.key, named.span, ":")
    for tok in reversed(toks):
        if "\n" in tok.text:
            break
        if _is_cue(tok):
            return _from_verb(tok, index, p)
        if tok.lower_ == "to" and tok.i > 0 and doc[tok.i - 1].lower_ == "according":
            return _according(tok, index)
    del tail
    return None


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _lead_in(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """A quote opening a paragraph after one that ends "X said:"."""
    text = doc_text(doc)
    para = _paragraph_start(text, p.open_at)
    if text[para : p.open_at].strip() or para == 0:
        return None
    prev_end = para - 1
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    if prev_end <= 0 or text[prev_end - 1] != ":":
        return None
    prev_start = _paragraph_start(text, prev_end - 1)
    toks = _tokens(doc, prev_start, prev_end)
    for tok in reversed(toks):
        if _is_cue(tok):
            return _from_verb(tok, index, p)
    return None


def attribute(doc: Any, passages: Sequence[Passage], index: MentionIndex) -> list[Quote]:
    """Direct quotes for the passages of ``doc``, each with its speaker when one is found."""
    text = doc_text(doc)
    found: list[Attribution | None] = []
    for n, p in enumerate(passages):
        nxt = passages[n + 1].open_at if n + 1 < len(passages) else len(text)
        para_end = text.find("\n", p.end)
        limit = min(nxt, para_end if para_end >= 0 else len(text))
        floor = max(passages[n - 1].end + 1 if n else 0, _paragraph_start(text, p.open_at))
        # A quote that ends its own clause (“…,” he said) is attributed by what follows;
        # a phrase quoted inside a sentence (called it “…”) by the verb it hangs from.
        whole = text[p.end - 1] in ",.!?…" or p.close_at is None
        first, second = (_after, _governor) if whole else (_governor, _after)
        attr = (
            (_after(doc, p, limit, index) if first is _after else _governor(doc, p, index))
            or (_after(doc, p, limit, index) if second is _after else _governor(doc, p, index))
            or _before(doc, p, floor, index)
            or _lead_in(doc, p, index)
        )
        found.append(attr)
    _carry_over(text, passages, found)
    quotes: list[Quote] = []
    last: Passage | None = None
    for p, attr in zip(passages, found, strict=True):
        if p.continued and last is not None and last.close_at is None and quotes:
            # The press convention for a quote running over paragraphs: no closing mark
            # at the end of one, an opening mark at the start of the next. One quote.
            prev = quotes[-1]
            keep = prev if prev.speaker is not None or attr is None else None
            quotes[-1] = Quote(
                span=Span(prev.span.start, p.end),
                text=text[prev.span.start : p.end],
                kind="direct",
                speaker=keep.speaker if keep else attr.speaker if attr else None,
                speaker_span=keep.speaker_span if keep else attr.span if attr else None,
                cue=keep.cue if keep else attr.cue if attr else None,
            )
            last = p
            continue
        last = None
        if attr is None and (
            len(text[p.start : p.end].split()) < _MIN_UNCUED_WORDS or _is_title(text, p)
        ):
            continue
        last = p
        quotes.append(
            Quote(
                span=Span(p.start, p.end),
                text=text[p.start : p.end],
                kind="direct",
                speaker=attr.speaker if attr else None,
                speaker_span=attr.span if attr else None,
                cue=attr.cue if attr else None,
            )
        )
    return quotes


#: Nouns before quoted words that make them a title, not a quote ("the film “…”").
_TITLE_NOUNS = frozenset(
    """film movie book novel song album single show series play opera report documentary
    campaign operation exhibition programme program podcast poem article column titled
    entitled headlined dubbed""".split()  # noqa: SIM905
)


def _is_title(text: str, p: Passage) -> bool:
    """Whether uncued quoted words name a work ("the film “Summer on the Ice”")."""
    before = text[max(0, p.open_at - 30) : p.open_at].split()
    return bool(before) and before[-1].lower().strip(",:") in _TITLE_NOUNS


def _alone_in_paragraph(text: str, p: Passage) -> bool:
    """Whether a passage is all its paragraph holds (bar punctuation)."""
    para = _paragraph_start(text, p.open_at)
    end = text.find("\n", p.end)
    end = len(text) if end < 0 else end
    rest = text[para : p.open_at] + text[(p.close_at or p.end) + 1 : end]
    return not any(ch.isalnum() for ch in rest)


def _carry_over(text: str, passages: Sequence[Passage], found: list[Attribution | None]) -> None:
    """Share speakers along quotes that continue one another, both ways."""
    for n in range(1, len(passages)):
        p = passages[n]
        prev = found[n - 1]
        if found[n] is None and prev is not None and prev.speaker is not None:
            here = _paragraph_start(text, p.open_at)
            there = _paragraph_start(text, passages[n - 1].open_at)
            follows = there == _paragraph_start(text, max(0, here - 2))
            if p.continued or here == there or (follows and _alone_in_paragraph(text, p)):
                found[n] = prev
    for n in range(len(passages) - 2, -1, -1):
        if found[n] is None and passages[n + 1].continued and found[n + 1] is not None:
            found[n] = found[n + 1]
