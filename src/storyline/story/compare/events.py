"""Which claims of a story's reports speak of the same event (for ``story.compare.claims``).

Two figures of one measure are aligned only when nothing tells their events apart:
the same target, a shared place, a compatible event word, compatible dates; a
background figure dated to a year or a month ("last year three people died at
the same junction") is never aligned with today's. Rules: docs/claims.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.analyze.numbers.about import EVENT_NOUNS, TARGETS
from storyline.analyze.numbers.tally import is_background
from storyline.lexicon.measures import AMOUNTS, IMPLIED, LOOSE, TOLLS
from storyline.model import Claim

SYNONYMS = {"minibus": "bus", "coach": "bus", "lorry": "truck", "home": "house",
            "swap": "exchange", "airstrike": "strike", "blast": "explosion",
            "collision": "crash", "wreck": "crash", "pileup": "crash", "blaze": "fire",
            "wildfire": "fire", "bombardment": "shelling", "quake": "earthquake"}  # fmt: skip
AGGREGATE = frozenset({"across", "overall", "total", "since", "recent", "so"})


#: (targets, places, event words, aggregate) of one claim.
Features = tuple[frozenset[str], frozenset[str], frozenset[str], bool]


@dataclass(frozen=True, slots=True)
class Item:
    """One claim of one article, with what alignment needs to know about it."""

    article: str
    published: str | None
    claim: Claim
    targets: frozenset[str]
    places: frozenset[str]
    events: frozenset[str]
    aggregate: bool
    party: str | None

    def featureless(self) -> bool:
        return not (self.targets or self.places or self.events)


def features(
    article: str, claim: Claim, canonical: Callable[[str, str], str], _analyzed: object = None
) -> Features:
    """(targets, places, event words, aggregate) of a claim, from its ``about``."""
    about = claim.about
    words = re.findall(r"[\w’'-]+", about)
    lower = [w.lower() for w in words]
    targets = frozenset(SYNONYMS.get(w, w) for w in lower if w in TARGETS)
    found = {w.rstrip("s") if w.rstrip("s") in EVENT_NOUNS else w for w in lower
             if w in EVENT_NOUNS or w.rstrip("s") in EVENT_NOUNS}  # fmt: skip
    if claim.measure in IMPLIED:
        found.add(IMPLIED[claim.measure])
    events = frozenset(SYNONYMS.get(w, w) for w in found)
    places: set[str] = set()
    if " in " in f" {about}":
        for name in about.split(" in ", 1)[-1].split(", "):
            if name and name[0].isupper():
                places.add(canonical(article, name.strip()))
    plural = any(w not in EVENT_NOUNS and w.endswith("s") and w[:-1] in EVENT_NOUNS
                 for w in lower)  # fmt: skip
    aggregate = plural or bool(AGGREGATE & set(lower))
    return targets, frozenset(places), events, aggregate


def _same_day(a: str | None, b: str | None) -> bool:
    """Whether two claim dates may be the same day (unknown or partial dates may)."""
    if not a or not b or len(a) < 10 or len(b) < 10 or "X" in a[:10] or "X" in b[:10]:
        return True
    return a[:10] == b[:10]


def same_event(a: Item, b: Item) -> bool:
    """Whether two claims of one measure speak of the same event."""
    if not _same_day(a.claim.date, b.claim.date):
        return False
    if (is_background(a.claim) or is_background(b.claim)) and a.claim.date != b.claim.date:
        return False  # "last year three people died at the same junction" is not today's toll
    if a.claim.measure in AMOUNTS:  # events: what is measured; places: who (compare.amounts)
        return a.events == b.events and bool(a.places & b.places)
    if a.targets and b.targets:
        return bool(a.targets & b.targets)
    if a.aggregate != b.aggregate and a.claim.about != b.claim.about:
        return False
    events = not (a.events and b.events) or bool(a.events & b.events)
    if a.claim.measure in LOOSE and a.events & b.events and a.claim.value == b.claim.value:
        return True  # "swap 1,000 detainees each" and "exchange of 1,000 PoWs each"
    if bool(a.targets) != bool(b.targets) and (a.aggregate or b.aggregate):
        return False  # "four on a ferry" is not "seven in recent storms"
    if a.claim.measure in TOLLS:
        return _same_toll(a, b, events)
    return bool(a.places & b.places) and events


def _same_toll(a: Item, b: Item, events: bool) -> bool:
    """Tolls of one story speak of one event unless something tells them apart."""
    if _others(a) or _others(b):
        return a.claim.about == b.claim.about  # "five other civilians": another event
    if a.places and b.places and not a.places & b.places:
        return False
    if bool(a.targets) != bool(b.targets):
        bare = b if a.targets else a
        return bool(a.places & b.places) or (not bare.places and events)
    return events


def _others(item: Item) -> bool:
    return item.claim.counted.startswith("other ")
