"""Lead-ins that give a quote to the owner of its words ("in the Gazette's words, “…”")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from storyline.analyze.quoting.speakers import _proper_run, resolve_subject
from storyline.model import Span

if TYPE_CHECKING:
    from storyline.analyze.quoting.speakers import MentionIndex

#: Writings whose words the quote after "From X's …:" gives.
_WRITINGS = frozenset(
    """post tweet statement letter email e-mail memo message note blog column essay op-ed
    speech remarks book memoir""".split()  # noqa: SIM905
)
_FIRST_PERSON = frozenset({"my", "our", "your"})


def words_owner(toks: Sequence[Any]) -> Any:
    """The owner named in a lead-in that ends right before a quote's opening mark: "in
    the Gazette's words, “…”", "in the words of Mayor Lind, “…”", "From Kerr's Facebook
    post: “…”". None otherwise."""
    last = [t for t in toks if not t.is_space]
    if len(last) < 3 or last[-1].text not in (",", ":"):
        return None
    noun = last[-2]
    prep = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or prep.i >= noun.i:
        return None
    lemma = noun.lemma_.lower()
    if not (
        (prep.lower_ == "in" and lemma == "word" and noun.tag_ == "NNS")
        or (prep.lower_ == "from" and lemma in _WRITINGS)
    ):
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in _FIRST_PERSON:
            return child
    return None


def resolve_owner(owner: Any, index: MentionIndex) -> tuple[str | None, Span | None]:
    """The entity an owner of words names; a mention the tagger ran on past the owner
    into the writing ("Kerr's Facebook" as one organisation) gives way to the owner's
    own name."""
    speaker, span = resolve_subject(owner, index)
    end = owner.idx + len(owner.text)
    if span is None or span.end <= end + 3:  # "Kerr" or "Kerr's"
        return speaker, span
    named = index.named(owner.text)
    if named is not None:
        return named.key, Span(owner.idx, end)
    return _proper_run(owner)
