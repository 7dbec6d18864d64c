"""Event lines: the short readable clause a timeline shows for one dated sentence.

A line is subject + verb (+ object or complement) of the clause that governs the
time expression, with the time words taken out only where they are an adverbial
("on Monday", "last week"); a time that is itself an argument ("a wet summer
damaged the harvest") stays, so no noun phrase is cut in half. Determiners and
adjectives stay with their nouns; a relative pronoun subject gives way to its
antecedent; a reporting verb without a reported clause is not an event. Lines too
long are shortened by dropping whole modifiers (relative clauses, appositions,
trailing prepositional phrases), never mid-phrase. When no readable clause comes
out, the sentence itself is cut at a clause boundary, or the event is skipped.
Verbs joined under one subject are one event ("derailed and set fire on Monday") unless
each has a time of its own ("was shot Saturday and died Monday": two lines). A line
records whether its clause is told in the present (the timeline marks a coming event).
Wire datelines ("OSLO, May 3 (Agency) -") never give events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.analyze.eventline.clause import (
    MAX_WORDS,
    RELATIVE,
    REPORTING,
    clause_ids,
    governing_verb,
    shorten,
    subject,
    time_tokens,
)
from storyline.lexicon.calendar import CAPS_PLACE, DATELINE
from storyline.nlp import doc_ents, doc_strings, doc_text

#: Verbs of things that happen: an entry with one is worth keeping.
STRONG = frozenset(
    {
        "kill", "die", "derail", "collide", "crash", "explode", "burn", "injure", "wound",
        "attack", "strike", "hit", "bomb", "shell", "launch", "fire", "invade", "seize",
        "capture", "evacuate", "arrest", "charge", "convict", "sentence", "acquit", "jail",
        "release", "free", "resign", "dismiss", "sack", "elect", "vote", "approve", "pass",
        "reject", "ban", "sign", "agree", "meet", "talk", "announce", "declare", "confirm",
        "open", "reopen", "close", "shut", "suspend", "resume", "collapse", "flood",
        "begin", "start", "end", "cut", "fall", "rise", "slump", "plunge", "recover",
        "publish", "visit", "hold", "name", "appoint", "win", "lose", "deny", "order",
        "raid", "rescue", "erupt", "annex", "withdraw", "issue", "file", "sue", "rule",
    }
)  # fmt: skip
_BAD_START = frozenset({"ADP", "CCONJ", "SCONJ", "PUNCT", "PART"})
#: "LINDHOLM, March 12 (Northwire) -": a wire dateline before the first sentence.
_DATELINE = re.compile(rf"^\s*{DATELINE}\s")
_DATELINE_HEAD = re.compile(rf"^\s*{CAPS_PLACE},\s*$")


@dataclass(frozen=True, slots=True)
class Line:
    """An event line with the lemma and token index of its verb.

    ``text`` is not final while ``named`` is set: :func:`finish_line` puts the
    story-wide name of the subject in and tidies it.
    """

    text: str
    verb: str
    verb_i: int
    strong: bool
    named: tuple[str, str] | None = None
    present: bool = False


def finish_line(text: str, named: tuple[str, str] | None, canonical: Callable[[str], str]) -> str:
    """The line as shown: the subject phrase given the story-wide name, tidied."""
    if named is not None:
        old, better = named[0], canonical(named[1])
        if better and old in text:
            text = text.replace(old, better, 1)
    return _tidy(text)


def _join(toks: list[Any], prefix: dict[int, str] | None = None) -> str:
    """Tokens as text; ``prefix`` adds words before some tokens ("the", a comma)."""
    out: list[str] = []
    for n, t in enumerate(toks):
        if prefix and t.i in prefix:
            out.append(prefix[t.i])
        out.append(t.text)
        nxt = toks[n + 1] if n + 1 < len(toks) else None
        if nxt is not None and (t.whitespace_ or nxt.i != t.i + 1) and nxt.dep_ != "punct":
            out.append(" ")
    return "".join(out)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—(")
    text = re.sub(r"\s+([,;:.])", r"\1", text).rstrip(".,;:")
    return text[:1].upper() + text[1:]


def _readable(toks: list[Any], verb: Any) -> bool:
    """Subject + verb, not starting with a relative pronoun, a preposition or debris."""
    if len(toks) < 2 or all(t.is_upper or not t.is_alpha for t in toks):
        return False
    first = toks[0]
    if first.lower_ in RELATIVE or first.pos_ in _BAD_START:
        return False
    ids = {t.i for t in toks}
    if verb.i not in ids or verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("acl", "amod"):
        return False  # "an analysis published by ...": a noun phrase, not a clause
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in toks) or any(
        t.i < verb.i and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in toks
    )


def _named(subj: list[Any]) -> tuple[str, str] | None:
    """The subject phrase up to its head entity, and that entity's text."""
    heads = [t for t in subj if t.dep_ in ("nsubj", "nsubjpass")] or subj[-1:]
    if not heads or heads[0].ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    head = heads[0]
    ent = next((e for e in doc_ents(head.doc) if e.start <= head.i < e.end), None)
    if ent is None:
        return None
    ids = {t.i for t in subj}
    phrase = [t for t in head.doc[head.left_edge.i : ent.end] if t.i in ids]
    if len(phrase) != ent.end - head.left_edge.i:
        return None
    return _join(phrase), ent.text


