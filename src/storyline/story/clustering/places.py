"""Streets, roads and named sites: the places local news tells incidents apart by.

A general-purpose entity tagger misses most street names ("Dorsey Avenue",
"the 4100 block of Kessler Road", "Route 9", "the A391") or files a site under
organisations ("Briar Glen Apartments"). Yet a follow-up weeks later usually
finds its incident by exactly that: "the shooting on Dorsey Avenue last month".
These patterns find them in the text and give each one key, whatever the
abbreviation ("Ave." = "Avenue").
"""

from __future__ import annotations

import re

from storyline.lexicon.stopwords import STOPWORDS

#: Street and site words, with the abbreviations that stand for them.
SUFFIXES = {
    "street": "street",
    "st": "street",
    "avenue": "avenue",
    "ave": "avenue",
    "road": "road",
    "rd": "road",
    "drive": "drive",
    "dr": "drive",
    "lane": "lane",
    "ln": "lane",
    "boulevard": "boulevard",
    "blvd": "boulevard",
    "way": "way",
    "place": "place",
    "court": "court",
    "terrace": "terrace",
    "parkway": "parkway",
    "pkwy": "parkway",
    "highway": "highway",
    "hwy": "highway",
    "circle": "circle",
    "crescent": "crescent",
    "close": "close",
    "square": "square",
    "grove": "grove",
    "trail": "trail",
    "pike": "pike",
    "apartments": "apartments",
    "apts": "apartments",
    "park": "park",
    "plaza": "plaza",
    "estate": "estate",
    "mall": "mall",
    "walk": "walk",
    "row": "row",
    "gardens": "gardens",
    "mews": "mews",
    "quay": "quay",
    "wharf": "wharf",
    "alley": "alley",
}
#: Words before "Court" that make it a court of law, not a street.
_COURTS = frozenset(
    {"county", "municipal", "crown", "magistrates", "magistrates'", "district", "superior"}
    | {"supreme", "circuit", "high", "family", "youth", "coroner's", "juvenile", "federal"}
    | {"appeals", "appeal", "sheriff", "criminal"}
)
#: Capitalised words that open a sentence or a phrase rather than a name.
_LEADING = frozenset(
    {"the", "a", "an", "on", "in", "at", "near", "off", "of", "from", "to", "and", "along"}
    | {"outside", "behind", "by", "police", "officers", "north", "south", "east", "west"}
    | {"when", "while", "after", "before", "where", "residents", "neighbours", "neighbors"}
    | {"fatal", "deadly", "second", "third", "suspicious", "overnight", "busy", "quiet"}
)
_NAME_WORD = r"(?:[A-Z][\w'’-]*|\d{1,3}(?:st|nd|rd|th))"
_SUFFIX = "|".join(sorted((s.capitalize() for s in SUFFIXES), key=len, reverse=True))
_STREET = re.compile(rf"\b((?:{_NAME_WORD}\s+){{1,3}})({_SUFFIX})\b\.?")
_NUMBERED = re.compile(
    r"\b(Route|Highway|Hwy|Interstate|State Route|County Road|I)[- ](\d{1,4})\b"
    r"|\b[Tt]he ([AMB]\d{1,4})\b"  # "the A391", "the M25"; not an M16 rifle
)
_ROAD_KINDS = {"hwy": "highway", "i": "interstate", "state route": "route"}


def _name_key(words: list[str], suffix: str) -> str | None:
    # A name starts after the last common word before its own last word: "Shot On
    # Main Street" in a title-case headline is Main Street; "Third Street" stays.
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower() in _LEADING or words[i].lower() in STOPWORDS:
            words = words[i + 1 :]
            break
    if not words:
        return None
    if suffix == "court" and words[-1].lower() in _COURTS:
        return None
    return " ".join(w.lower().replace("’", "'") for w in words) + " " + suffix


def local_places(text: str) -> list[str]:
    """Keys of the streets, numbered roads and named sites a text names, in order."""
    found: list[str] = []
    for match in _STREET.finditer(text):
        key = _name_key(match.group(1).split(), SUFFIXES[match.group(2).lower()])
        if key and key not in found:
            found.append(key)
    for match in _NUMBERED.finditer(text):
        if match.group(3):
            key = match.group(3).lower()
        else:
            kind = match.group(1).lower()
            key = f"{_ROAD_KINDS.get(kind, kind)} {match.group(2)}"
        if key not in found:
            found.append(key)
    return found


def site_key(key: str) -> str | None:
    """A name key that ends in a street or site word, abbreviation spelt out, else None.

    "briar glen apartments" and "dorsey ave" are sites; "hale county court" is not.
    """
    words = key.split()
    if len(words) < 2 or words[-1] not in SUFFIXES or words[-2] in _COURTS:
        return None
    return " ".join([*words[:-1], SUFFIXES[words[-1]]])
