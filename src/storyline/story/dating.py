"""Publication dates for the reports of one story: taken from metadata, else estimated.

An undated report is dated from evidence, never silently:

1. Explicit dates. A month-day without a year ("May 22") takes the latest year written
   out in the report (or, failing that, in the story). News style names days of the
   last week by weekday and older days by date, so when a report uses weekday names
   too, it is taken to be at least a week younger than its latest explicit date.
2. Events shared with other reports. A weekday mention ("Friday's talks") whose
   sentence resembles a sentence that another report dates (explicitly, or through
   that report's own date) and whose weekday agrees, pins the publication date to the
   days from which that weekday, read with the clause's tense, lands on that date;
   "yesterday"/"today" alone in their sentence do the same.
3. The report's own weekdays: among the remaining candidates, for a report that says
   "yesterday", the days on which none of its past weekdays is yesterday or today
   (it would have said so); then the day on which (or the soonest after which) its
   past-tense weekdays end, then the one that keeps them closest to it, then the
   earliest.
4. The story's first events: weekdays that match nothing, in a report telling events
   other reports date, put it within two weeks of the earliest such event, most of
   its past weekdays on or after it (a weak estimate: it lends no anchors).
5. Last resort: a report with no time evidence at all takes the date of the most
   similar dated report of the story, when the two clearly describe the same events.

A dated report that tells as done, under a date written with its year, an event after
its date was updated: it takes that day (``story.updated``; its times stay read at its
first date).

Each estimate is marked (``published_estimated=True``) and its evidence returned as
readable strings. A report nothing can date stays undated. Relative times of every
dated report are then re-resolved against its (possibly new) date.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from storyline.analyze.eventline.extract import sentence_at
from storyline.analyze.times import resolve_time
from storyline.analyze.timex.lexicon import WEEKDAY_CODES
from storyline.analyze.timex.resolve import resolve_rel
from storyline.ingest.dates import publication_day
from storyline.lexicon.calendar import MONTHS, WEEKDAYS
from storyline.lexicon.stopwords import MATCH_STOPWORDS
from storyline.model import Analyzed, Span, TimeExpr
from storyline.story.params import DATING, DatingParams
from storyline.story.updated import told_after

_DEICTIC = re.compile(r"(?i)\b(?:yesterday|today|tomorrow|tonight)\b")


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A day that some report dates, with the words of the sentence that dates it."""

    day: date
    article: str
    text: str
    words: frozenset[str]


def words(text: str) -> frozenset[str]:
    """Content-word stems of a text (shared stems suggest the same event)."""
    return frozenset(k for k in map(_word_key, _WORD.findall(text)) if k is not None)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str | None:
    """The stem a word adds to :func:`words` (None for a short or stop word)."""
    lw = word.lower().strip("'’-")
    if len(lw) < 4 or lw in MATCH_STOPWORDS or lw in MONTHS or lw in WEEKDAYS:
        return None
    return lw[:6]


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Set cosine of two word sets (0 when they share fewer than two words)."""
    shared = len(a & b)
    if shared < 2:
        return 0.0
    return shared / math.sqrt(len(a) * len(b))


def sentence_of(item: Analyzed, span: Span) -> Span:
    """The sentence holding a span (a window of text when sentences are unknown)."""
    return sentence_at(item.article.text, item.analysis.sentences, span)


def _years(item: Analyzed) -> list[int]:
    return [
        int(t.value[:4])
        for t in item.analysis.times
        if t.rel is None and re.match(r"^\d{4}(-|$)", t.value) and t.type == "DATE"
    ]


def _explicit_days(item: Analyzed, story_year: int | None) -> list[tuple[TimeExpr, date]]:
    """Day-level dates the text itself spells out, month-days completed with a year."""
    years = _years(item)
    year = max(years) if years else story_year
    out: list[tuple[TimeExpr, date]] = []
    for t in item.analysis.times:
        if t.rel is None and re.match(r"^\d{4}-\d\d-\d\d$", t.value):
            out.append((t, date.fromisoformat(t.value)))
        elif t.rel and t.rel.startswith("monthday:") and year is not None:
            month, day = (int(x) for x in t.rel.split(":")[1].split("-"))
            try:
                out.append((t, date(year, month, day)))
            except ValueError:
                continue
    return out


def _weekday_times(item: Analyzed) -> list[TimeExpr]:
    return [t for t in item.analysis.times if t.rel and t.rel.startswith("weekday:")]


def _way(t: TimeExpr) -> str:
    """The direction of a relative expression ("past", "future"), clock part dropped."""
    return (t.rel or "").partition("@")[0].rsplit(":", 1)[-1]


def _deictic_times(item: Analyzed) -> list[TimeExpr]:
    """ "yesterday", "today", "tomorrow": days counted from the report's own date."""
    return [
        t
        for t in item.analysis.times
        if t.rel
        and t.rel.startswith("offset:day:")
        and _DEICTIC.search(t.text)  # not "the same day", "overnight"
    ]


