"""Handlers for relative days and units, durations, sets, references and clock times."""

from __future__ import annotations

import re

from storyline.analyze.timex import patterns as p
from storyline.analyze.timex.anaphora import EVENT_REF
from storyline.analyze.timex.lexicon import (
    PARTS_OF_DAY,
    SET_ADVERBS,
    WEEKDAY_CODES,
)
from storyline.analyze.timex.norm import (
    Handler,
    Norm,
    count_value,
    direction,
    duration_value,
    month_number,
    unit_info,
)
from storyline.analyze.timex.periods import latest_year
from storyline.lexicon.calendar import WEEKDAYS


def _weekday(m: re.Match[str], tense: str) -> Norm | None:
    code = WEEKDAY_CODES[WEEKDAYS[m["wd"].lower()]]
    det = (m["det"] or "").lower()
    det = det.removeprefix("the ").strip()
    way = {
        "last": "strictpast", "past": "strictpast", "next": "strictfuture",
        "previous": "strictpast", "preceding": "strictpast", "following": "strictfuture",
    }.get(det)  # fmt: skip
    if det in ("this", "coming"):
        way = "future" if tense != "past" else "past"
    rel = f"weekday:{code}:{way or (direction(tense) if tense else 'past')}"
    if det in ("previous", "preceding", "following"):
        # "the previous Friday": the one before the day told last (anaphora.py)
        rel = EVENT_REF + rel
    pod = (m["pod"] or "").lower()
    if pod:
        return Norm(
            "TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[pod]}", "time", f"{rel}@T{PARTS_OF_DAY[pod]}"
        )
    return Norm("DATE", "XXXX-XX-XX", "day", rel)


_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def _day_word(m: re.Match[str], tense: str) -> Norm | None:
    word = m["w"].lower()
    if word == "tonight":
        return Norm("TIME", "XXXX-XX-XXTNI", "time", "offset:day:0@TNI")
    if word == "overnight":
        shift = 0 if tense == "future" else -1
        return Norm("TIME", "XXXX-XX-XXTNI", "time", f"offset:day:{shift}@TNI")
    if word == "last night":
        return Norm("TIME", "XXXX-XX-XXTNI", "time", "offset:day:-1@TNI")
    shift = _DAY_WORDS.get(word.split()[-1], 0)
    if word.startswith("the day"):  # "the day after tomorrow", "the day before yesterday"
        shift += 1 if word.split()[2] == "after" else -1
    pod = (m["pod"] or "").lower()
    if pod:
        code = PARTS_OF_DAY[pod]
        return Norm("TIME", f"XXXX-XX-XXT{code}", "time", f"offset:day:{shift}@T{code}")
    return Norm("DATE", "XXXX-XX-XX", "day", f"offset:day:{shift}")


def _this_pod(m: re.Match[str], tense: str) -> Norm | None:
    code = PARTS_OF_DAY[m["pod"].lower()]
    return Norm("TIME", f"XXXX-XX-XXT{code}", "time", f"offset:day:0@T{code}")


_SHIFT = {
    "this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1,
    "coming": 1, "following": 1, "same": 0,
}  # fmt: skip


def _rel_unit(m: re.Match[str], tense: str) -> Norm | None:
    det = m["det"].lower()
    unit = m["unit"].lower()
    shift = _SHIFT[det]
    if unit == "weekend":
        here = "past" if tense == "past" else "future"  # "this weekend" is the coming one
        way = {0: here, -1: "strictpast", 1: "strictfuture"}[shift]
        return Norm("DATE", "XXXX-WXX-WE", "week", f"weekend:{way}")
    letter, _, gran = unit_info(unit)
    if unit in ("day", "night"):
        return Norm("DATE", "XXXX-XX-XX", "day", f"offset:day:{shift}")
    if unit == "decade" and det in ("past", "last"):
        return Norm("DURATION", "P10Y", "duration")  # "the past decade": ten years to now
    name = {"W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade"}.get(letter)
    if name is None:
        return None
    return Norm("DATE", "XXXX", gran, f"{name}:{shift}")


def _the_week(m: re.Match[str], tense: str) -> Norm | None:
    return Norm("DATE", "XXXX-WXX", "week", "weekx")


def _the_weekend(m: re.Match[str], tense: str) -> Norm | None:
    return Norm("DATE", "XXXX-WXX-WE", "week", f"weekend:{direction(tense)}")


