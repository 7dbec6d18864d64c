"""A story's timeline: the dated events its reports describe, merged across outlets.

Every sentence with a calendar time expression (a date, a day, a week, a month or a
year, not a duration or a vague reference) gives an event: a short line built from
the clause that governs the time expression (subject, verb, object or complement,
trimmed), its date and granularity, and the sentence as citation. Events of
different reports with the same date and similar words are one entry listing all
reports; the same event put on different days (within a fortnight) by different
reports is one entry whose ``disputed_dates`` lists each date with its reports.
Events dated well before the report's publication are kept and marked background.
Entries are ordered by date; those of undated reports follow, in text order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from storyline.model import Analyzed, Citation, Span, TimeExpr, TimelineEntry
from storyline.story.dating import published_date, sentence_of, similarity, words

#: Word-overlap score from which two events of the same date are the same event.
SAME_EVENT = 0.3
#: Higher bar for calling two differently dated events the same (a date dispute).
SAME_EVENT_DISPUTED = 0.5
#: Events this many days before publication are background.
BACKGROUND_DAYS = 60
MAX_WORDS = 16

_DATE_VALUE = re.compile(
    r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q\d|H\d|SP|SU|FA|WI))?(?:T.*)?$"
)


@dataclass
class _Event:
    value: str
    granularity: str
    line: str
    words: frozenset[str]
    background: bool
    order: tuple[int, int]
    citations: list[Citation] = field(default_factory=list)
    by_date: dict[str, list[str]] = field(default_factory=dict)
    verb: str = ""


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


def sort_key(value: str) -> tuple[int, int, int]:
    """A sortable (year, month, day) for a TIMEX3 date value; coarse values sort first."""
    m = re.match(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    if not m:
        return (9999, 0, 0)
    week = re.match(r"^(\d{4})-W(\d\d)", value)
    if week:
        d = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return (d.year, d.month, d.day)
    return (int(m[1]), int(m[2] or 0), int(m[3] or 0))


def _start(value: str) -> date | None:
    y, m, d = sort_key(value)
    if y == 9999:
        return None
    try:
        return date(y, max(m, 1), max(d, 1))
    except ValueError:
        return None


#: Verbs whose event is what they report: their clause complement is kept.
_REPORTING = frozenset(
    {"say", "claim", "announce", "report", "tell", "warn", "confirm", "state", "deny", "add"}
)
_CLAUSE_DEPS = frozenset(
    {"neg", "prt", "dobj", "attr", "acomp", "xcomp", "dative", "agent", "oprd", "aux", "auxpass"}
)
_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})


def _governing_verb(span: Any, sent: Any) -> Any:
    tok = span.root if span is not None and len(span) else None
    for _ in range(8):
        if tok is None:
            break
        # "In a statement read on Thursday, X announced": the participle only
        # describes a noun of an adverbial phrase; the clause's verb is the event.
        if tok.pos_ in ("VERB", "AUX") and not (tok.dep_ == "acl" and tok.head.dep_ == "pobj"):
            return tok
        if tok.head is tok:
            break
        tok = tok.head
    return sent.root


def _subject(verb: Any) -> list[Any]:
    """The subject's words, borrowed from the governing verb for "plans to speak"."""
    v = verb
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and v.dep_ == "relcl":
                subj = v.head  # "the invasion, which began": the invasion
                return [t for t in subj.subtree if t.i < v.i and t.i >= subj.left_edge.i][:6]
            drop = {
                t.i
                for c in subj.children
                if c.dep_ in ("relcl", "appos", "acl", "punct", "prep")
                for t in c.subtree
            }
            return [t for t in subj.subtree if t.i not in drop][:8]
        if v.dep_ == "acl" and v.head is not v:  # "Crimea, annexed in 2014": Crimea
            noun = v.head
            return [t for t in noun.subtree if noun.left_edge.i <= t.i <= noun.i][-6:]
        if v.dep_ in ("xcomp", "ccomp", "conj", "advcl") and v.head is not v:
            v = v.head
        else:
            break
    return []


