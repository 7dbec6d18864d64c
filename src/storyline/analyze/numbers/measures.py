"""The closed vocabulary of measures and the words that signal each (see docs/claims.md).

A measure names what a number counts: ``killed``, ``injured``, ``missing``,
``arrested``, ``prisoners_exchanged``, ``evacuated``, ``displaced``, ``launched``,
``shot_down``, ``captured``, ``shot`` (hit by gunfire, fatal or not), ``casualties``,
``money``, ``percent``, ``distance``, ``duration``, ``other``. A rate adds a
period: ``killed_per_week``.
"""

from __future__ import annotations

MEASURES = (
    "killed", "injured", "missing", "arrested", "prisoners_exchanged", "evacuated",
    "displaced", "launched", "shot_down", "captured", "shot", "casualties", "money",
    "percent", "distance", "duration", "other",
)  # fmt: skip
#: Measures whose counts describe harm to people: the ones an incident report totals.
HARM = frozenset({"killed", "injured", "missing", "shot", "casualties"})
PERIODS = ("day", "week", "month", "year")

#: Verb or adjective lemma -> measure, when the counted thing is its subject or object.
PREDICATES = {
    "kill": "killed", "die": "killed", "dead": "killed", "murder": "killed",
    "slay": "killed", "perish": "killed", "behead": "killed", "execute": "killed",
    "drown": "killed", "decapitate": "killed", "lifeless": "killed", "deceased": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "hospitalize": "injured",
    "hospitalise": "injured", "injured": "injured", "wounded": "injured", "maim": "injured",
    "sicken": "injured", "poison": "injured",
    "treat": "injured", "burn": "injured", "stab": "shot", "shoot": "shot",
    "missing": "missing", "arrest": "arrested", "detain": "arrested", "apprehend": "arrested",
    "evacuate": "evacuated", "displace": "displaced", "flee": "displaced",
    "launch": "launched", "fire": "launched",
    "intercept": "shot_down", "down": "shot_down", "destroy": "shot_down",
    "neutralise": "shot_down", "neutralize": "shot_down",
    "capture": "captured", "seize": "captured", "liberate": "captured", "take": "captured",
    "occupy": "captured", "swap": "prisoners_exchanged", "exchange": "prisoners_exchanged",
    "release": "prisoners_exchanged", "free": "prisoners_exchanged",
}  # fmt: skip
#: Nouns that are themselves the measure ("12 deaths", "no injuries").
MEASURE_NOUNS = {
    "death": "killed", "fatality": "killed", "dead": "killed", "body": "killed",
    "life": "killed", "injury": "injured", "wound": "injured", "injured": "injured",
    "wounded": "injured", "casualty": "casualties", "arrest": "arrested",
    "evacuee": "evacuated", "hurt": "injured", "refugee": "displaced", "missing": "missing",
}  # fmt: skip
#: Nouns that, when counted, make a swap or release a prisoner exchange.
CAPTIVES = frozenset(
    """
    prisoner prisoners pow pows detainee detainees captive captives hostage hostages soldier
    soldiers serviceman servicemen civilian civilians
    """.split()  # noqa: SIM905
)
#: Nouns that make "captured" mean places taken, not people arrested.
PLACES = frozenset(
    ["village", "settlement", "town", "city", "territory", "kilometre", "km", "square"]
)
AIRCRAFT = frozenset(
    """
    drone drones missile missiles rocket rockets shahed shaheds uav uavs
    """.split()  # noqa: SIM905
)
DISTANCE_UNITS = frozenset(
    """
    km kilometre kilometres kilometer kilometers mile miles metre metres meter meters m ft
    foot feet yard yards
    """.split()  # noqa: SIM905
)
TIME_UNITS = {
    "second": "PT{}S", "minute": "PT{}M", "hour": "PT{}H", "day": "P{}D", "week": "P{}W",
    "month": "P{}M", "year": "P{}Y", "decade": "P{}0Y",
}  # fmt: skip
MONEY_WORDS = {
    "dollar": "dollars", "euro": "euros", "pound": "pounds", "yen": "yen", "rouble": "roubles",
    "ruble": "roubles", "hryvnia": "hryvnias", "yuan": "yuan", "rupee": "rupees",
}  # fmt: skip
#: Words naming people: a singular one counts as one person ("a man was killed").
PERSON_NOUNS = frozenset(
    """
    man woman boy girl child baby infant toddler teen teenager youth person adult driver
    passenger pedestrian cyclist bicyclist motorcyclist rider motorist resident neighbor
    neighbour student officer deputy trooper firefighter victim suspect gunman worker
    employee customer tenant occupant homeowner father mother son daughter husband wife
    brother sister grandmother grandfather grandson granddaughter friend girlfriend
    boyfriend soldier civilian journalist nurse doctor teacher pilot guard hiker swimmer
    climber skier shooter patient inmate prisoner officer-involved senior elderly relative
    cousin uncle aunt nephew niece stepfather stepson stepdaughter fiancé fiancee partner
    roommate owner clerk operator mechanic farmer fisherman tourist visitor migrant
    protester bystander pupil infant newborn individual male female member survivor guest
    spectator fan participant runner player shopper diner commuter traveler traveller
    camper kayaker boater hunter jogger walker skateboarder official staffer serviceman
    servicewoman fighter militant troop person people kid family youngster colleague
    """.split()  # noqa: SIM905
)
#: Collective nouns with a known size.
PAIRS = {"couple": 2.0, "pair": 2.0, "twins": 2.0, "both": 2.0}
#: Nouns that turn a harm sentence into one about someone else's count ("the family of").
SPEECH_VERBS = frozenset(
    """
    say tell report claim announce confirm state add estimate write post note cite quote
    warn insist allege declare assert acknowledge reveal disclose indicate publish show
    suggest put record update count
    """.split()  # noqa: SIM905
)


def rate_measure(measure: str, period: str | None) -> str:
    """A measure with its period when the amount is a rate ("killed_per_week")."""
    if period in PERIODS and measure not in ("money", "percent", "distance", "duration"):
        return f"{measure}_per_{period}"
    return measure
