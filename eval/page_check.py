"""Whether a story page reads as one an editor would sign: counts of what breaks it.

    .venv/bin/python eval/page_check.py OUT/stories.json [...] [--verbose]

Reads the ``stories.json`` of a digest (the page is rendered from it) and counts,
per story and in total, with rules written apart from the stages they check:

- ``state``: figures the page puts in two states at once: a value listed as a
  single-source fact (or a single-source event stating it) that "What is
  disputed" or "Figures reported" also shows, a figure listed under two states,
  one figure listed twice as single-source with two outlets' values, or a
  headline figure ("Figures", at the top) whose status is none of the states the
  sections below give its measure and value;
- ``unreadable``: single-source entries that are not plain phrases: opening on a
  pronoun, of history ("(2024)", "(earlier)"), a description over 8 words, a
  measure word doubled ("detainees prisoners exchanged"), "1 people", an event
  of under 4 words;
- ``order``: summary sentences (after the first, the main event) dated before the
  sentence before them: by the earliest day a sentence states in its own words
  ("(16 May)", "on Oct. 17": the day a reader places it on; a day over three
  months before the story's first report is history recalled, one after its newest
  report is scheduled), else through the
  timeline event its passages cite (up to the story's newest report: a scheduled
  event has not happened yet);
- ``pronoun``: summary sentences opening on a pronoun (not an "it" that stands for
  nothing: "It was not clear why ..."), or naming "Mr X" (Mrs, Ms) before any sentence
  gives X's full name;
- ``relative``: summary sentences keeping "yesterday", "on Monday" ... with no date
  beside it;
- ``long``: summary sentences over 35 words;
- ``latest``: storylines whose latest development (the newest dated event of the
  newest story, up to its newest report) no summary sentence of that story carries;
- ``debris``: summary sentences about the page or the outlet rather than the news: words
  of the page ("e-mail notifications", "sign in", "this developing story", "contributed to
  this report", a video player's or an advert's label), or spoken to the reader ("you",
  "your") or as the outlet ("we", "our", "us", "I", "my") outside quotation marks in a
  sentence that gives no speaker ("said", "told", "according to" ...);
- ``repeat``: pairs of summary sentences telling the same thing: at least four content
  words (as stems) in common and three in four of the shorter's;
- ``future``: timeline lines (not background) dated after the story's newest report that
  do not read as scheduled ("will", "is scheduled", "is expected", "plans" ...): a
  development told as done cannot come after every report of it;
- ``tl_relative``: timeline lines keeping a relative day word with no date beside it;
- ``stale``: storylines whose latest development (as for ``latest``) is older than a day a
  summary sentence of the story states in its own words (up to the story's newest
  report; not a sentence telling what has not happened, "no arrest had been made by
  Friday"): the timeline has missed what the summary tells as newer.

Goal 0 on each. The digest is run apart (see docs/quality.md for the commands).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.lexicon.measures import claim_what  # noqa: E402
from storyline.story.coverage import names_measure  # noqa: E402

CHECKS = (
    "state",
    "unreadable",
    "order",
    "pronoun",
    "relative",
    "long",
    "latest",
    "debris",
    "repeat",
    "future",
    "tl_relative",
    "stale",
)
MAX_WORDS = 35
PRONOUN = re.compile(
    r"^[\"“‘']?(he|she|it|they|him|her|them|his|its|their|this|these|those|the latter|"
    r"the former)\b",
    re.I,
)
#: An "it" that stands for nothing ("It remained unclear Monday how the child was shot")
#: leans on no sentence before it: not a pronoun opening.
EXPLETIVE = re.compile(
    r"^It (?:is|was|remains|remained)(?: still)? (?:not (?:yet |immediately )?(?:clear|known)"
    r"|unclear|unknown)\b.{0,40}?\b(?:how|why|whether|what|who|when|where|if)\b"
)
DAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
RELATIVE = re.compile(
    rf"\b(yesterday|today|tomorrow|tonight|last night|(on|last|this|next|by|until|since) {DAY}"
    rf"|{DAY}['’]s|{DAY} (morning|afternoon|evening|night))\b",
    re.I,
)
#: A date beside the day word: right after it, after its part of day ("Friday night (4
#: November)"), or after the noun a possessive qualifies ("Friday's talks (16 May)").
_DATE = r"\s*\((?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2})"
DATED_AFTER = re.compile(
    rf"^(?:\s+(?:morning|afternoon|evening|night))?(?:{_DATE}|,?\s+[A-Z][a-z]+\.? \d{{1,2}}\b)"
)
DATED_AFTER_NOUN = re.compile(rf"^(?:\s+[\w-]+){{1,3}}?{_DATE}")
#: A title and the word after it; a second capitalised word makes it a full name
#: ("Dr. Ada Quist" introduces her, "Dr. Quist" needs a sentence before that does).
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr)\.? ([A-Z][\w’'-]+)( [A-Z][a-z][\w’'-]*\b)?")
#: Words of the page, not of the news: what a reader's e-mail, account, player or the
#: outlet's follow-up is about, and the labels of a video player, an advert, a link list.
PAGE_WORDS = re.compile(
    r"\be-?mail (?:notifications?|alerts?)\b|\bnotifications? on\b|\bsign (?:in|up)\b|"
    r"\blog ?in\b|\bregister to\b|\bpremium content\b|\bflash player\b|\bjavascript\b|"
    r"\bmore news videos\b|^(?:embed|advertisement)\b|^(?-i:Close [A-Z])|"
    r"^related (?:photos|videos|stories|links?|content)\b|"
    r"\bcontributed to this (?:report|story|article)\b|\b(?:as )?this story develops\b|"
    r"\bthis developing story\b|\bbreaking news alerts?\b|\bnews app\b|\bcheck back\b",
    re.I,
)
#: Spoken to the reader, or as the outlet (outside quotation marks): "If you know ...",
#: "We will update ...", "... our expanded coverage" ("Our Lady" inside a name, "US" and an
#: "I-" road are not).
READER = re.compile(
    r"(?:^|(?<=[,;:]\s))(?:You|Your)\b|\b(?:you|your|yours|yourself|you['’](?:re|ll|ve|d))\b"
)
OUTLET = re.compile(
    r"(?:^|(?<=[,;:]\s))(?:We|Our|My)\b|\b(?:we|we['’](?:re|ll|ve|d)|our|ours|us|my|me)\b"
    r"|\bI\b(?![-.])"
)
#: A sentence that gives who speaks: its "you", "we" are the speaker's, reported.
SPEAKER = re.compile(
    r"\b(?:said|says|say|told|tells|tell|telling|according|wrote|writes|posted|added|stated|"
    r"states|stating|asked|asks|explained|explains|noted|urged|pleaded|pleading|recalled|called|described|"
    r"testified|admitted|reminded|warned|thanked)\b",
    re.I,
)
QUOTED_PART = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)|(?<![\w])\'[^\'\n]+\'(?![\w])')
#: Words too common in these pages to tell two sentences apart.
_COMMON_WORDS = (
    "the and for with that this from have has had was were are said says will would about "
    "after before their there which when where into over also than they them been police "
    "not who its his her him she"
)
COMMON = frozenset(_COMMON_WORDS.split())
#: A sentence telling that something has not happened yet ("Police had not identified a
#: suspect Friday", "His condition wasn't known"): no development.
NOTHING_YET = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.I)
#: A line that tells what is planned, not what happened.
SCHEDULED = re.compile(
    r"\b(?:will|would|shall|won['’]t|to be|is to|are to|scheduled|schedule|set for|set to|"
    r"is set|are set|expected|expects|due|plans?|planned|planning|upcoming|next|slated|"
    r"going to|pending|until|hopes?|intends?|awaits?|awaiting)\b|['’]ll\b",
    re.I,
)
HISTORY = re.compile(r"\((\d{4}(-\d{2})?|XXXX[-\w]*|earlier)\)")
WORD = re.compile(r"[a-z]{3,}")


def _label(claim: Mapping[str, Any]) -> str:
    """The label the coverage gives a claim (a row, or a single-source entry)."""
    value = claim["value"]
    shown = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    text = f"{shown} {claim_what(claim.get('counted', ''), claim['measure'])}"
    return text + (f": {claim['about']}" if claim.get("about") else "")


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def _numbers(text: str) -> set[float]:
    from storyline.analyze.numbers.parse import word_value

    return {v for w in re.findall(r"[\w,.]+", text) if (v := word_value(w)) is not None}


def _figures_shown(story: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The claims the page lists under "Figures reported"."""
    claims = story.get("claims", [])
    if story.get("facts"):
        return [c for c in claims if c.get("state") == "agreed"]
    return list(claims)


