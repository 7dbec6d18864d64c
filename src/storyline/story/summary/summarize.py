"""Extractive, cited multi-document summary of one story.

Candidates are the analysed sentences of the original (non-copy) articles, and
those an updated page (a copy) adds to its first version (:mod:`.updates`), minus
page debris, fragments, headings, bylines and sentences that lean on context they
lost (a leading "He" is repaired to the person it stands for; "It", "This" or
"The agency" are skipped). Each candidate is scored by its centrality (TF-IDF
cosine to the story's centroid), by the story facts it carries (agreed claims,
quotes, timeline events, central entities) and by how many independent outlets
support it. Selection is greedy on marginal fact coverage, so no two sentences
carry the same claim or say the same thing.

Support is searched in every article of the story, copies included: a passage
supports a sentence when it says much the same thing, and the citation is kept
only when the cited article contains the sentence's numbers, names, quoted words
and dates (:mod:`storyline.story.summary.support`). A sentence left without
support is not shown. Candidates come from :mod:`storyline.story.summary.sentences`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta

from storyline.lexicon.labels import CITED_NAME_LABELS
from storyline.lexicon.measures import SUMMARY_FACTS, base_measure
from storyline.model import (
    Analyzed,
    Citation,
    Conflict,
    Span,
    StoryClaim,
    StoryEntity,
    StoryQuote,
    SummarySentence,
    TimelineEntry,
)
from storyline.story.date_words import state_dates
from storyline.story.dedup.minhash import original_of
from storyline.story.params import SUMMARY, SummaryParams
from storyline.story.summary.edit import (
    clip,
    introduce_names,
    is_link_bait,
    leans_on_quote,
    room_for_dates,
    without_figures,
)
from storyline.story.summary.refer import role_holder
from storyline.story.summary.sentences import (
    Candidate,
    FactIndex,
    facts_of,
    find_candidates,
)
from storyline.story.summary.support import Doc, cosine, find_support, idf_of, read_doc, source_key
from storyline.story.summary.text import (
    DAY,
    calendar_day,
    claim_key,
    content_words,
    is_year,
    num,
    numbers_in,
    period_of,
    quoted_in,
)
from storyline.story.summary.updates import added_by_copy

__all__ = ["content_words", "numbers_in", "quoted_in", "summarize"]

#: A sentence opening with one of these is a quotation: it does not lead a summary.
QUOTE_OPENERS = ('"', "“", "‘", "'")
#: Bounds on the summary length (the issue asks for 4 to 8 sentences).
MIN_SENTENCES, MAX_SENTENCES = 4, 8
#: A day a sentence states orders it when it lies within this many days of the story's
#: reports (a birth date or an anniversary does not).
STATED_WINDOW = 92


def summarize(
    items: Sequence[Analyzed],
    *,
    claims: Sequence[StoryClaim],
    conflicts: Sequence[Conflict],
    quotes: Sequence[StoryQuote],
    timeline: Sequence[TimelineEntry],
    entities: Sequence[StoryEntity],
    duplicate_of: Mapping[str, str] | None = None,
    canonical: Callable[[str, str], str] | None = None,
    max_sentences: int = 6,
    params: SummaryParams = SUMMARY,
) -> tuple[SummarySentence, ...]:
    """Pick 4-8 central, non-redundant sentences, each citing every article that supports it."""
    dups = dict(duplicate_of or {})
    canon = canonical or (lambda _a, name: name)
    limit = max(1, min(max_sentences, MAX_SENTENCES))
    variants = _variant_index(entities)
    fact_spans = _in_originals(_fact_spans(claims, quotes, timeline), items, dups)
    weights = _fact_weights(claims, quotes, timeline, entities, dups)
    # A story told over weeks should be told from each week: a period not yet
    # covered is worth about as much as a widely reported quote.
    per_period = Counter(p for i in items if (p := period_of(i.article.published)))
    # The busiest weeks (the latest first on ties), as many as there are sentences to give.
    periods = sorted(per_period, key=lambda p: (per_period[p], p), reverse=True)[:limit]
    if len(per_period) > 1:
        weights.update(dict.fromkeys(periods, params.period_weight))
    disputed = {f"num:{num(v.value)}" for c in conflicts for v in c.values}
    holder = role_holder(items, canon)
    # sentences of the originals, and those an updated page (a copy) adds to its original
    added = added_by_copy(items, dups)
    candidates = _edited(
        c
        for item in items
        for c in find_candidates(item, canon, variants, fact_spans, holder)
        if item.article.id not in dups or added(item, c.span)
    )
    if not candidates:
        return ()
    docs = {i.article.id: read_doc(i, canon, variants) for i in items}
    idf = idf_of(docs.values())
    # Sums over sets are taken with math.fsum (exactly rounded, so independent of the
    # order Python's string hashing gives a set): equal inputs, equal summary, every run.
    centroid: Counter[str] = Counter()
    for cand in candidates:
        cand.words = _tfidf(content_words(cand.text), idf)
        centroid.update(cand.words)
    centroid_norm = math.sqrt(math.fsum(v * v for v in centroid.values())) or 1.0
    for cand in candidates:
        norm = math.sqrt(math.fsum(v * v for v in cand.words.values())) or 1.0
        dot = math.fsum(v * centroid[w] for w, v in cand.words.items())
        centrality = dot / (norm * centroid_norm)
        facts = math.fsum(weights.get(f, 0.0) for f in cand.facts)
        debatable = 0.5 if any(f in disputed for f in cand.facts) else 1.0
        lead = 1.0 / (1.0 + 0.05 * cand.order)
        cand.score = (centrality + 0.15 * facts) * debatable * lead
    ranked = sorted(candidates, key=lambda c: -c.score)
    shortlist = ranked[: limit * 5]
    # Every period of the story gets its best sentences a chance, however few report it.
    listed = {id(c) for c in shortlist}
    for period in periods if len(per_period) > 1 else ():
        extra = [c for c in ranked if period in c.facts and id(c) not in listed][:3]
        shortlist += extra
        listed.update(id(c) for c in extra)
    # Facts several outlets agree on get their best sentences a chance too.
    agreed = _agreed_claims(claims, dups)
    latest = _latest_event(timeline, items)
    for key in [*latest, *agreed]:
        extra = [c for c in ranked if key in c.facts and id(c) not in listed][:2]
        shortlist += extra
        listed.update(id(c) for c in extra)
    for cand in shortlist:
        cand.support = find_support(cand, docs, idf, fact_spans, variants, params)
        cand.independent = len({source_key(docs, dups, c.article) for c in cand.support})
    supported = [c for c in shortlist if c.support]
    # The latest development is always told: its best supported sentence goes in first.
    seed = [
        max(tellers, key=lambda c: (c.independent, c.score))
        for tellers in ([c for c in supported if c.facts & set(latest)],)
        if tellers
    ]
    story_figures = {num(cl.value) for cl in claims}
    for c in seed:  # told for what happened last: the story's figures it recalls are told apart
        figures = frozenset(
            v for v in _figures_in(c.text) if v in story_figures and not is_year(v) and v > 1
        )
        cut = without_figures(c.text, figures, numbers_in) if figures else None
        if cut is not None:
            c.text, c.numbers = cut, frozenset(num(v) for v in numbers_in(cut))
            c.words = _tfidf(content_words(cut), idf)
    chosen = seed + _select(
        [c for c in supported if c not in seed],
        weights,
        limit - len(seed),
        min_count=min(MIN_SENTENCES, limit) - len(seed),
        must=agreed[: params.agreed_slots],
        params=params,
        told=seed,
    )
    for c in seed:  # the latest development need not repeat a figure told elsewhere
        told = {v for o in chosen if o is not c for v in o.numbers if not is_year(v) and v > 1}
        repeated = frozenset(_figures_in(c.text) & told)
        cut = without_figures(c.text, repeated, numbers_in) if repeated else None
        if cut is not None:
            c.text, c.numbers = cut, frozenset(num(v) for v in numbers_in(cut))
    ordered = _story_order(chosen, docs, timeline, params.recent_days, agreed[:1], fact_spans)
    by_id = {i.article.id: i for i in items}
    # relative day words get their dates, then people named in full where first met
    dated = [_dated_text(c, by_id[c.article]) for c in ordered]
    # a stated date may take a sentence over the limit: cut it again, by clause
    cited = [[docs[p.article].item.article.text for p in c.support] for c in ordered]
    texts = introduce_names([clip(t) or t for t in dated], entities, cited)
    return tuple(
        SummarySentence(
            text=text,
            citations=tuple(dict.fromkeys(p.article for p in c.support)),
            passages=c.support,
        )
        for c, text in zip(ordered, texts, strict=True)
    )


#: A clock time ("at 12:48 a.m."): its numbers are no figure of the story.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


def _figures_in(text: str) -> frozenset[float]:
    """The numbers a sentence gives as figures: not those of a clock time (the latest
    development "died at 12:48 a.m." repeats no age of 48)."""
    return frozenset(num(v) for v in numbers_in(_CLOCK.sub(" ", text)))


def _edited(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Candidates that stand alone and read short: long ones clipped by clause, the rest out."""
    out = []
    for c in candidates:
        if leans_on_quote(c.text) or is_link_bait(c.text):
            continue
        text = clip(c.text, room_for_dates(c.text))
        if text is None:
            continue
        if text != c.text:
            c.text = text
            c.numbers = frozenset(num(v) for v in numbers_in(text))
        out.append(c)
    return out