def _fallback(sent: Any, time_ids: set[int], at: int) -> str | None:
    """The sentence cut at its last clause boundary within the word budget.

    None when the cut would lose the dated words (token ``at``): the line would not
    be the dated event.
    """
    toks = [t for t in sent if not t.is_space and t.text not in ("“", "”", '"')]
    text = _text(sent)
    m = _DATELINE.match(text)
    if m:
        toks = [t for t in toks if t.idx - sent.start_char >= m.end()]
    if len(toks) <= MAX_WORDS + 2:
        cut = len(toks)
    else:
        bounds = [
            k
            for k, t in enumerate(toks[: MAX_WORDS + 1])
            if k >= 4
            and (
                t.text in (",", ";", ":", "—", "–")
                or t.dep_ in ("cc", "mark")
                or (t.lower_ in RELATIVE and t.head.dep_ in ("relcl", "advcl"))
            )
        ]
        if not bounds:
            return None
        cut = bounds[-1]
    kept = toks[:cut]
    if not kept or kept[0].lower_ in RELATIVE or kept[0].pos_ in _BAD_START:
        return None
    if at > kept[-1].i:
        return None
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in kept) or not any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") for t in kept
    ):
        return None  # no finite clause: a noun phrase is not an event
    kept = [t for t in kept if t.i not in time_ids]
    while kept and kept[-1].pos_ in ("ADP", "CCONJ", "SCONJ", "PUNCT", "DET"):
        kept.pop()  # "... on Station Street on" after the time went
    return _join(kept) if len(kept) >= 3 else None  # tidied by finish_line


def is_dateline(sent: Any, start: int) -> bool:
    """Whether a time at char ``start`` of the sentence belongs to a wire dateline."""
    offset = start - sent.start_char
    text = _text(sent)
    if _DATELINE_HEAD.match(text[:offset]):
        return True
    m = _DATELINE.match(text)
    return m is not None and offset < m.end()


def _text(sent: Any) -> str:
    """``sent.text`` cut from the doc's text (``Span.text`` joins its tokens on each call)."""
    return doc_text(sent.doc)[sent.start_char : sent.end_char]