def check_state(story: Mapping[str, Any], outlet: Mapping[str, str]) -> list[str]:
    """Figures shown in two states at once."""
    problems: list[str] = []
    states: dict[tuple[str, float], set[str]] = {}
    for c in story.get("conflicts", []):
        for v in c["values"]:
            states.setdefault((c["measure"], v["value"]), set()).add("disputed")
    for c in _figures_shown(story):
        state = "agreed" if (c.get("independent") or 0) >= 2 else "single source"
        states.setdefault((c["measure"], c["value"]), set()).add(state)
    by_label = {_label(c): c for c in story.get("claims", [])}
    by_label |= {_label(c).replace("1 people", "1 person", 1): c for c in story.get("claims", [])}
    single = story.get("coverage", {}).get("single_source", [])
    lone: list[Mapping[str, Any]] = []
    for f in single:
        if f["kind"] == "claim" and f["label"] in by_label:
            c = by_label[f["label"]]
            lone.append(c)
            states.setdefault((c["measure"], c["value"]), set()).add("single source")
    for key, found in states.items():
        if len(found) > 1:
            problems.append(f"{key[1]:g} {key[0]}: {' and '.join(sorted(found))}")
    shown = {k for k, s in states.items() if s - {"single source"}}
    for f in single:
        if f["kind"] != "event":
            continue
        text = f["label"].split(": ", 1)[-1]
        said = _numbers(text)
        for measure, value in shown:
            if value in said and names_measure(text, measure):
                problems.append(f"event restates a figure shown elsewhere: {text}")
                break
    problems += _headline_states(story)
    for i, a in enumerate(lone):
        for b in lone[i + 1 :]:
            if (
                a["measure"] == b["measure"]
                and a["value"] != b["value"]
                and {outlet.get(x, x) for x in a["articles"]}
                != {outlet.get(x, x) for x in b["articles"]}
                and (_words(a.get("about", "")) & _words(b.get("about", "")) or not a.get("about"))
            ):
                problems.append(
                    f"two single-source values of one figure: {_label(a)} / {_label(b)}"
                )
    return problems