def _ago(m: re.Match[str], tense: str) -> Norm | None:
    count = count_value(m["num"])
    letter, is_time, gran = unit_info(m["unit"])
    sign = 1 if m["dir"].lower() in ("from now", "hence") else -1
    if count is None or count != int(count) or is_time:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "ref")
    n = int(count) * sign
    if letter in ("DE", "CE"):
        return Norm("DATE", "XXXX", "year", f"year:{n * (10 if letter == 'DE' else 100)}")
    if letter in ("D", "W"):
        # "a week ago" names a day, as "three days ago" does
        days = (
            n
            * (7 if letter == "W" else 1)
            * (2 if m["unit"].lower().startswith("fortnight") else 1)
        )
        return Norm("DATE", "XXXX-XX-XX", "day", f"offset:day:{days}")
    name = {"W": "week", "M": "month", "Q": "quarter", "Y": "year"}[letter]
    if m["unit"].lower().startswith("fortnight"):
        name, n = "week", n * 2
    return Norm("DATE", "XXXX", gran, f"{name}:{n}")


def _duration(m: re.Match[str], tense: str) -> Norm | None:
    num = " ".join((m["num"] or "").lower().split())
    unit = m["unit"].lower()
    if num in ("a", "an") and (unit.startswith(("second", "quarter"))):
        return None  # "a second plane", "a quarter of the staff": ordinal and fraction
    if (
        unit.startswith("quarter")
        and m.string[m.start("unit") - 1] == "-"
        and re.match(r"\s+of\b", m.string[m.end() :])
    ):
        return None  # "three-quarters of its food": a fraction
    count = None if m["vague"] else count_value(m["num"])
    if count is None and m["num"] and not m["vague"]:
        return None
    if count is not None and m["half"]:
        count += 0.5  # "a minute and a half"
    return Norm("DURATION", duration_value(count, m["unit"]), "duration")


_OTHER_UNIT = re.compile(r"(?i)\s+(?:and|or)\s+(?:days|weeks|months|years)\b")


def _vague_duration(m: re.Match[str], tense: str) -> Norm | None:
    unit = (m["unit"] or m["unit2"]).lower()
    if m[0].lower().startswith("recent") and (
        unit in ("years", "decades", "centuries") or _OTHER_UNIT.match(m.string, m.end())
    ):
        # "in recent years": the recent past, an era; "in recent weeks and months": no
        # one unit to count in
        return Norm("DATE", "PAST_REF", "ref")
    # "in recent weeks", "in recent months": a stretch of unstated length up to now
    return Norm("DURATION", duration_value(None, m["unit"] or m["unit2"]), "duration")


def _set(m: re.Match[str], tense: str) -> Norm | None:
    groups = m.groupdict()
    if groups.get("mon"):  # "each July": that month of every year
        return Norm("SET", f"XXXX-{month_number(groups['mon']):02d}", "month")
    num = groups.get("num")
    # "every other year" is every second one ("each other Sunday" is no set of two)
    count = 2.0 if groups.get("other") else count_value(num) if num else 1.0
    if m["unit"].lower() in WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[m['unit'].lower()] + 1}", "day")
    return Norm("SET", duration_value(count, m["unit"]), "duration")


#: Set adjectives that classify the noun after them ("quarterly dividend", "quarterly
#: results"). "Annual" is left a set: MEANTIME annotates it so, TimeBank does not.
CLASSIFIER = re.compile(r"(?i)^quarterly$")
#: A word after an adjective that is not a function word: the noun it classifies.
NOUN_NEXT = re.compile(
    r"[^\S\n](?!(?:and|or|but|to|in|on|at|by|for|from|since|through|until|with|as|than|"
    r"the|a|an|is|are|was|were|since)\b)[a-z]"
)


def _weekday_set(m: re.Match[str], tense: str) -> Norm | None:
    """ "on Sundays", "Tuesday nights": that day (and part of it) of every week."""
    day = WEEKDAYS[(m["wd"] or m["wd2"]).lower()] + 1
    pod = (m["pod"] or m["pod2"] or "").lower().removesuffix("s")
    suffix = f"T{PARTS_OF_DAY[pod]}" if pod else ""
    return Norm("SET", f"XXXX-WXX-{day}{suffix}", "day")


