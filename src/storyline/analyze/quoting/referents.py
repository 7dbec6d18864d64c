"""What "it", "the agency" or "who" stands for when it is the subject of a cue.

"it said" after a sentence about an organisation means that organisation, even when
other organisations or places are named closer to the pronoun: in "An analysis by the
Centre for Policy Studies said ... “…,” it said", "it" is the analysis, so its author,
not the last organisation named inside it. The subject of the main clause of the same
sentence (before the pronoun) or of the previous sentence outside quotes is tried first;
the nearest organisation or place named before the pronoun comes last.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from storyline.analyze.quoting.lexicon import REPORT_VERBS
from storyline.model import Mention


class MentionIndex(Protocol):
    """What these rules read of a document's mentions (``speakers.MentionIndex`` gives it)."""

    @property
    def mentions(self) -> Sequence[Mention]:
        """The mentions in text order."""

    def at(self, start: int, end: int) -> Mention | None:
        """The mention covering ``[start, end)``, if any."""

    def inside_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside quoted words."""

    def antecedent(self, pos: int, labels: frozenset[str]) -> Mention | None:
        """The nearest mention with one of ``labels`` before ``pos``, outside quotes."""


#: Labels of things that say things without being people.
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})

#: Nouns that refer back to an organisation ("the agency said").
ORG_NOUNS = frozenset(
    """agency ministry company firm group organisation organization service army military
    government office department committee council institute union bank court authority
    authorities watchdog regulator broadcaster newspaper outlet channel network tank
    centre center administration commission parliament operator""".split()  # noqa: SIM905
)

_NAMED = ORG_LABELS - {"NORP"}  # "Ukrainian officials" name no one in particular
_PRONOUNS = frozenset({"it", "they", "he", "she", "this", "that", "which", "who"})
_SUBJECTS = ("nsubj", "nsubjpass")
_LOOKBACK = 3  # sentences


def _subject(sent: Any, before: int | None) -> Any:
    """The subject of a sentence: of its last verb of saying outside quotes ("X's air
    force reported"), else of its main verb; before token ``before`` when given."""
    found = None
    for tok in sent:
        if before is not None and tok.i >= before:
            break
        if tok.dep_ in _SUBJECTS and tok.head.lemma_.lower() in REPORT_VERBS:
            found = tok
    if found is not None:
        return found
    for child in sent.root.children:
        if child.dep_ in _SUBJECTS and (before is None or child.i < before):
            return child
    return None


def _clause_subject(tok: Any) -> Any:
    """The subject of the nearest clause above the pronoun's own, before it: in "with
    X rejecting what it described as ...", "it" is X."""
    head = tok.head
    for _ in range(4):
        if head.head.i == head.i:
            return None
        head = head.head
        for child in head.children:
            if child.dep_ in _SUBJECTS and child.i < tok.i and child.i != tok.i:
                return child
    return None


def _named_in(subj: Any, index: MentionIndex) -> tuple[bool, Mention | None]:
    """The organisation a subject phrase names: its head, else one named inside it.

    The flag says the trail ends here: the subject is a person or a pronoun, or it
    named an organisation.
    """
    if subj.lower_ in _PRONOUNS or subj.tag_ in ("NNS", "NNPS"):
        return True, None  # "Russian forces", "both sides": not what "it" stands for
    head = index.at(subj.idx, subj.idx + len(subj.text))
    if head is not None:
        return True, head if head.label in _NAMED else None
    doc = subj.doc
    start = doc[subj.left_edge.i].idx
    last = doc[subj.right_edge.i]
    end = last.idx + len(last.text)
    inside = [
        m
        for m in index.mentions
        if start <= m.span.start and m.span.end <= end and m.label in _NAMED
    ]
    # The author ("an analysis by X") or the owner ("X's air force") of a described thing.
    inside.sort(key=lambda m: (m.label != "ORG", m.span.start))
    return bool(inside), inside[0] if inside else None


def org_referent(tok: Any, index: MentionIndex, strict: bool = False) -> Mention | None:
    """The organisation or place a pronoun or an organisation noun stands for.

    ``strict`` (for "the agency", "the ministry") looks only at the sentence before and
    gives None rather than the nearest organisation named.
    """
    doc = tok.doc
    sent = tok.sent
    own = _clause_subject(tok) or _subject(sent, tok.i)
    if own is not None and own.i != tok.i:
        _, found = _named_in(own, index)
        if found is not None and _fits(found, strict):
            return found
    pos = sent.start
    for _ in range(1 if strict else _LOOKBACK):
        if pos <= 0:
            break
        prev = doc[pos - 1].sent
        pos = prev.start
        if index.inside_quote(prev.root.idx):
            continue  # the sentences of a quote say nothing about who speaks
        subj = _subject(prev, None)
        if subj is None:
            continue
        if subj.lower_ == "it" and not strict:
            return org_referent(subj, index)  # "It said ... It added ...": the same one
        stop, found = _named_in(subj, index)
        if found is not None and _fits(found, strict):
            return found
        if stop:
            break
        if subj.lemma_.lower() in ORG_NOUNS and subj.tag_ == "NN":
            # "The agency claimed ... It also said ...": whatever "the agency" was.
            return org_referent(subj, index, strict=True)
    if strict:
        return _named_like(tok, index)
    return index.antecedent(tok.idx, frozenset({"ORG", "GPE"}))


def _fits(found: Mention, strict: bool) -> bool:
    """Whether a mention can be what "it" (any organisation or place) or "the council"
    (``strict``: an organisation, never the town it sits in) stands for."""
    return not strict or found.label == "ORG"


def _named_like(tok: Any, index: MentionIndex) -> Mention | None:
    """The latest organisation before ``tok`` whose name holds the noun ("the ministry"
    -> "Defence Ministry")."""
    noun = tok.lemma_.lower()
    for m in reversed(index.mentions):
        if m.span.start < tok.idx and noun in m.text.lower().split():
            return m
    return None


def relative_head(tok: Any) -> Any:
    """The noun a relative pronoun subject stands for ("Trump, who says ..." -> Trump)."""
    if tok.lower_ not in ("who", "which", "that"):
        return None
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "Kerr, who runs the yard and who worked the crowd, …"
    return clause.head if clause.dep_ == "relcl" else None
