"""Who reported what: a story's key facts against its outlets, copies collapsed.

A column is one independent source: an outlet's original reports, with every
copy (syndication, near-duplicate) folded into the original it copies. A row is
one key fact: an agreed claim, a disputed measure (each cell shows the value that
outlet gives), a quote, or a dated event. Facts that only one source carries are
listed apart: they are the ones a reader should weigh with care.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from storyline.analyze.numbers.parse import word_value
from storyline.lexicon.measures import claim_what
from storyline.model import (
    Analyzed,
    Article,
    Coverage,
    CoverageFact,
    Outlet,
    Span,
    Story,
    StoryClaim,
    TimelineEntry,
)
from storyline.story.dedup.minhash import original_of
from storyline.story.facts import SINGLE, leans_back, state_of

#: Rows shown in the matrix at most (conflicts always are).
MAX_FACTS = 20
#: Facts listed as carried by one source at most.
MAX_SINGLE = 15
#: Cell text for a fact the outlet reports, and for one whose wording it altered.
REPORTED, ALTERED = "yes", "altered"


def build_coverage(
    story: Story, items: Sequence[Analyzed], duplicate_of: Mapping[str, str]
) -> Coverage:
    """Key facts x outlets (who reported what, who left what out), copies collapsed."""
    articles = {i.article.id: i.article for i in items}
    outlets = _outlets(story.articles, articles, duplicate_of)
    column = {a: n for n, o in enumerate(outlets) for a in (*o.articles, *o.copies)}

    def cells(reported: Iterable[tuple[str, str]]) -> tuple[str, ...]:
        row = [""] * len(outlets)
        for article, mark in reported:
            n = column.get(article)
            if n is not None and (not row[n] or row[n] == REPORTED):
                row[n] = mark
        return tuple(row)

    facts: list[CoverageFact] = []
    for c in story.conflicts:
        marks = [(a, _number(v.value)) for v in c.values for a in v.articles]
        label = f"{_words(c.measure)}: {c.about}" if c.about else _words(c.measure)
        ids = tuple(dict.fromkeys(a for v in c.values for a in v.articles))
        facts.append(CoverageFact("conflict", label, _join_cells(outlets, marks, column), ids))
    # One figure is one row, however many claim records the comparison made of it.
    figures: dict[tuple[str, float], list[StoryClaim]] = {}
    for cl in story.claims:
        figures.setdefault((cl.measure, round(cl.value, 4)), []).append(cl)
    disputed = {(c.measure, round(v.value, 4)) for c in story.conflicts for v in c.values}
    in_dispute: set[CoverageFact] = set()  # one side of a dispute: shown there, not as lone
    for figure, group in figures.items():
        cl = max(group, key=lambda g: len(g.articles))
        label = _claim_label(cl)
        ids = tuple(dict.fromkeys(a for g in group for a in g.articles))
        fact = CoverageFact("claim", label, cells((a, REPORTED) for a in ids), ids)
        facts.append(fact)
        if figure in disputed:
            in_dispute.add(fact)
    for q in story.quotes:
        words = _clip(q.text.rstrip(" ,;:"), 90)
        label = f"{q.speaker or 'unnamed'}: “{words}”"
        marks = [(a, ALTERED if a in q.altered else REPORTED) for a in q.articles]
        facts.append(CoverageFact("quote", label, cells(marks), q.articles))
    for t in story.timeline:
        if not t.background:
            label = f"{t.date or 'undated'}: {_clip(t.text, 90)}"
            facts.append(
                CoverageFact("event", label, cells((a, REPORTED) for a in t.articles), t.articles)
            )
    facts = _merge_same(facts, in_dispute)
    kinds = {"conflict": 0, "claim": 1, "event": 2, "quote": 3}
    ranked = sorted(facts, key=lambda f: (f.kind != "conflict", -f.sources, kinds[f.kind]))
    key = tuple(f for f in ranked if f.kind == "conflict" or f.sources >= 1)[:MAX_FACTS]
    # Quotes are one outlet's by nature; a lone figure or event is what to weigh with care.
    # A figure is listed as its fact's state says (one truth per fact); an event that
    # states a figure is that figure's; events named in a word or two ("Russia said"),
    # or leaning on a sentence not shown ("It said"), say too little to list.
    lone = {
        _claim_label(cl)
        for cl in story.claims
        if state_of(story.facts, cl.measure, cl.value, cl.about) == SINGLE
        and any(f.readable for f in story.facts if f.measure == cl.measure and f.about == cl.about)
    }
    figure_spans = _figure_spans(story)
    events = {t.text: t for t in story.timeline}
    single = tuple(
        f
        for f in facts
        if f.sources == 1
        and f not in in_dispute
        and (
            (f.kind == "claim" and f.label in lone)
            or (
                f.kind == "event"
                and len(f.label.split(": ", 1)[-1].split()) >= 4
                and not leans_back(f.label.split(": ", 1)[-1])
                and not _states_figure(events, f.label, figure_spans)
                and not _states_disputed(f.label, disputed)
            )
        )
    )[:MAX_SINGLE]
    return Coverage(
        outlets=outlets,
        facts=key,
        single_source=single,
        reports=len(story.articles),
        independent=len(outlets),
    )


def _claim_label(cl: StoryClaim) -> str:
    """ "6 people killed: derailment on train", "1 person injured": a figure's row label."""
    counted = "person" if cl.value == 1 and cl.counted == "people" else cl.counted
    label = f"{_number(cl.value)} {claim_what(counted, cl.measure)}"
    return label + (f": {cl.about}" if cl.about else "")


