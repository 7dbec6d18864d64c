"""Claims across reports: the figures they agree on, the ones they dispute, and updates.

Claims are aligned when they give the same measure of the same event: the same
target (the bus), or a shared place with a compatible event word, on compatible
dates; sharing a measure alone is not enough. In an aligned group each report
gives one figure; figures that fit one another ("at least 5" and 7) agree, the
rest form a disagreement with every value, its reports and their named sources.
A rising toll from later reports is an update, not a conflict. A figure from a
party to a conflict ("Russia's Defence Ministry said") stays that party's claim
and is never merged into a fact agreed by neutral sources. Copies of one report
(``duplicate_of``) count as one independent source. Rules: docs/claims.md.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from storyline.analyze.numbers.tally import is_background
from storyline.analyze.numbers.victims import ANAPHORIC, PART
from storyline.lexicon.measures import AMOUNTS, COMPARED, TOLLS, base_measure
from storyline.model import (
    Analyzed,
    Citation,
    Claim,
    Conflict,
    ConflictValue,
    Mention,
    StoryClaim,
)
from storyline.story.compare.amounts import amount_features
from storyline.story.compare.events import (
    Features,
    Item,
    features,
    same_event,
)
from storyline.story.dedup.minhash import count_originals

PARTY_WORDS = re.compile(
    r"\b(military|army|armed forces|air force|navy|defen[cs]e ministry|ministry of defen[cs]e|"
    r"general staff|kremlin|pentagon|troops|forces|militia|rebels|state media|state news|"
    r"state television|state tv|government|president|presidential|foreign ministry|"
    r"side)\b",
    re.I,
)
ABOUT_TOLERANCE = 0.1


@dataclass(slots=True)
class _Class:
    """Figures that agree with each other."""

    low: float
    high: float
    items: list[Item] = field(default_factory=list)


def _interval(claim: Claim) -> tuple[float, float]:
    v = claim.value
    if claim.qualifier == "at_least":
        return v, math.inf
    if claim.qualifier == "at_most":
        return -math.inf, v
    if claim.qualifier == "about":
        slack = max(1.0, abs(v) * ABOUT_TOLERANCE)
        return v - slack, v + slack
    if claim.qualifier == "range" and claim.value_max is not None:
        return v, claim.value_max
    return v, v


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two figures can both be true ("at least 5" and 7: yes; 5 and 7: no)."""
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    return a_low <= b_high and b_low <= a_high


def is_party(attribution: str | None, states: frozenset[str]) -> bool:
    """Whether a source speaks for a side (a state, its military or government)."""
    if not attribution:
        return False
    if PARTY_WORDS.search(attribution):
        return True
    bare = attribution.removesuffix("'s").removesuffix("’s").strip()
    return bare in states


def _states(mentions: Sequence[Mention]) -> frozenset[str]:
    return frozenset(m.text for m in mentions if m.label in ("GPE", "NORP"))


def _items(
    items: Sequence[Analyzed], canonical: Callable[[str, str], str]
) -> dict[str, list[Item]]:
    by_measure: dict[str, list[Item]] = {}
    for analyzed in items:
        art = analyzed.article
        states = _states(analyzed.analysis.entities)
        for claim in analyzed.analysis.claims:
            if base_measure(claim.measure) not in COMPARED or claim.counted in (
                ANAPHORIC,
                PART,
            ):
                continue  # "three of them seriously" is part of a figure, not a figure
            features_of = _amount if claim.measure in AMOUNTS else features
            found = features_of(art.id, claim, canonical, analyzed)
            if found is None:
                continue  # a vague amount stays with its report
            targets, places, events, aggregate = found
            party = None
            if is_party(claim.attribution, states) and claim.attribution:
                party = canonical(art.id, claim.attribution)
            item = Item(art.id, art.published, claim, targets, places, events, aggregate, party)
            by_measure.setdefault(claim.measure, []).append(item)
    return by_measure


