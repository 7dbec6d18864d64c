"""Descriptions that stand for a person named before: "the billionaire said", "the
retired neurosurgeon wrote", "the 58-year-old told them", "the Democrat added".

News names a person once and then varies the reference with a description of their trade,
standing or age. A role noun ("the senator", "the minister") is keyed by the title the
person was introduced with (:mod:`storyline.analyze.quoting.speakers`); these
descriptions rarely repeat a title, so they are keyed like a pronoun is, to the person the
passage is about. Only a definite, singular description whose head is a word for a person
by trade, standing or party, or an age: "the man", "the woman" (anyone in the street) and
plurals ("the candidates") stay unnamed. Read from PolNeAR train quotes whose speaker was
a description with no key.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.model import Mention
from storyline.nlp import doc_text

#: Head nouns of descriptions that stand for one person named before.
EPITHET_NOUNS = frozenset(
    """
    billionaire businessman businesswoman mogul tycoon magnate developer entrepreneur
    investor financier nominee frontrunner front-runner hopeful challenger incumbent
    neurosurgeon surgeon physician strategist pollster actress actor comedian singer
    rapper host anchor columnist commentator pundit economist professor author novelist
    activist congressman congresswoman veteran pastor preacher evangelist rabbi imam
    cleric attorney billionairess heiress heir journalist broadcaster filmmaker
    """.split()  # noqa: SIM905
)

#: How far after a name its apposition may run ("Vera Lind, a retired skipper and author,").
_APPOSITION_CHARS = 80


def _age(tok: Any) -> str | None:
    """The number of "the 58-year-old" when ``tok`` is its head "old", else None."""
    doc = tok.doc
    if not (tok.lower_ == "old" and tok.i >= 4 and doc[tok.i - 1].text == "-"):
        return None
    if doc[tok.i - 2].lower_ not in ("year", "years") or doc[tok.i - 3].text != "-":
        return None
    number = doc[tok.i - 4].text
    return number if number.isdigit() else None


def _apposition(text: str, m: Mention) -> str:
    """The words set off by commas right after a name ("Lind, 58, a retired skipper,")."""
    after = text[m.span.end : m.span.end + _APPOSITION_CHARS]
    if not after.startswith(","):
        return ""
    return after[1:].split("\n")[0].rsplit(",", 1)[0] if after.count(",") > 1 else ""


def epithet_referent(tok: Any, index: Any) -> Mention | None:
    """The person a definite singular description stands for, when ``tok`` heads one and
    exactly one person named before it was introduced with that word ("billionaire
    Jonas Kerr", "Kerr, a retired skipper,") or that age ("Kerr, 58,"); else None."""
    if tok.tag_ in ("NNS", "NNPS"):
        return None
    first = tok.left_edge
    if first.lower_ != "the" or first.head.i != tok.i:
        return None
    age = _age(tok)
    noun = tok.lemma_.lower()
    if age is None and noun not in EPITHET_NOUNS:
        return None
    text = doc_text(tok.doc)
    found: dict[str, Mention] = {}
    for n, m in enumerate(index.mentions):
        if m.span.start >= tok.idx:
            break
        if m.label != "PERSON" or index.inside_quote(m.span.start):
            continue
        aside = _apposition(text, m)
        if age is not None:
            fits = re.match(rf"\s*{age}\b", aside) is not None
        else:
            fits = noun in index.context[n] or noun in aside.lower().replace("-", " ").split()
        if fits:
            found[m.key] = m
    return next(iter(found.values())) if len(found) == 1 else None