def _latest_event(timeline: Sequence[TimelineEntry], items: Sequence[Analyzed]) -> list[str]:
    """The fact keys of the story's latest development: its newest dated events, up to its
    newest report (a scheduled event is not a development yet)."""
    newest = max(((i.article.published or "")[:10] for i in items), default="")
    dated = [
        (t.date[:10], -len(t.articles), f"event:{n}")
        for n, t in enumerate(timeline)
        if not t.background and t.date and DAY.fullmatch(t.date[:10]) and t.date[:10] <= newest
    ]
    if not dated:
        return []
    day = max(d for d, _, _ in dated)
    # every event of that day, the most widely reported first: when the sentence of one
    # cannot stand alone, another's may tell the day
    return [key for _, _, key in sorted(x for x in dated if x[0] == day)]


def _dated_text(cand: Candidate, item: Analyzed) -> str:
    """The sentence with the date of each relative day word stated ("on Friday (16 May)")."""
    times = [
        t
        for t in item.analysis.times
        if cand.span.start <= t.span.start and t.span.end <= cand.span.end
    ]
    pub = item.article.published
    year = int(pub[:4]) if pub and pub[:4].isdigit() else None
    return state_dates(cand.text, times, year)


def _agreed_claims(claims: Sequence[StoryClaim], dups: Mapping[str, str]) -> list[str]:
    """Fact keys of the figures at least two independent sources give, most sources first."""
    agreed = [
        (c.independent or len({dups.get(a, a) for a in c.articles}), claim_key(c.measure, c.value))
        for c in claims
        if base_measure(c.measure) in SUMMARY_FACTS
    ]
    ranked = sorted((pair for pair in agreed if pair[0] >= 2), key=lambda p: -p[0])
    return list(dict.fromkeys(key for _, key in ranked))


