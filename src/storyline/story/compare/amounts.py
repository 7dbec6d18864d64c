"""Which money and percentage figures of a story's reports measure the same thing.

An amount is aligned only when its sentence says plainly what it measures: a named
party (an organisation, person or place the entity stage found), a closed-vocabulary
noun for the quantity ("shares", "fine", "settlement", "turnout") and, for moves,
their direction ("fell", "rose"). "Halvex shares fell 12%" and "Halvex stock dropped
15%" then line up; "Halvex revenue rose 5%" does not line up with either. A sentence
holding two amounts of one measure is not aligned: which is which is a guess.
Durations and distances are never aligned (docs/claims.md says why).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from storyline.lexicon.measures import AMOUNTS
from storyline.model import Claim, Mention

#: The quantity an amount measures, one name per kind ("stock" is "shares").
QUANTITIES = {
    "share": "shares", "shares": "shares", "stock": "shares", "stocks": "shares",
    "price": "price", "prices": "price", "revenue": "revenue", "revenues": "revenue",
    "sales": "sales", "profit": "profit", "profits": "profit", "earnings": "profit",
    "inflation": "inflation", "unemployment": "unemployment", "turnout": "turnout",
    "vote": "vote", "votes": "vote", "fine": "fine", "fined": "fine",
    "settlement": "settlement", "settle": "settlement", "bail": "bail", "damages": "damages",
    "ransom": "ransom", "reward": "reward", "budget": "budget", "deal": "deal",
    "contract": "deal", "bid": "bid", "offer": "bid", "tariff": "tariff", "tariffs": "tariff",
    "rate": "rate", "wage": "wage", "wages": "wage", "salary": "wage", "cost": "cost",
    "index": "index", "funding": "funding", "grant": "funding", "loan": "loan", "aid": "aid",
}  # fmt: skip
#: Direction words of a move, by stem ("fell", "fallen", "falling" are down).
MOVES = (
    (re.compile(r"(ris|rose|gain|jump|climb|surg|soar|increas|grow|grew|recover|rall|up$)"), "up"),
    (re.compile(r"(fall|fell|drop|declin|slump|plung|sink|sank|slid|tumbl|lost|los|shed|down$)"),
     "down"),
)  # fmt: skip
PARTY_LABELS = frozenset({"ORG", "PERSON", "GPE", "FAC", "LOC", "NORP", "PRODUCT"})


def amount_features(
    article: str,
    text: str,
    claim: Claim,
    claims: Sequence[Claim],
    mentions: Sequence[Mention],
    canonical: Callable[[str, str], str],
) -> tuple[str, frozenset[str]] | None:
    """(what, parties) an amount measures ("dollars|fine", {"Halvex Corp"}), or None if vague."""
    if claim.measure not in AMOUNTS:
        return None
    if sum(c.measure == claim.measure and c.sentence == claim.sentence for c in claims) > 1:
        return None
    start, end = claim.sentence.start, claim.sentence.end
    words = [
        (m.start() + start, m.group()) for m in re.finditer(r"[a-z]+", text[start:end].lower())
    ]
    quantity = _nearest(claim, [(at, QUANTITIES[w]) for at, w in words if w in QUANTITIES])
    if quantity is None:
        return None
    moves = [(at, move) for at, w in words for pattern, move in MOVES if pattern.match(w)]
    move = _nearest(claim, moves) or ""
    parties = frozenset(
        canonical(article, m.key or m.text)
        for m in mentions
        if m.label in PARTY_LABELS and start <= m.span.start < end
    )
    if not parties:  # "The stock had fallen 18 per cent": the article's own company
        orgs = Counter(m.key or m.text for m in mentions if m.label == "ORG")
        parties = frozenset(canonical(article, k) for k, _ in orgs.most_common(1))
    if not parties:
        return None
    return "|".join((claim.counted, quantity, move)), parties


def _nearest(claim: Claim, found: Sequence[tuple[int, str]]) -> str | None:
    """The word of ``found`` closest before the amount, else the first after it.

    The measured thing is usually the subject before the figure ("shares ... fell
    18 per cent after ... profit"), the unit of a money phrase may follow ("a £2m fine").
    """
    before = [f for f in found if f[0] < claim.span.start]
    if before:
        return before[-1][1]
    after = [f for f in found if f[0] >= claim.span.end]
    return after[0][1] if after else None