def _amount(
    article: str, claim: Claim, canonical: Callable[[str, str], str], analyzed: Analyzed
) -> Features | None:
    """Alignment features of money or a percentage: what it measures and whose it is."""
    found = amount_features(article, analyzed.article.text, claim, analyzed.analysis.claims,
                            analyzed.analysis.entities, canonical)  # fmt: skip
    return None if found is None else (frozenset(), found[1], frozenset(found[:1]), False)


def _amount_about(group: Sequence[Item]) -> str:
    """ "Corvana shares down": whose, what and which way, for an aligned amount."""
    shared = frozenset.intersection(*(i.places for i in group)) or group[0].places
    _unit, quantity, move = next(iter(group[0].events)).split("|")
    return " ".join(w for w in (min(shared, key=lambda p: (-len(p), p)), quantity, move) if w)


def _groups(items: list[Item]) -> list[list[Item]]:
    """Union claims of one measure that speak of the same event."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(items):
        if a.featureless():
            continue
        for j in range(i + 1, len(items)):
            b = items[j]
            if not b.featureless() and same_event(a, b):
                parent[find(j)] = find(i)
    roots: dict[int, list[Item]] = {}
    loose: list[Item] = []
    for i, item in enumerate(items):
        if item.featureless():
            loose.append(item)
        else:
            roots.setdefault(find(i), []).append(item)
    groups = list(roots.values())
    if len(groups) == 1:
        groups[0].extend(loose)  # one event of this measure in the story: its figures
    elif loose:
        groups.append(loose)
    return groups


def _representatives(group: list[Item]) -> list[Item]:
    """One figure per article and side: its largest exact figure, else its tightest."""
    best: dict[tuple[str, str | None], Item] = {}
    for item in group:
        key = (item.article, item.party)
        old = best.get(key)
        if old is None or _better(item.claim, old.claim):
            best[key] = item
    return list(best.values())


def _better(new: Claim, old: Claim) -> bool:
    if (new.qualifier == "exact") != (old.qualifier == "exact"):
        return new.qualifier == "exact"
    return new.value > old.value


def _classes(reps: list[Item]) -> list[_Class]:
    classes: list[_Class] = []
    for item in sorted(reps, key=lambda r: (r.claim.qualifier != "exact", r.article)):
        low, high = _interval(item.claim)
        for cls in classes:
            if low <= cls.high and cls.low <= high:
                cls.low, cls.high = max(low, cls.low), min(high, cls.high)
                cls.items.append(item)
                break
        else:
            classes.append(_Class(low, high, [item]))
    return classes


def _head(cls: _Class) -> Claim:
    exact = [i.claim for i in cls.items if i.claim.qualifier == "exact"]
    if exact:
        return exact[0]
    return min((i.claim for i in cls.items), key=lambda c: _width(c))


def _width(claim: Claim) -> float:
    low, high = _interval(claim)
    return high - low


def _articles(items: Sequence[Item]) -> tuple[str, ...]:
    return tuple(sorted({i.article for i in items}))


def _attribution(items: Sequence[Item]) -> str | None:
    """The sources of a figure, one per person or body ("Mr Petrak" joins "Governor Ivo Petrak")."""
    names = sorted(
        {i.claim.attribution for i in items if i.claim.attribution}, key=lambda n: (len(n), n)
    )
    kept: dict[str, str] = {}
    for name in reversed(names):  # longest first: it names the source most fully
        words = re.findall(r"[\w’'-]+", name)
        key = words[-1].lower().removesuffix("’s").removesuffix("'s") if words else name
        kept.setdefault(key, name)
    return "; ".join(sorted(kept.values())) if kept else None


def _about(group: Sequence[Item]) -> str:
    counts: dict[str, int] = {}
    for item in group:
        counts[item.claim.about] = counts.get(item.claim.about, 0) + 1
    return max(counts, key=lambda a: (len(a.split(", ")) + len(a.split()), counts[a], a))


def _citations(items: Sequence[Item]) -> tuple[Citation, ...]:
    return tuple(sorted({Citation(i.article, i.claim.span) for i in items},
                        key=lambda c: (c.article, c.span.start if c.span else 0)))  # fmt: skip


def _value(cls: _Class, group: Sequence[Item] = ()) -> ConflictValue:
    head = _head(cls)
    articles = _articles(cls.items)
    # a report's other mentions of the same figure may name who gives it
    support = [*cls.items, *(i for i in group if i.article in articles and i.party ==
               cls.items[0].party and _interval(i.claim) == _interval(head))]  # fmt: skip
    return ConflictValue(head.value, articles, _attribution(support),
                         head.qualifier, _citations(cls.items))  # fmt: skip


def _is_update(measure: str, classes: list[_Class]) -> bool:
    """Whether later reports give higher figures (and the reports are not of one moment)."""
    if measure not in TOLLS:
        return False
    spans = []
    for cls in classes:
        times = [i.published for i in cls.items]
        if any(t is None for t in times):
            return False
        spans.append((min(t for t in times if t), max(t for t in times if t), _head(cls).value))
    spans.sort()
    return all(
        a_last < b_first and a_value < b_value
        for (_, a_last, a_value), (b_first, _, b_value) in itertools.pairwise(spans)
    )


def compare_claims(
    items: Sequence[Analyzed],
    canonical: Callable[[str, str], str] | None = None,
    duplicate_of: Mapping[str, str] | None = None,
) -> tuple[tuple[StoryClaim, ...], tuple[Conflict, ...]]:
    """Agreed figures and disagreements (conflicts and updates) across a story's reports."""
    name: Callable[[str, str], str] = canonical or (lambda _article, text: text)
    dups = dict(duplicate_of or {})
    claims: list[StoryClaim] = []
    conflicts: list[Conflict] = []
    for measure, items_of in sorted(_items(items, name).items()):
        for group in _groups(items_of):
            if measure in AMOUNTS and len({i.article for i in group}) < 2:
                continue  # an amount one report gives is its own: nothing to line up
            about = _amount_about(group) if measure in AMOUNTS else _about(group)
            if all(is_background(i.claim) for i in group):
                # "last year three people died at the same junction": say it is history
                date = group[0].claim.date or ""
                about = f"{about} ({'earlier' if date.startswith('X') else date})".lstrip()
            reps = _representatives(group)
            sides: dict[str | None, list[Item]] = {}
            for rep in reps:
                sides.setdefault(rep.party, []).append(rep)
            side_classes = {side: _classes(members) for side, members in sides.items()}
            for side, classes in side_classes.items():
                if len(classes) == 1:
                    claims.append(_story_claim(measure, about, classes[0], group, dups))
                    continue
                ordered = sorted(classes, key=lambda c: (-len(c.items), _head(c).value))
                kind = "number"
                if side is None and _is_update(measure, classes):
                    kind = "update"
                    ordered = sorted(classes, key=lambda c: min(i.published or "" for i in c.items))
                values = tuple(_value(c, group) for c in ordered)
                conflicts.append(Conflict(measure, about, values, kind))
            neutral = side_classes.get(None, [])
            for side, classes in side_classes.items():
                if side is None or len(neutral) != 1 or len(classes) != 1:
                    continue
                if not (neutral[0].low <= classes[0].high and classes[0].low <= neutral[0].high):
                    values = (_value(neutral[0], group), _value(classes[0], group))
                    conflicts.append(Conflict(measure, about, values, "number"))
    claims.sort(key=lambda c: (c.measure not in TOLLS, -len(c.articles), c.measure, c.value))
    conflicts.sort(key=lambda c: (c.measure not in TOLLS, c.measure, c.about))
    return tuple(claims), tuple(conflicts)


def _story_claim(
    measure: str, about: str, cls: _Class, group: list[Item], dups: Mapping[str, str]
) -> StoryClaim:
    head = _head(cls)
    articles = _articles(cls.items)
    # every mention of the agreed figure in the group supports it, not only the chosen one
    support = [i for i in group if i.party == cls.items[0].party and i.article in articles
               and compatible(i.claim, head)]  # fmt: skip
    independent = count_originals(articles, dups)
    # sources of every supporting mention: one report names the police, another not
    return StoryClaim(measure, head.value, about, _attribution(support), articles,
                      head.qualifier, head.counted, independent, _citations(support))  # fmt: skip