_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _named_subject(subj: list[Any]) -> tuple[list[Any], str] | None:
    """The subject's noun phrase up to its head entity, and that entity's text.

    "US President Donald Trump" -> (those four words, "Donald Trump"): the whole phrase
    can give way to the story-wide name of the person.
    """
    heads = [t for t in subj if t.dep_ in ("nsubj", "nsubjpass")] or subj[-1:]
    if not heads:
        return None
    head = heads[0]
    if head.ent_type_ not in _NAMED:
        return None
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if ent is None:
        return None
    ids = {t.i for t in subj}
    phrase = [t for t in head.doc[head.left_edge.i : ent.end] if t.i in ids]
    if len(phrase) != ent.end - head.left_edge.i:
        return None  # not one contiguous phrase
    return phrase, ent.text


def _join(toks: list[Any]) -> str:
    out: list[str] = []
    for n, t in enumerate(toks):
        out.append(t.text)
        nxt = toks[n + 1] if n + 1 < len(toks) else None
        if nxt is not None and (t.whitespace_ or nxt.i != t.i + 1) and nxt.dep_ != "punct":
            out.append(" ")
    return "".join(out)


def _time_tokens(span: Any, verb: Any) -> set[int]:
    """The time expression's tokens plus the words that only introduce it ("earlier on")."""
    if span is None:
        return set()
    ids = set(range(span.start, span.end))
    tok = span.root
    while tok.head is not tok and tok.head is not verb and tok.head.pos_ in ("ADP", "ADV", "PART"):
        tok = tok.head
        ids.add(tok.i)
    for t in list(ids):
        ids.update(
            c.i
            for c in span.doc[t].children
            if c.dep_ in ("case", "advmod")
            and c.i not in ids
            and c.pos_ in ("PART", "ADV")
            and c.i < t
        )
    return ids


def _nominal_event(span: Any) -> tuple[str, str, int] | None:
    """ "Monday's talks in Istanbul", "a June 3 hearing": the noun phrase is the event."""
    if span is None or not len(span):
        return None
    root = span.root
    noun = root.head
    if root.dep_ not in ("poss", "compound", "nmod") or noun.pos_ != "NOUN" or noun is root:
        return None
    drop = set(range(span.start, span.end))
    drop.update(c.i for c in root.children if c.dep_ == "case")
    for c in noun.children:
        if c.dep_ in ("relcl", "acl", "appos", "punct") or (c.dep_ == "det" and c.i < span.start):
            drop.update(t.i for t in c.subtree)
    toks = [t for t in noun.subtree if t.i not in drop and not t.is_space][:MAX_WORDS]
    if len(toks) < 2:
        return None
    text = re.sub(r"\s+", " ", _join(toks)).strip(" ,;:-—(")
    return text[:1].upper() + text[1:], noun.lemma_.lower(), noun.i


def _clause(sent: Any, verb: Any, time_ids: set[int]) -> tuple[list[Any], list[Any]]:
    """The subject and the trimmed words of the clause headed by ``verb``."""
    subj = [t for t in _subject(verb) if t.i not in time_ids]
    keep: set[int] = {verb.i}
    head = verb
    while head.dep_ in ("xcomp",) and head.head is not head and len(keep) < 4:
        head = head.head  # "plans to speak": keep "plans"
        keep.add(head.i)
        keep.update(c.i for c in head.children if c.dep_ in ("aux", "neg"))
    for child in verb.children:
        if (
            (child.dep_ == "ccomp" and verb.lemma_.lower() in _REPORTING and len(keep) < 6)
            or child.dep_ in _CLAUSE_DEPS
            or (child.dep_ == "prep" and child.i > verb.i and len(keep) < 8)
        ):
            keep.update(t.i for t in child.subtree)
    keep.update(t.i for t in subj)
    toks = [
        t for t in sent
        if t.i in keep and t.i not in time_ids
        and not (t.dep_ == "prep" and all(c.i in time_ids for c in t.children))
        and not (t.dep_ == "case" and t.head.i in time_ids)
        and not (t.dep_ == "punct" and t.text in ",;:()[]")
        and not t.is_space and t.text not in ("“", "”", '"')
    ]  # fmt: skip
    return subj, toks[:MAX_WORDS]


