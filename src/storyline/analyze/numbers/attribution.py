"""Who gives a figure: the named source of a claim, or None for the outlet itself.

Read from the sentence: "according to X", "citing X", "X said/claimed/reported
(that) ...", "..., X said", and a figure inside quotation marks spoken by the
subject of the speech verb outside them. A pronoun source ("It said ...") is
resolved to the source of the previous attributed sentence.
"""

from __future__ import annotations

from typing import Any

from storyline.analyze.numbers.measures import SPEECH_VERBS
from storyline.nlp import doc_lemmas, doc_strings

PRONOUN_SOURCES = frozenset({"it", "he", "she", "they", "we", "i"})
QUOTES = frozenset({'"', "“", "”", "«", "»", "'", "‘", "’"})
#: Speech verbs that do not name a source of a figure when they head the clause.
WEAK = frozenset({"show", "suggest", "put", "count", "record", "update", "note"})
MAX_TOKENS = 14
SOURCE_NOUNS = frozenset(
    """
    official police source data figure ministry agency report statement authority spokesman
    spokeswoman spokesperson governor mayor witness hospital service department office
    military army government media outlet newspaper channel
    """.split()  # noqa: SIM905
)


def _phrase(tokens: list[Any]) -> str:
    """Source text from its tokens: no leading article, no trailing punctuation or clause."""
    out: list[Any] = []
    for tok in tokens:
        if tok.text in (",", "(", ";", "—", "–") and out:
            break
        if tok.dep_ in ("relcl", "acl") and out:
            break
        out.append(tok)
    while out and (out[0].lower_ in ("the", "a", "an") or out[0].is_punct):
        out = out[1:]
    while out and (out[-1].is_punct or out[-1].lower_ in ("'s", "’s")):
        out = out[:-1]
    out = out[:MAX_TOKENS]
    if not out:
        return ""
    doc = out[0].doc
    return str(doc[out[0].i : out[-1].i + 1].text).strip()


def _names_source(tok: Any) -> bool:
    """Whether a cited phrase names a source ("officials", "police data"), not a reason."""
    words = list(tok.subtree)
    return any(t.pos_ == "PROPN" for t in words) or any(
        t.lemma_.lower() in SOURCE_NOUNS for t in words
    )


def _subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("that", "which"):
            return child
    return None


def _according(sent: Any) -> str | None:
    words = doc_strings(sent.doc, "LOWER")[sent.start : sent.end]
    if "according" not in words and "citing" not in words:
        return None  # the words read from the doc's column: no token made for each
    for tok in sent:
        low = tok.lower_
        if low == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            objs = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if not objs:
                objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                return _phrase(list(objs[0].subtree))
        if low == "citing" and tok.dep_ in ("advcl", "prep", "xcomp", "acl"):
            objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
            if objs and _names_source(objs[0]):
                return _phrase(list(objs[0].subtree))
    return None


def _inside_quotes(sent: Any, index: int) -> bool:
    """Whether token ``index`` lies between an odd number of quotation marks in ``sent``."""
    texts = doc_strings(sent.doc, "ORTH")[sent.start : min(index, sent.end)]
    marks = sum(1 for t in texts if t in QUOTES and t not in ("'", "’"))
    return marks % 2 == 1


def _speech_verb(sent: Any, index: int) -> Any | None:
    """The speech verb governing token ``index``, or the one outside its quotation."""
    tok = sent.doc[index]
    cur = tok
    for _ in range(12):
        lemma = cur.lemma_.lower()
        speech = lemma in SPEECH_VERBS and lemma not in WEAK and cur.pos_ == "VERB"
        if speech and cur.i != tok.i and _subject(cur) is not None:
            return cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    if _inside_quotes(sent, index):
        for cand in sent:
            if (
                cand.lemma_.lower() in SPEECH_VERBS
                and cand.pos_ == "VERB"
                and not _inside_quotes(sent, cand.i)
                and cand.text not in QUOTES
                and _subject(cand) is not None
            ):
                return cand
    return None


def _trailing(sent: Any) -> Any | None:
    """A speech verb closing the sentence after a comma: "..., police said."."""
    lemmas, doc = doc_lemmas(sent.doc), sent.doc
    for i in range(sent.start, sent.end):
        if lemmas[i] not in SPEECH_VERBS:
            continue  # no token made for the other words
        tok = doc[i]
        if (
            tok.lemma_.lower() in SPEECH_VERBS
            and tok.lemma_.lower() not in WEAK
            and tok.pos_ == "VERB"
            and not _inside_quotes(sent, tok.i)
        ):
            subject = _subject(tok)
            if subject is None:
                continue
            before = sent.doc[subject.left_edge.i - 1] if subject.left_edge.i > sent.start else None
            rest = [t for t in sent.doc[tok.i + 1 : sent.end] if not t.is_punct]
            if before is not None and before.text in (",", "”", '"') and len(rest) <= 8:
                return tok
    return None


def find_attribution(sent: Any, index: int, previous: str | None) -> str | None:
    """The named source of the figure at token ``index`` of sentence ``sent``, if any."""
    according = _according(sent)
    if according:
        return according
    verb = _speech_verb(sent, index) or _trailing(sent)
    if verb is None:
        return None
    subject = _subject(verb)
    if subject is None or subject.left_edge.i <= index <= subject.right_edge.i:
        return None
    if subject.lower_ in PRONOUN_SOURCES:
        return previous
    text = _phrase(list(subject.subtree))
    return text or None


def sentence_source(sent: Any) -> str | None:
    """The source a sentence names as a whole ("Police said ...", "according to ..."), if any."""
    according = _according(sent)
    if according:
        return according
    for verb in (sent.root, _trailing(sent)):
        if verb is None or verb.lemma_.lower() not in SPEECH_VERBS or verb.lemma_ in WEAK:
            continue
        subject = _subject(verb)
        if subject is not None and subject.lower_ not in PRONOUN_SOURCES:
            return _phrase(list(subject.subtree)) or None
    return None