def _in_present(verb: Any) -> bool:
    """Whether a clause is told in the present: its first auxiliary, else its verb, is a
    present form ("returns", "is being held", "come up"); a perfect ("has been moved")
    tells what is done, a modal what may be."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    finite = aux[0] if aux else verb
    return finite.tag_ in ("VBZ", "VBP") and finite.lemma_.lower() != "have"


def _dated_apart(verb: Any, keep: set[int], dated: Collection[int]) -> set[int]:
    """The clause without the verbs joined to it that another time of the sentence dates
    ("was shot Saturday and died Monday": the death is Monday's event, not Saturday's)."""
    cc = [c.i for c in verb.children if c.dep_ == "cc"]
    for c in verb.children:
        if c.dep_ == "conj" and c.i in dated:
            keep = keep - {t.i for t in c.subtree} - {max((i for i in cc if i < c.i), default=-1)}
    return keep


def _clause_tokens(
    sent: Any,
    verb: Any,
    subj: list[Any],
    time_ids: set[int],
    reported: list[Any],
    dated: Collection[int] = (),
) -> list[Any]:
    """The clause's tokens in text order: shortened, time words out, no edge debris."""
    keep = _dated_apart(verb, clause_ids(verb, subj), dated) - time_ids
    fixed = {verb.i, *(t.i for t in subj if t.dep_ in ("nsubj", "nsubjpass"))}
    fixed |= {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    keep = shorten(sent, keep, fixed, subj)
    reported_ids = {c.i for c in reported}
    doc = sent.doc
    toks = [
        t for t in (doc[i] for i in range(sent.start, sent.end) if i in keep)
        if not (t.dep_ == "prep" and all(c.i in time_ids for c in t.children))
        and not (t.dep_ == "punct" and t.text in ",;:()[]")
        and not t.is_space and t.text not in ("“", "”", '"')
        and not (t.dep_ == "ccomp" and t.head.i == verb.i and t.i not in reported_ids)
    ]  # fmt: skip
    while toks and (toks[0].lower_ in RELATIVE or toks[0].pos_ in ("SCONJ", "CCONJ", "PUNCT")):
        toks.pop(0)  # "when a train derailed": the subordinator goes
    while (
        toks
        and toks[-1].pos_ in ("CCONJ", "SCONJ", "ADP", "DET", "PUNCT")
        and toks[-1].dep_ != "prt"
    ):
        toks.pop()  # "... lasted and": what the conjunction joined went
    return toks


def _is_strong(verb: Any) -> bool:
    """Whether the clause has a strong event verb ("began running", "as X declared")."""
    heads = [verb.head] if verb.dep_ == "xcomp" else []
    return any(h.lemma_.lower() in STRONG for h in [verb, *heads]) or any(
        t.lemma_.lower() in STRONG and t.pos_ == "VERB"
        for t in verb.subtree
        if t.dep_ in ("ccomp", "advcl", "conj", "xcomp")
    )


def _render(
    sent: Any,
    toks: list[Any],
    time_ids: set[int],
    subj: list[Any],
    reported: list[Any],
) -> str:
    """The line's text: determiners and commas restored, a reported event first.

    Not tidied yet: :func:`finish_line` does that once the subject's name is known.
    """
    doc = sent.doc
    ids = {t.i for t in toks}
    # a possessive time taken out ("last week's derailment") leaves a bare noun
    prefix = {
        min(g.i for g in t.subtree if g.i in ids): "the "
        for t in toks
        if any(c.dep_ == "poss" and c.i in time_ids for c in t.children)
        and not any(c.dep_ in ("det", "poss") and c.i in ids for c in t.children)
    }
    for t in toks:  # "fell 18 per cent, its worst day": the apposition's comma
        left = t.left_edge.i
        if (
            t.dep_ in ("appos", "npadvmod")
            and sent.start < left != toks[0].i
            and doc[left - 1].text == ","
            and left in ids
        ):
            prefix[left] = ", " + prefix.get(left, "")
    if reported and subj:
        # "X said Y happened": the event is Y, and the attribution trails it
        said = {t.i for t in reported[0].subtree}
        main = [
            t for t in toks if t.i in said and not (t.dep_ == "mark" and t.head.i == reported[0].i)
        ]
        if 2 <= len(main) < len(toks) and main[0].pos_ not in _BAD_START:
            attribution = [t for t in toks if t.i not in said]
            toks = main + attribution
            prefix[attribution[0].i] = ", " + prefix.get(attribution[0].i, "")
    text = _join(toks, prefix)
    start = doc[sent.start]
    if toks[0].i != start.i and start.pos_ != "PROPN":
        # the sentence's first word moved inside the line: "..., the inspectors said"
        text = text.replace(", " + start.text + " ", ", " + start.lower_ + " ", 1)
    return text


def event_line(
    sent: Any,
    t_start: int,
    t_end: int,
    others: Sequence[tuple[int, int]] = (),
) -> Line | None:
    """The readable event line for the time at chars ``t_start:t_end`` of ``sent``."""
    doc = sent.doc
    if is_dateline(sent, t_start):
        return None
    span = doc.char_span(t_start, t_end, alignment_mode="expand")
    verb = governing_verb(span, sent)
    if verb is None:
        return None
    time_ids = time_tokens(span, verb)
    dated: set[int] = set()  # the verbs the sentence's other times date
    for start, end in others:  # other time words of the sentence ("Wednesday (early Thursday)")
        other = doc.char_span(start, end, alignment_mode="expand")
        if other is not None:
            time_ids |= time_tokens(other, verb)
            if (other_verb := governing_verb(other, sent)) is not None:
                dated.add(other_verb.i)
    if (
        verb.dep_ == "conj"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and verb.head.i not in dated
    ):
        verb = verb.head  # "derailed and set fire on Monday": the pair is the event
    # "was shot Saturday and died Monday": each verb with a day of its own is an event
    dated.discard(verb.i)
    lemma = verb.lemma_.lower()
    # a quotation before its reporting verb is words, not an event ("'...,' she said")
    words = doc_strings(doc, "ORTH")[sent.start : sent.end]
    quoted = "“" in words or "”" in words or '"' in words
    reported = [c for c in verb.children if c.dep_ == "ccomp" and not (quoted and c.i < verb.i)]
    if lemma in REPORTING and not reported:
        return None  # "X said on Monday": what was said is elsewhere, not an event here
    dateline = _DATELINE.match(_text(sent))
    if dateline is not None:  # "MOSCOW/WASHINGTON — US President ...": the place goes
        time_ids |= {t.i for t in sent if t.idx - sent.start_char < dateline.end()}
    subj = [t for t in subject(verb) if t.i not in time_ids]
    toks = _clause_tokens(sent, verb, subj, time_ids, reported, dated)
    strong = _is_strong(verb)
    if len(toks) <= MAX_WORDS and _readable(toks, verb):
        attributed = reported if lemma in REPORTING else []
        rendered = _render(sent, toks, time_ids, subj, attributed)
        told = reported[0] if attributed else verb
        return Line(rendered, lemma, verb.i, strong, _named(subj), _in_present(told))
    at = span.start if span is not None else sent.start
    text = _fallback(sent, time_ids, at)
    return None if text is None else Line(text, lemma, verb.i, strong)
