"""One truth per fact: every numeric fact of a story in exactly one state.

The claim comparison (``compare.claims``) aligns figures event by event. Read
across the whole story, its output can still say one thing twice: a figure one
outlet gives may equal a side of a dispute (it belongs to the dispute), two
outlets may each give a different value of one measure in groups the comparison
kept apart (that is a disagreement, not two single-source facts), and two claim
records may hold one figure. :func:`reconcile` settles those; :func:`fact_states`
then gives every figure its state, once, and every section of the page and
``stories.json`` reads the state from there:

- ``agreed``: two or more independent sources (outlets, copies folded) give it;
- ``single source``: one independent source gives it;
- ``disputed``: sources give values that cannot all be true;
- ``updated``: later reports give a higher toll.

Sources are counted by outlet (:func:`outlet_keys`): two reports of one outlet are
one source, a report of unknown outlet is a source of its own.

The story's headline figures (:mod:`storyline.story.figures`) read their state
from the same facts (:func:`figure_states`): a headline figure takes the state of
the fact that holds its value, so the figures box and the sections below never
disagree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from storyline.lexicon.measures import claim_what
from storyline.model import (
    Article,
    Conflict,
    ConflictValue,
    Fact,
    Figure,
    StoryClaim,
)
from storyline.story.dedup.minhash import original_of

AGREED, SINGLE, DISPUTED, UPDATED = "agreed", "single source", "disputed", "updated"
_QUALIFIER = {"at_least": "at least ", "at_most": "at most ", "about": "about "}
#: Words too common to say two descriptions are of the same event.
_COMMON = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "and", "near", "for"})
#: A description (``about``) reads as a phrase when it has at most this many words.
MAX_ABOUT_WORDS = 8
#: A description that ends in a date in brackets ("(2024)", "(earlier)") is history.
_HISTORY = re.compile(r"\((\d{4}(-\d{2})?|XXXX[-\w]*|earlier)\)\s*$")


def outlet_keys(
    ids: Sequence[str], articles: Mapping[str, Article], duplicate_of: Mapping[str, str]
) -> dict[str, str]:
    """Article id -> its independent source: the outlet of its original, else the original."""
    out: dict[str, str] = {}
    for aid in ids:
        original = original_of(aid, duplicate_of)
        art = articles.get(original) or articles.get(aid)
        source = (art.source or "").strip().lower() if art else ""
        out[aid] = f"src:{source}" if source else f"id:{original}"
    return out


def _sources(articles: Sequence[str], outlet: Mapping[str, str]) -> int:
    return len({outlet.get(a, f"id:{a}") for a in articles})


def related(a: str, b: str) -> bool:
    """Whether two descriptions may be of one event (one empty, or a content word shared)."""
    if not a or not b or a == b:
        return True
    if bool(_HISTORY.search(a)) != bool(_HISTORY.search(b)):
        return False  # history and the news are never one event
    return bool(_content_words(a) & _content_words(b))


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _COMMON}


def reconcile(
    claims: Sequence[StoryClaim], conflicts: Sequence[Conflict], outlet: Mapping[str, str]
) -> tuple[tuple[StoryClaim, ...], tuple[Conflict, ...]]:
    """Claims and conflicts with each figure said once.

    A claim whose value is a side of a dispute of the same measure joins that
    side; claims of one measure and event from single sources that give
    different values become one dispute; claim records of the same figure merge.
    ``independent`` is counted by outlet, as coverage counts it.
    """
    out_conflicts = list(conflicts)
    kept: list[StoryClaim] = []
    for cl in claims:
        for n, c in enumerate(out_conflicts):
            side = _side_of(cl, c)
            if side is not None:
                out_conflicts[n] = _absorb(c, side, cl)
                break
        else:
            kept.append(cl)
    kept = _merge_same(kept, outlet)
    single = [c for c in kept if c.independent <= 1]
    taken: set[int] = set()
    for i, a in enumerate(single):
        if id(a) in taken:
            continue
        group = [a]
        for b in single[i + 1 :]:
            if (
                id(b) not in taken
                and b.measure == a.measure
                and b.value not in {g.value for g in group}
                and related(a.about, b.about)
                and not set(_keys(b, outlet)) & {k for g in group for k in _keys(g, outlet)}
            ):
                group.append(b)
        if len(group) > 1:
            taken.update(id(g) for g in group)
            out_conflicts.append(_disagreement(group))
    # a figure that is a side of a disagreement found just now joins it too
    formed = len(conflicts)
    claims_out: list[StoryClaim] = []
    for cl in (c for c in kept if id(c) not in taken):
        for n in range(formed, len(out_conflicts)):
            side = _side_of(cl, out_conflicts[n])
            if side is not None:
                out_conflicts[n] = _absorb(out_conflicts[n], side, cl)
                break
        else:
            claims_out.append(cl)
    return tuple(claims_out), tuple(out_conflicts)


def _keys(claim: StoryClaim, outlet: Mapping[str, str]) -> list[str]:
    return [outlet.get(a, f"id:{a}") for a in claim.articles]


def _side_of(claim: StoryClaim, conflict: Conflict) -> int | None:
    """The side of a dispute a figure is (same measure and value; history stays apart).

    Events are not compared here: a reader who sees "1 injured" disputed and "1
    injured" agreed on one page sees one figure in two states.
    """
    if claim.measure != conflict.measure:
        return None
    if bool(_HISTORY.search(claim.about)) != bool(_HISTORY.search(conflict.about)):
        return None
    for n, v in enumerate(conflict.values):
        if round(v.value, 4) == round(claim.value, 4):
            return n
    return None


def _absorb(conflict: Conflict, n: int, claim: StoryClaim) -> Conflict:
    side = conflict.values[n]
    articles = tuple(sorted({*side.articles, *claim.articles}))
    citations = tuple(dict.fromkeys((*side.citations, *claim.citations)))
    values = list(conflict.values)
    values[n] = replace(side, articles=articles, citations=citations)
    return replace(conflict, values=tuple(values))


def _merge_same(claims: Sequence[StoryClaim], outlet: Mapping[str, str]) -> list[StoryClaim]:
    """Claim records of one figure (measure, value, related event) as one, sources by outlet."""
    out: list[StoryClaim] = []
    for cl in claims:
        for n, seen in enumerate(out):
            if (
                seen.measure == cl.measure
                and round(seen.value, 4) == round(cl.value, 4)
                and related(seen.about, cl.about)
            ):
                head = seen if len(seen.articles) >= len(cl.articles) else cl
                articles = tuple(sorted({*seen.articles, *cl.articles}))
                sources = sorted(
                    {s for c in (seen, cl) if c.attribution for s in c.attribution.split("; ")}
                )
                out[n] = replace(
                    head,
                    articles=articles,
                    attribution="; ".join(sources) or None,
                    citations=tuple(dict.fromkeys((*seen.citations, *cl.citations))),
                )
                break
        else:
            out.append(cl)
    return [replace(c, independent=_sources(c.articles, outlet)) for c in out]


def _disagreement(group: Sequence[StoryClaim]) -> Conflict:
    about = max((g.about for g in group), key=lambda a: (len(a.split()), a))
    values = tuple(
        ConflictValue(g.value, g.articles, g.attribution, g.qualifier, g.citations)
        for g in sorted(group, key=lambda g: g.value)
    )
    return Conflict(group[0].measure, about, values, "number")


def fact_states(
    claims: Sequence[StoryClaim], conflicts: Sequence[Conflict], outlet: Mapping[str, str]
) -> tuple[Fact, ...]:
    """Every figure of the story in its one state: disputes first, then agreed, then single."""
    facts: list[Fact] = []
    for c in conflicts:
        articles = tuple(dict.fromkeys(a for v in c.values for a in v.articles))
        values = tuple(v.value for v in c.values)
        shown = " or ".join(_value(v.value, v.qualifier) for v in c.values)
        counted = ""
        phrase = _phrase(shown, counted, c.measure, c.about)
        facts.append(
            Fact(
                c.measure,
                c.about,
                UPDATED if c.kind == "update" else DISPUTED,
                phrase,
                values,
                articles,
                _sources(articles, outlet),
                _readable(c.about),
            )
        )
    for cl in claims:
        state = AGREED if cl.independent >= 2 else SINGLE
        phrase = _phrase(_value(cl.value, cl.qualifier), cl.counted, cl.measure, cl.about)
        facts.append(
            Fact(
                cl.measure,
                cl.about,
                state,
                phrase,
                (cl.value,),
                cl.articles,
                cl.independent,
                _readable(cl.about, cl.counted, cl.measure),
            )
        )
    return tuple(facts)


def state_of(facts: Sequence[Fact], measure: str, value: float, about: str) -> str | None:
    """The state of a figure, as :func:`fact_states` gave it (None if no fact holds it)."""
    for f in facts:
        if (
            f.measure == measure
            and f.about == about
            and any(round(v, 4) == round(value, 4) for v in f.values)
        ):
            return f.state
    return None


#: A line that opens on a pronoun or a bare "the latter" leans on a sentence not shown.
_LEANS = re.compile(
    r"^(he|she|it|they|him|her|them|his|its|their|this|these|those|that|the latter|"
    r"the former|such)\b",
    re.I,
)


def leans_back(text: str) -> bool:
    """Whether a line starts with a word that points at a sentence before it ("It said")."""
    return _LEANS.match(text.strip(" \"“‘'")) is not None


def _value(value: float, qualifier: str) -> str:
    shown = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    return _QUALIFIER.get(qualifier, "") + shown


def _phrase(value: str, counted: str, measure: str, about: str) -> str:
    what = claim_what(_counted(counted, measure, _first_value(value)), measure)
    if not about:
        return f"{value} {what}"
    return f"{value} {what} — {about}"


def _first_value(shown: str) -> float:
    """The number a shown value starts with ("at least 1" -> 1), 0 when none."""
    found = re.search(r"\d[\d,]*(\.\d+)?", shown)
    return float(found.group(0).replace(",", "")) if found else 0.0


def _counted(counted: str, measure: str, value: float = 0.0) -> str:
    """What is counted, unless the measure's own label already names it ("1 person")."""
    if value == 1 and counted == "people":
        return "person"
    label = claim_what("", measure).split()
    if len(label) > 1 and label[0].endswith("s") and label[-1].endswith("ed"):
        return ""  # "prisoners exchanged": not "detainees prisoners exchanged"
    return counted


