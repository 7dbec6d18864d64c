"""Speakers the parse hides after a quote: the words after the closing mark are read in
news order rather than from the parse tree.

Real news puts the speaker after the quote in shapes the parser often gets wrong: a name
after the verb tagged as an adverb or as the object of a word in its title ("“…,” said
Skelly", "said Oversight ranking Democrat Elijah Cummings (D-Md.)"), a plain noun phrase
before the verb that the parser hung on the quote ("a voice over says"), an age used as
a noun ("the 43-year-old asked"), and a person's title before the name ("the Post's
senior politics editor Steven Ginsberg responded"). Read from PolNeAR train errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from storyline.analyze.naming.folding import display_name
from storyline.analyze.numbers.victims import DATELINE_DASHES
from storyline.analyze.quoting.lexicon import ROLE_NOUNS, SPEECH_VERBS
from storyline.analyze.quoting.marks import Passage
from storyline.analyze.quoting.speakers import (
    Attribution,
    MentionIndex,
    passive_participle,
    resolve_subject,
    unsaid,
)
from storyline.model import Mention, Span
from storyline.nlp import doc_text

#: How many words after a verb of saying its inverted subject may span.
_NAME_WORDS = 6
#: Words of a noun phrase standing before a name or a verb ("the Post's senior editor").
_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART", "NUM"})


def _stops(tok: Any) -> bool:
    return tok.is_punct or "\n" in tok.text or tok.is_space


def name_after_verb(verb: Any, index: MentionIndex) -> Attribution | None:
    """“…,” said Skelly, explaining … / said Oversight ranking Democrat Elijah Cummings
    (D-Md.): the capitalised words ending the run after a verb that opens the words after
    a quote name its speaker, whatever the parser made of them. A run holding "that", a
    preposition or a lower-case word at its end ("said Tuesday that …", "said in a
    statement") names no one."""
    doc = verb.doc
    run: list[Any] = []
    for tok in doc[verb.i + 1 : min(len(doc), verb.i + 1 + _NAME_WORDS + 1)]:
        if _stops(tok):
            break
        run.append(tok)
    else:
        return None  # no punctuation closes the run: a clause, not a name
    if not run or len(run) > _NAME_WORDS:
        return None
    if any(t.pos_ in ("ADP", "SCONJ", "PRON", "AUX") or t.dep_ == "mark" for t in run):
        return None
    last = run[-1]
    if not (last.is_alpha and last.text[:1].isupper()) or last.ent_type_ in ("DATE", "TIME"):
        return None
    first = len(run) - 1
    while first > 0 and run[first - 1].is_alpha and run[first - 1].text[:1].isupper():
        first -= 1
    # "Democrat Elijah Cummings": a party or a title before the name is not the name.
    while first < len(run) - 1 and (
        run[first].ent_type_ == "NORP" or run[first].lower_ in ROLE_NOUNS
    ):
        first += 1
    name = run[first:]
    start, end = name[0].idx, last.idx + len(last.text)
    text = doc_text(doc)[start:end]
    found = index.at(start, end) or index.named(text)
    if found is not None and found.label in ("PERSON", "ORG"):
        return Attribution(found.key, Span(start, end), verb.lemma_.lower(), said=not unsaid(verb))
    if len(name) == 1 and last.pos_ == "PROPN" and last.ent_type_ in ("GPE", "NORP", "LOC"):
        return None  # "said Ukraine": a place, not a person
    return Attribution(
        display_name(text), Span(start, end), verb.lemma_.lower(), said=not unsaid(verb)
    )


def phrase_before_verb(verb: Any, before: Sequence[Any], index: MentionIndex) -> Attribution | None:
    """“…,” a voice over says as …: only a noun phrase stands between the closing mark
    and the verb, which the parser hung elsewhere; that phrase is the subject."""
    if not before or passive_participle(verb) or verb.pos_ not in ("VERB", "AUX"):
        return None
    if not all(t.pos_ in _PHRASE_POS or t.lower_ in ("over", "-") for t in before):
        return None
    nouns = [t for t in before if t.pos_ in ("NOUN", "PROPN")]
    if not nouns or nouns[-1].ent_type_ in ("DATE", "TIME"):
        return None
    head = nouns[-1]
    if head.lower_ in ("i", "we", "you"):
        return None
    speaker, span = resolve_subject(head, index)
    if span is not None:
        first, last = before[0], before[-1]
        span = Span(min(span.start, first.idx), max(span.end, last.idx + len(last.text)))
    return Attribution(speaker, span, verb.lemma_.lower(), said=not unsaid(verb))


def phrase_aside_then_cue(
    toks: Sequence[Any], limit: int, index: MentionIndex, is_cue: Callable[[Any], bool]
) -> Attribution | None:
    """“…,” an intelligence source, who was not authorised to speak, told Fox News: a noun
    phrase right after the quote, an aside between commas, then a verb of saying — the
    phrase is the speaker (not the one told)."""
    k = 0
    while k < min(len(toks), 6) and toks[k].pos_ in _PHRASE_POS:
        k += 1
    if k == 0 or k >= len(toks) or toks[k].text != ",":
        return None
    nouns = [t for t in toks[:k] if t.pos_ in ("NOUN", "PROPN")]
    if not nouns or nouns[-1].ent_type_ in ("DATE", "TIME", "GPE"):
        return None
    doc = toks[0].doc
    start = toks[k].i + 1
    for tok in doc[start : min(len(doc), start + 25)]:
        if tok.idx >= limit or tok.text in ".!?;" or "\n" in tok.text:
            return None
        if is_cue(tok) and doc[tok.i - 1].text == "," and tok.pos_ == "VERB":
            speaker, span = resolve_subject(nouns[-1], index)
            first = toks[0]
            head = nouns[-1]
            if span is not None:
                span = Span(min(span.start, first.idx), max(span.end, head.idx + len(head.text)))
            return Attribution(speaker, span, tok.lemma_.lower(), said=not unsaid(tok))
    return None


#: A bracketed party and state after a name ("(R-S.C.)").
_BRACKET_TAIL = re.compile(r"\s*\([^()\n]{1,24}\)\s*$")


def speaker_label(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """A transcript label opening the quote's paragraph: "Rep. Trey Gowdy (R-S.C.):"I …"" —
    only a name (with its title and party) before the colon, however the tokenizer split
    the marks (a colon glued to the quote mark hides it from the tokens)."""
    text = doc_text(doc)
    para = text.rfind("\n", 0, p.open_at) + 1
    lead = text[para : p.open_at].rstrip()
    if not lead.endswith(":"):
        return None
    lead = _BRACKET_TAIL.sub("", lead[:-1].rstrip())
    if not lead or len(lead.split()) > 8:
        return None
    end = para + len(lead)
    named = index.at(end - 1, end)
    if named is None or named.label not in ("PERSON", "ORG") or named.span.end < end - 1:
        return None
    words = doc.char_span(para, named.span.start, alignment_mode="contract")
    if words is not None and any(t.pos_ in ("VERB", "AUX", "ADP", "PRON") for t in words):
        return None  # "Trump said in an interview on Fox News:": not a label
    return Attribution(named.key, named.span, ":")


#: A digest item's source after a dash and before a colon: "Ferry numbers fell - Harbour Watch:".
_DASH_LABEL = re.compile(r"\s[-–—]\s+((?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)\s*:$")


def dash_label(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """A digest line "headline - Source: “…”": the one to four capitalised words between
    the last dash and the colon right before the quote name its source."""
    text = doc_text(doc)
    para = text.rfind("\n", 0, p.open_at) + 1
    lead = text[para : p.open_at].rstrip()
    m = _DASH_LABEL.search(lead)
    if m is None:
        return None
    start, end = para + m.start(1), para + m.end(1)
    found = index.at(start, end)
    if found is not None and found.label in ("PERSON", "ORG") and found.span.start >= start:
        return Attribution(found.key, Span(start, end), ":")
    return Attribution(display_name(text[start:end]), Span(start, end), ":")


#: Nouns of "in X's view" that make X the one whose words or view a quote gives.
_VIEW_NOUNS = frozenset({"view", "words", "opinion", "telling", "account", "estimation"})
#: Dashes that open a sign-off line under a quote ("— Hillary Clinton."): the dashes of
#: a dateline.
_DASHES = DATELINE_DASHES


def in_their_view(toks: Sequence[Any], index: MentionIndex) -> Attribution | None:
    """“…” from diplomacy to the budget, in Bolton's view: the owner of "view", "words" or
    "account" after the quote, in its sentence, said it."""
    for k, tok in enumerate(toks):
        if tok.text in ".!?;" or "\n" in tok.text:
            return None
        if tok.lower_ != "in" or k + 3 >= len(toks) + 1:
            continue
        rest = toks[k + 1 : k + 5]
        nouns = [j for j, t in enumerate(rest) if t.lower_ in _VIEW_NOUNS]
        if not nouns or nouns[0] == 0:
            continue
        owner = rest[: nouns[0]]
        if owner[-1].tag_ == "POS" or owner[-1].text in ("'s", "’s", "'", "’"):
            owner = owner[:-1]
        if not owner or owner[-1].pos_ != "PROPN":
            continue
        start, end = owner[0].idx, owner[-1].idx + len(owner[-1].text)
        named = index.at(start, end) or index.named(owner[-1].text)
        key = named.key if named is not None else display_name(doc_text(tok.doc)[start:end])
        return Attribution(key, Span(start, end), "in " + rest[nouns[0]].lower_)
    return None


def sign_off(doc: Any, p: Passage, index: MentionIndex) -> Attribution | None:
    """A quote paragraph signed on the line under it: “…”\n\n- Sanders. / — Hillary
    Clinton, tweeting after … : the name after the dash said it."""
    text = doc_text(doc)
    end = text.find("\n", p.end)
    if end < 0 or text[p.end : end].strip(" .,\"”'’") != "":
        return None  # the quote does not end its paragraph
    start = end
    while start < len(text) and text[start].isspace():
        start += 1
    line_end = text.find("\n", start)
    line = text[start : line_end if line_end >= 0 else len(text)]
    dash = next((d for d in sorted(_DASHES, key=len, reverse=True) if line.startswith(d)), None)
    if dash is None or len(line.split()) > 20:
        return None
    name_at = start + len(dash)
    while name_at < len(text) and text[name_at] == " ":
        name_at += 1
    named = index.at(name_at, name_at + 1)
    if named is not None and named.label in ("PERSON", "ORG") and named.span.start == name_at:
        return Attribution(named.key, named.span, "—")
    # A name the tagger missed: one to four capitalised words up to a comma or a period.
    words = re.match(r"((?:[A-Z][\w.'’-]*\s?){1,4}?)\s*(?:[,.]|$)", line[name_at - start :][:60])
    if words is None or not words.group(1).strip():
        return None
    name = words.group(1).strip().rstrip(".")
    found = index.named(name)
    span = Span(name_at, name_at + len(name))
    return Attribution(found.key if found is not None else display_name(name), span, "—")


def aged_noun(head: Any) -> bool:
    """Whether a word is the head of an age used as a noun ("the 43-year-old")."""
    if head.lower_ != "old" or head.i < 2:
        return False
    return doc_text(head.doc)[max(0, head.idx - 8) : head.idx].lower().rstrip("-").endswith("year")


def titled_name(toks: Sequence[Any], index: MentionIndex) -> Mention | None:
    """The person or organisation named after a title right after a quote: “…,” the Post's
    senior politics editor Steven Ginsberg responded — the name, past the title words."""
    for k, tok in enumerate(toks[:9]):
        if tok.pos_ not in _PHRASE_POS and tok.text != ",":
            return None
        named = index.at(tok.idx, tok.idx + len(tok.text))
        if named is not None and named.label == "PERSON" and named.span.start == tok.idx:
            return named if k > 0 else None
    return None


def spoken_form(tok: Any) -> bool:
    """Whether a word the tagger took for a name is a past form of a verb of saying
    ("Stated Stone:", "Added Trump:")."""
    low = tok.lower_
    if low in ("said", "wrote", "told"):
        return True
    return low.endswith("ed") and (low[:-1] in SPEECH_VERBS or low[:-2] in SPEECH_VERBS)
