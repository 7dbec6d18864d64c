"""Reported (indirect) speech: "Zelensky said Ukraine was ready to meet".

A reporting verb with a clausal complement is a reported statement; the complement is
the content and the verb's subject the speaker. "According to X, ..." reports the rest
of the sentence. Clauses that hold a direct quote are left to the direct-quote finder.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.analyze.quoting.lexicon import REPORT_VERBS
from storyline.analyze.quoting.speakers import (
    MentionIndex,
    resolve_subject,
    subject_of,
    unsaid,
)
from storyline.model import Quote, Span
from storyline.nlp import doc_lemmas, doc_strings, doc_text

_MIN_WORDS = 3


def _bounds(tokens: Sequence[Any]) -> tuple[int, int]:
    """Character bounds of a token run, without a leading "that" or edge punctuation."""
    toks = list(tokens)
    # A statement never runs past its paragraph (into a masked subheading or caption).
    breaks = [i for i, t in enumerate(toks) if "\n" in t.text]
    if breaks:
        toks = toks[: breaks[0]]
    while toks and (toks[0].lower_ in ("that", ",", ":") or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _overlaps(start: int, end: int, taken: Sequence[Span]) -> bool:
    return any(s.start < end and start < s.end for s in taken)


def find_indirect(doc: Any, index: MentionIndex, direct: Sequence[Span]) -> list[Quote]:
    """Reported statements of ``doc`` with their speakers; direct quotes excluded."""
    out: list[Quote] = []
    lemmas = doc_lemmas(doc)  # no token made for the words that are no verb of saying
    for tok in (doc[i] for i, lemma in enumerate(lemmas) if lemma in REPORT_VERBS):
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in REPORT_VERBS:
            continue
        if index.inside_quote(tok.idx) or unsaid(tok):
            continue
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        if not comps:
            continue
        comp = comps[0]
        start, end = _bounds(doc[comp.left_edge.i : comp.right_edge.i + 1])
        if end <= start or len(doc_text(doc)[start:end].split()) < _MIN_WORDS:
            continue
        if _overlaps(start, end, direct) or start < tok.idx < end:
            continue
        subj = subject_of(tok)
        if subj is None or subj.lower_ in ("i", "we", "you"):
            continue
        out.append(_indirect(doc, start, end, subj, index, tok.lemma_.lower()))
    out.extend(_according_to(doc, index, direct))
    return out


def _indirect(doc: Any, start: int, end: int, subject: Any, index: MentionIndex, cue: str) -> Quote:
    """An indirect quote of ``doc[start:end]`` (characters), its speaker resolved from
    ``subject``."""
    speaker, span = resolve_subject(subject, index)
    return Quote(
        span=Span(start, end),
        text=doc_text(doc)[start:end],
        kind="indirect",
        speaker=speaker,
        speaker_span=span,
        cue=cue,
    )


def _according_to(doc: Any, index: MentionIndex, direct: Sequence[Span]) -> list[Quote]:
    """Statements attributed with "according to X"."""
    out: list[Quote] = []
    lowers = doc_strings(doc, "LOWER")
    for tok in (doc[i] for i, low in enumerate(lowers) if low == "according"):
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        if not objs:
            continue
        phrase_start = tok.i
        phrase_end = objs[0].right_edge.i + 1
        sent = tok.sent
        before = doc[sent.start : phrase_start]
        after = doc[phrase_end : sent.end]
        part = before if len(before) >= len(after) else after
        start, end = _bounds(part)
        if end <= start or len(doc_text(doc)[start:end].split()) < _MIN_WORDS:
            continue
        if _overlaps(start, end, direct):
            continue
        out.append(_indirect(doc, start, end, objs[0], index, "according to"))
    return out
