"""Finding time expressions in a parsed document: rule matches, spaCy entities, tense.

Candidates come from the rules of :mod:`normalize` run over the document text and
from spaCy's DATE/TIME entities (kept only where a rule can normalise the entity's
text, since an entity without a value helps nobody). Overlaps are settled longest
first. The tense of the clause that governs each expression decides which way a
relative expression points ("will speak on Monday" forward, "met on Monday" back):
:mod:`tense` reads it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from storyline.analyze.timex.anaphora import EVENT_REF, resolve_event_refs
from storyline.analyze.timex.clockday import clock_days
from storyline.analyze.timex.holidays import likenesses, names_a_thing
from storyline.analyze.timex.linebound import within_lines
from storyline.analyze.timex.literals import required_words
from storyline.analyze.timex.norm import ANAPHOR
from storyline.analyze.timex.normalize import (
    CASELESS_FOLDS,
    NEEDS,
    RULES,
    Norm,
    Rule,
    normalize_text,
)
from storyline.analyze.timex.periods import reporting_span, resolve_norms
from storyline.analyze.timex.rates import is_annual_event, is_newspaper, is_rate
from storyline.analyze.timex.relative import CLASSIFIER, NOUN_NEXT
from storyline.analyze.timex.screens import SCREENS
from storyline.analyze.timex.someday import FUTURE as SOMEDAY
from storyline.analyze.timex.someday import is_someday
from storyline.analyze.timex.tense import clause_tense
from storyline.analyze.timex.yearback import reread
from storyline.nlp import doc_ents

__all__ = ["Found", "clause_tense", "find_times"]

#: "until Friday", "until 9 a.m. Tuesday", "by noon Friday": a deadline
#: "today's world", "today's youth", "many of today's personal computers": the present
#: age, not the day of the report (neither TimeBank nor AQUAINT annotates it).
_NOWADAYS = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|youth|young|society|societies|generation|children|kids|"
    r"families|consumers|computers|technology|standards|times|culture|economy)\b"
)
#: "the people of tomorrow", "the world of tomorrow": a noun of an age, not a day.
_OF_THE_FUTURE = re.compile(
    r"(?i)\bthe\s+(?:[a-z]+\s+)?(?!(?:end|start|beginning|middle|morning|afternoon|evening|"
    r"night|close|rest|eve|agenda|outcome|result)\s)[a-z]+\s+of\s+$"
)
#: A capitalised word (not opening a sentence) just before "Today": "USA Today".
_NAME_BEFORE = re.compile(r"[a-z,;][^\S\n]+(?:[A-Z][\w.&-]*[^\S\n]+){0,2}[A-Z][\w&-]*[^\S\n]+$")
#: "a new pact effective June 1", "effective from Monday": a change told before it applies
#: (a date already past stays past: the direction holds only within the horizon).
_EFFECTIVE = re.compile(r"(?i)\beffective\s+(?:on\s+|from\s+|as\s+of\s+)?$")
_UNTIL = re.compile(
    r"(?i)\b(?:until|till|til|by)\s+(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight)"
    r"(?:\s+[A-Z]{2,4})?,?\s+)?$"
)


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression found in a document, with its character span."""

    start: int
    end: int
    norm: Norm


def _needs_tense(norm: Norm) -> bool:
    return norm.rel is not None and norm.rel.split("@")[0].endswith(("past", "future", "near"))


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    priority: int
    make: Callable[[str], Norm | None]  # tense -> normalised expression


def _rule_make(rule: Rule, m: re.Match[str]) -> Callable[[str], Norm | None]:
    return lambda tense: rule.handler(m, tense)


def _text_make(text: str) -> Callable[[str], Norm | None]:
    return lambda tense: normalize_text(text, tense)


def _rule_candidates(text: str) -> list[_Cand]:
    # the same offsets; and lower() then holds every word a match needs
    text = text.translate(CASELESS_FOLDS)
    found: list[_Cand] = []
    lower = text.lower()
    starts: list[int] = []  # where each line starts, found when first needed
    ranges: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # lines to read, by words
    screened: dict[re.Pattern[str], list[tuple[int, int]]] = {}  # lines to read, by screen
    for index, rule in enumerate(RULES):
        screen = SCREENS.get(rule.name)
        if screen is not None:
            matches = _screened(rule.regex, screen, text, starts, screened)
        else:
            needs = NEEDS.get(rule.name) or required_words(rule.regex)
            if needs is not None and not any(word in lower for word in needs):
                continue
            matches = _scan(rule.regex, text, lower, needs, starts, ranges)
        for m in matches:
            start, end = rule.span(m)
            if end > start and rule.handler(m, "") is not None:
                found.append(_Cand(start, end, index, _rule_make(rule, m)))
    return found


