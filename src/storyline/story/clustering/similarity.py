"""How alike two reports are: weighted vectors, and the place, date and time factors.

A report is a unit vector over three kinds of feature: content words (sublinear
TF x IDF), names ("e:" + name, weighted by rarity) and places ("p:" + place).
Two reports' similarity is the dot product of their vectors, times three factors
that keep look-alike incidents apart: different specific places, event days that
are far apart, and a long gap between publication days. The same functions serve
the online clusterer (one report against a story's summed vector) and the batch
clusterer (all pairs of a block), so both read the same threshold the same way.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from datetime import date

from storyline.story.clustering.aliases import (
    INSTITUTION_TAIL,
    headline_places,
    is_institution,
    person_key,
    place_aliases,
    spelling_key,
    surname,
)
from storyline.story.clustering.features import INCIDENT_KINDS, PLACE_LABELS, SITE, DocFeatures
from storyline.story.clustering.params import ClusterParams

Vector = dict[str, float]

#: Below this many reports every place counts as specific: shares are meaningless.
MIN_DOCS_FOR_GENERAL = 40


def incident_kinds(features: DocFeatures) -> list[str]:
    """Kind keys ("k:" + kind) of the incidents a report's words name."""
    words = {t for t, _ in features.terms}
    return ["k:" + kind for kind, stems in INCIDENT_KINDS.items() if words & stems]


def event_days(features: DocFeatures) -> tuple[str, ...]:
    """The days that date a report's event, for the date factor.

    A report that names an incident dates it by the days said in the same sentence
    ("was shot on Wednesday night"); its other days are those of the follow-up
    itself (a vigil, an arrest, a court date) and say nothing of which incident it
    is about. Other reports, and features stored before incident days existed,
    use all their days.
    """
    if features.incident_days is not None and incident_kinds(features):
        return features.incident_days
    return features.dates


def kind_set(features: DocFeatures) -> frozenset[str]:
    """The kinds of incident a report names, as a set of kind keys."""
    return frozenset(incident_kinds(features))


def site_vector(features: DocFeatures, stats: DocStats) -> Vector:
    """Streets and sites (see places.py) weighted by rarity.

    Unlike other places none is general: in a few weeks of one town's news a
    street can be named by a tenth of the reports (three incidents on it) and
    still tell its incidents from the town's others.
    """
    return {"p:" + p: stats.idf("p:" + p) for p, label in features.entities if label == SITE}


def without_kinds(vec: Vector) -> Vector:
    """A name vector without its incident kinds (storylines join on who and where only)."""
    return {k: w for k, w in vec.items() if not k.startswith("k:")}


def feature_keys(features: DocFeatures) -> list[str]:
    """Every distinct feature key of a report (words, names, places, kinds)."""
    keys = [t for t, _ in features.terms]
    keys.extend(_name_keys(features))
    keys.extend("p:" + p for p in features.places)
    keys.extend("d:" + p for p in features.periods)
    keys.extend(incident_kinds(features))
    return keys


def _name_keys(features: DocFeatures) -> list[str]:
    return list(_name_counts(features))


def _name_counts(features: DocFeatures) -> dict[str, int]:
    """Name keys ("e:" + name) and how often the report mentions each (at least 1)."""
    counts = dict(features.mentions)
    out: dict[str, int] = {}
    for key, label in features.entities:
        if label in PLACE_LABELS:
            continue  # places are their own kind of feature
        n = max(counts.get(key, 1), 1)
        out["e:" + key] = out.get("e:" + key, 0) + n
        if label == "PERSON" and len(key.split()) > 1:
            # A later report may give the surname only (never "jr" or "ii").
            last = surname(key)
            out["e:" + last] = out.get("e:" + last, 0) + n
    return out


#: Last words of names a tagger files as people that are institutions ("Stroger Hospital").
_INSTITUTIONS = frozenset(
    {"hospital", "center", "centre", "department", "police", "county", "school", "church"}
    | {"university", "college", "office", "clinic", "jail", "court"}
    | INSTITUTION_TAIL
)


def main_people(features: DocFeatures, spellings: bool = False) -> frozenset[str]:
    """People a report names in full and mentions at least twice (by full name or
    surname alone) and never by an office: its main actors, the victim or the
    suspect, not a spokesman or the sheriff."""
    return people_of(features, spellings)[0]


def named_people(features: DocFeatures, spellings: bool = False) -> frozenset[str]:
    """People a report names in full at least once and never by an office: a follow-up
    names the victim once ("charged in the death of Ann Cole") where the first reports
    made her their main actor."""
    return people_of(features, spellings)[1]