def _figure_spans(story: Story) -> dict[str, list[tuple[Span, float]]]:
    """Per article, the passages that give one of the story's figures, with the figure."""
    cites = [(c, cl.value) for cl in story.claims for c in cl.citations]
    cites += [(c, v.value) for cf in story.conflicts for v in cf.values for c in v.citations]
    out: dict[str, list[tuple[Span, float]]] = {}
    for c, value in cites:
        if c.span is not None:
            out.setdefault(c.article, []).append((c.span, value))
    return out


def _states_figure(
    events: Mapping[str, TimelineEntry],
    label: str,
    spans: Mapping[str, Sequence[tuple[Span, float]]],
) -> bool:
    """Whether a timeline event says one of the story's figures, from the passage giving it."""
    text = label.split(": ", 1)[-1].removesuffix("…")
    for t_text, t in events.items():
        if not t_text.startswith(text):
            continue
        said = _values_said(t_text)
        for c in t.citations:
            near = spans.get(c.article, ()) if c.span is not None else ()
            if any(c.span is not None and c.span.overlaps(s) and v in said for s, v in near):
                return True
    return False


def _states_disputed(label: str, disputed: set[tuple[str, float]]) -> bool:
    """Whether an event line says one side of a disputed figure ("Three men were killed"
    while killed is disputed, 3 against 5): the dispute shows it, with its outlets."""
    text = label.split(": ", 1)[-1]
    said = _values_said(text)
    return any(value in said and names_measure(text, measure) for measure, value in disputed)


def _values_said(text: str) -> set[float]:
    """The numbers a line says, in figures or in words ("3", "three", "1,200")."""
    return {v for w in re.findall(r"[\w,.½¼¾-]+", text) if (v := word_value(w)) is not None}


def names_measure(text: str, measure: str) -> bool:
    """Whether a line uses the measure's word ("killed", "killing"), not a noun that only
    looks like it ("two shots" fired are not two people shot)."""
    word = measure.split("_")[0]
    lowered = text.lower()
    return any(
        m.group(0) != word + "s" for m in re.finditer(rf"\b{re.escape(word[:4])}\w*", lowered)
    )


def _merge_same(facts: list[CoverageFact], marked: set[CoverageFact]) -> list[CoverageFact]:
    """Rows with the same kind and label as one row (cells and articles joined)."""
    merged: dict[tuple[str, str], CoverageFact] = {}
    for f in facts:
        seen = merged.get((f.kind, f.label))
        if seen is None:
            merged[(f.kind, f.label)] = f
            continue
        cells = tuple(a or b for a, b in zip(seen.cells, f.cells, strict=True))
        ids = tuple(dict.fromkeys((*seen.articles, *f.articles)))
        joined = CoverageFact(f.kind, f.label, cells, ids)
        if seen in marked or f in marked:
            marked.add(joined)
        merged[(f.kind, f.label)] = joined
    return list(merged.values())


def _outlets(
    ids: Sequence[str], articles: Mapping[str, Article], duplicate_of: Mapping[str, str]
) -> tuple[Outlet, ...]:
    """Group originals by outlet (by article when the outlet is unknown); fold copies in."""
    groups: dict[str, tuple[str, list[str], list[str]]] = {}
    for aid in ids:
        original = original_of(aid, duplicate_of)
        if original != aid and original in ids:
            continue
        art = articles.get(aid)
        source = art.source.strip() if art and art.source else ""
        key = f"src:{source.lower()}" if source else f"id:{aid}"
        name = source or (art.title if art and art.title else f"report {ids.index(aid) + 1}")
        groups.setdefault(key, (name, [], []))[1].append(aid)
    where = {a: key for key, (_, originals, _) in groups.items() for a in originals}
    for aid in ids:
        original = original_of(aid, duplicate_of)
        if original != aid and original in where:
            groups[where[original]][2].append(aid)
    return tuple(Outlet(name, tuple(orig), tuple(copies)) for name, orig, copies in groups.values())


def _join_cells(
    outlets: Sequence[Outlet], marks: Sequence[tuple[str, str]], column: Mapping[str, int]
) -> tuple[str, ...]:
    """Cells listing every value an outlet gives (an outlet may give two)."""
    values: list[list[str]] = [[] for _ in outlets]
    for article, mark in marks:
        n = column.get(article)
        if n is not None and mark not in values[n]:
            values[n].append(mark)
    return tuple(" / ".join(v) for v in values)


def _words(measure: str) -> str:
    """A measure as words: "killed_per_week" -> "killed per week"."""
    return measure.replace("_", " ")


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
