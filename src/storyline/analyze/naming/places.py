"""Places: a short list of countries and capitals, their usual aliases, and place cues.

The small English model often calls a town a person ("Sumy", "Kyiv") or a product
("Kursk"). Three kinds of evidence say a name is a place, whatever the tagger said:

- the name is a country, a capital or a continent (the list below, written for this
  project: well-known names only, with the short forms newsrooms use: "US", "UK",
  "Britain", "America");
- a place noun follows it, alone or after a coordination: "the Sumy region", "the
  Kharkiv and Kherson regions", "Lviv oblast";
- it follows a locative preposition with nothing owned after it ("in Kherson,",
  "near Lviv") or owns a role only places have ("Kherson's governor").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storyline.analyze.naming.folding import name_tokens

_COUNTRIES = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burkina-faso burundi cambodia cameroon canada cape-verde
chad chile china colombia comoros congo costa-rica croatia cuba cyprus czechia
czech-republic denmark djibouti dominica ecuador egypt el-salvador eritrea estonia eswatini
ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala
guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel
italy ivory-coast jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan
laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar
malawi malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia
montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands new-zealand
nicaragua niger nigeria north-korea north-macedonia norway oman pakistan palau palestine
panama papua-new-guinea paraguay peru philippines poland portugal qatar romania russia
rwanda samoa san-marino saudi-arabia senegal serbia seychelles sierra-leone singapore
slovakia slovenia somalia south-africa south-korea south-sudan spain sri-lanka sudan
suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
trinidad tunisia turkey turkiye turkmenistan tuvalu uganda ukraine
united-arab-emirates uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia
zimbabwe crimea gaza west-bank
"""

_CAPITALS = """
kabul tirana algiers luanda buenos-aires yerevan canberra vienna baku manama dhaka minsk
brussels sofia phnom-penh ottawa santiago beijing bogota havana nicosia prague copenhagen
cairo tallinn addis-ababa helsinki paris tbilisi berlin accra athens budapest reykjavik
new-delhi delhi jakarta tehran baghdad dublin jerusalem tel-aviv rome tokyo amman astana
nairobi pristina riga beirut tripoli vilnius kuala-lumpur bamako valletta mexico-city
chisinau ulaanbaatar podgorica rabat maputo naypyidaw kathmandu amsterdam the-hague
wellington managua niamey abuja pyongyang skopje oslo muscat islamabad panama-city
asuncion lima manila warsaw lisbon doha bucharest moscow kigali riyadh dakar belgrade
bratislava ljubljana mogadishu pretoria johannesburg cape-town seoul juba madrid colombo
khartoum stockholm bern geneva damascus taipei dushanbe dodoma bangkok tunis ankara
istanbul ashgabat kampala kyiv kiev abu-dhabi dubai london washington montevideo
tashkent caracas hanoi sanaa lusaka harare new-york brussels strasbourg
"""

_REGIONS = """
europe asia africa antarctica oceania north-america south-america latin-america
middle-east balkans baltics caucasus scandinavia
"""

#: Other names of a country, folded, to the name it is filed under.
ALIASES: dict[str, str] = {
    "us": "united states",
    "usa": "united states",
    "u s": "united states",
    "united states of america": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "turkiye": "turkey",
    "burma": "myanmar",
    "holland": "netherlands",
    "kiev": "kyiv",
    "czechia": "czech republic",
    "uae": "united arab emirates",
    "drc": "congo",
    "prc": "china",
    "people's republic of china": "china",
}


def _words(block: str) -> frozenset[str]:
    return frozenset(w.replace("-", " ") for w in block.split())


#: Folded names that are places in any news report.
PLACES = (
    _words(_COUNTRIES)
    | _words(_CAPITALS)
    | _words(_REGIONS)
    | frozenset(ALIASES)
    | frozenset(ALIASES.values())
)


@lru_cache(maxsize=65536)
def place_key(text: str) -> str | None:
    """The folded country, capital or region a name is, or None ("the U.S." -> united states)."""
    tokens = name_tokens(text)
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    folded = " ".join(tokens)
    if folded not in PLACES:
        return None
    return ALIASES.get(folded, folded)


