"""When one name can stand for another: surnames, acronyms, short organisation names.

"Okafor" for "John Okafor", "J. Okafor" for "John Okafor" but not "Jane Okafor";
"GM" for "General Motors Corporation", "Northrop" for "Northrop Grumman", "Ford Motors
Co." for "Ford Motor Company" — never "US" for "US stocks" or "United" for "United
Airlines".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storyline.analyze.naming.folding import PARTICLES, translit
from storyline.analyze.naming.places import place_key

#: Corporate suffixes ignored when comparing organisation names.
ORG_SUFFIXES = frozenset(
    """inc corp corporation co company ltd llc plc ag sa nv spa gmbh group holdings
    computer computers motor motors industries""".split()  # noqa: SIM905
)

#: First words too generic to stand for a whole organisation name on their own.
_GENERIC_HEADS = frozenset(
    [
        "united",
        "national",
        "new",
        "european",
        "general",
        "american",
        "international",
        "first",
        "royal",
        "the",
        "world",
        "global",
        "north",
        "south",
        "east",
        "west",
        "central",
        "federal",
        "state",
        "people",
        "people's",
    ]
)

_STOP = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "von", "van", "der", "&"})


def org_core(tokens: Sequence[str]) -> tuple[str, ...]:
    """Organisation name tokens without a leading "the" or trailing corporate suffix."""
    core = list(tokens)
    if core and core[0] == "the":
        core = core[1:]
    while len(core) > 1 and core[-1] in ORG_SUFFIXES:
        if len(core) == 2 and core[0] in _GENERIC_HEADS:
            break  # "General Motors" is not "General"
        core.pop()
    return tuple(core)


_LEGAL = frozenset("inc corp corporation co company ltd llc plc ag sa nv spa gmbh".split())  # noqa: SIM905


def without_legal(tokens: Sequence[str]) -> tuple[str, ...]:
    """Name tokens without trailing legal-form words ("General Motors Corporation")."""
    out = list(tokens)
    while len(out) > 1 and out[-1] in _LEGAL:
        out.pop()
    return tuple(out)


#: Heads of public bodies written either way round: "Ministry of Defence" is the
#: "Defence Ministry", "Department of Justice" the "Justice Department".
_INVERTIBLE = frozenset(
    """ministry department office bureau agency commission committee council directorate
    secretariat""".split()  # noqa: SIM905
)


def org_order(tokens: Sequence[str]) -> tuple[str, ...]:
    """An organisation name with an "of"-phrase turned round: ("ministry", "of",
    "defence") -> ("defence", "ministry"), so both word orders meet."""
    if len(tokens) >= 3 and tokens[0] in _INVERTIBLE and tokens[1] == "of":
        rest = [t for t in tokens[2:] if t != "the"] or list(tokens[2:])
        if "of" not in rest:
            return (*rest, tokens[0])
    return tuple(tokens)


#: Roman numerals kept whole in an acronym ("World War II" -> "wwii").
_NUMERALS = frozenset({"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"})


def acronym(tokens: Sequence[str]) -> str:
    """Initials of the content words of a name ("north atlantic treaty organization" -> nato),
    a Roman numeral kept whole ("world war ii" -> wwii)."""
    parts = [p for t in tokens for p in t.split("-")]  # "hewlett-packard" -> hp
    return "".join(p if p in _NUMERALS else p[0] for p in parts if p not in _STOP and p)


@lru_cache(maxsize=65536)
def compatible_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the person name ``short`` can be a shorter form of ``full``."""
    if not short or not full or len(short) > len(full):
        return False
    if translit(short[-1]) != translit(full[-1]):
        return False
    if len(short) == 1:
        return True
    if len(short) >= 3 and short == full[-len(short) :]:
        return True  # "Dana Mae Oyelaran" for "Rita Dana Mae Oyelaran": a first name dropped
    if short[0] in PARTICLES:
        # "Von der Leyen" is the surname of "Ursula von der Leyen".
        return short == full[-len(short) :]
    first, ffirst = short[0], full[0]
    if len(ffirst) == 1 and len(full) > len(short) and len(first) > 1:
        ffirst = full[1]  # "Mark Felt" for "W. Mark Felt": the name used after an initial
    if len(first) == 1 or len(ffirst) == 1:
        return first[0] == ffirst[0]
    return translit(first) == translit(ffirst)


