"""Names the tagger read as other words: a surname that is also a modal ("Will wrote",
"“…,” May said")."""

from __future__ import annotations

from typing import Any

#: Verb forms no modal takes: "will wrote", "may says" and "will described" are no English,
#: so a capitalised "Will" or "May" before one is a name.
_NOT_AFTER_MODAL = frozenset({"VBD", "VBZ", "VBN"})


def modal_surname(tok: Any) -> bool:
    """Whether ``tok`` is a capitalised modal the tagger read as an auxiliary ("Will wrote",
    "“…,” May says") before a verb form no modal takes, and the surname of a person the
    article names in full ("the columnist Harold Will"): the verb's subject."""
    if tok.tag_ != "MD" or not tok.text.istitle() or tok.dep_ != "aux":
        return False
    verb = tok.head
    if verb.tag_ not in _NOT_AFTER_MODAL or verb.i <= tok.i:
        return False
    if any(t.pos_ != "ADV" for t in tok.doc[tok.i + 1 : verb.i]):
        return False  # "Will the council say …": words between are only adverbs ("also")
    return any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text and e[-1].i != tok.i
        for e in tok.doc.ents
    )


def modal_after_quote(tok: Any) -> bool:
    """Whether a capitalised modal right after a quote's closing mark or a comma is a name
    ("“…,” Will wrote", "“…,” May said": the tagger took the name for "will", "may")."""
    doc = tok.doc
    return bool(
        tok.tag_ == "MD"
        and tok.text.istitle()
        and tok.i > 0
        and (doc[tok.i - 1].text == "," or doc[tok.i - 1].is_quote)
        and doc[tok.i - 1].tag_ != "``"
    )
