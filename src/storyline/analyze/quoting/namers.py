"""Who gives a thing the quoted name: the "by" after a naming verb's quote.

"the town, called the “Gateway to the Lakes” by its residents" and "a plan often labelled
as a “land grab” by its critics": the verb has no subject of its own (a participle, or a
past form the parser could not hang on a subject), and the one doing the naming stands
after the quote's closing mark, as the object of "by". Read from PolNeAR train errors
(tenth round on speakers), where such quotes had no speaker or the subject of another
clause.
"""

from __future__ import annotations

from typing import Any

from storyline.analyze.quoting.marks import Passage
from storyline.nlp import doc_text

#: Verbs that give a name or a label to something ("called it “…”", "dubbed “…”").
NAMING_VERBS = frozenset(
    """call dub label brand nickname term describe characterize characterise""".split()  # noqa: SIM905
)
#: Words that stand for no one in particular after "by" ("by it", "by this").
_NOT_NAMERS = frozenset({"it", "this", "that", "them", "far", "then", "now", "way"})


def namer_after(verb: Any, quote: Passage) -> Any:
    """The object of a "by" right after the quote that a naming verb with no subject
    introduces ("called the “…” by the citizens"), or None."""
    if verb.lemma_.lower() not in NAMING_VERBS or quote.close_at is None:
        return None
    if verb.idx > quote.open_at or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.tag_ != "VBG"
        for c in verb.children
    ):
        return None  # (a participle the parser made a subject is none: "Boasting …")
    doc = verb.doc
    between = doc_text(doc)[verb.idx : quote.open_at]
    if any(ch in between for ch in ".;:\n") or len(between.split()) > 6:
        return None  # the quote is the name this verb gives, right after it
    after = doc.char_span(quote.close_at, quote.close_at + 1, alignment_mode="expand")
    if after is None or not len(after):
        return None
    i = after[-1].i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "by":
        return None
    objs = [c for c in doc[i].children if c.dep_ in ("pobj", "pcomp")]
    if not objs:
        # The parser may hang the noun elsewhere: the first noun after "by".
        objs = [t for t in doc[i + 1 : i + 5] if t.pos_ in ("NOUN", "PROPN")][:1]
    if not objs or objs[0].lower_ in _NOT_NAMERS or objs[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return objs[0]