def _scan(
    regex: re.Pattern[str],
    text: str,
    lower: str,
    needs: tuple[str, ...] | None,
    starts: list[int],
    ranges: dict[tuple[str, ...], list[tuple[int, int]]] | None = None,
) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)``, reading only the lines that hold a word the rule needs.

    When a rule matches within one line (:func:`linebound.within_lines`, read from its
    pattern) and every match of it holds one of its ``NEEDS`` words (or of the words
    :func:`literals.required_words` reads from its pattern), the other lines cannot
    hold a match: the same matches, in the same order. Otherwise (or when ``lower()``
    moved the offsets) the whole text is read. ``ranges`` keeps the lines found for a
    set of words, for the next rule that needs the same words (the month rules).
    """
    if needs is None or len(lower) != len(text) or not within_lines(regex):
        yield from regex.finditer(text)
        return
    _line_starts(text, starts)
    found = None if ranges is None else ranges.get(needs)
    if found is None:
        found = _line_ranges(text, lower, needs, starts)
        if ranges is not None:
            ranges[needs] = found
    for start, end in found:
        yield from regex.finditer(text, start, end)


def _screened(
    regex: re.Pattern[str],
    screen: re.Pattern[str],
    text: str,
    starts: list[int],
    screened: dict[re.Pattern[str], list[tuple[int, int]]],
) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)``, reading only the lines that hold a match of ``screen``.

    Every match of the rule holds a match of its screen (:mod:`screens`), and no screen
    match spans a line break: a screen match skipped by ``finditer`` lies inside one it
    found, on the same line. So a text without one holds no match, and for a rule that
    matches within one line, the other lines hold none: the same matches, in the same
    order. ``screened`` keeps the lines found, for the next rule with the same screen.
    """
    if not within_lines(regex):
        if screen.search(text) is not None:
            yield from regex.finditer(text)
        return
    found = screened.get(screen)
    if found is None:
        hits = [m.start() for m in screen.finditer(text)]
        if hits:
            _line_starts(text, starts)
            found = _runs(text, {bisect_right(starts, at) - 1 for at in hits}, starts)
        else:
            found = []
        screened[screen] = found
    for start, end in found:
        yield from regex.finditer(text, start, end)


def _line_starts(text: str, starts: list[int]) -> None:
    """Fill ``starts`` with where each line of ``text`` starts, unless already done."""
    if not starts:
        at = 0
        while at != -1:
            starts.append(at)
            at = text.find("\n", at) + 1 or -1


def _line_ranges(
    text: str, lower: str, needs: tuple[str, ...], starts: list[int]
) -> list[tuple[int, int]]:
    """The character ranges of the runs of lines that hold one of the words."""
    lines: set[int] = set()
    for word in needs:
        at = lower.find(word)
        while at != -1:
            lines.add(bisect_right(starts, at) - 1)
            at = lower.find(word, at + 1)
    return _runs(text, lines, starts)


def _runs(text: str, lines: set[int], starts: list[int]) -> list[tuple[int, int]]:
    """The character ranges of the runs of consecutive lines among ``lines``."""
    ordered = sorted(lines)
    found: list[tuple[int, int]] = []
    n = 0
    while n < len(ordered):
        first = last = ordered[n]
        while n + 1 < len(ordered) and ordered[n + 1] == last + 1:
            n += 1
            last = ordered[n]
        n += 1
        end = starts[last + 1] - 1 if last + 1 < len(starts) else len(text)
        found.append((starts[first], end))
    return found


def _select(cands: list[_Cand]) -> list[_Cand]:
    chosen: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if any(cand.start < o.end and o.start < cand.end for o in chosen):
            continue
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


_JOIN = re.compile(r"^\s*(?:,|on|at|of|\(|,\s*on|,\s*at)?\s*$", re.IGNORECASE)


