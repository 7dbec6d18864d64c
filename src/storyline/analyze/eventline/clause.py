"""Dependency helpers for timeline event lines: which clause a time dates, and its words.

The governing verb of a time expression, the verb's subject (a relative pronoun
gives way to its antecedent), the tokens to take out with the time (only where it
is an adverbial), the clause's words (subject, verb, objects, complements), and
shortening by whole modifiers. Tokens are compared by index: spaCy makes a new
``Token`` object on every access, so ``is`` never holds between two of them.
"""

from __future__ import annotations

from typing import Any

#: Longest line, in words.
MAX_WORDS = 16

#: Verbs whose event is what they report: their clause complement is kept.
REPORTING = frozenset(
    {
        "say", "tell", "add", "write", "state", "report", "note", "claim", "warn",
        "insist", "argue", "explain", "comment", "stress", "suggest", "believe", "think",
    }
)  # fmt: skip
#: Children of the verb that make its clause: objects, complements, auxiliaries.
_CLAUSE_DEPS = frozenset(
    {"neg", "prt", "dobj", "attr", "acomp", "xcomp", "dative", "agent", "oprd", "aux",
     "auxpass", "npadvmod"}
)  # fmt: skip
#: Words that open a relative or subordinate clause, never a line.
RELATIVE = frozenset({"which", "that", "who", "whom", "whose", "where", "when"})
#: Modifiers a line can lose without becoming ungrammatical, dropped right to left.
_OPTIONAL = frozenset(
    {"relcl", "acl", "appos", "advcl", "conj", "cc", "parataxis", "prep", "npadvmod", "advmod"}
)
_CLAUSAL = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})


def governing_verb(span: Any, sent: Any) -> Any:
    """The verb the time dates; None when it only dates a noun after the main verb."""
    tok = span.root if span is not None and len(span) else None
    for _ in range(8):
        if tok is None:
            break
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ == "acl" and tok.head.dep_ == "pobj":
            # "In a statement read on Thursday, X announced": an introductory phrase
            # dates the main clause; "down from a forecast given in November" does not.
            if tok.i > sent.root.i:
                return None
        elif tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return sent.root


def subject(verb: Any) -> list[Any]:
    """The subject's words, borrowed from the governing verb for "plans to speak"."""
    v = verb
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in RELATIVE and v.dep_ == "relcl":
                noun = v.head  # "the invasion, which began": the invasion
                drop = {t.i for c in noun.children if c.dep_ in _OPTIONAL for t in c.subtree}
                return [t for t in noun.subtree if t.i not in drop and t.i < v.i and t.i != subj.i]
            # "Corvana Foods, the maker of ...": appositions and clauses anywhere go
            drop = {
                t.i
                for c in subj.subtree
                if c.dep_ in ("relcl", "appos", "acl", "advcl") and c.i != subj.i
                for t in c.subtree
            }
            drop |= {t.i for t in subj.subtree if t.dep_ == "punct"}
            return [t for t in subj.subtree if t.i not in drop]
        if v.dep_ == "acl" and v.head.i != v.i:  # "Crimea, annexed in 2014": Crimea
            noun = v.head
            return [t for t in noun.subtree if noun.left_edge.i <= t.i <= noun.i][-6:]
        if v.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acomp") and v.head.i != v.i:
            v = v.head
        else:
            break
    return []


def time_tokens(span: Any, verb: Any) -> set[int]:
    """Tokens to take out with the time: the expression and the words introducing it.

    A time that is an argument of its clause (subject, object) stays: taking it out
    would leave "A wet damaged the harvest".
    """
    if span is None or not len(span):
        return set()
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos", "conj"):
        return set()
    ids = set(range(span.start, span.end))
    # determiners and adjectives of the time noun go with it ("after a wet summer"),
    # and so does the possessive ending of "last week's derailment"
    ids.update(c.i for c in root.lefts if c.dep_ in ("det", "amod", "case", "nummod", "compound"))
    ids.update(c.i for c in root.rights if c.dep_ == "case")
    tok = root
    # up to its preposition ("on Monday") and an adverb introducing it ("earlier on
    # Monday"), but not through a particle or a preposition it does not complete
    # ("took over in 2022" keeps "over")
    while (
        tok.head.i != tok.i
        and tok.head.i != verb.i
        and tok.head.dep_ != "prt"
        and (
            (tok.head.pos_ == "ADP" and tok.dep_ in ("pobj", "pcomp"))
            or tok.head.pos_ in ("ADV", "PART")
        )
    ):
        tok = tok.head
        ids.add(tok.i)
    for t in list(ids):
        ids.update(
            c.i
            for c in span.doc[t].children
            if c.dep_ in ("case", "advmod")
            and c.i not in ids
            and c.pos_ in ("PART", "ADV")
            and c.i < t
        )
    return ids


def clause_ids(verb: Any, subj: list[Any]) -> set[int]:
    keep: set[int] = {verb.i}
    head = verb
    while head.dep_ in ("xcomp", "acomp") and head.head.i != head.i and len(keep) < 4:
        head = head.head  # "plans to speak", "is due to visit": keep "plans", "is due"
        keep.add(head.i)
        keep.update(c.i for c in head.children if c.dep_ in ("aux", "neg"))
    shared = [  # "derailed and set fire": verbs sharing the subject stay together
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    for c in shared:
        keep.update(t.i for t in c.subtree)
        keep.update(g.i for g in verb.children if g.dep_ == "cc" and g.i < c.i)
    for child in verb.children:
        if (
            (
                child.dep_ == "ccomp"
                and (
                    verb.lemma_.lower() in REPORTING | {"announce"}
                    or child.pos_ in ("NOUN", "PROPN")  # an object parsed as a clause
                    or len(list(child.subtree)) <= 8
                )
            )
            or child.dep_ in _CLAUSE_DEPS
            or (child.dep_ == "prep" and child.i > verb.i)
        ):
            keep.update(t.i for t in child.subtree)
    keep.update(t.i for t in subj)
    return keep


def shorten(sent: Any, keep: set[int], fixed: set[int], subj: list[Any]) -> set[int]:
    """Drop whole optional modifiers until the line fits.

    Clauses hanging on nouns go first (relative clauses, appositions), then the
    subject's own trailing phrases beyond eight words, then any optional modifier,
    rightmost first. A dropped conjunct takes its "and" with it.
    """
    keep = set(keep)
    subj_ids = {t.i for t in subj}
    doc = sent.doc

    def drop(tok: Any) -> None:
        keep.difference_update(t.i for t in tok.subtree)
        if tok.dep_ == "conj":
            keep.difference_update(c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i)

    def candidates(deps: frozenset[str], within: set[int] | None = None) -> list[Any]:
        return [
            t
            for t in (doc[i] for i in range(sent.start, sent.end) if i in keep)
            if t.i not in fixed
            and t.dep_ in deps
            and t.head.i in keep
            and (within is None or t.i in within)
        ]

    for deps, within, limit in (
        (_CLAUSAL, None, MAX_WORDS),
        (_OPTIONAL, subj_ids, 8),
        (_OPTIONAL, None, MAX_WORDS),
    ):
        while len(keep & (within or keep)) > limit:
            cands = candidates(deps, within)
            if not cands:
                break
            drop(max(cands, key=lambda t: t.i))
            if within is None and len(keep) <= limit:
                break
    return keep
