"""Timeline events across reports: merged, ranked, pruned, ordered and dated ISO-like.

Events of different reports with the same date (or one date inside the other) and
similar words are one entry listing all reports; the same event put on different
days (within a fortnight) by different reports is one entry whose dates are
disputed. A story keeps at most ``TimelineParams.max_entries`` entries: those reported by more
outlets and those with a strong event verb first, background at most
``MAX_BACKGROUND``; the kept entries are then put in date order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from storyline.model import Citation
from storyline.story.dating import similarity
from storyline.story.params import TIMELINE, TimelineParams

_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that"})
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_PART_MONTHS = {
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
}  # fmt: skip


#: Word stems (and verb lemmas) that tell the same kind of event in other words:
#: "two people were hurt" and "two people were injured", "met" and "the talks".
EVENT_CLASSES: dict[str, str] = {
    "hurt": "injure", "injure": "injure", "injuri": "injure", "wounde": "injure",
    "wound": "injure", "killed": "kill", "kill": "kill", "died": "kill", "die": "kill",
    "dead": "kill", "talks": "talks", "talk": "talks", "meet": "talks", "meetin": "talks",
    "negoti": "talks", "summit": "talks", "strike": "attack", "struck": "attack",
    "attack": "attack", "arrest": "arrest", "detain": "arrest", "resign": "resign",
    "quit": "resign", "stepped": "resign",
}  # fmt: skip


_CLASSES = frozenset(EVENT_CLASSES.values())


def event_words(sentence_words: frozenset[str], verb: str) -> frozenset[str]:
    """A sentence's content-word stems with event words replaced by their class.

    The verb lemma of the event line joins them, so that "delegates met in Istanbul"
    and "the talks in Istanbul" share the class of meeting.
    """
    out = {EVENT_CLASSES.get(w, w) for w in sentence_words}
    if verb.lower() in EVENT_CLASSES:
        out.add(EVENT_CLASSES[verb.lower()])
    return frozenset(out)


@dataclass
class Event:
    """One dated event while a timeline is built (mutable: merging grows it)."""

    value: str
    granularity: str
    line: str
    words: frozenset[str]
    background: bool
    order: tuple[int, int]
    citations: list[Citation] = field(default_factory=list)
    by_date: dict[str, list[str]] = field(default_factory=dict)
    verb: str = ""
    strong: bool = False
    lines: list[tuple[str, str]] = field(default_factory=list)  # (line, verb) of each report
    word_sets: list[frozenset[str]] = field(default_factory=list)  # of each merged report
    line_words: frozenset[str] = frozenset()  # content words of the event line
    line_sets: list[frozenset[str]] = field(default_factory=list)  # of each merged report

    def __post_init__(self) -> None:
        if not self.lines:
            self.lines.append((self.line, self.verb))
        if not self.word_sets:
            self.word_sets.append(self.words)
        if not self.line_sets and self.line_words:
            self.line_sets.append(self.line_words)


def _month_end(year: int, month: int) -> date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return nxt - timedelta(days=1)


# merging compares every event with every entry: the same few values come back
@lru_cache(maxsize=4096)
def period(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value covers (None for what we cannot place)."""
    try:
        if m := re.match(r"^(\d{4})-(\d\d)-(\d\d)", value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.match(r"^(\d{4})-W(\d\d)(-WE)?$", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := re.match(r"^(\d{4})-(\d\d)$", value):
            return date(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
        if m := re.match(r"^(\d{4})-(SP|SU|FA|WI|Q\d|H\d)$", value):
            first, last = (_SEASON_MONTHS | _PART_MONTHS)[m[2]]
            year = int(m[1])
            return date(year, first, 1), _month_end(year, last)
        if m := re.match(r"^(\d{4})$", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def sort_key(value: str) -> tuple[int, int, int, int]:
    """A sortable key for a date value: its first day, coarser values first on a tie."""
    span = period(value) if value else None
    if span is None:
        return (9999, 0, 0, 0)
    first, last = span
    return (first.year, first.month, first.day, -(last - first).days)


def iso_date(value: str) -> str:
    """An ISO 8601 form of a date value: seasons, quarters and weekends as intervals."""
    if re.match(r"^\d{4}-(?:SP|SU|FA|WI|Q\d|H\d)$", value) or value.endswith("-WE"):
        span = period(value)
        if span is not None:
            first, last = span
            if value.endswith("-WE"):
                return f"{first.isoformat()}/{last.isoformat()}"
            return f"{first.isoformat()[:7]}/{last.isoformat()[:7]}"
    return value


def start_of(value: str) -> date | None:
    """The first day a date value covers."""
    span = period(value)
    return span[0] if span else None


def _within(fine: str, coarse: str) -> bool:
    """Whether a finer date lies inside a coarser one ("2025-05-16" in "2025-W20")."""
    f, c = period(fine), period(coarse)
    return bool(f and c and f != c and c[0] <= f[0] and f[1] <= c[1])


def _absorb(target: Event, ev: Event) -> None:
    """Merge ``ev`` into ``target``; the finer of the two dates wins."""
    if _within(ev.value, target.value):
        target.value, target.granularity, target.line = ev.value, ev.granularity, ev.line
        target.by_date = {ev.value: list(ev.by_date[ev.value])}
        target.lines.extend(ev.lines)
    elif not _within(target.value, ev.value):
        for d, arts in ev.by_date.items():
            bucket = target.by_date.setdefault(d, [])
            bucket.extend(a for a in arts if a not in bucket)
        target.lines.extend(ev.lines)
    target.word_sets.extend(ev.word_sets)
    target.line_sets.extend(ev.line_sets)
    target.citations.extend(c for c in ev.citations if c not in target.citations)
    target.background = target.background and ev.background
    target.strong = target.strong or ev.strong


def _close(a: str, b: str) -> bool:
    da, db = start_of(a), start_of(b)
    return bool(da and db and a != b and abs((da - db).days) <= 14)


def merge(events: list[Event], params: TimelineParams = TIMELINE) -> list[Event]:
    """Events of one story merged: same event, same (or nested) date, or a date dispute.

    A second pass merges entries whose lines say the same, which the first left apart
    because each report joined the entry it met first ("Kaden Hammond was shot and
    killed by a relative" and "A 13-year-old boy was shot and killed by a relative").
    """
    merged = _merge_pass(_merge_pass(events, params, disputes=True), params, disputes=False)
    for ev in merged:
        # The date most reports give is the entry's date; ties go to the earliest report.
        ev.value = max(ev.by_date, key=lambda d: len(ev.by_date[d]))
        ev.line = _best_line(ev.lines)
    return merged


def _merge_pass(events: list[Event], params: TimelineParams, disputes: bool) -> list[Event]:
    merged: list[Event] = []
    for ev in events:
        target = None
        for other in merged:
            # an entry that merged several reports is as close as its closest report
            score = max(similarity(ev.words, w) for w in other.word_sets)
            same_time = other.value == ev.value or (
                _within(ev.value, other.value) or _within(other.value, ev.value)
            )
            kinds = ev.words & _CLASSES & frozenset().union(*other.word_sets)
            bar = params.kind_overlap if kinds else params.merge_overlap
            # or two lines that say the same ("… was shot and killed by a relative")
            same_line = any(
                similarity(a, b) >= params.line_overlap
                for a in ev.line_sets
                for b in other.line_sets
            )
            if same_time and ((disputes and score >= bar) or same_line or _retold(ev, other)):
                target = other
                break
            if (
                disputes
                and other.granularity == ev.granularity == "day"
                and other.verb == ev.verb
                and not set(other.by_date.get(other.value, ())) & set(ev.by_date[ev.value])
                and score >= params.dispute_overlap
                and _close(other.value, ev.value)
            ):
                target = other
                break
        if target is None:
            merged.append(ev)
        else:
            _absorb(target, ev)
    return merged


def _retold(ev: Event, other: Event) -> bool:
    """Whether a report tells one event again in fewer words on the same date: every
    content word of one line is in a line of the other from the same report ("The vigil
    will be" after "There will be a vigil at 37th Street for the victims"; "Investigators
    were back" after "police were still investigating")."""
    mine = {c.article for c in ev.citations}
    if not mine & {c.article for c in other.citations}:
        return False
    return any(a and b and (a <= b or b <= a) for a in ev.line_sets for b in other.line_sets)


#: The mark of a line told as coming in a report dated before it (:mod:`.build`).
SCHEDULED = " (scheduled)"
#: The mark of a line whose time the time rules read as ahead of its report, told in
#: words that do not say so ("was to perform Saturday"; :mod:`.build`).
PLANNED = " (planned)"


def _best_line(lines: list[tuple[str, str]]) -> str:
    """The line whose verb most reports use; among those, one naming its subject, longest.
    A line a report tells as done wins over one told as coming (a later report saw it
    happen)."""
    verbs = [v for _, v in lines]

    def key(lv: tuple[str, str]) -> tuple[bool, int, bool, int]:
        named = lv[0].split(" ", 1)[0].lower() not in _PRONOUNS
        return (
            not lv[0].endswith((SCHEDULED, PLANNED)),
            verbs.count(lv[1]),
            named,
            len(lv[0].split()),
        )

    return max(lines, key=key)[0]


def articles_of(ev: Event) -> list[str]:
    """The event's reports, in citation order."""
    out: list[str] = []
    for c in ev.citations:
        if c.article not in out:
            out.append(c.article)
    return out


def weight(ev: Event, source: Mapping[str, str] | None = None) -> float:
    """How much an event matters: reports telling it, a strong verb, a precise date.

    ``source`` maps a report to the report it copies, so that a syndicated copy does
    not count twice.
    """
    arts = articles_of(ev)
    score = 2.0 * len({(source or {}).get(a, a) for a in arts})
    score += 1.5 if ev.strong else 0.0
    score += 0.5 if ev.granularity in ("day", "time") else 0.0
    score -= 1.0 if ev.background else 0.0
    return score


def prune(
    events: list[Event],
    source: Mapping[str, str] | None = None,
    params: TimelineParams = TIMELINE,
) -> list[Event]:
    """The events worth a timeline entry, at most ``max_entries`` (background capped).

    The best event of each date comes first, so that a day with one strong report is
    not crowded out by a busier day; the rest follow by weight.
    """
    ranked = sorted(events, key=lambda e: (-weight(e, source), e.order))
    firsts: list[Event] = []
    seen: set[str] = set()
    for ev in ranked:
        if not ev.background and ev.value not in seen:
            seen.add(ev.value)
            firsts.append(ev)
    rest = [ev for ev in ranked if all(ev is not f for f in firsts)]
    kept: list[Event] = []
    background = 0
    for ev in firsts + rest:
        if len(kept) >= params.max_entries:
            break
        if ev.background:
            if background >= params.max_background:
                continue
            background += 1
        kept.append(ev)
    return kept


def order(events: list[Event]) -> list[Event]:
    """Events in date order; undated reports' events last, in text order."""
    return sorted(events, key=lambda e: (sort_key(e.value), e.order))