def _fact_spans(
    claims: Sequence[StoryClaim],
    quotes: Sequence[StoryQuote],
    timeline: Sequence[TimelineEntry],
) -> dict[str, list[tuple[Span, str]]]:
    """Where each story fact sits, per article: (span, fact key) of every citation."""
    spans: dict[str, list[tuple[Span, str]]] = {}
    groups: list[tuple[str, Sequence[Citation]]] = [
        *((f"claim:{i}", c.citations) for i, c in enumerate(claims)),
        *((claim_key(c.measure, c.value), c.citations) for c in claims),
        *((f"quote:{i}", q.citations) for i, q in enumerate(quotes)),
        *((f"event:{i}", t.citations) for i, t in enumerate(timeline) if not t.background),
    ]
    for key, cites in groups:
        for c in cites:
            if c.span is not None:
                spans.setdefault(c.article, []).append((c.span, key))
    return spans


def _in_originals(
    spans: dict[str, list[tuple[Span, str]]], items: Sequence[Analyzed], dups: Mapping[str, str]
) -> dict[str, list[tuple[Span, str]]]:
    """Fact spans with a fact cited only in a copy also found in its original, where the
    original has the same words (sentences are taken from originals only)."""
    if not dups:
        return spans
    texts = {i.article.id: i.article.text for i in items}
    out = {a: list(v) for a, v in spans.items()}
    for copy in dups:
        original = original_of(copy, dups)
        if copy not in texts or original not in texts:
            continue
        own = {(s.start, s.end, k) for s, k in out.get(original, [])}
        for span, key in spans.get(copy, []):
            passage = texts[copy][span.start : span.end]
            at = texts[original].find(passage) if passage.strip() else -1
            if at >= 0 and (at, at + len(passage), key) not in own:
                out.setdefault(original, []).append((Span(at, at + len(passage)), key))
    return out