def _headline_states(story: Mapping[str, Any]) -> list[str]:
    """Headline figures ("Figures" at the top) in another state than the sections below give
    the same measure and value: a claim's state, a dispute or an update holding the value."""
    out: list[str] = []
    for f in story.get("figures", []):
        below = {
            c["state"]
            for c in story.get("claims", [])
            if c.get("state") and c["measure"] == f["measure"] and c["value"] == f["value"]
        }
        for c in story.get("conflicts", []):
            if c["measure"] == f["measure"] and any(v["value"] == f["value"] for v in c["values"]):
                below.add("updated" if c.get("kind") == "update" else "disputed")
        if below and f["status"] not in below:
            shown = " and ".join(sorted(below))
            out.append(f"headline {f['value']:g} {f['measure']}: {f['status']}, below {shown}")
    return out


def check_unreadable(story: Mapping[str, Any]) -> list[str]:
    """Single-source entries that are not plain phrases."""
    out: list[str] = []
    for f in story.get("coverage", {}).get("single_source", []):
        text = f["label"].split(": ", 1)[-1] if f["kind"] == "event" else f["label"]
        words = text.split()
        about = f["label"].split(": ", 1)[1] if f["kind"] == "claim" and ": " in f["label"] else ""
        head = f["label"].split(": ", 1)[0].split()
        # "1,000 detainees prisoners exchanged": two nouns for what is counted
        doubled = (
            f["kind"] == "claim"
            and len(head) >= 4
            and head[1].endswith("s")
            and head[2].endswith("s")
            and head[-1].endswith("ed")
        )
        if (
            PRONOUN.match(text)
            or HISTORY.search(text)
            or (f["kind"] == "event" and len(words) < 4)
            or re.match(r"1 [a-z]+s\b", text) is not None  # "1 people injured"
            or len(about.split()) > 8
            or doubled
        ):
            out.append(f["label"])
    return out


