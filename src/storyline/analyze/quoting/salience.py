"""The paragraph's salient speaker: who goes on speaking when a quote has no cue at all.

News often lets one person talk over several paragraphs: "Instead, Kerr told the Gazette
his plan was “…”. … “We have to act sooner.”" The later quote has no verb of saying
near it; a reader takes it as the words of the person quoted last, as long as no one else
has been named in between. Read from PolNeAR train errors (quotes with no cue, whose
speaker was quoted a paragraph or two before).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Any

from storyline.analyze.quoting.lexicon import AFTER_QUOTE_VERBS
from storyline.analyze.quoting.marks import Passage
from storyline.analyze.quoting.speakers import Attribution, MentionIndex
from storyline.nlp import doc_text

#: How many paragraph breaks back the last quoted speaker may stand.
_MAX_BREAKS = 3


def _breaks(text: str, start: int, end: int) -> int:
    return len(re.findall(r"\n+", text[start:end]))


def _others_named(index: MentionIndex, start: int, end: int, key: str) -> bool:
    """Whether a person other than ``key`` is named, outside quotes, between two
    positions (an organisation only breaks the chain as a subject: :func:`_others_subject`)."""
    i = bisect.bisect_left(index.starts, start)
    while i < len(index.mentions) and index.starts[i] < end:
        m = index.mentions[i]
        if m.label == "PERSON" and m.key != key and not index.inside_quote(m.span.start):
            return True
        i += 1
    return False


def _others_subject(index: MentionIndex, start: int, end: int, key: str) -> bool:
    """Whether a name the tagger did not see is the subject of a clause between two
    positions ("Kerr estimated that …"), other than a word of ``key``."""
    doc = index.doc
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    words = set(key.lower().split())
    return any(
        t.pos_ == "PROPN"
        and t.dep_ in ("nsubj", "nsubjpass")
        and t.lower_ not in words
        and not index.inside_quote(t.idx)
        for t in span
    )


def _opens_sentence(doc: Any, text: str, p: Passage) -> bool:
    """Whether the quote opens its sentence and paragraph, or a sentence of its own:
    no words of its sentence stand before the opening mark."""
    span = doc.char_span(p.start, p.end, alignment_mode="contract")
    if span is None or not len(span):
        return False
    para = text.rfind("\n", 0, p.open_at) + 1
    sent_start = max(span[0].sent.start_char, para)
    return not any(ch.isalnum() for ch in text[sent_start : p.open_at])


def _unresolved_cue(
    doc: Any, p: Passage, index: MentionIndex, is_cue: Callable[[Any], bool]
) -> bool:
    """Whether the quote's sentence holds a verb of saying outside quotes: a cue that
    names someone we could not find ("a sign on the harbour wall reads")."""
    span = doc.char_span(p.start, p.end, alignment_mode="contract")
    if span is None or not len(span):
        return True
    para_end = doc_text(doc).find("\n", p.end)
    sents = [span[0].sent]
    after = doc.char_span(p.end, p.end + 1, alignment_mode="expand")
    if p.close_at is not None and after is not None and len(after) and after[-1].i + 1 < len(doc):
        # “… long!” a sign reads: the parser may start a sentence after the mark.
        sents.append(doc[after[-1].i + 1].sent)
    return any(
        (is_cue(t) or (t.pos_ == "VERB" and t.lemma_.lower() in AFTER_QUOTE_VERBS))
        and not index.inside_quote(t.idx)
        and (para_end < 0 or t.idx < para_end)
        for sent in sents
        for t in sent
    )


def _transcript_line(text: str, p: Passage) -> bool:
    """Whether quoted words open with a speaker label of their own ("RAMOS: …")."""
    return re.match(r"[A-Z][A-Z .'-]{1,30}:", text[p.start : p.start + 34]) is not None


def salient_speaker(
    text: str,
    passages: Sequence[Passage],
    found: Sequence[Attribution | None],
    n: int,
    index: MentionIndex,
    is_cue: Callable[[Any], bool],
) -> Attribution | None:
    """The speaker of the last attributed quote before passage ``n``, when it stands at
    most a few paragraphs back and no other person or organisation is named between
    it and passage ``n``; else None. Only for a quote that opens its sentence, with no
    verb of saying in it, and no speaker label of its own."""
    p = passages[n]
    doc = index.doc
    if (
        not _opens_sentence(doc, text, p)
        or _unresolved_cue(doc, p, index, is_cue)
        or _transcript_line(text, p)
    ):
        return None
    for m in range(n - 1, -1, -1):
        prev = found[m]
        if prev is None:
            continue
        if not prev.said or prev.speaker is None or prev.span is None:
            return None
        if _breaks(text, passages[m].end, p.open_at) > _MAX_BREAKS:
            return None
        gap_start = max(passages[m].end, prev.span.end)
        if _others_named(index, gap_start, p.open_at, prev.speaker) or _others_subject(
            index, gap_start, p.open_at, prev.speaker
        ):
            return None
        return Attribution(prev.speaker, prev.span, prev.cue, said=True)
    return None