def _readable(about: str, counted: str = "", measure: str = "") -> bool:
    """Whether a fact can be said as a plain phrase, by rule.

    Not when its event is history (dated to a past year or "earlier": a figure of
    then is not news of now), when the description only repeats the measure
    ("capture in Moscow, Sumy" for villages captured: it names no event), or when it
    is longer than a phrase.
    """
    if _HISTORY.search(about):
        return False
    first = about.split()[0].lower() if about.split() else ""
    stem = measure.split("_")[0][:5]
    if first and stem and first.startswith(stem) and " in " in about and "," in about:
        return False
    del counted
    return len(about.split()) <= MAX_ABOUT_WORDS


#: Which state wins when several facts hold one figure's value.
_PRECEDENCE = (DISPUTED, UPDATED, AGREED, SINGLE)


def source_state(articles: Sequence[str], outlet: Mapping[str, str]) -> str:
    """``agreed`` when two or more independent sources (by outlet) give it, else single."""
    return AGREED if _sources(articles, outlet) >= 2 else SINGLE


def figure_states(figures: Sequence[Figure], facts: Sequence[Fact]) -> tuple[Figure, ...]:
    """The headline figures, each in the state the story's facts give its measure and value.

    The facts align figures event by event; a headline figure reads its reports' leads,
    where another event's toll can stand in ("10 killed" of a shelling beside "9 killed"
    in a strike). So a figure whose value a fact holds takes that fact's state (a
    dispute among several first, then an update, agreed, single source). One that
    becomes agreed or single source no longer lists other values (they belong to other
    facts); one no fact holds keeps the state its reports give, sources counted by
    outlet as the facts count them.
    """
    out: list[Figure] = []
    for fig in figures:
        states = {
            f.state
            for f in facts
            if f.measure == fig.measure
            and any(round(v, 4) == round(fig.value, 4) for v in f.values)
        }
        state = next((s for s in _PRECEDENCE if s in states), fig.status)
        if state == fig.status:
            out.append(fig)
        elif state in (AGREED, SINGLE):
            out.append(replace(fig, status=state, reason=None, values=()))
        else:
            out.append(replace(fig, status=state))
    return tuple(out)
