"""Lead-ins that name a quote's speaker without a verb of saying next to it.

Read from PolNeAR train errors (fifth round on speakers): a label before a colon with no
verb ("Lind, the mayor, in a statement: “…”"), "Here’s Lind in 2019: “…”", a verb of
saying under "as" earlier in the quote's sentence ("As Lind explained, …, “…”"), and the
owner of a noun of saying set around the quote ("Lind's “…” promise", "her comment
before the board that “…”"). Each returns None when its shape is not there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from storyline.analyze.quoting.lexicon import SPEECH_NOUNS
from storyline.analyze.quoting.marks import Passage
from storyline.analyze.quoting.speakers import Attribution, MentionIndex, resolve_subject
from storyline.nlp import doc_text

#: Possessives that name no one in particular ("its remark", "their words", "my words").
NOT_OWNERS = frozenset({"its", "their", "my", "our", "your"})

#: Words that may stand between a noun of saying and its "that" ("her comments before a
#: special committee that “…”", "her assertion during the debate that “…”").
_NOUN_MODIFIERS = frozenset({"ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT"})


def _tokens(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def after_preposition(doc: Any, named: Any) -> bool:
    """Whether a name is the object of a preposition ("later that month on CNN:"): an
    outlet or a place where words were said, not the one who said them."""
    span = doc.char_span(named.span.start, named.span.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.pos_ == "DET" and span.start > 1:
        before = doc[span.start - 2]
    if before.pos_ != "ADP":
        return False
    if before.lower_ in ("on", "in", "at", "to", "from", "via"):
        return True
    # "… and contrasted the candidate with Lind:": the one compared with, spoken of or to
    # by the subject of a verb (not "in an interview with Lind:", a noun's phrase)
    return before.lower_ in ("with", "about", "against", "of", "for") and before.head.pos_ == "VERB"


def owner_around(doc: Any, p: Passage, after: Sequence[Any]) -> Any:
    """ "Lind's “if you like your boat, you can keep it” promise": a possessive right before
    the quote and a noun of saying right after it — the owner said the words (the
    parser rarely hangs the noun on the possessive here), or None."""
    if not after or after[0].pos_ != "NOUN" or after[0].lemma_.lower() not in SPEECH_NOUNS:
        return None
    before = _tokens(doc, max(0, p.open_at - 40), p.open_at)
    if len(before) < 2 or before[-1].lower_ not in ("'s", "’s"):
        return None
    owner = before[-2]
    if owner.pos_ not in ("PROPN", "NOUN") or owner.lower_ in NOT_OWNERS:
        return None
    if owner.ent_type_ in ("DATE", "TIME"):
        return None  # "Monday's “…” remark" names a day, not a speaker
    return owner


def owned_noun_that(toks: Sequence[Any]) -> Any:
    """The owner of a noun of saying whose "that" opens the quote ("her March comment that,
    “…”"), when the parser did not hang the clause on the noun; or None."""
    words = [t for t in toks if not (t.is_space or t.is_quote or t.text == ",")]
    if len(words) < 3 or words[-1].lower_ != "that":
        return None
    for tok in reversed(words[-8:-1]):
        if tok.pos_ not in _NOUN_MODIFIERS or tok.text in (".", "!", "?", ";", ":"):
            return None
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS:
            for child in tok.children:
                if child.dep_ == "poss" and child.lower_ not in NOT_OWNERS:
                    return child
            return None
    return None


def verbless_label(toks: Sequence[Any], index: MentionIndex) -> Attribution | None:
    """ "Vera Lind, the mayor, in a statement on Monday: “…”": a lead-in with no verb at
    all before the colon is a label; the first person or organisation it names speaks
    (not one after a preposition: "later that month on CNN:")."""
    doc = toks[-1].doc
    text = doc_text(doc)
    para = _paragraph_start(text, toks[-1].idx)
    words = [t for t in doc[toks[-1].sent.start : toks[-1].i] if t.idx >= para and not t.is_space]
    if not words or len(words) > 16 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    for tok in words:
        named = index.at(tok.idx, tok.idx + len(tok.text))
        if named is None or named.label not in ("PERSON", "ORG"):
            continue
        if after_preposition(doc, named) or index.inside_quote(named.span.start):
            return None
        return Attribution(named.key, named.span, ":")
    return None


def here_is(toks: Sequence[Any], index: MentionIndex) -> Attribution | None:
    """ "Here’s Lind in December 2019: “…”", "Here is what Lind told the board:": the one
    presented before the colon speaks."""
    doc = toks[-1].doc
    text = doc_text(doc)
    first = max(toks[-1].sent.start, toks[0].i)
    words = [
        t
        for t in doc[first : toks[-1].i]
        if t.idx >= _paragraph_start(text, toks[-1].idx) and not t.is_space
    ]
    if len(words) < 3 or words[0].lower_ != "here":
        return None
    if words[1].lower_ not in ("'s", "’s", "is", "are", "was"):
        return None
    rest = words[2:]
    if rest[0].lower_ in ("what", "how") and len(rest) > 1:
        rest = rest[1:]  # "Here is what Lind told the board:"
    run = []
    for tok in rest:
        if tok.pos_ != "PROPN":
            break
        run.append(tok)
    if not run:
        return None
    speaker, span = resolve_subject(run[-1], index)
    if speaker is None:
        return None
    return Attribution(speaker, span, ":")


def as_cue(
    doc: Any,
    p: Passage,
    index: MentionIndex,
    is_cue: Callable[[Any], bool],
    from_verb: Callable[[Any, MentionIndex, Passage], Attribution | None],
) -> Attribution | None:
    """“As Lind explained, three ferries were cancelled …, “which sounds …”": a verb of
    saying under "as" earlier in the quote's sentence speaks for the sentence."""
    toks = _tokens(doc, p.start, p.end)
    if not toks:
        return None
    sent = toks[0].sent
    para = _paragraph_start(doc_text(doc), p.open_at)
    for tok in doc[sent.start : toks[0].i]:
        if (
            tok.idx >= para
            and tok.pos_ == "VERB"
            and tok.dep_ == "advcl"
            and is_cue(tok)
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            and not index.inside_quote(tok.idx)
        ):
            return from_verb(tok, index, p)
    return None
