"""A headline's toll: "2 killed, 4 injured in ...", "Man shot, killed", "Gunman shoots 4".

Local-news headlines state a toll in a few set forms that a sentence parser reads
badly (title case, no verbs' auxiliaries, commas for "and"), and some reports give
their toll only there: a short page whose body says "the victims" or was lost to
debris. ``headline_toll`` reads those forms with patterns, no parse: a count (a
number, a number word, or one person named by a singular noun: "Man", "15-year-old
boy") before a harm word (killed, dead, shot, wounded, ...), or a harm verb before
its count ("shoots 4 people"). Ages are no counts ("Girl, 7, grazed"; "Boys, 4 and
6, shot"), and a headline that sums several incidents ("in weekend shootings", "in
48 hours") gives none. The rules are in docs/claims.md ("Headlines").
"""

from __future__ import annotations

import re

from storyline.analyze.numbers.measures import DEATH_RANKS, ILLNESSES, PERSON_NOUNS
from storyline.analyze.numbers.parse import word_value
from storyline.analyze.numbers.roundup import sums_incidents
from storyline.lexicon.page_title import SITE_SUFFIX

#: A number word or digits that can count people in a headline.
_NUMBER = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
)
#: A singular person: "man", "15-year-old boy", "teen", "Girl, 7,".
_ONE_PERSON = (
    r"(?:(?:\d{1,3}|[a-z]+)(?:-year-old|\s+years?[\s-]old)(?:\s+[a-z]+)?|[a-z]+(?:-[a-z]+)?)"
    r"(?:,\s*\d{1,3},)?"
)
#: One to three people: "Man", "Man, woman", "Mother and son", "Man, woman and boy".
_PERSON = rf"(?P<noun>{_ONE_PERSON}(?:\s*(?:,\s*and\b|,|\band\b|&)\s*{_ONE_PERSON}){{0,2}})"
#: Singular nouns of one person in headlines, beside the measures' person nouns.
_ONE = (PERSON_NOUNS | {"juvenile", "mom", "dad", "pastor", "cop", "robber", "intruder",
                        "burglar"}) - {"people", "persons", "family", "troop"}  # fmt: skip