#: Plural words that end many organisation names without standing for any one of them.
_PLURAL_HEADS = frozenset(
    """states nations emirates airlines airways motors industries holdings partners services
    systems studios records forces times news networks technologies labs communications
    resources brands stores foods games sports""".split()  # noqa: SIM905
)


def nickname_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``short`` is the plural nickname ending ``full`` ("Colts" for "Indianapolis
    Colts", "Saints" for "New Orleans Saints"): how sports teams and bands are called."""
    return (
        len(short) == 1
        and 2 <= len(full) <= 3
        and full[-1] == short[0]
        and len(short[0]) >= 4
        and short[0].endswith("s")
        and short[0] not in _PLURAL_HEADS
    )


#: Last words of a body named after the place it serves: its police, its council, its
#: newspaper ("the Marlow Herald"), its university. The place is not short for them.
PLACE_BODIES = frozenset(
    """police constabulary sheriff sheriffs department council government assembly
    legislature court courts prosecutors fire rescue herald times post sun tribune
    reporter inquirer journal gazette chronicle examiner star globe news standard
    telegraph observer guardian mirror express independent record bee register
    dispatch courier bulletin constitution university college airport hospital zoo
    museum library schools""".split()  # noqa: SIM905
)


def place_body(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``full`` is a body named after the place ``short`` ("Marlow" and "Marlow
    Police", "Marlow County Sheriff", "Marlow Journal-Constitution"): two entities."""
    if not short or len(full) <= len(short) or full[: len(short)] != short:
        return False
    return full[-1].split("-")[-1] in PLACE_BODIES


def _after_place(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``full`` is a country or capital followed by ``short`` ("Air Force" for
    "United States Air Force", "Senate" for "US Senate")."""
    n = len(full) - len(short)
    return (
        n >= 1
        and full[n:] == short
        and short[0] not in _STOP
        and place_key(" ".join(full[:n])) is not None
    )


@lru_cache(maxsize=65536)
def compatible_org(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the organisation/place name ``short`` can stand for ``full``."""
    s, f = org_core(short), org_core(full)
    if not s or not f:
        return False
    if s == f:
        return True
    whole = tuple(t for t in full if t != "the")
    if (
        len(s) == 1
        and len(s[0]) >= 2
        and len([p for t in whole for p in t.split("-")]) >= 2
        and s[0] not in whole
        and s[0] in (acronym(f), acronym(whole), acronym(without_legal(whole)))
    ):
        return True  # "GM" for "General Motors Corporation", not "US" for "US stocks"
    if nickname_of(s, f) or _after_place(s, f):
        return True
    # A name that carries its own corporate word ("Apple Computer", "Apple Inc.") is
    # complete: it is not a short form of "Apple Corps".
    return (
        s == tuple(t for t in short if t != "the")
        and len(s) < len(f)
        # "London" is not short for "London Heathrow", nor "Kyiv" for "Kyiv Independent".
        and place_key(" ".join(s)) is None
        and f[: len(s)] == s
        and (len(s) >= 2 or len(s[0]) >= 3)  # "Dow Jones" for "Dow Jones Industrial Average"
        and s[0] not in _GENERIC_HEADS
        and all(t in ORG_SUFFIXES or t[0].isdigit() is False for t in f[len(s) :])
        and len(f) - len(s) <= 2
        # "Ford Australia", "EADS North America": a branch, not the company itself.
        and place_key(" ".join(f[len(s) :])) is None
    )


#: A model number written in the plural ("A380s", "747s").
_MODEL_PLURAL = re.compile(r"^([\w-]*\d)s$")


def model_singular(token: str) -> str:
    """A model number without its plural ending ("a380s" -> a380); other words unchanged."""
    m = _MODEL_PLURAL.match(token)
    return m.group(1) if m else token


def product_tail(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the product name ``short`` is ``full`` without its maker or range in front
    ("Veltra 550" for "Aerion Veltra 550", "Marlin" for "Osk OS Marlin"): a model is
    called by its own name once the maker is known. A head with a figure in it is a
    variant, not a maker ("4G Vexa" is not the "Vexa")."""
    n = len(full) - len(short)
    return (
        n >= 1
        and full[n:] == short
        and not any(ch.isdigit() for t in full[:n] for ch in t)
        and full[0] not in _STOP
        # A lone figure ("9") is too little to go on; "717" or "Marlin" is enough.
        and len(short[-1]) >= (3 if any(ch.isdigit() for ch in short[-1]) else 4)
    )
