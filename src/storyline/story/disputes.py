"""Every disagreement of a story, of every kind, with its sides.

Figures come from the claim comparison (``Conflict``: ``number``, or ``update`` for
a rising toll); dates from the timeline (an event the reports date differently);
attributions from the grouped quotes (one quote, different speakers, each side read
back from the report's own quote so that only speakers a report gives are sides).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.model import (
    Analyzed,
    Conflict,
    Dispute,
    DisputeSide,
    StoryQuote,
    TimelineEntry,
)


def find_disputes(
    items: Sequence[Analyzed],
    conflicts: Sequence[Conflict],
    timeline: Sequence[TimelineEntry],
    quotes: Sequence[StoryQuote],
) -> tuple[Dispute, ...]:
    """Figure, date and attribution disputes of one story, in that order."""
    out = [_figure(c) for c in conflicts]
    for t in timeline:
        if t.disputed_dates:
            sides = tuple(DisputeSide(d, tuple(arts)) for d, arts in t.disputed_dates)
            out.append(Dispute("date", f"when: {t.text}", sides))
    by_id = {i.article.id: i for i in items}
    for q in quotes:
        if len(set(q.speakers)) > 1:
            # Only sides some report actually gives: a speaker no report names is noise.
            named = tuple(side for side in _speaker_sides(q, by_id) if side.articles)
            if len(named) > 1:
                out.append(Dispute("attribution", f"who said “{q.text}”", named))
    return tuple(out)


def _figure(c: Conflict) -> Dispute:
    sides = tuple(
        DisputeSide(
            value=_plain(v.value),
            articles=v.articles,
            sources=(v.attribution,) if v.attribution else (),
            citations=v.citations,
            amount=v.value,
            qualifier=v.qualifier,
        )
        for v in c.values
    )
    measure = c.measure.replace("_", " ")
    return Dispute(c.kind, f"{measure}, {c.about}" if c.about else measure, sides)


def _plain(value: float) -> str:
    """A figure as stored: 9.0 is "9"."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _speaker_sides(quote: StoryQuote, items: Mapping[str, Analyzed]) -> tuple[DisputeSide, ...]:
    """Which reports give which speaker, read back from each article's own quote."""
    by_speaker: dict[str, list[str]] = {s: [] for s in quote.speakers}
    for c in quote.citations:
        item = items.get(c.article)
        if item is None or c.span is None:
            continue
        for q in item.analysis.quotes:
            if q.speaker and q.span.overlaps(c.span):
                match = _matching_speaker(q.speaker, quote.speakers)
                if match and c.article not in by_speaker[match]:
                    by_speaker[match].append(c.article)
                break
    return tuple(DisputeSide(s, tuple(arts), (s,)) for s, arts in by_speaker.items())


def _matching_speaker(key: str, speakers: Sequence[str]) -> str | None:
    key_words = set(key.lower().split())
    for s in speakers:
        if s == key or key_words & set(s.lower().split()):
            return s
    return None
