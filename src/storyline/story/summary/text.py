"""Words, numbers and quotations of a sentence: what the summary stages compare.

Kept apart from spaCy on purpose: these run over every sentence of a story, many
times, and must be cheap and deterministic.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from storyline.analyze.numbers.parse import SCALES
from storyline.lexicon.stopwords import CONTENT_STOPWORDS
from storyline.model import TimeExpr

_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {w: i for i, w in enumerate(_SMALL_NUMBERS.split())} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
#: Number words that stand for a count ("nine people"); "one" and "two" are too often not.
_DIGIT_WORDS = {w: str(i) for i, w in enumerate(_SMALL_NUMBERS.split()) if i >= 3}
#: Stems of event words that news reports use for one another.
_EVENT_SYNONYMS = {
    "died": "kill",
    "dead": "kill",
    "death": "kill",
    "deaths": "kill",
    "kill": "kill",
    "killing": "kill",
    "wound": "injur",
    "wounded": "injur",
    "hurt": "injur",
    "injur": "injur",
    "injuri": "injur",
    "negotiation": "talk",
    "negotiat": "talk",
    "talk": "talk",
    "attack": "strike",
    "struck": "strike",
    "strik": "strike",
    "hit": "strike",
    "detaine": "prisoner",
    "pow": "prisoner",
    "captive": "prisoner",
    "swap": "exchange",
    "swapp": "exchange",
    "pows": "prisoner",
    "exchang": "exchange",
    "truce": "ceasefire",
    "evacuat": "evacuate",
    "evacuee": "evacuate",
}
_NUMBER_TOKEN = re.compile(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|[A-Za-z]+")
QUOTED = re.compile(r"[\"“]([^\"“”]{3,})[\"”]")
_WORD = re.compile(r"[\w’']+")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Texts whose words and numbers are kept (more than the sentences of a big story), and
#: the longest kept (a sentence; a whole report is read once, by the title).
_TEXTS_KEPT, _LONGEST_KEPT = 8192, 1000


def word_seq(text: str) -> list[str]:
    """The words of a text, lower-cased, punctuation dropped (for quote matching)."""
    # "’" and "'" are both word characters here: replaced before or after, the same words
    return _WORD.findall(text.lower().replace("’", "'"))


def content_words(text: str) -> set[str]:
    """Stems of the content words and numbers: what two paraphrases of a fact share.

    Number words become digits ("nine" and "9" meet) and a few event words that
    reports use interchangeably share one stem ("died", "killed" -> "kill").
    """
    # Built from the stems in the order they were first met, as one built by adding
    # them would be: the same set, iterated in the same order.
    if len(text) > _LONGEST_KEPT:
        return set(_content_stems.__wrapped__(text))
    return set(_content_stems(text))


@lru_cache(maxsize=_TEXTS_KEPT)
def _content_stems(text: str) -> tuple[str, ...]:
    """:func:`content_words` in the order met, once per text: a story's sentences are
    read by its summary, their support search, its title and its copies' updates."""
    return tuple(dict.fromkeys(k for k in map(_word_key, word_seq(text)) if k is not None))


@lru_cache(maxsize=65536)  # a story's vocabulary is small next to its word count
def _word_key(w: str) -> str | None:
    """What a word adds to :func:`content_words`: a digit for a number word, the stem of a
    content word, nothing for a stop word."""
    if w in _DIGIT_WORDS:
        return _DIGIT_WORDS[w]
    if w not in CONTENT_STOPWORDS and (len(w) > 2 or w.isdigit()):
        stem = _stem(w[:-2] if w.endswith("'s") else w)
        return _EVENT_SYNONYMS.get(stem, stem)
    return None


@lru_cache(maxsize=65536)  # a story's vocabulary is small next to its word count
def _stem(word: str) -> str:
    """A crude suffix stripper, enough for "killed"/"killing"/"kills" to meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def numbers_in(text: str) -> list[float]:
    """Every number a text states, in digits or words ("nine", "1,000", "2.5 million")."""
    if len(text) > _LONGEST_KEPT:
        return list(_numbers.__wrapped__(text))
    return list(_numbers(text))


@lru_cache(maxsize=_TEXTS_KEPT)
def _numbers(text: str) -> tuple[float, ...]:
    values: list[float] = []
    scalable = False  # whether the previous token was a number a scale word may multiply
    for token in _NUMBER_TOKEN.findall(text):  # (no group: the whole matches)
        if token[0].isdigit():
            values.append(float(token.replace(",", "")))
            scalable = True
            continue
        word = token.lower()
        if scalable and word in SCALES:
            values[-1] *= SCALES[word]
            scalable = False
        elif word in _NUMBER_WORDS:
            values.append(float(_NUMBER_WORDS[word]))
            scalable = True
        else:
            scalable = False
    return tuple(values)


def quoted_in(text: str) -> list[str]:
    """The words a sentence puts in quotation marks."""
    return [m.group(1) for m in QUOTED.finditer(text)]


def num(value: float) -> float:
    """A value rounded so that equal figures compare equal."""
    return round(value, 4)


def is_year(value: float) -> bool:
    """Whether a number reads as a year (1900-2100)."""
    return value.is_integer() and 1900 <= value <= 2100


def calendar_day(t: TimeExpr) -> str | None:
    """The calendar day a DATE or TIME value names ("2025-05-19T10:00" -> "2025-05-19")."""
    if t.type not in ("DATE", "TIME"):
        return None
    day = DAY.match(t.value)
    return day.group() if day else None


@lru_cache(maxsize=1024)  # asked for every candidate sentence of a report
def period_of(published: str | None) -> str | None:
    """The ISO week an article was published in ("period:2025-W20"), if its date is known."""
    if not published or not DAY.match(published):
        return None
    try:
        year, week, _ = date.fromisoformat(published[:10]).isocalendar()
    except ValueError:
        return None
    return f"period:{year}-W{week:02d}"


def claim_key(measure: str, value: float) -> str:
    """One figure however many claim records carry it: "claimv:injured:2"."""
    return f"claimv:{measure}:{num(value)}"


#: Words after a surname that tell a generation, not a family: "George M. Reed III".
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})


def surname(name: str) -> str:
    """A person's surname: the last word of the name, not a generation's suffix ("Reed"
    of "Tomas Reed Jr." and of "George M. Reed III")."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIXES:
        words.pop()
    return words[-1] if words else name
