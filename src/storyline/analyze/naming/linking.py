"""Linking the mentions of one article: one label and one key per entity.

Every mention gets the fullest form of its entity's name in the article as key
("Trump" -> "Donald Trump"), and all mentions of one name get one label, voted over
the article (the small tagger labels the same name differently from one sentence to
the next).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from storyline.analyze.naming.folding import (
    PARTICLES,
    display_name,
    fold,
    name_tokens,
    strip_titles,
    translit,
)
from storyline.analyze.naming.kinds import ORG_WORDS
from storyline.analyze.naming.matching import (
    compatible_org,
    compatible_person,
    org_core,
    org_order,
)
from storyline.analyze.naming.places import place_key
from storyline.analyze.naming.prefixed import strip_run_on
from storyline.lexicon.labels import AREA_LABELS as _PLACES
from storyline.model import Span


def link_names(
    items: Sequence[tuple[Span, str, str]],
    placed: Sequence[bool] = (),
    aliases: Sequence[tuple[int, int]] = (),
    lower_words: Collection[str] = frozenset(),
) -> tuple[tuple[str, str], ...]:
    """Label and key for each ``(span, text, label)`` mention of one article, in order.

    Mentions of one entity share a key: the fullest form of its name in the article.
    A surname links to the full name it completes; when two people share the surname
    it links to the nearest full name before it (else after it). ``placed`` marks the
    mentions that a place list or the context shows to be places ("in Kherson");
    ``aliases`` pairs a mention with the short form given in brackets after it
    ("Singapore Airlines (SIA)"), which then keys to it everywhere in the article.
    ``lower_words`` are the words the article writes in lower case: a name that is such a
    word run on into another full name of the article is that name.
    """
    folded = [_vote_key(text, label) for _, text, label in items]
    cued = {toks for toks, p in zip(folded, placed, strict=False) if p}
    labels = _vote_labels(items, folded, cued)
    folded = [strip_titles(name_tokens(text)) for _, text, _ in items]
    # Titles only prefix people: "General Motors" and "State Department" keep every word.
    folded = [
        toks if label == "PERSON" else org_order(name_tokens(text))
        for toks, label, (_, text, _) in zip(folded, labels, items, strict=True)
    ]
    keys = [items[i][1] for i in range(len(items))]
    # The best surface text for each distinct folded name: the longest, not in capitals.
    fullest: dict[tuple[str, ...], str] = {}
    for i, toks in enumerate(folded):
        text = display_name(items[i][1], person=labels[i] == "PERSON")
        if toks and (toks not in fullest or _display_rank(text) > _display_rank(fullest[toks])):
            fullest[toks] = text
    # A known place ("Singapore") is not short for a company named after it; an unknown
    # name the tagger calls a place ("Corvana") may well be the company itself.
    known_place = [
        lab in _PLACES and place_key(text) is not None
        for lab, (_, text, _) in zip(labels, items, strict=True)
    ]
    people = [i for i, lab in enumerate(labels) if lab == "PERSON"]
    others = [i for i, lab in enumerate(labels) if lab != "PERSON"]
    strip_run_on(people, folded, lower_words)  # after ``fullest``: those words name no one
    for group, compatible in ((people, compatible_person), (others, compatible_org)):
        for i in group:
            if not folded[i]:
                keys[i] = display_name(items[i][1], person=labels[i] == "PERSON")
                continue
            cands = [
                j
                for j in group
                if folded[j] != folded[i]
                and len(folded[j]) >= len(folded[i])
                and (labels[j] == "PRODUCT") == (labels[i] == "PRODUCT")
                and not (known_place[i] and labels[j] not in _PLACES)
                and compatible(folded[i], folded[j])
            ]
            if compatible is compatible_org:
                cands = _unambiguous(folded[i], cands, folded)
            best: int | None = None
            for j in cands:
                if best is None or _closer(i, j, best, items, folded):
                    best = j
            keys[i] = fullest[folded[best] if best is not None else folded[i]]
    _apply_aliases(items, labels, folded, keys, aliases)
    return tuple(zip(labels, keys, strict=True))


def _apply_aliases(
    items: Sequence[tuple[Span, str, str]],
    labels: Sequence[str],
    folded: Sequence[tuple[str, ...]],
    keys: list[str],
    aliases: Sequence[tuple[int, int]],
) -> None:
    """Key each use of a bracketed short form to the name it was introduced with."""
    named: dict[tuple[str, ...], str] = {}
    for i, (_, text, _) in enumerate(items):
        inner = text.split("(", 1)[1].strip(" )") if "(" in text else ""
        if inner and len(name_tokens(inner)) == 1 and labels[i] != "PERSON":
            named.setdefault(name_tokens(inner), keys[i])
    for full, short in aliases:
        if labels[full] != "PERSON" and len(folded[short]) == 1:
            named.setdefault(folded[short], keys[full])
    for i, toks in enumerate(folded):
        if labels[i] != "PERSON" and toks in named and keys[i] == display_name(items[i][1], False):
            keys[i] = named[toks]


#: Titles that only ever stand before a person's name, whatever the tagger's label.
_PERSON_TITLES = frozenset(
    """mr mrs ms dr mayor governor senator president minister judge sir dame chancellor
    premier sheikh prof professor""".split()  # noqa: SIM905
)


def _vote_key(text: str, label: str) -> tuple[str, ...]:
    """The name a mention votes for: titles cut for people, or before a person's title.

    "General Motors" tagged ORG keeps "general"; "President Trump" tagged ORG votes
    with "Trump".
    """
    tokens = name_tokens(text)
    stripped = strip_titles(tokens)
    if label == "PERSON" or stripped == tokens:
        return stripped
    return stripped if tokens[0].rstrip(".") in _PERSON_TITLES else tokens


def _unambiguous(
    short: tuple[str, ...], cands: list[int], folded: Sequence[tuple[str, ...]]
) -> list[int]:
    """Longer organisation names a short one may stand for, when that is not ambiguous.

    The same name with a corporate word ("Apple Inc.") wins; otherwise every longer
    form must be a form of one thing ("Dow Jones" within "Dow Jones Industrial
    Average"), not two ("Apple Corps" and "Apple TV").
    """
    same = [j for j in cands if org_core(folded[j]) == org_core(short)]
    if same:
        return same
    if acronym_of := [j for j in cands if len(short) == 1 and short[0] not in folded[j]]:
        return acronym_of
    names = {org_core(folded[j]) for j in cands}
    if len(names) <= 1:
        return cands
    longest = max(sorted(names), key=len)
    if all(compatible_org(n, longest) for n in names):
        return cands
    return []


def _display_rank(text: str) -> tuple[int, bool]:
    """Preference of one spelling over another for display: longer, then not in capitals."""
    return (len(text), not text.isupper())


def _closer(
    i: int, j: int, best: int, items: Sequence[tuple[Span, str, str]], folded: list[tuple[str, ...]]
) -> bool:
    """Whether candidate ``j`` is a better antecedent for ``i`` than ``best``."""
    if len(folded[j]) != len(folded[best]):
        return len(folded[j]) > len(folded[best])
    pos = items[i][0].start

    def distance(k: int) -> tuple[int, int]:
        d = pos - items[k][0].start
        return (0, d) if d >= 0 else (1, -d)  # before the mention first, then after

    return distance(j) < distance(best)


def _vote_labels(
    items: Sequence[tuple[Span, str, str]],
    folded: list[tuple[str, ...]],
    cued: set[tuple[str, ...]],
) -> list[str]:
    """One label per distinct name: a name ever tagged PERSON, or a person's surname, is one."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for (_, _, label), toks in zip(items, folded, strict=True):
        votes[toks][label] += 1
    surnames = {
        translit(toks[-1])
        for toks, c in votes.items()
        if len(toks) >= 2 and c.most_common(1)[0][0] == "PERSON"
    }
    org_heads = {
        toks[0]
        for toks, c in votes.items()
        if len(toks) >= 2 and toks[0] not in PARTICLES and c.most_common(1)[0][0] == "ORG"
    }
    chosen: dict[tuple[str, ...], str] = {}
    for toks, c in votes.items():
        # A lone word tagged PERSON once is a person (the tagger mislabels surnames),
        # unless it is shown to be a place ("Kherson": "in Kherson", "Kherson region").
        if len(toks) == 1 and toks in cued and translit(toks[0]) not in surnames:
            chosen[toks] = "GPE"
            continue
        lone = len(toks) == 1
        surname = len(toks) == 1 or (len(toks) <= 3 and toks[0] in PARTICLES)
        if (c["PERSON"] and (lone or (len(toks) > 1 and c["PERSON"] * 2 >= sum(c.values())))) or (
            surname
            and translit(toks[-1]) in surnames
            and not c["NORP"]
            # "Ford" beside "Ford Motor Company" and "William Clay Ford" is the company.
            and (c["PERSON"] > 0 or toks[0] not in org_heads)
        ):
            chosen[toks] = "PERSON"
        else:
            chosen[toks] = c.most_common(1)[0][0]
    # "Emil Varga" tagged ORG but "Varga" alone tagged PERSON: the full name is the person.
    lone_people = {translit(t[0]) for t, lab in chosen.items() if len(t) == 1 and lab == "PERSON"}
    for (_, text, _), toks in zip(items, folded, strict=True):
        if (
            chosen[toks] != "PERSON"
            and 2 <= len(toks) <= 3
            and translit(toks[-1]) in lone_people
            and all(w.isalpha() and w.istitle() for w in text.split())
            and not any(fold(w) in ORG_WORDS for w in text.split())
        ):
            chosen[toks] = "PERSON"
    return [chosen[toks] for toks in folded]