def people_of(
    features: DocFeatures, spellings: bool = False
) -> tuple[frozenset[str], frozenset[str]]:
    """A report's :func:`main_people` and :func:`named_people`, read in one pass."""
    counts = _people(features, spellings)
    return frozenset(key for key, n in counts.items() if n >= 2), frozenset(counts)


def _people(features: DocFeatures, spellings: bool = False) -> dict[str, int]:
    """Person keys (aliases.person_key; with ``spellings`` their aliases.spelling_key)
    of the people a report names in full and never by an office, with their mentions
    (by full name or surname alone)."""
    counts = dict(features.mentions)
    officials = set(features.officials)
    out: dict[str, int] = {}
    for key, label in features.entities:
        if (
            label != "PERSON"
            or len(key.split()) < 2
            or key in officials
            or key.split()[-1] in _INSTITUTIONS
        ):
            continue
        last = surname(key)
        n = counts.get(key, 1) + (counts.get(last, 0) if last != key else 0)
        person = spelling_key(person_key(key)) if spellings else person_key(key)
        out[person] = max(out.get(person, 0), n)
    return out


class DocStats:
    """Document frequencies of every feature over the reports seen so far."""

    __slots__ = ("df", "n_docs")

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n_docs = 0

    def add(self, features: DocFeatures) -> None:
        """Count one report."""
        self.n_docs += 1
        self.df.update(feature_keys(features))

    def idf(self, key: str) -> float:
        """Smoothed inverse document frequency."""
        return math.log((1 + self.n_docs) / (1 + self.df.get(key, 0))) + 1.0

    def is_general(self, key: str, params: ClusterParams) -> bool:
        """Whether a place or name is in so many reports that it tells them apart no more."""
        if self.n_docs < MIN_DOCS_FOR_GENERAL:
            return False
        return self.df.get(key, 0) > params.general_place_share * self.n_docs


def doc_vector(features: DocFeatures, stats: DocStats, params: ClusterParams) -> Vector:
    """The unit vector of a report under the current document frequencies."""
    vec: Vector = {}
    for term, count in features.terms:
        if params.drop_unique and stats.df.get(term, 0) <= 1:
            continue  # a word no other report has matches nothing; it only dilutes
        vec[term] = (1.0 + math.log(count)) * stats.idf(term)
    for key in _name_counts(features):
        vec[key] = params.entity_weight * stats.idf(key)
    for place in features.places:
        key = "p:" + place
        vec[key] = params.place_weight * stats.idf(key)
    for period in features.periods:
        key = "d:" + period
        vec[key] = params.period_weight * stats.idf(key)
    norm = math.sqrt(sum(w * w for w in vec.values()))
    if norm == 0:
        return {}
    return {k: w / norm for k, w in vec.items()}


def dot(small: Vector, large: Vector) -> float:
    """Dot product of two sparse vectors (iterate over the smaller one)."""
    if len(small) > len(large):
        small, large = large, small
    get = large.get
    return sum(w * get(k, 0.0) for k, w in small.items())


def day_numbers(days: Iterable[str]) -> tuple[int, ...]:
    """ISO days as sorted day ordinals."""
    return tuple(sorted({date.fromisoformat(d).toordinal() for d in days}))


def ref_day(features: DocFeatures) -> int | None:
    """The ordinal of the day that places a report in time, if known."""
    day = features.reference_day()
    return date.fromisoformat(day).toordinal() if day else None


def days_close(a: Sequence[int], b: Sequence[int], tolerance: int) -> bool:
    """Whether some day of ``a`` lies within ``tolerance`` days of some day of ``b``."""
    if len(a) > len(b):
        a, b = b, a
    for day in a:
        i = bisect_left(b, day - tolerance)
        if i < len(b) and b[i] <= day + tolerance:
            return True
    return False


def time_factor(gap: float, params: ClusterParams) -> float:
    """Similarity kept across a publication gap of ``gap`` days."""
    excess = gap - params.time_grace_days
    return 1.0 if excess <= 0 else math.exp(-excess / params.time_scale_days)


def gap_to_range(day: int | None, first: int | None, last: int | None) -> float:
    """Days between a report and a story's span of reports (0 inside it, or if unknown)."""
    if day is None or first is None or last is None:
        return 0.0
    if day < first:
        return float(first - day)
    if day > last:
        return float(day - last)
    return 0.0


def place_vector(places: Iterable[str], stats: DocStats, params: ClusterParams) -> Vector:
    """Specific places weighted by rarity (general places dropped)."""
    keys = ("p:" + p for p in places)
    return {k: stats.idf(k) for k in keys if not stats.is_general(k, params)}


