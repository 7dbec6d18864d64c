"""A story's timeline: the dated events its reports describe, merged across outlets.

Every sentence with a calendar time expression (a date, a day, a week, a month, a
season or a year, not a duration or a vague reference) gives an event: a short
readable line (found per article at analysis, :mod:`storyline.analyze.eventline`; the
story puts its names in), its date and granularity, and
the sentence as citation. Events are merged across reports, ranked and pruned
(:mod:`storyline.story.timeline.merge`). Events dated well before the report's
publication are kept and marked background. Entries are ordered by date (ISO 8601;
seasons and quarters as month intervals); those of undated reports follow, in text
order. A line dated after its report and told there in the present with a verb of
something happening ("X returns to court Dec. 22") is a coming event: it is marked
"(scheduled)" (unless another report tells it done). A sentence spoken to the reader
or in the outlet's voice ("We will update this story Monday"), or a line that is a
speaker's words without their quotation marks ("I spoke with her"), gives no event
(:mod:`storyline.story.page_talk`); nor does a page's date stamp, furniture in capitals
or title case, or a status told by what has not happened (:mod:`.noevent`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from storyline.analyze.eventline.clause import REPORTING
from storyline.analyze.eventline.extract import BOUND, dated_sentence
from storyline.analyze.eventline.lines import finish_line
from storyline.ingest.dates import publication_day
from storyline.model import Analyzed, Citation, EventLine, Span, TimeExpr, TimelineEntry
from storyline.story.date_words import readable_date, state_dates
from storyline.story.dating import similarity, words
from storyline.story.page_talk import talks_as_page
from storyline.story.params import TIMELINE, TimelineParams
from storyline.story.planned import looks_ahead, reads_planned
from storyline.story.timeline.merge import (
    PLANNED,
    SCHEDULED,
    Event,
    articles_of,
    event_words,
    iso_date,
    merge,
    order,
    prune,
    sort_key,
    start_of,
)
from storyline.story.timeline.noevent import stamp_line, tells_no_event

__all__ = ["build_timeline", "sort_key"]


_DATE_VALUE = re.compile(
    r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q\d|H\d|SP|SU|FA|WI))?(?:T.*)?$"
)


def _day_value(t: TimeExpr) -> tuple[str, str] | None:
    if t.type not in ("DATE", "TIME"):
        return None
    if (
        t.value.startswith("X")
        and t.rel
        and not t.rel.startswith(("offset:day:0@", "offset:day:-1@"))
    ):
        return "", t.granularity  # an undated report's relative date: kept, in text order
    if not _DATE_VALUE.match(t.value):
        return None
    if t.type == "TIME" and len(t.value) >= 10:
        return t.value[:10], "day"
    return t.value, t.granularity


def build_timeline(
    items: Sequence[Analyzed],
    canonical: Callable[[str, str], str] | None = None,
    params: TimelineParams = TIMELINE,
) -> tuple[TimelineEntry, ...]:
    """The ordered, merged timeline of one story's reports (no parsing: the lines are
    the analysis's ``event_lines``)."""
    events: list[Event] = []
    for index, item in enumerate(items):
        name_of = _namer(canonical, item)
        events.extend(_events_of(item, index, _dated_times(item), name_of, params))
    copies = _copies(items, params.copy_overlap)
    outlets = {i.article.id: i.article.source or i.article.id for i in items}
    ranked = order(prune(merge(events, params), copies, params))
    return tuple(_entry(e, outlets) for e in ranked)


def _copies(
    items: Sequence[Analyzed], copy_overlap: float = TIMELINE.copy_overlap
) -> dict[str, str]:
    """Each report that nearly repeats an earlier one, mapped to that earlier report."""
    bags = [words(it.article.text) for it in items]
    out: dict[str, str] = {}
    for n, item in enumerate(items):
        for m in range(n):
            if similarity(bags[n], bags[m]) >= copy_overlap:
                out[item.article.id] = out.get(items[m].article.id, items[m].article.id)
                break
    return out


def _namer(canonical: Callable[[str, str], str] | None, item: Analyzed) -> Callable[[str], str]:
    """The story-wide name of a name as the report writes it (itself without ``canonical``)."""
    if canonical is None:
        return lambda name: name
    aid = item.article.id
    return lambda name: canonical(aid, name)


def _quoted(text: str, sentence_start: int, at: int) -> bool:
    """Whether a position lies inside a quotation opened earlier in its paragraph."""
    before = text[text.rfind("\n", 0, sentence_start) + 1 : at]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


_Todo = list[tuple[TimeExpr, str, str, Span]]