def _fact_weights(
    claims: Sequence[StoryClaim],
    quotes: Sequence[StoryQuote],
    timeline: Sequence[TimelineEntry],
    entities: Sequence[StoryEntity],
    dups: Mapping[str, str],
) -> dict[str, float]:
    """How much carrying each fact is worth: agreed, widely reported facts most."""

    def independent(articles: Sequence[str]) -> int:
        return len({dups.get(a, a) for a in articles})

    weights: dict[str, float] = {}
    for i, c in enumerate(claims):
        n = c.independent or independent(c.articles)
        weights[f"claim:{i}"] = 2.0 * n if n >= 2 else 1.0
    for i, q in enumerate(quotes):
        weights[f"quote:{i}"] = 0.5 * independent(q.articles)
    for i, t in enumerate(timeline):
        if not t.background:
            weights[f"event:{i}"] = 0.75 * independent(t.articles)
    ranked = sorted(entities, key=lambda e: -(len(e.articles) * 10 + e.mentions))[:8]
    for e in ranked:
        if e.label in CITED_NAME_LABELS:
            weights[f"ent:{e.name}"] = 0.25 * independent(e.articles)
    return weights


def _variant_index(entities: Sequence[StoryEntity]) -> dict[str, str]:
    index: dict[str, str] = {}
    for e in entities:
        for form in (e.name, *e.variants):
            index.setdefault(form.lower(), e.name)
    return index


def _select(
    pool: list[Candidate],
    weights: Mapping[str, float],
    limit: int,
    min_count: int,
    must: Sequence[str] = (),
    params: SummaryParams = SUMMARY,
    told: Sequence[Candidate] = (),
) -> list[Candidate]:
    """Greedy marginal coverage; a sentence repeating a chosen claim or wording is skipped.

    ``must`` are facts (the story's agreed figures) to tell when a supported sentence
    carries them; each week of a story told over several weeks is told too. ``told``
    are sentences already chosen (the latest development): nothing repeats them.
    """
    chosen: list[Candidate] = []
    # What ``told`` says is told, but its figures stay free: the main event may repeat
    # the toll the latest development recalls.
    covered: set[str] = {f for c in told for f in c.facts if not f.startswith(("claim", "num:"))}
    periods = {f for c in pool for f in c.facts if f.startswith("period:") and f in weights}
    periods = periods if len(periods) > 1 else set()
    needed = {f for f in must if any(f in c.facts for c in pool)}
    while pool and len(chosen) < limit:
        # Once the slots left are no more than the facts and weeks not yet told, only a
        # sentence telling one of them may take a slot.
        untold = (periods | needed) - covered
        pick = pool
        if untold and len(untold) >= limit - len(chosen):
            pick = [c for c in pool if c.facts & untold] or pool
        best = max(pick, key=lambda c: _gain(c, weights, covered))
        pool.remove(best)
        claims = {f for f in best.facts if f.startswith(("claim:", "claimv:"))}
        if claims & covered:
            continue
        if any(_same_statement(best, c, params) for c in chosen):
            continue
        if any(_same_statement(best, c, params) for c in told):
            continue
        if _gain(best, weights, covered) <= 0 and len(chosen) >= min_count:
            break
        chosen.append(best)
        covered |= best.facts
    return chosen


def _same_statement(a: Candidate, b: Candidate, params: SummaryParams) -> bool:
    """Two sentences say the same when one's passages cite the other or their words agree.

    Sharing a figure (not a year) lowers the bar: "shares fell 18 per cent" and
    "the stock had fallen 18 per cent" are one fact in two wordings.
    """
    if set(a.support) & set(b.support):
        return True
    similarity = cosine(a.words, b.words)
    figures = {v for v in a.numbers & b.numbers if not is_year(v) and v > 1}
    return similarity > (
        params.redundant_cosine_with_figure if figures else params.redundant_cosine
    )


def _gain(c: Candidate, weights: Mapping[str, float], covered: set[str]) -> float:
    """A sentence's worth given what the summary already says."""
    new = math.fsum(weights.get(f, 0.0) for f in c.facts - covered)
    return (c.score + 0.15 * new) * (1.0 + 0.6 * (c.independent - 1))


