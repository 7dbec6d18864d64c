"""Sentences that sum several incidents: roundups, police blotters, a period's tally.

A roundup or a police blotter adds up the harm of several incidents ("six were
wounded in separate shootings", "a violent night left 2 dead"), and a city's
tally counts a period's victims ("17 people shot in the city since Friday"):
none of these sums is the toll of one incident. ``ROUNDUP`` finds them by their
structure, not by any place's phrases:

- several incidents named as such: plural shootings after a count or a word of
  number ("three shootings", "separate shootings", "in weekend shootings",
  "shootings across the city"), "separate" before plural incidents a few words
  on ("in two separate Westbrook shootings", "separate shooting incidents"), a
  count of incidents or scenes ("four other incidents", "at those six crime
  scenes"), and "in a separate incident" (another incident's toll);
- a place-wide count: "citywide", "across the city";
- a period's tally: a count over a stretch of days or hours ("between Friday
  evening and early Monday", "from Friday through Sunday", "in a five-hour
  span", "in 48 hours"), harm followed within a few words by "since" and a day
  ("wounded since Tuesday afternoon", "shot in the city since last weekend"),
  and a night or weekend told as violent ("a violent night", "the deadliest
  weekend"; not "a deadly weekend shooting", one incident).
"""

from __future__ import annotations

import re

#: A number word or digits that count incidents.
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|\d+)"
#: Plural words of incidents.
_EVENTS = r"(?:shootings|incidents|attacks|homicides|killings|stabbings|scenes)"
#: A day, or a part of one, that a period starts or ends on.
_DAY = (
    r"(?:(?:early|late|last)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|weekend|midnight|noon|dawn)(?:\s+(?:morning|afternoon|evening|night))?"
)
#: Words of harm after which "since <day>" makes a count a tally.
_HARM = r"(?:killed|dead|died|slain|shot|wounded|injured|hurt|homicides|victims)"
_SPAN = r"(?:span|period|stretch|window)"

ROUNDUP = re.compile(
    # several incidents named as such
    rf"\b(?:separate|unrelated|several|multiple|different|weekend|overnight|holiday|{_COUNT})"
    r"\s+(?:[\w-]+\s+){0,2}?shootings\b"
    r"|\bshootings\s+(?:across|around|throughout|citywide|in the city|in the area)\b"
    r"|\bin\s+(?!the\b|those\b|these\b|both\b|two\b)(?:\w+\s+)?shootings\b"
    rf"|\bseparate(?:,?\s+[\w-]+){{0,3}}?\s+{_EVENTS}\b"
    rf"|\b(?:{_COUNT}|several|multiple|other)\s+(?:[\w-]+\s+)?(?:incidents|crime\s+scenes)\b"
    r"|\bin\s+an?\s+(?:separate|unrelated)\b"
    # a place-wide count
    r"|\bcity-?wide\b|\b(?:across|throughout)\s+the\s+city\b"
    # a period's tally
    rf"|\bbetween\s+{_DAY}\s+and\s+{_DAY}\b"
    rf"|\bfrom\s+{_DAY}\s+(?:through|to|until|into)\s+{_DAY}\b"
    rf"|\b(?:in|within|over)\s+(?:a|an|the\s+(?:past|last))\s+(?:\d+|[a-z]+)-hour\s+{_SPAN}\b"
    rf"|\b(?:in|within|over)\s+(?:the\s+(?:past|last)\s+)?(?:{_COUNT}|twenty-four|\d+)\s+hours\b"
    rf"|\b(?:in|over|within|during)\s+(?:the\s+(?:past|last)\s+)?(?:{_COUNT}|a\s+few|several)"
    r"\s+(?:days|weeks|months)\b"
    rf"|\b(?:string|spate|series|rash|wave)\s+of\s+(?:[\w,-]+\s+){{0,3}}?(?:{_EVENTS}|violence)\b"
    rf"|\b{_HARM}(?:\s+[\w,.-]+){{0,4}}?\s+since\s+{_DAY}\b"
    r"|\b(?:violent|deadly|deadliest|bloody|bloodiest)\s+(?:night|weekend|day|afternoon|evening"
    r"|stretch|holiday)\b(?!\s+(?:shooting|incident|attack|crash|fire|standoff)\b)",
    re.IGNORECASE,
)


#: Where a clause that may tell of another count starts: "five were shot on the
#: block where six more were wounded since Friday", "— among 17 shot since Friday".
_CLAUSE = re.compile(r"\s(?:where|which|while|whereas)\s|;|\s[—–]\s|\s--\s", re.IGNORECASE)


def sums_incidents(sentence: str, at: int | None = None) -> bool:
    """Whether a sentence (or a headline) sums several incidents or a period.

    With ``at`` (an offset in ``sentence``: where a count is), only up to the end of
    the clause that holds it: a tally told in a later clause ("… on the block where
    six more were wounded since Friday") sums other incidents, not the count before
    it; one told before ("in separate shootings, which left …") covers what follows.
    """
    if at is not None:
        end = _CLAUSE.search(sentence, at)
        sentence = sentence[: end.start()] if end else sentence
    return ROUNDUP.search(sentence) is not None