def _merge_clock(found: list[Found], text: str) -> list[Found]:
    """Join a time of day to the day next to it: "10 am on Monday", "16:00 UTC today"."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _JOIN.match(text[cur.end : nxt.start]):
            pair = _clock_with_day(cur, nxt)
            if pair is not None:
                out.append(pair)
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


def _clock_with_day(a: Found, b: Found) -> Found | None:
    clocks = [f for f in (a, b) if f.norm.type == "TIME" and "T" in (f.norm.rel or "@T")]
    days = [f for f in (a, b) if f.norm.type == "DATE" and f.norm.granularity == "day"]
    if len(clocks) != 1 or len(days) != 1:
        return None
    clock_rel = clocks[0].norm.rel or ""
    if not clock_rel.startswith("offset:day:0@"):
        return None
    clock = clock_rel.split("@", 1)[1]
    day = days[0].norm
    if day.rel is None:
        norm = Norm("TIME", day.value + clock, "time")
    else:
        norm = Norm("TIME", "XXXX-XX-XX" + clock, "time", f"{day.rel}@{clock}")
    return Found(a.start, b.end, norm)


def find_times(doc: Any, use_entities: bool = True, text: str | None = None) -> list[Found]:
    """Every time expression of a parsed document, normalised without an anchor."""
    if text is None:
        text = str(doc.text)
    cands = _rule_candidates(text)
    if use_entities:
        for ent in doc_ents(doc):
            if ent.label_ not in ("DATE", "TIME"):
                continue
            if any(c.start < ent.end_char and ent.start_char < c.end for c in cands):
                continue
            if CLASSIFIER.match(ent.text) and NOUN_NEXT.match(text, ent.end_char):
                continue  # "its quarterly dividend": a kind of dividend, not a time
            if names_a_thing(text, ent.end_char):
                continue  # "a Christmas tree", "the Good Friday agreement"
            if normalize_text(ent.text) is not None:
                cands.append(_Cand(ent.start_char, ent.end_char, len(RULES), _text_make(ent.text)))
    if likes := likenesses(text):  # "sounded like the Fourth of July": no day told
        cands = [c for c in cands if not any(a < c.end and c.start < b for a, b in likes)]
    found: list[Found] = []
    for cand in _select(cands):
        if _is_title(text, cand.start, cand.end):
            continue
        if is_rate(text, cand.start, cand.end) or is_newspaper(text, cand.start, cand.end):
            continue  # "$2 million a year", "the party daily Vestnik": no time told
        if is_annual_event(text, cand.start, cand.end):
            continue  # "the annual meeting": one event of a series, no time told
        norm = cand.make("")
        if norm is None:
            continue
        if (
            norm.granularity == "quarter"
            and norm.value.startswith("XXXX")
            and _in_play(text, cand.start, cand.end)
        ):
            continue  # "a touchdown in the fourth quarter": a period of the game, no time
        if text[cand.start : cand.end].lower() == "later" and (
            clause_tense(doc, cand.start, cand.end) != "future"
        ):
            continue  # "later became", "officials later said": an order of events
        if text[cand.start : cand.end].lower() == "the time" and _restricted(doc, text, cand):
            continue  # "at the time Howes was captured": that clause's moment, not the past
        if text[cand.start : cand.end] == "Today" and _NAME_BEFORE.search(
            text[max(0, cand.start - 30) : cand.start]
        ):
            continue  # "USA Today", "VOA Today": a title, not the day of the report
        if (
            text[cand.start : cand.end].lower() == "tomorrow"
            and _OF_THE_FUTURE.search(text[max(0, cand.start - 40) : cand.start])
            and not re.match(r"['’]", text[cand.end : cand.end + 1])
        ):
            continue  # "the people of tomorrow", "the cars of tomorrow": the future age
        if text[cand.start : cand.end].lower() == "today" and _NOWADAYS.match(text, cand.end):
            continue  # "today's world": the present age, not the day of the report
        if norm.rel == "offset:day:-1@TNI" and _attributive_overnight(doc, text, cand):
            # "closed lower Friday after overnight losses in New York": the night before
            # the day told last (else before the report), by resolve_event_refs
            norm = Norm(norm.type, norm.value, norm.granularity, f"{EVENT_REF}day:-1@TNI")
        if is_someday(doc, text, cand.start, cand.end):
            norm = SOMEDAY  # "will one day be the largest": a day to come, not a day long
        if _needs_tense(norm):
            tense = clause_tense(doc, cand.start, cand.end)
            if tense != "past" and _UNTIL.search(text[max(0, cand.start - 30) : cand.start]):
                tense = "future"  # "closed until Friday": the end lies ahead
            elif _EFFECTIVE.search(text[max(0, cand.start - 20) : cand.start]):
                tense = "future"  # "a pact effective June 1": announced before it applies
            elif tense != "past" and _after_mishap(doc, text, cand.start):
                tense = "past"  # "deputies are looking into a robbery Friday evening"
            elif tense != "past" and _OWN_MISHAP.match(text, cand.end):
                tense = "past"  # "prosecutors will review Friday's shooting"
            if _AS_OF.search(text[max(0, cand.start - 10) : cand.start]) and _no_past(
                doc, cand.start
            ):
                tense = "present"  # "as of Friday afternoon, detectives are interviewing witnesses"
            norm = reread(cand.make(tense) or norm, doc, text, cand.start, cand.end, tense)
        found.append(Found(cand.start, cand.end, norm))
    found = _resolve_anaphors(_same_moment(_merge_clock(found, text), text))
    spans = [i for i, f in enumerate(found) if reporting_span(text[max(0, f.start - 24) : f.end])]
    reported = [
        i
        for i, f in enumerate(found)
        if (f.norm.rel or "").startswith("yearpart:Q") and _reported(doc, f.start, f.end)
    ]
    norms = resolve_event_refs(resolve_norms([f.norm for f in found], spans, reported))
    norms = clock_days(
        [(f.start, f.end) for f in found],
        norms,
        text,
        lambda s, e: clause_tense(doc, s, e),
        _sentence_index(doc),
    )  # "shot on Saturday ... called at 10 p.m.": Saturday's 10 p.m.
    return [Found(f.start, f.end, n) for f, n in zip(found, norms, strict=True)]


#: A mishap noun just before a time: "a shooting Friday evening", "the crash on Sunday".
#: Nobody schedules a shooting: the time dates a past event whatever the verb of the
#: clause ("are investigating", "might be charged over"), unless the sentence says
#: "will" before it ("will hold a hearing into the shooting Monday").
_MISHAP_NOUN = (
    r"(?:shootings?|killings?|slayings?|murders?|homicides?|stabbings?|crash(?:es)?|"
    r"collisions?|accidents?|attacks?|bombings?|explosions?|blasts?|blazes?|fires?|"
    r"robber(?:y|ies)|burglar(?:y|ies)|carjackings?|assaults?|rampage|ambush|standoff|"
    r"incidents?|derailment|deaths?|disappearance|spree|crimes?|violence|gunfire)"
)
_MISHAP = re.compile(rf"(?i)\b{_MISHAP_NOUN}(?:\s+(?:on|in\s+the\s+early\s+hours\s+of))?\s+$")
#: "Friday's shooting", "Saturday's deadly crash": the day of a mishap is behind the
#: telling whatever the verb ("will review Friday's shooting", "would appeal Monday's
#: killing" are no plans for next Friday or Monday).
_OWN_MISHAP = re.compile(rf"(?i)['’]s\s+(?:[a-z-]+\s+){{0,2}}{_MISHAP_NOUN}\b")
#: "As of Friday afternoon, detectives are interviewing witnesses": the moment of the telling,
#: the closest such day (an update may come after the stamped publication date).
_AS_OF = re.compile(r"(?i)\bas\s+of\s+$")


#: Words of a game being played: a quarter or a half without a year near them is
#: a period of play ("scored twice in the second half"), not of the year. "Assists" counts
#: only after a number: "assist" is a verb too ("hired banks to assist it").
_PLAY = re.compile(
    r"(?i)\b(?:touchdowns?|field[^\S\n]+goals?|yards?|rebounds?|baskets?|free[^\S\n]+throws?|"
    r"half-?time|overtime|quarterback|innings?|\d+[^\S\n]+assists|scor(?:ed|es|ing)|interceptions?|"
    r"three-pointers?|layups?|dunks?|kick-?off|penalty[^\S\n]+kicks?|"
    r"(?:the|a|his|her|their|its|that|this)[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:game|match))\b"
)


def _in_play(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` (a few lines of its paragraph: a
    quote about the game may stand on a line of its own) tell a game being played."""
    lo = max(start - 200, text.rfind("\n\n", 0, start) + 1, 0)
    hi = text.find("\n\n", end)
    hi = min(end + 150, len(text) if hi < 0 else hi)
    return _PLAY.search(text[lo:start] + " " + text[end:hi]) is not None


