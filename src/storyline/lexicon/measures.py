"""The closed vocabulary of measures: one row per measure (see docs/claims.md).

A measure names what a number counts. Each :class:`Measure` row says how a reader
says it, which stages treat it how, and which words signal it; every other set of
measure names (``HARM``, ``TOLLS``, ``PREDICATES`` ...) is derived from the rows.
Adding a measure is one row here plus its test (docs/design.md, "Add a measure").
A rate adds a period: ``killed_per_week``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Measure:
    """One measure: its name, how a reader says it, how stages treat it, its words."""

    name: str
    #: How a reader says it: after the counted noun ("people killed"), alone ("per
    #: cent"), or as the counted unit itself ("dollars"; the label when none is given).
    label: str
    reads: str = "after"  # after | alone | unit
    #: Harm to people: the counts an incident report totals.
    harm: bool = False
    #: A later, higher figure is an update of the toll rather than a conflict.
    toll: bool = False
    #: Aligned across reports into agreed facts and conflicts.
    compared: bool = False
    #: Aligned by what the amount measures (story.compare.amounts), not by event.
    amount: bool = False
    #: Aligned by event word and equal value alone.
    loose: bool = False
    #: Too generic to say two passages tell one fact ("lines 4 and 7").
    weak: bool = False
    #: An agreed figure of this measure is a fact the summary ranks.
    summary_fact: bool = True
    #: The event the measure implies by itself ("1,000 prisoners swapped": an exchange).
    implies: str = ""
    #: A count per period may be a rate ("killed_per_week"); amounts and lengths are not.
    rate: bool = True
    #: Verb or adjective lemmas whose subject or object is counted by this measure.
    predicates: tuple[str, ...] = ()
    #: Nouns that are themselves the measure ("12 deaths", "no injuries").
    nouns: tuple[str, ...] = ()


TABLE: tuple[Measure, ...] = (
    Measure("killed", "killed", harm=True, toll=True, compared=True,
            predicates=("kill", "die", "dead", "murder", "slay", "perish", "behead",
                        "execute", "drown", "decapitate", "lifeless", "deceased"),
            nouns=("death", "fatality", "dead", "body", "life")),
    Measure("injured", "injured", harm=True, toll=True, compared=True,
            predicates=("injure", "wound", "hurt", "hospitalize", "hospitalise", "injured",
                        "wounded", "maim", "sicken", "poison", "treat", "burn"),
            nouns=("injury", "wound", "injured", "wounded", "hurt")),
    Measure("missing", "missing", harm=True, toll=True, compared=True,
            predicates=("missing",), nouns=("missing",)),
    Measure("arrested", "arrested", toll=True, compared=True,
            predicates=("arrest", "detain", "apprehend"), nouns=("arrest",)),
    Measure("prisoners_exchanged", "prisoners exchanged", compared=True, loose=True,
            implies="exchange", predicates=("swap", "exchange", "release", "free")),
    Measure("evacuated", "evacuated", toll=True, compared=True,
            predicates=("evacuate",), nouns=("evacuee",)),
    Measure("displaced", "displaced", toll=True, compared=True,
            predicates=("displace", "flee"), nouns=("refugee",)),
    Measure("launched", "launched", compared=True, implies="attack",
            predicates=("launch", "fire")),
    Measure("shot_down", "shot down", compared=True, implies="attack",
            predicates=("intercept", "down", "destroy", "neutralise", "neutralize")),
    Measure("captured", "captured", compared=True, implies="capture",
            predicates=("capture", "seize", "liberate", "take", "occupy")),
    # hit by gunfire or a blade, fatal or not
    Measure("shot", "shot", harm=True, toll=True, compared=True, implies="shooting",
            predicates=("stab", "shoot")),
    Measure("casualties", "casualties", harm=True, toll=True, compared=True,
            nouns=("casualty",)),
    Measure("money", "money", rate=False, reads="unit", compared=True, amount=True),
    Measure("percent", "per cent", rate=False, reads="alone", compared=True, amount=True),
    Measure("distance", "distance", rate=False, reads="unit", weak=True),
    Measure("duration", "duration", rate=False, reads="alone", weak=True, summary_fact=False),
    Measure("other", "other", weak=True, summary_fact=False),
)  # fmt: skip

#: The rows by name.
BY_NAME: dict[str, Measure] = {m.name: m for m in TABLE}
MEASURES: tuple[str, ...] = tuple(m.name for m in TABLE)
#: Measures whose counts describe harm to people: the ones an incident report totals.
HARM = frozenset(m.name for m in TABLE if m.harm)
#: Measures whose later, higher figure is an update rather than a conflict.
TOLLS = frozenset(m.name for m in TABLE if m.toll)
#: Measures aligned across reports.
COMPARED = frozenset(m.name for m in TABLE if m.compared)
#: Measures aligned by ``amount_key`` rather than by event, place and target.
AMOUNTS = frozenset(m.name for m in TABLE if m.amount)
#: Measures whose reports may be aligned by event word and equal value alone.
LOOSE = frozenset(m.name for m in TABLE if m.loose)
#: Claim measures too generic to say two passages tell one fact.
WEAK = frozenset(m.name for m in TABLE if m.weak)
#: Measures whose agreed figures the summary ranks as facts.
SUMMARY_FACTS = frozenset(m.name for m in TABLE if m.summary_fact)
#: The event a measure implies by itself.
IMPLIED = {m.name: m.implies for m in TABLE if m.implies}
#: Verb or adjective lemma -> measure, when the counted thing is its subject or object.
PREDICATES = {lemma: m.name for m in TABLE for lemma in m.predicates}
#: Nouns that are themselves the measure.
MEASURE_NOUNS = {noun: m.name for m in TABLE for noun in m.nouns}
PERIODS = ("day", "week", "month", "year")


def rate_measure(measure: str, period: str | None) -> str:
    """A measure with its period when the amount is a rate ("killed_per_week")."""
    row = BY_NAME.get(measure)
    if period in PERIODS and (row is None or row.rate):
        return f"{measure}_per_{period}"
    return measure


def base_measure(measure: str) -> str:
    """The measure without a rate's period: ``killed_per_week`` -> ``killed``."""
    return measure.split("_per_", 1)[0]


def claim_what(counted: str, measure: str) -> str:
    """What a figure counts, as a reader says it: "people killed", "per cent", "dollars"."""
    row = BY_NAME.get(measure)
    if row is None:  # a rate: "killed per week"
        words = measure.replace("_", " ")
        return f"{counted} {words}" if counted else words
    if row.reads == "alone":
        return row.label
    if row.reads == "unit":
        return counted or row.name
    return f"{counted} {row.label}" if counted else row.label