def _dates(story: Mapping[str, Any], newest: str = "", oldest: str = "") -> list[str | None]:
    """Each summary sentence's date: of the timeline event its passages cite (an event
    after the story's newest report is scheduled, not yet happened: it dates nothing)."""
    events = [
        (t["date"], c)
        for t in story.get("timeline", [])
        if t.get("date")
        and re.match(r"\d{4}-\d{2}-\d{2}", t["date"])
        and not t.get("background")
        and (not newest or t["date"][:10] <= newest)
        for c in t.get("citations", [])
        if c.get("start") is not None
    ]
    out: list[str | None] = []
    for s in story.get("summary", []):
        found = sorted(
            d[:10]
            for d, c in events
            for p in s.get("passages", [])
            if p["article"] == c["article"]
            and p.get("start") is not None
            and p["start"] < c["end"]
            and c["start"] < p["end"]
        )
        stated = _stated(s["text"], newest)
        if stated and oldest and stated < _months_after(oldest, -3):
            stated = None  # history the sentence recalls ("convicted in June 2003"), not news
        if stated and newest and stated > newest:
            stated = None  # scheduled ("results on April 24"): not happened yet
        out.append(stated or (found[0] if found else None))
    return out


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()  # noqa: SIM905
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_STATED = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}}) (?P<m1>{_MONTH})|(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}})\b)"
    r"(?:,? (?P<y>\d{4}))?"
)


def _stated(text: str, newest: str) -> str | None:
    """The earliest day a sentence states in its own words ("(16 May)", "on Oct. 17"): the day
    a reader places it on. The year is the one stated, else that of the newest report (the
    year before when the day would fall months after it)."""
    return min(_stated_days(text, newest), default=None)


def _stated_days(text: str, newest: str) -> list[str]:
    """Every day a sentence states in its own words, as :func:`_stated` reads each."""
    days: list[str] = []
    for m in _STATED.finditer(text):
        month = _MONTHS.index((m["m1"] or m["m2"])[:3].lower()) + 1
        day = int(m["d1"] or m["d2"])
        year = int(m["y"]) if m["y"] else int(newest[:4]) if newest[:4].isdigit() else 0
        if not year or not 1 <= day <= 31:
            continue
        if not m["y"] and newest and f"{year:04d}-{month:02d}-{day:02d}" > _months_after(newest):
            year -= 1
        days.append(f"{year:04d}-{month:02d}-{day:02d}")
    return days


def _months_after(day: str, months: int = 2) -> str:
    year, month = int(day[:4]), int(day[5:7]) + months
    return f"{year + (month - 1) // 12:04d}-{(month - 1) % 12 + 1:02d}{day[7:10]}"


def check_summary(
    story: Mapping[str, Any], newest: str = "", oldest: str = ""
) -> dict[str, list[str]]:
    """Order, pronoun, relative and long sentences of the summary."""
    out: dict[str, list[str]] = {"order": [], "pronoun": [], "relative": [], "long": []}
    sentences = [s["text"] for s in story.get("summary", [])]
    dates = _dates(story, newest, oldest)
    last = ""
    for n, (text, date) in enumerate(zip(sentences, dates, strict=True)):
        if date and n > 1 and last and date < last:
            out["order"].append(f"{date} after {last}: {text[:80]}")
        if date and n > 0:
            last = max(last, date)
        before = " ".join(sentences[:n])
        if PRONOUN.match(text) and not EXPLETIVE.match(text):
            out["pronoun"].append(text[:80])
        else:
            for m in HONORIFIC.finditer(text):
                if m.group(3):
                    continue  # the title opens a full name
                name = m.group(2).removesuffix("'s").removesuffix("’s")
                if len(name) < 2:
                    continue  # "Mr. D's" is a place's name, not a person's title and surname
                full = rf"\b(?!(?:Mr|Mrs|Ms|Dr)\b)[A-Z][\w’'-]+(?: [A-Z]\.)? {re.escape(name)}\b"
                if not re.search(full, before + " " + text):
                    out["pronoun"].append(f"{m.group(0)} before introduced: {text[:60]}")
                    break
        word = undated(text)
        if word:
            out["relative"].append(f"{word}: {text[:60]}")
        if len(text.split()) > MAX_WORDS:
            out["long"].append(f"{len(text.split())} words: {text[:60]}")
    return out


