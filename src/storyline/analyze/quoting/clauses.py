"""Which clause a speaking word belongs to, where the parser hung it on another one."""

from __future__ import annotations

from typing import Any

from storyline.analyze.quoting.lexicon import REPORT_VERBS

#: Clauses that end right before a participle of saying and may own it.
_CLAUSES = frozenset({"advcl", "relcl"})
#: Tags of a verb with a tense of its own.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def nearer_clause_subject(participle: Any) -> Any:
    """ "Lind asks as a porter walks past her, saying he is “…”", "Lind spoke at the hall,
    where forty skippers had gathered, chanting “…”": a participle of saying the parser
    hung on the main verb, set after a comma that closes a subordinate or relative clause
    with a subject of its own, speaks for that clause's subject (a noun or a name; a
    pronoun there is the main subject again, "as she left"). None otherwise."""
    doc = participle.doc
    if participle.tag_ != "VBG" or participle.dep_ != "advcl" or participle.i < 2:
        return None
    main = participle.head
    if main.i >= participle.i or doc[participle.i - 1].text != ",":
        return None
    tok = doc[participle.i - 2]
    clause = None
    while tok.i != main.i and tok.head.i != tok.i:
        if tok.dep_ in _CLAUSES and tok.pos_ in ("VERB", "AUX"):
            clause = tok
        tok = tok.head
    if clause is None or tok.i != main.i or clause.right_edge.i != participle.i - 2:
        return None
    if clause.tag_ not in _FINITE and not any(
        c.dep_ == "aux" and c.lower_ != "to" for c in clause.children
    ):
        return None  # "called for Kerr to resign, calling him …": the caller's words
    for child in clause.children:
        if child.dep_ == "nsubj" and child.i < clause.i and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


#: Object pronouns that cannot stand for the subject of their own verb ("Kerr called him").
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def outer_reporting_verb(verb: Any) -> Any:
    """ "Lind said Kerr is to blame and accused him of “…”": a verb with no subject, set
    after "and" in a clause that someone reports, whose object is "him", "her" or "them",
    cannot share that clause's subject (Kerr does not accuse "him"); the parser hung it
    on the reported clause, and it is the reporting verb's ("said"). None otherwise."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if not any(
        c.dep_ in ("dobj", "dative") and c.lower_ in _OBJECT_PRONOUNS for c in verb.children
    ):
        return None
    tok = verb.head
    for _ in range(4):
        if tok.dep_ == "ccomp":
            outer = tok.head
            return outer if outer.i < tok.i and outer.lemma_.lower() in REPORT_VERBS else None
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
