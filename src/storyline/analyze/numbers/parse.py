"""Finding number phrases in a parsed sentence: digits, words, vague amounts, qualifiers, ranges.

A number phrase is the run of tokens that states one amount ("more than 5,000",
"a dozen", "between five and seven", "hundreds of"), read into a value, an optional
upper bound and a qualifier (``exact``, ``at_least``, ``at_most``, ``about``,
``range``). Tokens that only look like counts (ages, dates, clock times, street
numbers, ordinals, model names such as "Tu-95") are rejected here, so later stages
never see them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from storyline.lexicon.calendar import MONTHS
from storyline.nlp import doc_strings

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
#: Vague amounts: (value, qualifier). "Dozens of" means at least two dozen.
VAGUE = {
    "dozen": (12.0, "about"),
    "dozens": (24.0, "at_least"),
    "hundreds": (200.0, "at_least"),
    "thousands": (2_000.0, "at_least"),
    "millions": (2e6, "at_least"),
    "tens": (20.0, "at_least"),
    "scores": (40.0, "at_least"),
    "couple": (2.0, "about"),
}
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
#: Words before a number that bound it, longest first.
PREFIX_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("no fewer than", "at_least"), ("no less than", "at_least"), ("in excess of", "at_least"),
    ("upwards of", "at_least"), ("at least", "at_least"), ("more than", "at_least"),
    ("just over", "at_least"), ("well over", "at_least"), ("over", "at_least"),
    ("a minimum of", "at_least"), ("above", "at_least"), ("exceeding", "at_least"),
    ("no more than", "at_most"), ("at most", "at_most"), ("up to", "at_most"),
    ("as many as", "at_most"), ("fewer than", "at_most"), ("less than", "at_most"),
    ("just under", "at_most"), ("under", "at_most"), ("nearly", "at_most"),
    ("almost", "at_most"), ("a maximum of", "at_most"), ("close to", "about"),
    ("an estimated", "about"), ("approximately", "about"), ("roughly", "about"),
    ("around", "about"), ("about", "about"), ("some", "about"), ("circa", "about"),
    ("approx.", "about"), ("exactly", "exact"), ("precisely", "exact"),
)  # fmt: skip
SUFFIX_QUALIFIERS = (("or more", "at_least"), ("or so", "about"), ("or fewer", "at_most"),
                     ("plus", "at_least"), ("odd", "about"))  # fmt: skip
CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "₴": "hryvnias",
            "₽": "roubles", "us$": "dollars", "a$": "dollars"}  # fmt: skip
#: Nouns that make the number before them a label, not an amount ("Route 9", "Article 5").
LABEL_NOUNS = frozenset(
    """
    route highway interstate road street avenue article section chapter page room gate
    flight platform number no no. apartment apt unit suite building block level floor
    terminal line bus-line game round episode season phase channel district ward precinct
    lane exit pier act grade covid
    """.split()  # noqa: SIM905
)
#: A hyphen or no gap between letters and digits: a model or code name ("Tu-95", "G7").
MODEL_NAME = re.compile(r"^[A-Za-z]{1,4}-?\d+[A-Za-z]*$|^\d+[A-Za-z]{2,}\d*$")
DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([½¼¾⅓⅔])?$")
SHORT = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)$", re.I)
STREETS = frozenset(
    """street st road rd avenue ave lane ln drive dr boulevard blvd way court ct place
    terrace crescent close square highway hwy parkway pkwy""".split()  # noqa: SIM905
)
SINGLE_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
AGE_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    """An amount found in a doc: token range ``[start, end)``, value and qualifier."""

    start: int  # first token (including qualifier words)
    end: int
    head: int  # the token that carries the number (its syntactic attachment)
    value: float
    qualifier: str
    value_max: float | None = None
    unit: str = ""  # currency or percent when the phrase itself says so


def word_value(text: str) -> float | None:
    """The value of one number token: "9", "1,000", "nine", "twenty-five", "3½", "5bn"."""
    low = text.lower().strip()
    if not low:
        return None
    match = DIGITS.match(low)
    if match:
        base = float(low.rstrip("½¼¾⅓⅔").replace(",", ""))
        return base + FRACTIONS.get(low[-1], 0.0)
    short = SHORT.match(low)
    if short:
        return float(short.group(1)) * SHORT_SCALES[short.group(2).lower()]
    if low in UNITS:
        return float(UNITS[low])
    if "-" in low:
        parts = low.split("-")
        if len(parts) == 2 and parts[0] in UNITS and parts[1] in UNITS:
            tens, unit = UNITS[parts[0]], UNITS[parts[1]]
            if tens >= 20 and tens % 10 == 0 and unit < 10:
                return float(tens + unit)
    return None


def _words_value(words: list[str]) -> float | None:
    """Combine number words: ["two", "hundred", "thousand"] -> 200000."""
    total, current = 0.0, 0.0
    seen = False
    for word in words:
        if word == "and":
            continue
        low = word.lower()
        if low in SCALES:
            scale = SCALES[low]
            current = (current or 1.0) * scale
            if scale >= 1_000:
                total, current = total + current, 0.0
            seen = True
            continue
        value = word_value(word)
        if value is None:
            return None
        current += value
        seen = True
    return total + current if seen else None


def _is_number_token(tok: Any) -> bool:
    return _is_number_text(tok.text, tok.lower_)


#: Whether a token's text is a number word, by the text (its lower-case form is the
#: text's own): kept, at most this many, then started afresh.
_NUMBER_KEPT = 1 << 16
_number_text: dict[str, bool] = {}


def _is_number_text(text: str, low: str) -> bool:
    """:func:`_is_number_token` of a token with this text and lower-case form."""
    known = _number_text.get(text)
    if known is None:
        known = low in SCALES or low in UNITS or low in FRACTIONS or word_value(text) is not None
        if len(_number_text) >= _NUMBER_KEPT:
            _number_text.clear()
        _number_text[text] = known
    return known


def _not_a_count(doc: Any, start: int, end: int) -> bool:
    """Whether the number tokens ``[start, end)`` are an age, date, time, label or name."""
    first, _last = doc[start], doc[end - 1]
    text = first.text
    if MODEL_NAME.match(text) and not text.isdigit() and not SHORT.match(text):
        return True
    if first.ent_type_ in ("ORDINAL", "PERSON", "ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC"):
        # "Boeing 737", "Apollo 11"; but an ORG tag on a bare count is a tagger slip
        return not (first.ent_type_ != "ORDINAL" and first.ent_iob_ == "B")
    nxt = doc[end] if end < len(doc) else None
    prev = doc[start - 1] if start > 0 else None
    # clock times, scores and numeric dates: "10:30", "3-1", "13: 26", "14 / 09 / 2013"
    if ":" in text or "/" in text or re.match(r"^\d+-\d+$", text):
        return True
    if (prev is not None and prev.text in (":", "/")) or (
        nxt is not None and nxt.text in (":", "/")
    ):
        return True
    if nxt is not None:
        low = nxt.lower_
        # ages: "a 7-year-old", "7 years old", "aged 45"
        if low in ("-", "year", "years") and end + 2 < len(doc):
            after = [t.lower_ for t in doc[end : end + 4]]
            if "old" in after:
                return True
        if low in ("a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "bst", "cet", "est"):
            return True
        if low in MONTHS or (low == "of" and end + 1 < len(doc) and doc[end + 1].lower_ in MONTHS):
            return True
        # street numbers: "123 Main Street", "42 Orchard Lane", "the 1200 block of"
        if low == "block" or (
            nxt.is_title and nxt.pos_ == "PROPN" and nxt.ent_type_ in ("FAC", "GPE", "LOC")
        ):
            return True
        if nxt.is_title and any(
            t.lower_.rstrip(".") in STREETS for t in doc[end + 1 : min(len(doc), end + 4)]
        ):
            return True
    if _in_age_list(doc, start) or _emergency_number(doc, start, end):
        return True
    if _apposed_ages(doc, start, end) or _years_of_age(doc, end):
        return True
    if prev is not None:
        plow = prev.lower_
        if plow in ("aged", "age", "ages") or plow.rstrip(".") in MONTHS:  # "Sept. 21"
            return True
        before = doc[start - 2].lower_ if start >= 2 else ""
        if (plow == "of" and before in ("age", "ages")) or (
            plow == "at" and before in ("dies", "died")
        ):
            return True  # "at the age of 85", "between the ages of 19 and 40", "died at 77"
        if plow == "than" and before in ("younger", "older"):
            return True  # "a girl younger than 10"
        if plow in ("his", "her", "their") and before == "in" and _decade(doc, end):
            return True  # "a man in his 20s", "in their 30's"
        if plow in ("around", "about", "at", "after", "before") and before in DAY_PARTS:
            return True  # "Thursday night around 10": a clock time
        if plow in LABEL_NOUNS or (plow.endswith(".") and plow[:-1] in LABEL_NOUNS):
            return True
        if prev.text in ("#", "No", "no.", "No.") and first.text.isdigit():
            return True
        plural_next = nxt is not None and (
            nxt.tag_ in ("NNS", "NNPS") or nxt.lower_ in SCALES or nxt.lower_ in SHORT_SCALES
        )
        # "Boeing 737", "iPhone 4", "Safari 4.0": a name before the digits
        if (
            first.text[:1].isdigit()
            and prev.pos_ == "PROPN"
            and prev.ent_type_ not in ("GPE", "LOC", "NORP", "DATE")
            and not plural_next
            and not (nxt is not None and nxt.pos_ in ("VERB", "AUX"))
        ):
            return True
        # "the 787 would", "their 737 narrowbody airliner": a model number after a determiner
        if (
            first.text.isdigit()
            and len(first.text) >= 3
            and (
                prev.lower_ in ("the", "a", "an", "their", "its", "his", "her")
                or prev.tag_ == "POS"
            )
            and not plural_next
            and not (nxt is not None and nxt.pos_ in ("VERB", "AUX", "ADJ", "ADP", "NUM"))
            and not (nxt is not None and nxt.lower_ in ("people", "of", "%", "percent"))
        ):
            return True
    # years and day numbers inside dates
    if first.ent_type_ == "DATE" and first.text.isdigit():
        value = int(first.text)
        if 1800 <= value <= 2100 and len(first.text) == 4 and end - start == 1:
            return True
        if prev is not None and (prev.lower_ in MONTHS or prev.lower_ in ("the", "on")):
            return (
                value <= 31
                and nxt is not None
                and (nxt.lower_ in MONTHS or nxt.lower_ in (",", "th"))
            )
    if first.text.isdigit() and len(first.text) == 4 and 1900 <= int(first.text) <= 2100:
        return nxt is None or nxt.pos_ != "NOUN" or nxt.lower_ in ("invasion", "election", "war")
    # person, age: "John Smith, 45, died", "The woman, 34, died"; "... as Jan Orr, 64."
    if (
        prev is not None
        and prev.text == ","
        and (
            nxt is None
            or nxt.text == "."
            or nxt.pos_ == "AUX"
            or nxt.lower_ in ("of", "all", "both", "each", "and")  # "…; and Jo Li, 31 all died"
        )
        and start >= 2
        and doc[start - 2].ent_type_ == "PERSON"
        and 0 < (word_value(first.text) or 0) < 120
    ):
        return True
    return (
        prev is not None
        and prev.text == ","
        and nxt is not None
        and nxt.text in (",", ")", ";")
        and start >= 2
        and (doc[start - 2].ent_type_ == "PERSON" or doc[start - 2].pos_ in ("NOUN", "PROPN"))
        and 0 < (word_value(first.text) or 0) < 120
    ) or (prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")")


#: Words after "911" that make it the emergency number: "a 911 call", "911 dispatchers".
EMERGENCY_AFTER = frozenset(
    """call calls caller callers dispatcher dispatchers operator operators center centre
    system line tape tapes recording recordings""".split()  # noqa: SIM905
)


def _in_age_list(doc: Any, start: int) -> bool:
    """A later number of a list of ages: "ages 14 and 28", "aged 21, 32, and 49",
    "ages 17 to 40", "between the ages of 19 and 52".

    The first number after "ages" is caught by its neighbour; the others only by
    walking back over the list (numbers, commas, "and", "to") to "ages" or "aged".
    """
    i = start - 1
    crossed = False
    while i >= 0 and start - i <= 12:
        tok = doc[i]
        if tok.lower_ in ("ages", "aged"):
            return crossed
        if tok.lower_ in AGE_LIST_LINKS or tok.like_num:
            crossed = crossed or tok.lower_ in AGE_LIST_LINKS
            i -= 1
            continue
        return False
    return False


#: Words that join the numbers of a list of ages ("ages 17 to 40", "ages of 19 and 52").
AGE_LIST_LINKS = frozenset({",", "and", "&", "to", "-", "–", "through", "of"})
#: Words that close an apposition: "Ann Lee, 62." "Jo Li, 44 -- and", "her nephews, 6 and 9,".
APPOSITION_CLOSE = frozenset({",", ".", ";", ")", "—", "–", "--", "-"})
#: Parts of a day after which a bare number is a clock time ("late Friday night around 10").
DAY_PARTS = frozenset({"night", "morning", "evening", "afternoon", "tonight"})


def _decade(doc: Any, end: int) -> bool:
    """Whether the number before ``end`` is a decade of life: "20s", "20's", "30 's"."""
    text = doc[end - 1].text.lower()
    nxt = doc[end].lower_ if end < len(doc) else ""
    return text.endswith("s") or nxt in ("'s", "’s", "s")


def _years_of_age(doc: Any, end: int) -> bool:
    """ "between 20 and 30 years of age": the number of years is an age."""
    words = [t.lower_ for t in doc[end : end + 3]]
    return words[:1] in (["years"], ["year"]) and words[1:3] == ["of", "age"]


def _apposed_ages(doc: Any, start: int, end: int) -> bool:
    """Numbers in apposition to people are their ages.

    "her nephews, 6 and 9, were hurt", "Jo Li and Al Roe, both 22 —", "Ann Lee, 62." and
    "... Bo Ray, 44 -- and": a run of numbers (joined by "and" or commas, or after "both")
    set off by a comma after a noun or name and closed by a comma, a stop or a dash.
    A single number needs a name before it or "both"/"all"; a common noun with one
    number ("of the victims, 3 were") is a count.
    """
    i = start - 1
    numbers = 1
    both = False
    while i >= 0 and start - i <= 8:
        tok = doc[i]
        if tok.lower_ in ("both", "all"):
            both = True
        elif tok.like_num:
            numbers += 1
        elif tok.lower_ != "and" and not (tok.text == "," and i > 0 and doc[i - 1].like_num):
            break
        i -= 1
    if i < 1 or doc[i].text != "," or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    owner = doc[i - 1]
    j = end
    while j < len(doc) and j - end <= 8 and (doc[j].like_num or doc[j].lower_ == "and"):
        numbers += doc[j].like_num
        j += 1
    closed = j >= len(doc) or doc[j].text in APPOSITION_CLOSE
    if not closed or not all(
        0 < (word_value(t.text) or 0) < 120 for t in doc[i + 1 : j] if t.like_num
    ):
        return False
    named = owner.ent_type_ == "PERSON" or owner.pos_ == "PROPN"
    return numbers >= 2 or both or named


def _emergency_number(doc: Any, start: int, end: int) -> bool:
    """ "calling 911", "911 calls", "a 911 dispatcher": the emergency number, not a count."""
    if doc[start:end].text != "911":
        return False
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end] if end < len(doc) else None
    return (prev is not None and prev.lemma_.lower() in ("call", "dial", "text")) or (
        nxt is not None and nxt.lower_ in EMERGENCY_AFTER
    )


#: :data:`PREFIX_QUALIFIERS` as lists of words.
_PREFIX_WORDS = tuple((phrase.split(), qualifier) for phrase, qualifier in PREFIX_QUALIFIERS)


def _prefix(doc: Any, start: int, floor: int) -> tuple[int, str | None]:
    """The qualifier words just before token ``start`` (not before ``floor``)."""
    lowers = doc_strings(doc, "LOWER")
    for words, qualifier in _PREFIX_WORDS:
        begin = start - len(words)
        if begin < floor:
            continue
        if lowers[begin:start] == words:
            return begin, qualifier
    return start, None


#: :data:`SUFFIX_QUALIFIERS` as lists of words.
_SUFFIX_WORDS = tuple((phrase.split(), qualifier) for phrase, qualifier in SUFFIX_QUALIFIERS)


def _suffix(doc: Any, end: int, limit: int) -> tuple[int, str | None]:
    lowers = doc_strings(doc, "LOWER")
    for words, qualifier in _SUFFIX_WORDS:
        if end + len(words) <= limit and lowers[end : end + len(words)] == words:
            return end + len(words), qualifier
    return end, None


def _read_run(doc: Any, i: int, limit: int) -> tuple[int, float | None, str]:
    """Read a run of number tokens from ``i``: returns (end, value, unit)."""
    unit = ""
    j = i
    words: list[str] = []
    while j < limit:
        tok = doc[j]
        if tok.text in ("-",) and words and j + 1 < limit and doc[j + 1].lower_ in UNITS:
            j += 1  # "twenty - five" split by the tokenizer
            continue
        if tok.lower_ == "and" and words and j + 1 < limit and _is_number_token(doc[j + 1]):
            if words[-1].lower() in SCALES:
                words.append("and")
                j += 1
                continue
            break
        if not _is_number_token(tok):
            break
        if words and tok.text[:1].isdigit() and words[-1][:1].isdigit():
            break  # two separate digit numbers ("50 31 miles"): keep the first
        if tok.lower_ in FRACTIONS and words:
            words[-1] = words[-1] + tok.text
            j += 1
            continue
        words.append(tok.text)
        j += 1
    if not words:
        return i, None, unit
    return j, _words_value(words), unit


def find_numbers(doc: Any, start: int = 0, end: int | None = None) -> list[NumberPhrase]:
    """Every amount stated in tokens ``[start, end)`` of a spaCy doc, left to right."""
    limit = len(doc) if end is None else end
    # the words read from the doc's columns: no token object for the words passed over
    lowers, texts = doc_strings(doc, "LOWER"), doc_strings(doc, "ORTH")
    found: list[NumberPhrase] = []
    i = start
    while i < limit:
        low = lowers[i]
        phrase: NumberPhrase | None = None
        if low in ("a", "an") and i + 1 < limit and lowers[i + 1] in SINGLE_UNITS:
            pre, qualifier = _prefix(doc, i, start)
            if qualifier is not None:  # "just over an hour", "less than a year"
                phrase = NumberPhrase(pre, i + 2, i, 1.0, qualifier)
        elif low in VAGUE and not (low == "couple" and (i + 1 >= limit or lowers[i + 1] != "of")):
            phrase = _vague(doc, i, start, limit)
        elif low not in SCALES and _is_number_text(texts[i], low):
            phrase = _numeric(doc, i, start, limit)
        if phrase is None:
            i += 1
            continue
        found.append(phrase)
        i = max(phrase.end, i + 1)
    return found


def _vague(doc: Any, i: int, floor: int, limit: int) -> NumberPhrase | None:
    value, qualifier = VAGUE[doc[i].lower_]
    begin = i - 1 if i > floor and doc[i - 1].lower_ in ("a", "several", "many") else i
    if doc[i].lower_ == "dozen" and i > floor and word_value(doc[i - 1].text) is not None:
        return None  # "two dozen" is read by the numeric path
    if doc[i].lower_ in ("hundreds", "thousands", "millions", "dozens", "tens", "scores"):
        nxt = doc[i + 1] if i + 1 < limit else None
        if nxt is None or (nxt.lower_ != "of" and nxt.pos_ not in ("VERB", "ADJ", "AUX")):
            return None  # "dozens of people", "dozens injured", "hundreds were evacuated"
    pre, q = _prefix(doc, begin, floor)
    return NumberPhrase(pre, i + 1, i, value, q or qualifier)


def _numeric(doc: Any, i: int, floor: int, limit: int) -> NumberPhrase | None:
    if doc[i].lower_ == "one" and i + 1 < limit and doc[i + 1].lower_ in ("another", "of"):
        pass  # "one of the victims" is a count of one
    if i > floor and doc[i].text[:1].isdigit() and doc[i - 1].text[:1].isdigit():
        return None  # "50 31 miles": the remains of a unit conversion, not a second amount
    run_end, value, _ = _read_run(doc, i, limit)
    if value is None:
        return None
    if _not_a_count(doc, i, run_end):
        return None
    if doc[i].lower_ == "one" and i > floor and doc[i - 1].lower_ in ("no", "any", "every", "the"):
        return None  # "no one", "the one" are not amounts
    if (
        doc[i].lower_ == "one"
        and i - 2 >= floor
        and doc[i - 1].text == "-"
        and doc[i - 2].lower_ in ("no", "any", "every", "some")
    ):
        return None  # "no-one" split by the tokenizer
    unit = ""
    begin = i
    prev = doc[i - 1] if i > floor else None
    if prev is not None and prev.text.lower() in CURRENCY:
        unit, begin = CURRENCY[prev.text.lower()], i - 1
    end = run_end
    if end < limit and doc[end].lower_ in ("dozen",):
        value *= 12
        end += 1
    if (end < limit and doc[end].text in ("%",)) or (
        end < limit and doc[end].lower_ in ("percent", "pct")
    ):
        unit, end = "percent", end + 1
    elif end + 1 < limit and doc[end].lower_ == "per" and doc[end + 1].lower_ == "cent":
        unit, end = "percent", end + 2
    begin, qualifier = _prefix(doc, begin, floor)
    value_max: float | None = None
    # ranges: "5 to 7", "5-7", "between 5 and 7", "five or six"
    if end + 1 < limit and doc[end].lower_ in ("to", "-", "–", "or", "and"):
        r_end, r_value, _ = _read_run(doc, end + 1, limit)
        connector = doc[end].lower_
        between = begin > floor and doc[begin - 1].lower_ == "between"
        if r_value is not None and r_value > value and (connector != "and" or between):
            if doc[end + 1].lower_ == "one" and connector == "or":
                r_value = None  # "two or one" does not occur; "one or two" does
            if r_value is not None:
                value_max, end = r_value, r_end
                qualifier = "range"
                if between:
                    begin -= 1
    if value_max is not None and _years_of_age(doc, end):
        return None  # "between 40 to 50 years of age": ages
    suffix_end, suffix_q = _suffix(doc, end, limit)
    if suffix_q is not None and qualifier is None:
        qualifier, end = suffix_q, suffix_end
    head = run_end - 1
    return NumberPhrase(begin, end, head, value, qualifier or "exact", value_max, unit)