def undated(text: str) -> str | None:
    """The first relative day word of a line with no date beside it."""
    for m in RELATIVE.finditer(text):
        after = text[m.end() :]
        possessive = m.group(0).endswith(("'s", "’s"))
        if not DATED_AFTER.match(after) and not (possessive and DATED_AFTER_NOUN.match(after)):
            return m.group(0)
    return None


def is_debris(text: str) -> bool:
    """Whether a sentence speaks of the page or the outlet, or to the reader."""
    if PAGE_WORDS.search(text):
        return True
    bare = QUOTED_PART.sub(" ", text)
    if SPEAKER.search(bare):
        return False
    return bool(READER.search(bare) or OUTLET.search(bare))


def check_debris(story: Mapping[str, Any]) -> list[str]:
    """Summary sentences about the page or the outlet rather than the news."""
    return [s["text"][:80] for s in story.get("summary", []) if is_debris(s["text"])]


def _stems(text: str) -> set[str]:
    return {w[:6] for w in WORD.findall(text.lower()) if w not in COMMON}


def check_repeat(story: Mapping[str, Any]) -> list[str]:
    """Pairs of summary sentences that tell the same thing."""
    texts = [s["text"] for s in story.get("summary", [])]
    out: list[str] = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            sa, sb = _stems(a), _stems(b)
            shared = len(sa & sb)
            if shared >= 4 and shared >= 0.75 * min(len(sa), len(sb)):
                out.append(f"{a[:50]} / {b[:50]}")
    return out


def _first_day(value: str) -> str:
    """The first day (ISO) a timeline date covers, "" when it is not a calendar date."""
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    if m := re.match(r"(\d{4})-W(\d{2})", value):
        try:
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat()
        except ValueError:
            return ""
    if m := re.match(r"(\d{4})-(\d{2})(?:$|/)", value):
        return f"{m[1]}-{m[2]}-01"
    return ""


def check_future(story: Mapping[str, Any], newest: str) -> list[str]:
    """Timeline lines told as done but dated after the story's newest report."""
    if not newest:
        return []
    return [
        f"{t['date']} after {newest}: {t['text'][:70]}"
        for t in story.get("timeline", [])
        if not t.get("background")
        and (first := _first_day(t.get("date") or ""))
        and first > newest
        and not SCHEDULED.search(t["text"])
    ]


def check_tl_relative(story: Mapping[str, Any]) -> list[str]:
    """Timeline lines keeping a relative day word with no date beside it."""
    return [
        f"{word}: {t['text'][:60]}"
        for t in story.get("timeline", [])
        if (word := undated(t["text"]))
    ]


def _newest_developments(
    stories: Sequence[Mapping[str, Any]], published: Mapping[str, str]
) -> list[tuple[str, Mapping[str, Any], str, str, list[Mapping[str, Any]]]]:
    """Per storyline: its newest story, that story's newest report day, and its latest
    development (the newest day of a dated event up to that report, and its events)."""
    out: list[tuple[str, Mapping[str, Any], str, str, list[Mapping[str, Any]]]] = []
    lines: dict[str, list[Mapping[str, Any]]] = {}
    for s in stories:
        lines.setdefault(s["storyline"], []).append(s)

    def newest(s: Mapping[str, Any]) -> str:
        return max((published.get(a, "")[:10] for a in s["articles"]), default="")

    for line, members in lines.items():
        story = max(members, key=lambda s: (newest(s), s["id"]))
        limit = newest(story)
        dated = [
            t
            for t in story.get("timeline", [])
            if not t.get("background")
            and t.get("date")
            and re.match(r"\d{4}-\d{2}-\d{2}", t["date"])
            and (not limit or t["date"][:10] <= limit)
        ]
        if not dated:
            continue
        latest = max(t["date"][:10] for t in dated)
        entries = [t for t in dated if t["date"][:10] == latest]
        out.append((line, story, limit, latest, entries))
    return out