def _dated_times(item: Analyzed) -> _Todo:
    """The report's calendar times that can date an event, each with its sentence."""
    text = item.article.text
    todo: _Todo = []
    for t in item.analysis.times:
        dv = _day_value(t)
        sent_span = dated_sentence(text, item.analysis.sentences, t.span)
        # A time inside a quotation is relative to when it was said, not to the report.
        if (
            dv is not None
            and not _quoted(text, sent_span.start, t.span.start)
            and not BOUND.search(text[max(0, t.span.start - 24) : t.span.start])
            and not stamp_line(text, t.span.start, t.span.end)
        ):
            todo.append((t, dv[0], dv[1], sent_span))
    return todo


def _events_of(
    item: Analyzed,
    index: int,
    todo: _Todo,
    name_of: Callable[[str], str],
    params: TimelineParams,
) -> list[Event]:
    """One event per dated clause of a report (two dates of one clause: the first)."""
    aid = item.article.id
    text = item.article.text
    pub = publication_day(item.article.published)
    seen: set[tuple[int, int | str]] = set()
    out: list[Event] = []
    lines = {e.time: e for e in item.analysis.event_lines}
    for t, value, gran, sent_span in todo:
        line = lines.get(t.span)
        # one event per clause, and per date within a sentence
        if line is None or {(sent_span.start, line.verb_i), (sent_span.start, value)} & seen:
            continue
        in_sentence = [
            o
            for o in item.analysis.times
            if sent_span.start <= o.span.start and o.span.end <= sent_span.end
        ]
        seen |= {(sent_span.start, line.verb_i), (sent_span.start, value)}
        sentence = text[sent_span.start : sent_span.end]
        if talks_as_page(sentence) or talks_as_page(line.text):
            continue  # the page's or the outlet's words, or a speaker's lost his quote
        if tells_no_event(sentence, line.text):
            continue  # furniture, or a status told by what has not happened
        shown = state_dates(
            finish_line(line.text, line.named, name_of), in_sentence, pub.year if pub else None
        )
        start = start_of(value)
        if pub and start and start > pub and coming(line):
            shown += SCHEDULED  # "X returns to court Dec. 22" has not happened yet
        elif pub and start and start > pub and planned_ahead(line, t.rel):
            shown += PLANNED  # "the concert was to go on Saturday": a plan, not done
        background = bool(pub and start and (pub - start).days > params.background_days)
        citation = Citation(aid, Span(sent_span.start, sent_span.end))
        out.append(
            Event(
                value, gran, shown, event_words(words(sentence), line.verb), background,
                (index, sent_span.start), [citation], {value: [aid]}, line.verb, line.strong,
                line_words=event_words(words(line.text), line.verb),
            )
        )  # fmt: skip
    return out


#: Verbs whose present tells the state at the report's time, not a coming event ("X
#: remains in hospital Tuesday", "is recovering Monday" in a report dated a day early).
STATES = frozenset(
    {
        "be", "remain", "stay", "recover", "continue", "live", "lie", "rest", "sit",
        "stand", "wait", "have", "need", "want", "know", "seem", "hospitalize", "list",
    }
)  # fmt: skip


def coming(line: EventLine) -> bool:
    """Whether a line dated after its report tells a coming event: told in the present
    ("returns to court", "is being held", "sentences him") with a verb of something
    happening, not of a state or of saying, and not already read as planned ("is
    scheduled"). A line told in the past stays as told: its report is dated before what
    it holds (an update, a list page), not the event after it."""
    return (
        line.present
        and line.verb not in STATES
        and line.verb not in REPORTING
        and not reads_planned(line.text)
    )


def planned_ahead(line: EventLine, rel: str | None) -> bool:
    """Whether a line dated after its report tells a plan its words do not show: the time
    rules read its clause as looking ahead ("was to go on Saturday"), its verb is no state
    ("is recovering Monday morning" in a report dated a day early is the state then), and
    it does not read as planned already."""
    return looks_ahead(rel) and line.verb not in STATES and not reads_planned(line.text)


def _entry(ev: Event, outlets: Mapping[str, str]) -> TimelineEntry:
    disputed = (
        tuple((iso_date(d), tuple(arts)) for d, arts in sorted(ev.by_date.items()))
        if len(ev.by_date) > 1
        else ()
    )
    text = ev.line
    if disputed:
        sides = "; ".join(
            f"{readable_date(d)} in {', '.join(dict.fromkeys(outlets.get(a, a) for a in arts))}"
            for d, arts in sorted(ev.by_date.items())
        )
        text += f" (reports disagree on the date: {sides})"
    return TimelineEntry(
        date=iso_date(ev.value) or None,
        granularity=ev.granularity,
        text=text,
        articles=tuple(articles_of(ev)),
        background=ev.background,
        citations=tuple(ev.citations),
        disputed_dates=disputed,
    )