#: Verbs that tell a company's results: the quarter they govern is the one reported.
_REPORT_VERBS = frozenset({"report", "post"})


def _reported(doc: Any, start: int, end: int) -> bool:
    """Whether a verb of reporting results governs the span ("reported third-quarter
    profit jumped 45%", "posted net income for the second quarter")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(6):
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _REPORT_VERBS:
            return True
        if tok.head.i == tok.i or tok.lower_ in _COMPARED:
            return False  # "reported a gain after a weak second quarter": a comparison
        tok = tok.head
    return False


#: Prepositions of a quarter compared with the one reported.
_COMPARED = frozenset({"after", "before", "since", "than", "from", "with", "over", "versus"})


def _attributive_overnight(doc: Any, text: str, cand: _Cand) -> bool:
    """Whether ``cand`` is "overnight" before the noun it qualifies ("overnight losses",
    "an overnight shooting"), not the adverb ("kept in hospital overnight", whose night
    may follow the day told before as well as precede it)."""
    if text[cand.start : cand.end].lower() != "overnight":
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    head = token.head  # a noun, not a day ("overnight Monday" is that day's night)
    return token.dep_ in ("amod", "compound") and head.i > token.i and head.pos_ == "NOUN"


def _sentence_index(doc: Any) -> Callable[[int], int]:
    """A function from a character offset to the index of its sentence (the sentence
    starts read once, when first asked)."""
    starts: list[int] = []

    def index(at: int) -> int:
        if not starts:
            starts.extend(s.start_char for s in doc.sents)
        return bisect_right(starts, at) - 1

    return index


def _no_past(doc: Any, start: int) -> bool:
    """Whether the sentence around ``start`` has no verb in the simple past."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and not any(t.tag_ == "VBD" for t in span.sent)


