"""Who reported what: a story's key facts against its outlets, copies collapsed.

A column is one independent source: an outlet's original reports, with every
copy (syndication, near-duplicate) folded into the original it copies. A row is
one key fact: an agreed claim, a disputed measure (each cell shows the value that
outlet gives), a quote, or a dated event. Facts that only one source carries are
listed apart: they are the ones a reader should weigh with care.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from storyline.lexicon.measures import claim_what
from storyline.model import Analyzed, Article, Coverage, CoverageFact, Outlet, Story, StoryClaim
from storyline.story.dedup.minhash import original_of

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
        label = f"{_number(cl.value)} {claim_what(cl.counted, cl.measure)}"
        label += f": {cl.about}" if cl.about else ""
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
    # Events named in a word or two ("Russia said") say too little to list.
    single = tuple(
        f
        for f in facts
        if f.sources == 1
        and f not in in_dispute
        and (
            f.kind == "claim"
            or (f.kind == "event" and len(f.label.split(": ", 1)[-1].split()) >= 4)
        )
    )[:MAX_SINGLE]
    return Coverage(
        outlets=outlets,
        facts=key,
        single_source=single,
        reports=len(story.articles),
        independent=len(outlets),
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
        name = source or (art.title if art and art.title else aid)
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