_KILLED = r"killed|dead|slain|dies|died|murdered"
_INJURED = r"injured|wounded|hurt|grazed|hospitalized|suffers\s+(?:a\s+)?gunshot\s+wounds?"
_HARM = rf"(?P<word>{_KILLED}|{_INJURED}|shot|shoots?)"
#: Words that may stand between a count and its harm word: "4 people", "two teens
#: critically", "1 person fatally", "3 others" (no preposition, no other harm word).
_FILLER = (
    r"(?:\s+(?!(?:and|in|at|on|after|by|near|of|for|with|from|to|while)\b)"
    rf"(?!(?:{_KILLED}|{_INJURED}|shot|shoots)\b)[a-z'-]+){{0,3}}?"
)
#: A number that gives an age written apart: "17 Year-Old", "16 year old" (no count).
_NO_AGE = r"(?!\s+(?:years?|yrs?)[\s-]+old\b)"
#: "4 shot, 2 fatally", "Man shot and killed", "shot dead", "shot to death".
_FATAL_AFTER = re.compile(
    r"^(?:,?\s*(?:and\s+)?(?:killed|dead\b|to death)|\s+dead\b|\s*,\s*killed\b)", re.IGNORECASE
)
_FATALLY = re.compile(rf"^,\s*(?P<n>{_NUMBER})\s+fatally\b", re.IGNORECASE)
#: Harm verbs before their count: "Gunman shoots 4 people", "kills two".
_VERB_FIRST = re.compile(
    rf"\b(?P<fatal>fatally\s+)?(?P<verb>shoots|kills|wounds|injures)\s+(?:(?P<n>{_NUMBER})(?![\w,-])|(?:a|an|his|her|their)?\s*"
    rf"{_PERSON})",
    re.IGNORECASE,
)
#: Overlapping (a lookahead): every start is tried, and each harm word keeps its first count.
_COUNT_FIRST = re.compile(
    rf"(?<![\w,-])(?=(?P<all>(?:(?P<n>{_NUMBER})(?![\w,-]){_NO_AGE}|{_PERSON}){_FILLER}\s*(?:,\s*)?"
    rf"(?:(?:was|were|is|are|been|be)\s+)?(?:fatally\s+|critically\s+|seriously\s+)?"
    rf"{_HARM}\b))",
    re.IGNORECASE,
)
#: Counts of "double shooting", "triple shooting".
_MULTIPLE = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "quintuple": 5.0}
_MULTIPLE_RE = re.compile(r"\b(double|triple|quadruple|quintuple)\s+shooting\b", re.I)
#: "double homicide", "triple fatal shooting": as many dead ("Man killed in double
#: fatal shooting" names one of two); not "double murder-suicide" (three).
_MULTIPLE_FATAL = re.compile(
    r"\b(double|triple|quadruple|quintuple)[\s-]+(?:fatal\s+shooting|homicide|murder|slaying"
    r"|killing)s?\b(?!\s*(?:[-,]|\band\b)\s*suicide)",  # the killer's death beside them
    re.I,
)
#: "fatally shoots self": the shooter one of the dead.
_SELF_FATAL = re.compile(r"\bfatally\s+shoots?\s+(?:him|her|it)?self\b", re.I)
#: A killer who killed himself after those he killed: "Man kills wife, 2 sons, then
#: himself", "Gunman fatally shoots 3 coworkers, self". The list is counted, and he.
_KILLS_SELF = re.compile(
    r"\b(?:kills|killed|slays|slew|fatally\s+shoots|fatally\s+shot)\s+(?P<list>[^.;:|]+?)"
    r"\s*(?:,\s*then|,\s*and|,|\band|\bthen|\bbefore\s+killing)\s+(?:him|her|them)?self\b",
    re.I,
)
_KILL_ITEM = re.compile(
    rf"(?:(?:his|her|their|a|an|the)\s+)?(?:(?P<n>{_NUMBER})\s+[a-z'-]+|(?P<one>[a-z'-]+)"
    r"|\d{1,3}[\s-]+years?[\s-]+old(?:\s+[a-z'-]+)?)",
    re.I,
)
#: "Farmer kills toddler son in a murder-suicide": the killer is one of the dead.
_MURDER_SUICIDE = re.compile(r"\bmurder[\s-]+suicide\b", re.I)
#: "Third victim dies": the dead so far (the numbered one was counted among the hurt).
_RANK = re.compile(
    rf"\b(?P<rank>{'|'.join(DEATH_RANKS)})\s+(?P<noun>[a-z]+)\s+(?:has\s+)?(?:dies|died|succumbs)\b",
    re.I,
)
#: Whom a vigil, funeral or memorial is for: a death before the headline's incident.
_MOURNED = re.compile(
    r"\b(?:vigil|funeral|memorial|wake)\s+(?:service\s+)?(?:for|of|honoring)\b((?:\s+\S+){1,4})",
    re.I,
)
#: Deaths that no weapon caused, after the harm word: "dies of asthma attack".
_ILLNESS = re.compile(
    rf"\s+(?:of|from)\s+(?:an?\s+)?(?:apparent\s+)?(?:{'|'.join(ILLNESSES)})\b", re.I
)
#: A headline that sums several incidents or a period: no incident's toll.
_SUMMARY = re.compile(
    r"\bshootings\b|\bweekend\b|\b\d+-hour\b|\bhours\b|\bso far\b|\bthis year\b|\bsince\b"
    r"|\bin \d{4}\b|\b(?:this|last|a)\s+year\b|\bincidents\b",
    re.IGNORECASE,
)
#: A second toll told as earlier: "... on the block where 3 were hurt days ago".
_EARLIER = re.compile(
    r"^[^,;:]*?\b(?:ago|last\s+(?:week|month)|earlier\s+this\s+(?:week|month))\b", re.I
)
#: A condition word before a harm word: "5 shot, 2 seriously hurt" tells of some of the 5.
_CONDITION = re.compile(r"\b(?:critically|seriously)\s+\S+$", re.I)
#: Counts of several kinds of people joined by commas or "and": "2 Girls, 2 Men Shot".
_LIST = re.compile(
    rf"(?<![\w,-])(?P<list>{_NUMBER}\s+[a-z]+(?:\s*(?:,|\band\b|&)\s*{_NUMBER}\s+[a-z]+)+)"
    rf"(?=\s*(?:,\s*)?(?:(?:was|were|is|are)\s+)?(?:(?:fatally|critically|seriously)\s+)?"
    rf"{_HARM}\b)",
    re.IGNORECASE,
)
#: One person and a count of others: "Mother, 2 children found dead", "Man and two sons shot".
_ONE_AND_LIST = re.compile(
    rf"(?<![\w,-])(?P<one>[a-z]+)\s*(?:,|\band\b|&)\s*(?P<n>{_NUMBER})\s+(?P<noun>[a-z]+)"
    rf"(?={_FILLER}\s*(?:,\s*)?(?:(?:was|were|is|are)\s+)?(?:(?:fatally|critically|seriously)\s+)?"
    rf"{_HARM}\b)",
    re.IGNORECASE,
)
_LIST_PART = re.compile(rf"(?P<n>{_NUMBER})\s+(?P<noun>[a-z]+)", re.IGNORECASE)
#: Plural person nouns not made with a final "s".
_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "person"}