def report_places(features: DocFeatures, stats: DocStats, params: ClusterParams) -> Vector:
    """A report's specific places, with those it names under another form that some
    report seen so far tags as a place ("Aurora" of "Aurora Police Department";
    aliases.place_aliases), and the towns its headline alone names at
    ``headline_place_weight`` of their weight (aliases.headline_places)."""
    aliases = place_aliases(features, lambda key: stats.df.get("p:" + key, 0) > 0)
    named = [p for p in features.places if not is_institution(p)]
    out = place_vector([*named, *aliases], stats, params)
    if params.headline_places > 0:
        least = params.headline_places
        heads = headline_places(features, lambda key: stats.df.get("p:" + key, 0) >= least)
        for key, weight in place_vector(heads, stats, params).items():
            out.setdefault(key, weight * params.headline_place_weight)
    return out


def name_vector(features: DocFeatures, stats: DocStats, params: ClusterParams) -> Vector:
    """Specific names (people, organisations...) weighted by rarity and salience.

    With ``name_salience`` each name also weighs 1 + log of its mentions: whether
    two reports share their main actors, not a name one mentions in passing,
    decides the name factor.
    """
    counts = _name_counts(features)
    if not params.name_salience:
        out = {k: stats.idf(k) for k in counts if not stats.is_general(k, params)}
    else:
        out = {
            k: (1.0 + math.log(n)) * stats.idf(k)
            for k, n in counts.items()
            if not stats.is_general(k, params)
        }
    if params.kind_weight > 0 and out:
        # Only beside names: a kind alone must not make a report without names conflict.
        for key in incident_kinds(features):
            out[key] = params.kind_weight * stats.idf(key)
    return out


def name_floor(
    days: tuple[Sequence[int], Sequence[int]],
    marks: tuple[Collection[str], Collection[str]],
    far: bool,
    params: ClusterParams,
) -> float:
    """The name factor's floor: looser for two reports of one day (one event day, or
    one mark, a lead street or an age, on days that are not apart). Reports around
    one incident name different people, the victim in one and only the spokesman or
    a relative in another; two incidents told on different days name two victims."""
    one_day = bool(days[0] and days[1] and days_close(*days, 0))
    if one_day or (not far and any(m in marks[1] for m in marks[0])):
        return max(params.name_conflict, params.same_day_name_conflict)
    return params.name_conflict


def overlap_factor(a: Vector, b: Vector, floor: float, match: float) -> float:
    """How much similarity survives two reports' places (or names).

    The rarity-weighted cosine of the two sets, scaled so that ``match`` or more
    keeps everything and nothing shared keeps ``floor``: a shared country does
    not make two towns one place, a shared police chief not two victims one.
    """
    if not a or not b:
        return 1.0
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    cos = dot(a, b) / norm if norm else 0.0
    return max(floor, min(1.0, cos / match))


def disjoint(a: Collection[str], b: Collection[str]) -> bool:
    """Both sets are non-empty and share nothing."""
    return bool(a) and bool(b) and not any(k in b for k in a)


def same_incident(
    kinds: tuple[Collection[str], Collection[str]],
    marks: tuple[Collection[str], Collection[str]],
    days: tuple[Sequence[int], Sequence[int]],
    params: ClusterParams,
) -> bool:
    """One kind of incident on one day (within the tolerance) with one mark: a street
    or site, or the age of someone in it."""
    if not any(k in kinds[1] for k in kinds[0]) or not any(m in marks[1] for m in marks[0]):
        return False
    return days_close(*days, params.signature_tolerance_days)


def conflict_factor(
    places: tuple[Vector, Vector],
    names: tuple[Vector, Vector],
    days: tuple[Sequence[int], Sequence[int]],
    params: ClusterParams,
    years: tuple[str | None, str | None] = (None, None),
    kinds: tuple[Collection[str], Collection[str]] = ((), ()),
    sites: tuple[Collection[str], Collection[str]] = ((), ()),
    marks: tuple[Collection[str], Collection[str]] = ((), ()),
) -> float:
    """The place, name, date, year, kind and site factors for two reports (or a report
    and a story)."""
    factor = overlap_factor(*places, params.place_conflict, params.place_match)
    if disjoint(*kinds):
        factor *= params.kind_conflict
    if disjoint(*sites):
        factor *= params.site_conflict
    a, b = days
    far = bool(a and b and not days_close(a, b, params.date_tolerance_days))
    if far or dot(*places) <= 0.0:
        # A shared incident kind speaks for one incident only in one place at one time.
        names = (without_kinds(names[0]), without_kinds(names[1]))
    floor = name_floor(days, marks, far, params)
    factor *= overlap_factor(*names, floor, params.name_match)
    if far:
        factor *= params.date_conflict
    if years[0] and years[1] and years[0] != years[1]:
        factor *= params.year_conflict
    return factor