def _story_order(
    chosen: list[Candidate],
    docs: Mapping[str, Doc],
    timeline: Sequence[TimelineEntry],
    recent_days: int,
    main: Sequence[str] = (),
    fact_spans: FactIndex | None = None,
) -> list[Candidate]:
    """The order that reads as a story.

    The main event first (a sentence telling ``main``, the most widely agreed
    figure, and not a quotation; then the most independent support), then the rest
    by the day the sentence states (the earliest, near the story's dates: what a
    reader sees), else by the day of the event it tells (in its own report or a
    report supporting it) when that is close to that report's date (a recalled event
    would pull a sentence to the front), else by
    the day of the sentence before it in its report, else by the report's date; on
    one day the earlier report first, a report's sentences together in its order.
    """
    if not chosen:
        return []
    one = len({c.article for c in chosen}) == 1
    # The main event leads: a sentence telling the story's most widely agreed figure,
    # not a quotation, the most independent sources support (of one report: its
    # first sentence that is not a quotation).
    lead = max(
        chosen,
        key=lambda c: (
            not c.refers,
            not c.text.startswith(QUOTE_OPENERS),
            -c.order if one else 0,
            bool(c.facts & set(main)),
            c.independent,
            c.score,
        ),
    )
    event_dates = {
        f"event:{i}": t.date for i, t in enumerate(timeline) if t.date and not t.background
    }

    reported = sorted(p[:10] for doc in docs.values() if (p := doc.item.article.published))
    window = (
        (_shift(reported[0], -STATED_WINDOW), _shift(reported[-1], STATED_WINDOW))
        if reported
        else ("", "")
    )

    def day(c: Candidate) -> str:
        stated = _stated_day(c, docs[c.article], window) if reported else ""
        if stated:
            return stated  # the day the sentence shows is the day a reader places it on
        # the events it tells, as it or any report supporting it dates them
        told = [(c.article, c.facts)] + [
            (p.article, facts_of(p.article, p.span, fact_spans))
            for p in c.support
            if fact_spans is not None and p.span is not None and p.article in docs
        ]
        events = [
            (d[:10], (docs[article].item.article.published or "")[:10])
            for article, facts in told
            for f in facts
            if (d := event_dates.get(f))
        ]
        # an event close to its report's date first; a sentence telling only an event
        # recalled from weeks before ("Authorities were dispatched to the bar at 12:47
        # a.m.", in a report of the arrest) is placed on that event's day, unless it is
        # history (before the window of the story's reports)
        near = [d for d, published in events if _near(d, published, recent_days)]
        recalled = [
            d
            for d, published in events
            if DAY.fullmatch(d) and window[0] <= d and (not published or d <= published)
        ]
        return min(near or recalled, default="")

    days: dict[int, str] = {}
    # an undated sentence goes on from the one before it in its report, else its report's day
    for article in dict.fromkeys(c.article for c in chosen):
        published = (docs[article].item.article.published or "")[:10]
        last = ""
        for c in sorted((c for c in chosen if c.article == article), key=lambda c: c.order):
            last = day(c) or last
            days[id(c)] = last or ("" if one else published or "9999")
    # on one day: the earlier report first (it tells what was planned before what was
    # done), a report's sentences together in its order, the more central report first
    rank = {a: n for n, a in reversed(list(enumerate(c.article for c in chosen)))}
    rest = sorted(
        (c for c in chosen if c is not lead),
        key=lambda c: (
            days[id(c)],
            (docs[c.article].item.article.published or "")[:10],
            rank[c.article],
            c.order,
        ),
    )
    return [lead, *rest]


def _stated_day(c: Candidate, doc: Doc, window: tuple[str, str]) -> str:
    """The earliest calendar day the sentence itself states, within ``window`` (a birth
    date or an anniversary is not the day of the news)."""
    days = [
        d
        for t in doc.item.analysis.times
        if c.span.start <= t.span.start and t.span.end <= c.span.end and t.text in c.text
        if (d := calendar_day(t)) and window[0] <= d <= window[1]
    ]
    return min(days, default="")


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


def _near(day: str, published: str, days: int) -> bool:
    """Whether an event day lies within ``days`` before (or on) the publication day."""
    try:
        gap = (date.fromisoformat(published) - date.fromisoformat(day)).days
    except ValueError:
        return not published
    return -1 <= gap <= days


def _tfidf(words: set[str], idf: Mapping[str, float]) -> dict[str, float]:
    return {w: idf.get(w, 1.0) for w in words}