def _event_line(
    sent: Any,
    t_start: int,
    t_end: int,
    canonical: Callable[[str], str],
    others: Sequence[tuple[int, int]] = (),
) -> tuple[str, str, int]:
    """Subject + verb + object/complement of the clause governing the time expression."""
    span = sent.doc.char_span(t_start, t_end, alignment_mode="expand")
    nominal = _nominal_event(span)
    if nominal is not None:
        return nominal
    verb = _governing_verb(span, sent)
    time_ids = _time_tokens(span, verb)
    for start, end in others:  # other time words of the sentence ("Wednesday (early Thursday)")
        other = sent.doc.char_span(start, end, alignment_mode="expand")
        if other is not None:
            time_ids |= _time_tokens(other, verb)
    subj, toks = _clause(sent, verb, time_ids)
    if len(toks) < 2 and verb is not sent.root:
        # "Annexed", "Including": a bare modifier; the sentence's main clause says more
        verb = sent.root
        subj, toks = _clause(sent, verb, time_ids)
    text = _join(toks)
    named = _named_subject(subj)
    if named is not None:
        phrase, ent_text = named
        old, better = _join(phrase), canonical(ent_text)
        if better and text.startswith(old):
            text = better + text[len(old) :]
    text = re.sub(r"\s+", " ", text).strip(" ,;:-—(")
    if not text:
        text = sent.text.strip()[:120]
    return text[:1].upper() + text[1:], verb.lemma_.lower(), verb.i


def build_timeline(
    items: Sequence[Analyzed],
    canonical: Callable[[str, str], str] | None = None,
    nlp: Any = None,
) -> tuple[TimelineEntry, ...]:
    """The ordered, merged timeline of one story's reports."""
    if nlp is None:
        from storyline.nlp import load_nlp

        nlp = load_nlp()
    events: list[_Event] = []
    for index, item in enumerate(items):
        aid = item.article.id
        if canonical is None:
            events.extend(_events_of(item, index, nlp, lambda n: n))
        else:
            events.extend(_events_of(item, index, nlp, lambda n, a=aid: canonical(a, n)))  # type: ignore[misc]
    return tuple(_entry(e) for e in _order(_merge(events)))


