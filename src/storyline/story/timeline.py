"""A story's timeline: the dated events its reports describe, merged across outlets.

Every sentence with a calendar time expression (a date, a day, a week, a month, a
season or a year, not a duration or a vague reference) gives an event: a short
readable line (:mod:`storyline.story.timeline_lines`), its date and granularity, and
the sentence as citation. Events are merged across reports, ranked and pruned
(:mod:`storyline.story.timeline_merge`). Events dated well before the report's
publication are kept and marked background. Entries are ordered by date (ISO 8601;
seasons and quarters as month intervals); those of undated reports follow, in text
order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from storyline.model import Analyzed, Citation, Span, TimeExpr, TimelineEntry
from storyline.story.date_words import readable_date, state_dates
from storyline.story.dating import published_date, sentence_of, similarity, words
from storyline.story.timeline_clause import REPORTING
from storyline.story.timeline_lines import Line, event_line
from storyline.story.timeline_merge import (
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

__all__ = ["build_timeline", "sort_key", "timeline_sentences"]

#: Events this many days before publication are background.
BACKGROUND_DAYS = 60
#: Whole-report word overlap from which a report counts as a copy of another (wire copy).
COPY = 0.7

_DATE_VALUE = re.compile(
    r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q\d|H\d|SP|SU|FA|WI))?(?:T.*)?$"
)
#: "since May 19", "until June", "before the summer" bound an interval, not an event.
_BOUND = re.compile(
    r"(?i)\b(?:since|until|till|before|after|by|from|ahead\s+of)\s+"
    r"(?:(?:the|this|last|early|late|mid|a)\s+)?$"
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
    nlp: Any = None,
) -> tuple[TimelineEntry, ...]:
    """The ordered, merged timeline of one story's reports."""
    if nlp is None:
        from storyline.nlp import load_nlp

        nlp = load_nlp()
    todos = [_dated_times(item) for item in items]
    keys = _sentence_keys(todos)
    texts = [items[n].article.text[s.start : s.end] for n, s in keys]
    # every dated sentence of the story parsed in one batch (small batches cost more),
    # a sentence that copies repeat parsed once: a parse depends on the text alone
    unique = list(dict.fromkeys(texts))
    docs = dict(zip(unique, nlp.pipe(unique, batch_size=256), strict=True))
    parsed: list[dict[Span, Any]] = [{} for _ in items]
    for (n, span), text in zip(keys, texts, strict=True):
        parsed[n][span] = docs[text]
    events: list[Event] = []
    for index, (item, todo) in enumerate(zip(items, todos, strict=True)):
        events.extend(_events_of(item, index, todo, parsed[index], _namer(canonical, item)))
    outlets = {i.article.id: i.article.source or i.article.id for i in items}
    return tuple(_entry(e, outlets) for e in order(prune(merge(events), _copies(items))))


def timeline_sentences(items: Sequence[Analyzed]) -> list[str]:
    """The distinct sentence texts :func:`build_timeline` parses for these reports."""
    keys = _sentence_keys([_dated_times(item) for item in items])
    return list(dict.fromkeys(items[n].article.text[s.start : s.end] for n, s in keys))


def _sentence_keys(todos: Sequence[_Todo]) -> list[tuple[int, Span]]:
    """(report index, sentence span) of every dated sentence, in report and text order."""
    return [(n, span) for n, todo in enumerate(todos) for span in sorted({s for *_, s in todo})]


def _copies(items: Sequence[Analyzed]) -> dict[str, str]:
    """Each report that nearly repeats an earlier one, mapped to that earlier report."""
    bags = [words(it.article.text) for it in items]
    out: dict[str, str] = {}
    for n, item in enumerate(items):
        for m in range(n):
            if similarity(bags[n], bags[m]) >= COPY:
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
        sent_span = sentence_of(item, t.span)
        # a sentence never spans a paragraph break: a heading glued to it goes
        cut = text.rfind("\n", sent_span.start, t.span.start)
        if cut >= 0:
            sent_span = Span(cut + 1, sent_span.end)
        # A time inside a quotation is relative to when it was said, not to the report.
        if (
            dv is not None
            and not _quoted(text, sent_span.start, t.span.start)
            and not _BOUND.search(text[max(0, t.span.start - 24) : t.span.start])
        ):
            todo.append((t, dv[0], dv[1], sent_span))
    return todo