def _people(noun: str) -> bool:
    """Whether a headline's noun names people: "girls", "men", "teens", "adults"."""
    low = noun.lower()
    one = _PLURALS.get(low) or (low[:-1] if low.endswith("s") else low)
    return one in _ONE or one == "person"


def _summed(head: str) -> str:
    """A headline with its counts of several kinds of people added up ("2 girls, 2 men
    shot" reads "4 people shot"); the rest as it was."""

    def total(m: re.Match[str]) -> str:
        parts = list(_LIST_PART.finditer(m.group("list")))
        values = [word_value(p.group("n")) for p in parts]
        if not all(_people(p.group("noun")) for p in parts) or None in values:
            return m.group(0)
        return f"{sum(v or 0.0 for v in values):g} people"

    def one_more(m: re.Match[str]) -> str:
        value = word_value(m.group("n"))
        noun = m.group("noun")
        if (
            value is None
            or not _people(m.group("one"))
            or not (_people(noun) or noun.lower() == "others")
        ):
            return m.group(0)
        return f"{value + 1:g} people"

    return _ONE_AND_LIST.sub(one_more, _LIST.sub(total, head))


def _count(match: re.Match[str]) -> float | None:
    if match.group("n"):
        return word_value(match.group("n"))
    total = 0.0
    for noun in re.split(
        r"\s*(?:,\s*\d{1,3},|,\s*and\b|,|\band\b|&)\s*", match.group("noun").lower()
    ):
        if re.search(r"year[\s-]old", noun):
            total += 1.0  # "15-year-old boy", "11-year-old seriously injured"
        elif noun in _ONE:
            total += 1.0
        elif noun:
            return None  # "people" without a number, or no person: no count
    return total or None


