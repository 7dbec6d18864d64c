"""Words run on before a person's name ("Certainly Donald Trump", "Weak - Marco Rubio")."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from storyline.analyze.naming.folding import PARTICLES


def strip_run_on(
    people: Sequence[int], folded: list[tuple[str, ...]], lower_words: Collection[str]
) -> None:
    """Fold, in place, a person's name of three words or more that ends with another full
    name of the article ("Certainly Vera Lind", "Harbour Board Doubts Vera Lind" beside
    "Vera Lind") to that name, when its first word is one the
    article also writes in lower case (``lower_words``): the words before the name are a
    headline's or a sentence's, run on into it by the tagger. A first name ("Mario
    Vargas Llosa") is not written in lower case, and a surname with a particle ("de
    Blasio", "Le Pen") is no full name of its own."""
    names = {folded[i] for i in people if len(folded[i]) >= 2 and folded[i][0] not in PARTICLES}
    for i in people:
        toks = folded[i]
        if len(toks) < 3 or toks[0] not in lower_words:
            continue
        for k in range(1, len(toks) - 1):
            if toks[k:] in names:
                folded[i] = toks[k:]
                break