def _events_of(
    item: Analyzed,
    index: int,
    todo: _Todo,
    parsed: dict[Span, Any],
    name_of: Callable[[str], str],
) -> list[Event]:
    """One event per dated clause of a report (two dates of one clause: the first)."""
    aid = item.article.id
    text = item.article.text
    pub = published_date(item.article.published)
    lines = []
    for n, (t, _value, _gran, sent_span) in enumerate(todo):
        doc = parsed[sent_span]
        local = doc.char_span(0, len(doc.text))
        line = event_line(
            local if local is not None else doc[:],
            t.span.start - sent_span.start,
            t.span.end - sent_span.start,
            name_of,
            [
                (o.span.start - sent_span.start, o.span.end - sent_span.start)
                for o in item.analysis.times
                if o is not t
                and o.type in ("DATE", "TIME")
                and sent_span.start <= o.span.start
                and o.span.end <= sent_span.end
            ],
        )
        if line is None:
            continue
        own = _governing_verb(doc, t.span.start - sent_span.start, t.span.end - sent_span.start)
        if line.verb in REPORTING and _dates_reported(doc, own, todo, n, sent_span):
            continue  # "said last week that … had passed inspection in January": January's
        lines.append((sent_span.start, own != line.verb_i, n, line))
    # A time inside a noun phrase ("the cause of last week's derailment") gives no event
    # when a time of the sentence dates a clause ("said on Thursday that …").
    dated_clause = {
        todo[n][3].start
        for n in range(len(todo))
        if _adverbial_of(parsed[todo[n][3]], *_local(todo[n][0], todo[n][3])) >= 0
    }
    lines = [
        x
        for x in lines
        if x[0] not in dated_clause
        or _adverbial_of(parsed[todo[x[2]][3]], *_local(todo[x[2]][0], todo[x[2]][3])) >= 0
    ]
    # One event per clause, and per date within a sentence. A clause dated by two
    # times takes its own before one that dates the verb reporting it: "said last
    # week that the wagons had passed inspection in January" is January's.
    seen: set[tuple[int, int | str]] = set()
    chosen: list[tuple[int, Line]] = []
    for sent_start, _, n, line in sorted(lines, key=lambda x: x[:3]):
        value = todo[n][1]
        if {(sent_start, line.verb_i), (sent_start, value)} & seen:
            continue
        seen |= {(sent_start, line.verb_i), (sent_start, value)}
        chosen.append((n, line))
    out: list[Event] = []
    for n, line in sorted(chosen, key=lambda x: x[0]):
        t, value, gran, sent_span = todo[n]
        in_sentence = [
            o
            for o in item.analysis.times
            if sent_span.start <= o.span.start and o.span.end <= sent_span.end
        ]
        start = start_of(value)
        background = bool(pub and start and (pub - start).days > BACKGROUND_DAYS)
        citation = Citation(aid, Span(sent_span.start, sent_span.end))
        sentence = text[sent_span.start : sent_span.end]
        shown = state_dates(line.text, in_sentence, pub.year if pub else None)
        out.append(
            Event(
                value, gran, shown, event_words(words(sentence), line.verb), background,
                (index, sent_span.start), [citation], {value: [aid]}, line.verb, line.strong,
                line_words=event_words(words(line.text), line.verb),
            )
        )  # fmt: skip
    return out


def _dates_reported(doc: Any, verb_i: int, todo: _Todo, n: int, sent_span: Span) -> bool:
    """Whether another time of the sentence dates a clause under the reporting verb."""
    if verb_i < 0:
        return False
    for m, (o, *_, o_span) in enumerate(todo):
        if m == n or o_span != sent_span:
            continue
        gov = _adverbial_of(doc, o.span.start - sent_span.start, o.span.end - sent_span.start)
        if gov >= 0 and gov != verb_i and doc[verb_i] in doc[gov].ancestors:
            return True
    return False


def _local(t: TimeExpr, sent_span: Span) -> tuple[int, int]:
    """A time's span within its sentence."""
    return t.span.start - sent_span.start, t.span.end - sent_span.start


def _adverbial_of(doc: Any, start: int, end: int) -> int:
    """The verb a time expression is an adverbial of ("passed … in January"), else -1.

    A time inside a noun phrase ("last week's derailment") dates the noun, not a clause.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return -1
    head = span.root.head
    if head.dep_ == "prep" and head.head is not head:
        head = head.head
    return int(head.i) if head.pos_ in ("VERB", "AUX") else -1


def _governing_verb(doc: Any, start: int, end: int) -> int:
    """The token index of the verb that governs a time expression (-1 if none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return -1
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return int(tok.i)
        if tok.head is tok:
            break
        tok = tok.head
    return -1


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
