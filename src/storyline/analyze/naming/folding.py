"""Folding a written name into comparable tokens.

"Ukraine's President Volodymyr Zelenskyy's" and "Zelensky" meet here: case, diacritics,
apostrophes, possessives, leading titles, descriptors before the name ("computer maker
Apple") and romanisation variants (-iy/-yy, kh/h, w/v ...) are folded away.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from anyascii import anyascii

#: Words that introduce a person's name without being part of it (lower case, no dot).
TITLES = frozenset(
    """
    acting admiral agent aide ambassador archbishop attorney bishop capt captain cardinal ceo cfo
    chair chairman chairwoman chancellor chief chief-executive coach col colonel
    commander commissioner congressman congresswoman constable dame defence defense
    deputy detective director dr dr. elect emir executive father finance foreign former
    founder gen general gov governor head health home inspector interior judge junior
    justice king lady late lawyer leader lieutenant lord lt madam major marshal mayor minister
    minister's miss mr mr. mrs mrs. ms ms. mx officer pope premier president president's
    press prime prince princess prof queen rep representative rev reverend secretary sen
    senator senior sergeant sgt sheikh sheriff sir spokesman spokesperson spokeswoman state
    top trustee vice
    """.split()  # noqa: SIM905
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*\.?", re.UNICODE)


def _latin_ascii(ch: str) -> str:
    """A Latin letter that decomposition leaves alone (Ø, ß, Đ, Æ, Ł) spelt in ASCII."""
    if ch.isascii() or not unicodedata.name(ch, "").startswith("LATIN"):
        return ch
    return anyascii(ch) or ch


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII-ish form of ``text``: diacritics dropped, apostrophes unified,
    every Latin letter in ASCII (Łukasz -> lukasz, Øre -> ore, Straße -> strasse)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if not kept.isascii():
        kept = "".join(_latin_ascii(ch) for ch in kept)
    return kept.lower()


@lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """The folded word tokens of a name, possessive cut ("Zelensky's" -> ("zelensky",)).

    Initials written with dots become one token ("U.S." -> ("us",)).
    """
    words = [w.rstrip(".") for w in _WORD.findall(fold(core_name(text)))]
    words = [w for w in words if w]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    if len(words) > 1 and all(len(w) == 1 for w in words):
        words = ["".join(words)]
    # "H-P" is "HP"; hyphenated initials are one token like dotted ones.
    words = [w.replace("-", "") if re.fullmatch(r"(?:\w-)+\w", w) else w for w in words]
    return tuple(words)


#: Lower-case particles inside personal names ("Ursula von der Leyen").
PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "la", "le", "da", "di", "du", "ter", "al", "bin"}
)


#: Lower-case words that join the words of one name ("Bank of Japan", "Institute for
#: the Study of War"), unlike descriptors before a name ("computer maker Apple").
_CONNECTORS = frozenset({"of", "for", "the", "and", "&", "on", "upon"})


def _joins(words: Sequence[str], i: int) -> bool:
    """Whether the lower-case word ``words[i]`` is part of the name around it."""
    if words[i] in PARTICLES:
        return True
    if words[i] not in _CONNECTORS or i == 0:
        return False
    prev = words[i - 1]
    return (prev[:1].isupper() or prev in _CONNECTORS) and any(
        w[:1].isupper() for w in words[i + 1 :]
    )


#: Words that only finish a company's own name ("Corvel's Holdings" is one name).
_FIRM_WORDS = frozenset("inc corp corporation co company ltd llc plc group holdings".split())  # noqa: SIM905


def _owned_name(owner: str, rest: str) -> bool:
    """Whether a possessive belongs to the name itself rather than to an owner before it:
    "Harlow & Finch's 300" (two names joined by "&"), "Dunmore's Holdings" (only
    company words follow)."""
    if re.search(r"&\s*\S+$", owner):
        return True
    words = [w.strip(".,").lower() for w in rest.split()]
    return bool(words) and all(w in _FIRM_WORDS for w in words)


def _ends_with_title(part: str) -> bool:
    """Whether a comma-separated part of a phrase ends with a title ("Kelvar CEO")."""
    words = part.split()
    return len(words) >= 2 and words[-1].lower().rstrip(".") in TITLES


@lru_cache(maxsize=65536)
def core_name(text: str) -> str:
    """The name inside a wider noun phrase: "computer maker Apple Inc. (AAPL" -> "Apple Inc.".

    Cuts a parenthesised alias, an apposition after a comma, an owner before a
    possessive ("Japan's Nikkei") and lower-case descriptors before the name.
    """
    if "(" in text:
        before = text.split("(", 1)[0].strip()
        text = before or text.split("(", 1)[1].strip(" )")
    if "," in text:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        named = [p for p in parts if not any(w[:1].islower() for w in p.split())]
        # "Kelvar chief executive, Dana Oyelaran": a part ending with a title is a role.
        named = [p for p in named if not _ends_with_title(p)] or named
        text = named[0] if named else parts[0] if parts else text
    # A bare apostrophe is a possessive only after an s ("the Otters' coach", not "O' Brien").
    m = re.search(r"(?:['’]s|(?<=s)['’])\s+(?=[A-Z0-9])", text)
    if m and m.end() < len(text) and not _owned_name(text[: m.start()], text[m.end() :]):
        text = text[m.end() :]
    words = text.split()
    # "iPhone 4", "eBay": a word with capitals inside is a name, not a descriptor.
    lower = [i for i, w in enumerate(words) if w.islower() and not _joins(words, i)]
    if lower and lower[-1] < len(words) - 1:
        words = words[lower[-1] + 1 :]
    while len(words) > 1 and (words[0] in ("The", "A", "An") or words[0] in _CONNECTORS):
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)
def translit(token: str) -> str:
    """A spelling-insensitive key for one name token (Zelenskyy, Zelenskiy -> zelenski).

    Folds the usual romanisation variants: -iy/-yy/-ij endings, y/i, kh/h, w/v, ph/f,
    ck/k, British -tre for -ter (Centre, Center), and doubled letters (Kyrylo and
    Kirillo meet at "kirilo"). A name in another script is romanised first (anyascii:
    "Зеленский" meets "Zelenskiy").
    """
    t = token if token.isascii() else anyascii(token).lower()
    t = t.replace("'", "").replace("-", "")
    t = t.replace("kh", "h").replace("ph", "f").replace("ck", "k").replace("w", "v")
    t = re.sub(r"(?:iy|yy|ij|yj|ii|iy)$", "i", t)
    t = re.sub(r"(?<=[a-z]{3})tre$", "ter", t)  # British "Centre", "Theatre"
    t = t.replace("y", "i").replace("j", "i") if len(t) > 3 else t.replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", t)


#: Titles that end a description inside a person's name ("Ford CEO Alan Mulally").
_INNER_TITLES = frozenset(
    """ceo cfo president minister secretary chairman chairwoman spokesman spokeswoman
    spokesperson director governor mayor senator chancellor ambassador commissioner
    executive judge chief premier""".split()  # noqa: SIM905
)


#: A company's legal form, which ends the company's name inside a longer phrase.
_LEGAL_FORMS = frozenset({"llc", "inc", "corp", "ltd", "plc", "gmbh"})


def _title_end(tokens: Sequence[str]) -> int:
    """Index of the first name word after leading titles and an inner title phrase."""
    i = 0
    while i < len(tokens) - 1 and (tokens[i] in TITLES or tokens[i].rstrip(".") in TITLES):
        i += 1
    # "us president donald trump", "chrysler chief executive robert nardelli": a title
    # inside the phrase with two name words after it ends the description; so does a
    # company's legal form ("kelvar llc dana oyelaran").
    for k in range(len(tokens) - 3, i - 1, -1):
        if tokens[k].rstrip(".") in _INNER_TITLES or (k > 0 and tokens[k] in _LEGAL_FORMS):
            return k + 1
    # "president of the republic of aldovia mira tesh": a title's "of"-phrase runs up to
    # the two name words that end the phrase.
    if i > 0 and tokens[i] == "of" and len(tokens) - i >= 4:
        return len(tokens) - 2
    return i


#: Generation suffixes after a surname ("W. Mark Felt Sr.").
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def strip_titles(tokens: Sequence[str]) -> tuple[str, ...]:
    """Drop leading titles and demonyms ("us president donald trump" -> donald trump), and
    a generation suffix ("jr")."""
    out = tuple(tokens[_title_end(tokens) :])
    if len(out) > 2 and out[-1] in _GENERATIONS:
        out = out[:-1]
    return out


def display_name(text: str, person: bool = True) -> str:
    """The display form of a name: titles (of people) and possessive cut, spaces collapsed."""
    words = core_name(text).split()
    i = _title_end([fold(w).rstrip(".") for w in words]) if person else 0
    out = " ".join(words[i:])
    return _POSSESSIVE.sub("", out) or out
