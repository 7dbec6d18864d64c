"""Cheap screens for the time rules that have no words to look for (see ``find._scan``).

Some rules hold no word of three letters or more that every match needs ("duration"'s
units include "hr" and "min"; "year" is four digits), so :mod:`literals` finds nothing
to filter on and they were read over every line of every text. Each rule here has a
short pattern (its screen) such that every match of the rule holds a match of the
screen: a part of the rule's own pattern, compiled with the rule's flags, run on the
same text. A text without a screen match cannot hold a match of the rule; for a rule
that matches within one line, a line without one cannot either. No screen matches a
line break, so a screen match found lies on one line.

- "duration", "set_rate": a unit word ("days", "hr", "min", "centuries") at the start
  of a word (each rule's unit follows a space or a hyphen). One screen, so the lines
  found serve both rules.
- "year": a year's four digits; "clock24": two digits and a time zone, or a colon and
  two digits; "numeric": a digit, a slash, a digit; "iso": a digit, a hyphen, a digit;
  "qcode": "Q" and a digit from 1 to 4; "short_year": an apostrophe and two digits.
"""

from __future__ import annotations

import re

from storyline.analyze.timex import patterns as p

__all__ = ["SCREENS"]

_I = re.IGNORECASE | re.UNICODE
_U = re.UNICODE

_UNIT = re.compile(rf"\b(?:{p.UNIT}|centuries)", _I)
_TZ = p.TIMEZONE.replace(r"\s+", r"[^\S\n]{1,3}")

#: The screen of each rule, by the rule's name.
SCREENS: dict[str, re.Pattern[str]] = {
    "duration": _UNIT,
    "set_rate": _UNIT,
    "year": re.compile(p.YEAR, _U),
    "clock24": re.compile(rf"\d[^\S\n]{{0,3}}{_TZ}|:[0-5]\d", _U),
    "numeric": re.compile(r"\d/\d", _U),
    "iso": re.compile(r"\d-\d", _U),
    "qcode": re.compile(r"Q[1-4]", _U),
    "short_year": re.compile(r"['’]\d\d", _U),
}