_WILL = re.compile(r"(?i)\b(?:will|shall|wo)\b|['’]ll\b")


def _after_mishap(doc: Any, text: str, start: int) -> bool:
    """Whether a mishap noun comes just before ``start`` and no "will" in its sentence."""
    if not _MISHAP.search(text[max(0, start - 50) : start]):
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    begin = span.sent.start_char if span is not None else max(0, start - 200)
    return not _WILL.search(text[begin:start])


_SAY = frozenset(
    {"say", "tell", "write", "announce", "report", "state", "add", "note", "insist",
     "acknowledge", "admit", "testify", "explain", "argue", "claim", "warn", "predict"}
)  # fmt: skip


def _restricted(doc: Any, text: str, cand: _Cand) -> bool:
    """Whether "the time" has a clause of its own: a relative clause in the parse, or,
    opening a sentence, no comma after it ("At the time the ferry sank, ...")."""
    if text[max(0, cand.start - 3) : cand.start] == "At " and not re.match(
        r"\s*,", text[cand.end : cand.end + 3]
    ):
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not any(c.dep_ in ("relcl", "acl") for c in span[-1].children):
        return False
    # "saying at the time she was ready": what follows is what was said, not a clause
    # of "the time" (the parser cannot tell them apart)
    before = doc[span.start - 2] if span.start >= 2 else None
    return before is None or before.lemma_.lower() not in _SAY


_OPEN_QUOTE = re.compile(r"(?:[\"“‘]|``|'')\s*$")
_CALENDAR_WORD = re.compile(
    r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
)


def _is_title(text: str, start: int, end: int) -> bool:
    """A quoted title in title case ("This Week", "60 Minutes"): a programme, not a time.
    Every word after the first is capitalised and none names a month or a weekday."""
    if not _OPEN_QUOTE.search(text[max(0, start - 3) : start]):
        return False
    words = text[start:end].split()[1:]
    return bool(words) and all(w[:1].isupper() and not _CALENDAR_WORD.match(w) for w in words)


_PAREN = re.compile(r"^\s*\(\s*$")


def _same_moment(found: list[Found], text: str) -> list[Found]:
    """ "Wednesday (early Thursday AEST)": the bracketed day is the closest such day."""
    out: list[Found] = []
    for i, f in enumerate(found):
        rel = f.norm.rel or ""
        if (
            i > 0
            and rel.startswith("weekday:")
            and found[i - 1].norm.granularity == "day"
            and _PAREN.match(text[found[i - 1].end : f.start])
        ):
            parts = rel.split("@")[0].split(":")
            near = ":".join([*parts[:2], "near"])
            suffix = rel[len(rel.split("@")[0]) :]
            f = Found(
                f.start, f.end, Norm(f.norm.type, f.norm.value, f.norm.granularity, near + suffix)
            )
        out.append(f)
    return out


def _resolve_anaphors(found: list[Found]) -> list[Found]:
    """ "the day", "that same day": the day named last before them, else the anchor day."""
    out: list[Found] = []
    last: Norm | None = None
    for f in found:
        norm = f.norm
        if norm.rel == ANAPHOR:
            if last is None:
                norm = Norm("DATE", "XXXX-XX-XX", "day", "offset:day:0")
            elif last.rel is None:
                norm = Norm("DATE", last.value[:10], "day")
            else:
                norm = Norm("DATE", "XXXX-XX-XX", "day", last.rel.split("@")[0])
            f = Found(f.start, f.end, norm)
        elif (norm.granularity == "day" or norm.type == "TIME") and (
            norm.value[:1].isdigit() or norm.rel
        ):
            last = norm
        out.append(f)
    return out