def country_first(tokens: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The country a name opens with, under one spelling, and the rest of the name
    (("us", "federal", "reserve") -> (("united", "states"), ("federal", "reserve"))).

    A known country, capital or region counts, under any of its names ("US", "U.S.",
    "UK", "Britain"); a name that opens otherwise comes back as ((), tokens).
    """
    for k in (4, 3, 2, 1):
        head = " ".join(tokens[:k])
        if len(tokens) > k and head in PLACES:
            return tuple(ALIASES.get(head, head).split()), tuple(tokens[k:])
    return (), tuple(tokens)


#: Nouns that only follow a place name ("the Sumy region", "Lviv oblast").
_PLACE_NOUNS = (
    "region|regions|oblast|oblasts|province|provinces|district|districts|county|"
    "counties|governorate|prefecture|municipality|city|town|village|villages|peninsula"
)
_PLACE_AFTER = re.compile(
    rf"^(?:\s*(?:,|and|or)\s+[A-Z][\w’'-]*)*\s+(?i:{_PLACE_NOUNS})\b",
)
#: Roles only a place can own ("Kherson's governor", "Ukraine's capital").
_PLACE_OWNS = re.compile(
    r"^['’]s\s+(?:(?:regional|military|local|provincial)\s+)?"
    r"(?:governor|mayor|region|regions|capital|border|borders|territory|parliament|"
    r"embassy|ambassador|president|prime minister|foreign minister|foreign ministry|"
    r"defen[cs]e ministry|armed forces|outskirts|suburbs|residents)\b",
    re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]cross|[Ii]nto|[Aa]round|city of|town of|"
    r"village of|region of|province of)\s+$"
)


#: Phrases before a name that only a place completes, strong enough to overrule the
#: tagger's ORG: "the town of Krasnobir", "east of Halven", "the regional capital, Halven".
_STRONG_BEFORE = re.compile(
    r"\b(?:(?:city|town|village|region|province|district|county|capital|people|residents|"
    r"centre|center|heart|outskirts|suburbs|east|west|north|south|northeast|northwest|"
    r"southeast|southwest)\s+of|capital,)\s+$"
)
#: A dateline: a name in capitals opening a line, then a comma or dash ("LINDHOLM, March").
_DATELINE = re.compile(r"^(?:,\s+[A-Z][a-z]+\.?\s+\d|\s+\(|\s+[-—–]\s)")


def strong_place_cue(text: str, start: int, end: int) -> bool:
    """Whether the words before a name, or a dateline, make it a place even against ORG."""
    if _STRONG_BEFORE.search(text[max(0, start - 40) : start]):
        return True
    name = text[start:end]
    line_start = start == 0 or text[start - 1] == "\n"
    return line_start and name.isupper() and bool(_DATELINE.match(text[end : end + 20]))


def place_cue(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` say it names a place."""
    after = text[end : end + 80]
    if _PLACE_AFTER.match(after) or _PLACE_OWNS.match(after):
        return True
    before = text[max(0, start - 40) : start]
    if not _PLACE_BEFORE.search(before):
        return False
    # "in Putin's words": an owner after the preposition is more often a person.
    return not re.match(r"^['’]", after)


#: Labels the small model gives places by mistake; ORG only on strong evidence, since
#: "shares in Tesla" puts a company after "in".
_WEAK_LABELS = frozenset({"PERSON", "PRODUCT", "NORP", "WORK_OF_ART", "FAC"})


def place_label(text: str, start: int, end: int, label: str) -> str:
    """GPE for a mention the tagger mislabelled but that is a known or cued place."""
    if label in ("GPE", "LOC", "EVENT", "LAW"):
        return label
    if place_key(text[start:end]) is not None:
        return "GPE"
    after = text[end : end + 80]
    if label == "NORP" and _PLACE_AFTER.match(after):
        return label  # "the Turkish city": a people's adjective before a place noun
    if _PLACE_AFTER.match(after) or _PLACE_OWNS.match(after):
        return "GPE"
    if label in _WEAK_LABELS and place_cue(text, start, end):
        return "GPE"
    if " " not in text[start:end] and strong_place_cue(text, start, end):
        return "GPE"
    return label