def check_latest(stories: Sequence[Mapping[str, Any]], published: Mapping[str, str]) -> list[str]:
    """Storylines whose newest development the newest story's summary leaves out."""
    return [
        f"{line}: {latest} {entries[0]['text'][:70]}"
        for line, story, _, latest, entries in _newest_developments(stories, published)
        if not any(_carried(t, story) for t in entries)
    ]


def check_stale(stories: Sequence[Mapping[str, Any]], published: Mapping[str, str]) -> list[str]:
    """Storylines whose latest development is older than a day the summary states (up to
    the newest report): the timeline has missed what the summary tells as newer."""
    out: list[str] = []
    for line, story, limit, latest, _ in _newest_developments(stories, published):
        days = [
            (day, s["text"])
            for s in story.get("summary", [])
            if not NOTHING_YET.search(" ".join(s["text"].split(",", 1)[0].split()[:10]))
            for day in _stated_days(s["text"], limit)
            if latest < day <= limit
        ]
        if days:
            day, text = max(days)
            out.append(f"{line}: {latest} before {day}: {text[:60]}")
    return out


def _carried(entry: Mapping[str, Any], story: Mapping[str, Any]) -> bool:
    for s in story.get("summary", []):
        for p in s.get("passages", []):
            for c in entry.get("citations", []):
                if (
                    p["article"] == c["article"]
                    and None not in (p.get("start"), c.get("start"))
                    and p["start"] < c["end"]
                    and c["start"] < p["end"]
                ):
                    return True
        words = _words(entry["text"])
        if words and len(words & _words(s["text"])) / len(words) >= 0.6:
            return True
    return False


def check(document: Mapping[str, Any]) -> tuple[Counter[str], dict[str, dict[str, list[str]]]]:
    """Totals per check and, per story, what each check found."""
    articles = {a["id"]: a for a in document.get("articles", [])}
    outlet = {
        aid: (a.get("source") or "").lower() or (a.get("duplicate_of") or aid)
        for aid, a in articles.items()
    }
    published = {aid: a.get("published") or "" for aid, a in articles.items()}
    totals: Counter[str] = Counter()
    found: dict[str, dict[str, list[str]]] = {}
    for story in document.get("stories", []):
        per = {"state": check_state(story, outlet), "unreadable": check_unreadable(story)}
        days = [d for a in story["articles"] if (d := published.get(a, "")[:10])]
        per |= check_summary(story, max(days, default=""), min(days, default=""))
        per |= {
            "debris": check_debris(story),
            "repeat": check_repeat(story),
            "future": check_future(story, max(days, default="")),
            "tl_relative": check_tl_relative(story),
        }
        found[story["id"]] = per
    stories = document.get("stories", [])
    for name, lines in (
        ("latest", check_latest(stories, published)),
        ("stale", check_stale(stories, published)),
    ):
        for line in lines:
            sid = line.split(":", 1)[0]
            found.setdefault(f"storyline {sid}", {}).setdefault(name, []).append(line)
    for per in found.values():
        for name, items in per.items():
            totals[name] += len(items)
    return totals, found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stories", nargs="+", type=Path, help="stories.json files")
    parser.add_argument("--verbose", action="store_true", help="list every problem")
    args = parser.parse_args(argv)
    print("| input | stories | " + " | ".join(CHECKS) + " |")
    print("|---|---:|" + "---:|" * len(CHECKS))
    for path in args.stories:
        document = json.loads(path.read_text(encoding="utf-8"))
        totals, found = check(document)
        row = " | ".join(str(totals[c]) for c in CHECKS)
        print(f"| {path} | {len(document.get('stories', []))} | {row} |")
        if args.verbose:
            for sid, per in found.items():
                for name, items in per.items():
                    for item in items:
                        print(f"    {sid} {name}: {item}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