def headline_toll(title: str | None) -> dict[str, float]:
    """The toll a headline states: any of ``killed``, ``injured`` and ``shot`` (people shot,
    dead or not), each only when the headline gives it."""
    if not title:
        return {}
    head = SITE_SUFFIX.split(title.strip())[0]
    if _SUMMARY.search(head) or sums_incidents(head):
        return {}
    head = _summed(head)
    out: dict[str, float] = {}

    def add(measure: str, value: float) -> None:
        out[measure] = out.get(measure, 0.0) + value if measure == "killed" else value

    done: set[int] = set()  # harm words already counted
    mourned = [g.span(1) for g in _MOURNED.finditer(head)]
    for m in _COUNT_FIRST.finditer(head):
        value = _count(m)
        if value is None or m.start("word") in done:
            continue
        if any(a <= m.start("word") < b for a, b in mourned):
            continue  # "... at a vigil for a boy slain in May": an earlier death
        if _ILLNESS.match(head[m.end("word") :]):
            continue  # "witness, 16, dies of asthma attack": no one's shot
        if done and _EARLIER.match(head[m.end("word") :]):
            continue  # "5 hurt ... where 3 were hurt days ago": an earlier shooting
        if (
            ("shot" in out or "injured" in out)
            and not re.fullmatch(_KILLED, m.group("word"), re.IGNORECASE)
            and _CONDITION.search(m.group("all"))
        ):
            continue  # "5 shot, 2 seriously injured": two of the five
        done.add(m.start("word"))
        word = m.group("word").lower()
        after = head[m.end("all") :]
        fatally = "fatally" in m.group("all").lower()
        if word.startswith("shoot"):
            continue  # "Teen shoots ...": the shooter, counted by the verb's object below
        if word == "shot" and after.lower().startswith(" himself"):
            add("injured", value)  # "Man accidentally shot himself"
        elif word == "shot":
            if fatally or _FATAL_AFTER.match(after):
                add("killed", value)
            elif "killed" in out and re.search(r"\bothers?\b", m.group("all"), re.IGNORECASE):
                out["injured"] = out.get("injured", 0.0) + value  # "Boy killed, 6 others shot"
            else:
                out["shot"] = max(out.get("shot", 0.0), value)
                part = _FATALLY.match(after)
                if part and word_value(part.group("n")) is not None:
                    add("killed", word_value(part.group("n")) or 0.0)
        elif re.fullmatch(_KILLED, word, re.IGNORECASE) or fatally:
            add("killed", value)
        else:
            out["injured"] = out.get("injured", 0.0) + value
    for m in _VERB_FIRST.finditer(head):
        value = _count(m)
        if value is None:
            continue
        verb = m.group("verb").lower()
        measure = {"shoots": "shot", "kills": "killed"}.get(verb, "injured")
        if measure == "shot" and (m.group("fatal") or _FATAL_AFTER.match(head[m.end() :])):
            measure = "killed"
        out[measure] = max(out.get(measure, 0.0), value)
    killer = _killed_then_self(head)
    if killer:
        out["killed"] = max(out.get("killed", 0.0), killer)
    elif _MURDER_SUICIDE.search(head) and any(
        m.group("verb").lower() == "kills" and _count(m) for m in _VERB_FIRST.finditer(head)
    ):
        out["killed"] = out.get("killed", 0.0) + 1.0  # the killer beside those he killed
    if _SELF_FATAL.search(head):
        out["killed"] = out.get("killed", 0.0) + 1.0  # "..., then fatally shoots self"
    rank = _RANK.search(head)
    if rank and _people(rank.group("noun")):
        out["killed"] = DEATH_RANKS[rank.group("rank").lower()]  # "Third victim dies": three dead
    fatal = _MULTIPLE_FATAL.search(head)
    if fatal:
        out["killed"] = max(out.get("killed", 0.0), _MULTIPLE[fatal.group(1).lower()])
    if not out:
        multiple = _MULTIPLE_RE.search(head)
        if multiple:
            out["shot"] = _MULTIPLE[multiple.group(1).lower()]
    return out


def _killed_then_self(head: str) -> float:
    """The dead of "Man kills wife, 4 kids, then himself": each named or counted victim,
    and the killer (0 when the list is not all people)."""
    m = _KILLS_SELF.search(head)
    if not m:
        return 0.0
    total = 1.0  # himself
    for item in re.split(r"\s*(?:,\s*and\b|,|\band\b|&)\s*", m.group("list").strip()):
        part = _KILL_ITEM.fullmatch(item)
        if not part:
            return 0.0
        if part.group("n"):
            total += word_value(part.group("n")) or 0.0
        elif part.group("one") and part.group("one").lower() not in _ONE:
            return 0.0
        else:
            total += 1.0
    return total