def _says_yesterday(item: Analyzed) -> bool:
    """Whether the report names the previous day "yesterday" (outside quotations).

    Such a report names yesterday and today so, and keeps weekday names for older
    days: its past weekdays are neither yesterday nor today.
    """
    text = item.article.text
    for t in _deictic_times(item):
        if t.text.lower() != "yesterday":
            continue
        before = text[text.rfind("\n", 0, t.span.start) + 1 : t.span.start]
        if before.count("“") <= before.count("”") and before.count('"') % 2 == 0:
            return True
    return False


def _alone_in_sentence(item: Analyzed, t: TimeExpr) -> bool:
    """Whether ``t`` is the only time of its sentence (else its words date another time)."""
    sent = sentence_of(item, t.span)
    return not any(
        o is not t and o.type in ("DATE", "TIME") and sent.start <= o.span.start < sent.end
        for o in item.analysis.times
    )


def _resolve_day(t: TimeExpr, anchor: date) -> date | None:
    got = resolve_rel(t.rel or "", anchor)
    if got is None:
        return None
    try:
        return date.fromisoformat(got[0][:10])
    except ValueError:
        return None


def _anchors(item: Analyzed, pub: date | None, story_year: int | None) -> list[_Anchor]:
    text = item.article.text
    out = []
    days = _explicit_days(item, story_year)
    if pub is not None:
        relative = _weekday_times(item) + _deictic_times(item)
        days += [(t, d) for t in relative if (d := _resolve_day(t, pub))]
    for t, d in days:
        sent = sentence_of(item, t.span)
        out.append(_Anchor(d, item.article.id, t.text, words(text[sent.start : sent.end])))
    return out


@dataclass
class _Estimate:
    day: date
    evidence: list[str]
    weak: bool = False  # from the story's first events only: lends no anchors


def _estimate(
    item: Analyzed, anchors: list[_Anchor], story_year: int | None, params: DatingParams
) -> _Estimate | None:
    text = item.article.text
    weekdays = _weekday_times(item)
    evidence: list[str] = []
    lower: date | None = None
    explicit = [
        (t, d) for t, d in _explicit_days(item, story_year) if not (t.rel or "").endswith("future")
    ]
    if explicit:
        t, latest = max(explicit, key=lambda x: x[1])
        gap = 7 if weekdays else 0
        lower = latest + timedelta(days=gap)
        rule = " + 7 days (weekday names cover the last week)" if gap else ""
        evidence.append(f"latest explicit date '{t.text}' = {latest.isoformat()}{rule}")
    pairs: list[tuple[TimeExpr, _Anchor, float]] = []
    # Earliest day of another report's event this report also tells: the story has
    # begun by then, so the report's own past weekdays most likely fall after it.
    floor: date | None = None
    for t in weekdays + _deictic_times(item):
        sent = sentence_of(item, t.span)
        own = words(text[sent.start : sent.end])
        code = (t.rel or "").split(":")[1] if t in weekdays else None
        for a in anchors:
            if a.article == item.article.id:
                continue
            score = similarity(own, a.words)
            if score < params.anchor_overlap:
                continue
            floor = a.day if floor is None else min(floor, a.day)
            if code is not None and WEEKDAY_CODES[a.day.weekday()] == code:
                pairs.append((t, a, score))
            elif code is None and _alone_in_sentence(item, t):
                pairs.append((t, a, score))  # "yesterday" beside no other date
    if lower is not None:
        candidates = [lower + timedelta(days=i) for i in range(14)]
    elif pairs:
        candidates = sorted({a.day + timedelta(days=i) for _, a, _ in pairs for i in range(-7, 8)})
    elif floor is not None and weekdays:
        candidates = [floor + timedelta(days=i) for i in range(14)]
    else:
        return None
    yesterday_style = _says_yesterday(item)

    def rank(p: date) -> tuple[float, int, int, int, int, int]:
        agree = sum(s for t, a, s in pairs if _resolve_day(t, p) == a.day)
        past = [d for t in weekdays if _way(t) == "past" and (d := _resolve_day(t, p))]
        clash = sum(1 for d in past if yesterday_style and (p - d).days <= 1)
        # only without shared events: the floor may come from a future event's report
        after = sum(1 for d in past if floor is not None and d >= floor) if not pairs else 0
        gap = (p - max(past)).days if past else 0
        spread = sum((p - d).days for d in past)  # past weekdays cluster just before "today"
        return agree, -clash, after, -gap, -spread, -(p - candidates[0]).days

    best = max(candidates, key=rank)
    for t, a, s in pairs:
        if _resolve_day(t, best) == a.day:
            evidence.append(
                f"'{t.text}' matches report {a.article} ('{a.text}' = {a.day.isoformat()}; "
                f"shared words {s:.2f})"
            )
    past = [t for t in weekdays if _way(t) == "past"]
    if past:
        names = sorted({t.text for t in past})
        evidence.append(f"past-tense weekdays {', '.join(repr(n) for n in names)} end by this day")
        if yesterday_style:
            evidence.append("the report says 'yesterday', so its weekdays are older days")
    matched = any(_resolve_day(t, best) == a.day for t, a, _ in pairs)
    if lower is None and not matched:
        if floor is None or not past:
            return None
        evidence.append(f"it tells events other reports date from {floor.isoformat()} on")
        return _Estimate(best, evidence, weak=True)
    return _Estimate(best, evidence)


