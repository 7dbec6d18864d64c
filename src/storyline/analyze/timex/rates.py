"""Rates and newspapers: words of time that tell no time.

- **A rate after an amount** ("$2 million a year", "four flights a week", "10,000 units
  annually", "sales rising 8% annually", "$40 a night"): the time word is the
  denominator of a quantity. TimeBank and AQUAINT annotate 3 of the 15 such rates of the
  tuning part (seventh round of issue 14), so a rule that emits them loses more value F1
  than it earns (an expression pays only when its value is right more often than about
  F1/2 of the time). The rate stays a set where no amount comes before it ("the festival
  is held annually", "twice a day", "every year"), and where the counted thing is itself
  a time ("24 hours a day", "three days a week": a schedule, not a quantity).
- **A newspaper called a daily or a weekly** ("the Communist Party daily Vestnik", "the
  business weekly Kapital", "a local daily reported"): a noun, not a set.
- **The annual event** ("the annual meeting", "its annual conference", "the club's annual
  regatta"): with an article or a possessive right before it, "annual" names one event
  of a yearly series (the one of this year), a kind of meeting, not a time told. TimeBank
  and AQUAINT annotate none of the three of the tuning part, MEANTIME one of three (ninth
  round of issue 14). "Annual" with no determiner ("annual sales", "first annual loss")
  or an indefinite one ("an annual profit", "a modest annual rate") stays a set.
"""

from __future__ import annotations

import re

__all__ = ["is_annual_event", "is_newspaper", "is_rate"]

#: the time word of a rate: "a year", "per month", "annually"
_RATE = re.compile(
    r"(?i)^(?:(?:a|an|per)\s+(?:second|minute|hour|day|night|week|month|quarter|year)"
    r"|annually|yearly|monthly|weekly|daily|nightly|hourly)$"
)
_NUM_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
    r"trillion|dozen)"
)
#: a time unit counted before the rate: "24 hours a day" is a schedule
_TIME_UNIT = re.compile(
    r"(?i)^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|quarters?|years?|"
    r"shifts?|times)$"
)
#: an amount, up to two words of what is counted, then the rate: "$2 million ",
#: "4.5% ", "four flights ", "10,000 units ", "fifty thousand CDs "
_AMOUNT_BEFORE = re.compile(
    rf"(?i)(?P<amount>(?:[$£€]\s?)?(?:\d[\d,.]*|{_NUM_WORD}))(?:\s*(?:%|percent|per\s+cent))?"
    r"(?P<what>(?:[^\S\n]+[A-Za-z][\w'-]*){0,2})[^\S\n]+$"
)
#: "a year later", "a week ago": a time told from another, not a rate
_RELATIVE_AFTER = re.compile(r"(?i)[^\S\n]+(?:ago|earlier|later|after|before|from|since)\b")
_NOT_COUNTED = re.compile(r"(?i)\b(?:a|an|the|of|to|by|in|at|for|and|or|from|than)\b")


def is_rate(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ("a year", "annually") is the denominator of an amount
    told just before it ("$2 million a year", "four flights a week")."""
    if not _RATE.match(text[start:end]) or _RELATIVE_AFTER.match(text, end):
        return False
    m = _AMOUNT_BEFORE.search(text[max(0, start - 60) : start])
    if m is None:
        return False
    if re.fullmatch(r"(?:1[6-9]|20)\d\d", m["amount"]) and not m["what"].strip():
        return False  # "in 2019 a year of drought": a year told, not an amount
    counted = m["what"].split()
    if any(_NOT_COUNTED.fullmatch(w) for w in counted):
        return False  # "grew by 20 in a year": no quantity right before the rate
    return not (counted and _TIME_UNIT.match(counted[-1]))


#: "the (Communist Party) daily Vestnik", "a local daily reported"
_PAPER_AFTER = re.compile(
    r"[^\S\n]+(?:[A-Z][\w'-]*|(?:said|says|reported|reports|wrote|writes|quoted|quotes|"
    r"carried|published|cited|added)\b)"
)
_PAPER_BEFORE = re.compile(
    r"(?i)(?:\b(?:the|a|an|its|their|his|her)|['’]s|[A-Z][\w'-]*|local|national|state|"
    r"official|business|financial|regional|leading|popular|independent|influential|"
    r"conservative|liberal|opposition|party|government|evening|morning|english-language)"
    r"[^\S\n]+$"
)


def is_newspaper(text: str, start: int, end: int) -> bool:
    """Whether "daily" or "weekly" at ``text[start:end]`` names a newspaper."""
    if text[start:end].lower() not in ("daily", "weekly"):
        return False
    if not _PAPER_AFTER.match(text, end):
        return False
    return bool(_PAPER_BEFORE.search(text[max(0, start - 40) : start]))


#: "the ", "its ", "the club's ": a definite determiner right before "annual"
_DEFINITE_BEFORE = re.compile(
    r"(?i)(?:\b(?:the|its|his|her|their|our|my|your|this|that|these|those)|\w['’]s?)[^\S\n]+$"
)
#: a word after "annual" that is not a function word: the event it classifies
_NOUN_AFTER = re.compile(r"[^\S\n]+(?!(?:and|or|but|to|in|on|at|by|for|of|from|than)\b)[A-Za-z]")


def is_annual_event(text: str, start: int, end: int) -> bool:
    """Whether "annual" at ``text[start:end]`` names one event of a yearly series ("the
    annual meeting", "its annual conference"): a definite determiner before, a noun after."""
    if text[start:end].lower() != "annual":
        return False
    if not _NOUN_AFTER.match(text, end):
        return False
    return bool(_DEFINITE_BEFORE.search(text[max(0, start - 40) : start]))