def _set_adverb(m: re.Match[str], tense: str) -> Norm | None:
    if CLASSIFIER.match(m["w"]) and NOUN_NEXT.match(m.string, m.end()):
        return None  # a kind of dividend or meeting, not a time
    return Norm("SET", SET_ADVERBS[m["w"].lower()], "duration")


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "current": "PRESENT_REF", "ongoing": "PRESENT_REF", "the time being": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "later": "FUTURE_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "previously": "PAST_REF", "more recently": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the near term": "FUTURE_REF", "very soon": "FUTURE_REF",
}  # fmt: skip


_NOT_SOON = re.compile(r"(?i)\s+(?:after|afterwards?|thereafter)\b|\s+as\b(?!\s+possible)")


def _ref(m: re.Match[str], tense: str) -> Norm | None:
    word = m["w"].lower()
    if word == "soon" and _NOT_SOON.match(m.string, m.end()):
        return None  # "soon after being captured", "as soon as trading opened": a relation
    if word == "later" and re.search(r"(?i)\bor\s*$", m.string[max(0, m.start() - 6) : m.start()]):
        return None  # "1994 or later": the year is the expression
    if m["w"].lower() == "later" and re.search(
        rf"(?i)\b(?:{p.UNIT}s?|then|much|years|months|weeks|days|hours|half)\s*$",
        m.string[: m.start()],
    ):
        return None  # "three days later", "much later": relative to another event
    return Norm("DATE", _REFS[" ".join(m["w"].lower().split())], "ref")


def _clock(m: re.Match[str], tense: str) -> Norm | None:
    hour = int(m["h"])
    minute = int(m["m"] or 0)
    ampm = (m["ap"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    tz = "Z" if (m["tz"] or "").upper() in ("UTC", "GMT") else ""
    clock = f"T{hour:02d}:{minute:02d}{tz}"
    return Norm("TIME", f"XXXX-XX-XX{clock}", "time", f"offset:day:0@{clock}")


def _noon(m: re.Match[str], tense: str) -> Norm | None:
    clock = "T24:00" if m["w"].lower() == "midnight" else "T12:00"  # noon, midday
    return Norm("TIME", f"XXXX-XX-XX{clock}", "time", f"offset:day:0@{clock}")


def _clock24(m: re.Match[str], tense: str) -> Norm | None:
    hour, minute = (m["h"], m["m"]) if m["h"] else (m["h2"], m["m2"])
    tz = "Z" if (m["tz"] or "").upper() in ("UTC", "GMT") else ""
    h, mi = int(hour), int(minute)
    clock = f"T{h:02d}:{mi:02d}{tz}"
    return Norm("TIME", f"XXXX-XX-XX{clock}", "time", f"offset:day:0@{clock}")


_ENDED = re.compile(r"(?i)\s+(?:ended|ending|that\s+ended)\b")


def _the_year(m: re.Match[str], tense: str) -> Norm | None:
    """ "the year", "the full year", "the end of the year": this year; "the year ended
    March 31" is a twelve-month period ending on that day."""
    if _ENDED.match(m.string, m.end()):
        return Norm("DURATION", "P1Y", "duration")
    return latest_year(m[0]) or Norm("DATE", "XXXX", "year", "year:0")


def _year_end(m: re.Match[str], tense: str) -> Norm | None:
    """ "by year-end", "since year-end": the end of this year, or of last year in a past
    clause (TimeBank writes the year)."""
    back = tense == "past" or m["prep"].lower() == "since"
    return Norm("DATE", "XXXX", "year", "year:-1" if back else "year:0")


def _mid_part(m: re.Match[str], tense: str) -> Norm | None:
    """ "by mid-afternoon", "at mid-morning yesterday": a part of that day."""
    code = PARTS_OF_DAY[m["pod"].lower()]
    shift = _DAY_WORDS.get((m["w"] or "today").lower(), 0)
    return Norm("TIME", f"XXXX-XX-XXT{code}", "time", f"offset:day:{shift}@T{code}")


#: The handlers the rule table refers to, by name.
HANDLERS: dict[str, Handler] = {
    "weekday_set": _weekday_set,
    "weekday": _weekday,
    "day_word": _day_word,
    "this_pod": _this_pod,
    "rel_unit": _rel_unit,
    "the_weekend": _the_weekend,
    "the_week": _the_week,
    "ago": _ago,
    "duration": _duration,
    "vague_duration": _vague_duration,
    "set": _set,
    "set_adverb": _set_adverb,
    "ref": _ref,
    "the_year": _the_year,
    "year_end": _year_end,
    "mid_part": _mid_part,
    "clock": _clock,
    "noon": _noon,
    "clock24": _clock24,
}
