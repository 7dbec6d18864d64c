"""Words that number phrases are read with: captives, places, units, people, speech.

The measures themselves (names, signal words) are rows of :mod:`storyline.lexicon.measures`.
"""

from __future__ import annotations

#: Ordinals that number the dead: "a third victim has died" (a body), "Third victim dies"
#: (a headline) mean three dead.
DEATH_RANKS = {"second": 2.0, "third": 3.0, "fourth": 4.0, "fifth": 5.0, "sixth": 6.0,
               "seventh": 7.0, "eighth": 8.0, "ninth": 9.0, "tenth": 10.0}  # fmt: skip
#: Causes of death that are no attack: "died of a heart attack", "dies from asthma attack".
ILLNESSES = ("asthma", "heart attack", "cardiac arrest", "stroke", "illness", "cancer",
             "natural causes", "overdose", "seizure")  # fmt: skip
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
