"""A quote set between dashes as an aside: its cue lies before the first dash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from storyline.analyze.numbers.victims import DATELINE_DASHES
from storyline.analyze.quoting.marks import Passage
from storyline.analyze.quoting.speakers import Attribution, MentionIndex, resolve_subject
from storyline.nlp import doc_text

_DASHES = tuple(DATELINE_DASHES)  # the dashes of a dateline, an aside's dashes too


def dash_aside(
    doc: Any,
    p: Passage,
    floor: int,
    index: MentionIndex,
    is_cue: Callable[[Any], bool],
    from_verb: Callable[[Any, MentionIndex, Passage], Attribution | None],
    noun_owner: Callable[[Any, int], Any],
) -> Attribution | None:
    """ "Lind lamented the delays - “does the council ever listen?” - and skippers who came
    to the hall said …", "Kerr's stock answer — “…” — is heard again": quoted words set
    between two dashes inside a sentence are an aside to the clause before them; the
    verb of saying or the noun of saying with an owner nearest before the first dash, in
    that sentence, gives the speaker (a cue after the closing dash belongs to the rest
    of the sentence). None when the quote is no such aside or no cue comes before it."""
    text = doc_text(doc)
    close = p.close_at if p.close_at is not None else p.end
    before = text[floor : p.open_at].rstrip()
    after = text[close + 1 : close + 6].lstrip()
    if not (before.endswith(_DASHES) and after.startswith(_DASHES)):
        return None
    span = doc.char_span(floor, p.open_at, alignment_mode="contract")
    if span is None:
        return None
    for tok in reversed(list(span)):
        if tok.text in (".", "!", "?", ";") or "\n" in tok.text or index.inside_quote(tok.idx):
            return None
        if is_cue(tok):
            return from_verb(tok, index, p)
        owner = noun_owner(tok, span.end)
        if owner is not None:
            speaker, found = resolve_subject(owner, index)
            return Attribution(speaker, found, tok.lemma_.lower())
    return None