def _reresolve(item: Analyzed, day: date) -> Analyzed:
    times = tuple(resolve_time(t, day) for t in item.analysis.times)
    return dataclasses.replace(item, analysis=dataclasses.replace(item.analysis, times=times))


def estimate_dates(
    items: Sequence[Analyzed], params: DatingParams = DATING
) -> tuple[tuple[Analyzed, ...], dict[str, tuple[str, ...]]]:
    """Estimate missing publication dates of one story's reports; re-resolve their times."""
    dates: dict[str, date] = {}
    for it in items:
        d = publication_day(it.article.published)
        if d is not None:
            dates[it.article.id] = d
    all_years = [y for it in items for y in _years(it)] + [d.year for d in dates.values()]
    story_year = max(all_years) if all_years else None
    evidence: dict[str, tuple[str, ...]] = {}
    estimated: dict[str, date] = {}
    weak: set[str] = set()
    # Two passes: reports dated in the first lend their weekdays to the second.
    for _ in range(2):
        anchors = [
            a
            for it in items
            for a in _anchors(
                it,
                dates.get(it.article.id)
                or (estimated.get(it.article.id) if it.article.id not in weak else None),
                story_year,
            )
        ]
        for it in items:
            if it.article.id in dates:
                continue
            found = _estimate(it, anchors, story_year, params)
            if found is not None:
                estimated[it.article.id] = found.day
                if found.weak:
                    weak.add(it.article.id)
                else:
                    weak.discard(it.article.id)
                evidence[it.article.id] = tuple(found.evidence)
    _borrow_dates(items, dates, estimated, evidence, params.borrow_overlap)
    out = []
    for it in items:
        aid = it.article.id
        if aid in dates and (later := told_after(it, dates[aid])) is not None:
            # updated after its date: the text keeps the times of the date it was read at
            evidence[aid] = (
                f"dated {dates[aid].isoformat()}, but tells as done an event of "
                f"'{later[1]}' ({later[0].isoformat()}): updated by then",
            )
            art = dataclasses.replace(
                it.article, published=later[0].isoformat(), published_estimated=True
            )
            out.append(_reresolve(dataclasses.replace(it, article=art), dates[aid]))
        elif aid in dates:
            out.append(_reresolve(it, dates[aid]))
        elif aid in estimated:
            day = estimated[aid]
            art = dataclasses.replace(
                it.article, published=day.isoformat(), published_estimated=True
            )
            out.append(_reresolve(dataclasses.replace(it, article=art), day))
        else:
            evidence.setdefault(aid, ("no date evidence; left undated",))
            out.append(it)
    return tuple(out), evidence


def _borrow_dates(
    items: Sequence[Analyzed],
    dates: dict[str, date],
    estimated: dict[str, date],
    evidence: dict[str, tuple[str, ...]],
    borrow_overlap: float,
) -> None:
    """Step 5: a report without any time evidence takes its closest twin's date."""
    dated = [it for it in items if it.article.id in dates or it.article.id in estimated]
    for it in items:
        aid = it.article.id
        if aid in dates or aid in estimated or _weekday_times(it) or _explicit_days(it, None):
            continue
        own = words(it.article.text)
        best = max(dated, key=lambda o: similarity(own, words(o.article.text)), default=None)
        if best is None:
            continue
        score = similarity(own, words(best.article.text))
        if score < borrow_overlap:
            continue
        day = dates.get(best.article.id) or estimated[best.article.id]
        estimated[aid] = day
        evidence[aid] = (
            f"no date in the text; took the date of the most similar report "
            f"{best.article.id} ({day.isoformat()}, shared words {score:.2f})",
        )