def _events_of(item: Analyzed, index: int, nlp: Any, name_of: Callable[[str], str]) -> list[_Event]:
    """One event per dated clause of a report (two dates of one clause: the first)."""
    aid = item.article.id
    pub = published_date(item.article.published)
    seen: set[tuple[int, int]] = set()
    todo: list[tuple[TimeExpr, str, str, Span]] = []
    for t in item.analysis.times:
        dv = _day_value(t)
        sent_span = sentence_of(item, t.span)
        # A time inside a quotation is relative to when it was said, not to the report;
        # "since May 19", "until June", "before Friday" bound an interval, not the event.
        if (
            dv is not None
            and not _quoted(item.article.text, sent_span.start, t.span.start)
            and not _BOUND.search(item.article.text[max(0, t.span.start - 12) : t.span.start])
        ):
            todo.append((t, dv[0], dv[1], sent_span))
    spans = sorted({s for *_, s in todo})
    texts = [item.article.text[s.start : s.end] for s in spans]
    parsed = dict(zip(spans, nlp.pipe(texts), strict=True))  # each sentence parsed once
    out: list[_Event] = []
    for t, value, gran, sent_span in todo:
        text = item.article.text[sent_span.start : sent_span.end]
        doc = parsed[sent_span]
        local = doc.char_span(0, len(text))
        line, lemma, verb_i = _event_line(
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
        if (sent_span.start, verb_i) in seen:
            continue
        seen.add((sent_span.start, verb_i))
        start = _start(value)
        background = bool(pub and start and (pub - start).days > BACKGROUND_DAYS)
        citation = Citation(aid, Span(sent_span.start, sent_span.end))
        out.append(
            _Event(
                value, gran, line, words(text), background, (index, sent_span.start),
                [citation], {value: [aid]}, lemma,
            )
        )  # fmt: skip
    return out


_BOUND = re.compile(r"(?i)\b(?:since|until|till|before|after|by|from|ahead\s+of)\s+$")


def _quoted(text: str, sentence_start: int, at: int) -> bool:
    """Whether a position lies inside a quotation opened earlier in its paragraph."""
    before = text[text.rfind("\n", 0, sentence_start) + 1 : at]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _period(value: str) -> tuple[date, date] | None:
    """The first and last day a date value covers (None for what we cannot place)."""
    start = _start(value)
    if start is None:
        return None
    if re.match(r"^\d{4}-\d\d-\d\d", value):
        return start, start
    if re.match(r"^\d{4}-W\d\d", value):
        return start, start + timedelta(days=6)
    if re.match(r"^\d{4}-\d\d$", value):
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, nxt - timedelta(days=1)
    if re.match(r"^\d{4}$", value):
        return start, date(start.year, 12, 31)
    return None


def _within(fine: str, coarse: str) -> bool:
    """Whether a finer date lies inside a coarser one ("2025-05-16" in "2025-W20")."""
    f, c = _period(fine), _period(coarse)
    return bool(f and c and f != c and c[0] <= f[0] and f[1] <= c[1])


def _absorb(target: _Event, ev: _Event) -> None:
    """Merge ``ev`` into ``target``; the finer of the two dates wins."""
    if _within(ev.value, target.value):
        target.value, target.granularity, target.line = ev.value, ev.granularity, ev.line
        target.by_date = {ev.value: list(ev.by_date[ev.value])}
    elif not _within(target.value, ev.value):
        for d, arts in ev.by_date.items():
            bucket = target.by_date.setdefault(d, [])
            bucket.extend(a for a in arts if a not in bucket)
    target.citations.extend(c for c in ev.citations if c not in target.citations)
    target.background = target.background and ev.background


def _merge(events: list[_Event]) -> list[_Event]:
    merged: list[_Event] = []
    for ev in events:
        target = None
        for other in merged:
            score = similarity(ev.words, other.words)
            same_time = other.value == ev.value or (
                _within(ev.value, other.value) or _within(other.value, ev.value)
            )
            if same_time and score >= SAME_EVENT:
                target = other
                break
            if (
                other.granularity == ev.granularity == "day"
                and other.verb == ev.verb
                and not set(other.by_date.get(other.value, ())) & set(ev.by_date[ev.value])
                and score >= SAME_EVENT_DISPUTED
                and _close(other.value, ev.value)
            ):
                target = other
                break
        if target is None:
            merged.append(ev)
        else:
            _absorb(target, ev)
    for ev in merged:
        # The date most reports give is the entry's date; ties go to the earliest report.
        ev.value = max(ev.by_date, key=lambda d: len(ev.by_date[d]))
    return merged


def _close(a: str, b: str) -> bool:
    da, db = _start(a), _start(b)
    return bool(da and db and a != b and abs((da - db).days) <= 14)


def _order(events: list[_Event]) -> list[_Event]:
    return sorted(events, key=lambda e: (sort_key(e.value), e.order))


def _entry(ev: _Event) -> TimelineEntry:
    articles: list[str] = []
    for c in ev.citations:
        if c.article not in articles:
            articles.append(c.article)
    disputed = (
        tuple((d, tuple(arts)) for d, arts in sorted(ev.by_date.items()))
        if len(ev.by_date) > 1
        else ()
    )
    text = ev.line
    if disputed:
        text += " (reports disagree on the date)"
    return TimelineEntry(
        date=ev.value or None,
        granularity=ev.granularity,
        text=text,
        articles=tuple(articles),
        background=ev.background,
        citations=tuple(ev.citations),
        disputed_dates=disputed,
    )
