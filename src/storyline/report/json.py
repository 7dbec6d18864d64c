"""The JSON contracts (version 1): ``stories.json`` and the per-article analyze records.

Field names follow docs/output.md, which documents every one of them. Fields
beyond the ARCHITECTURE contract are only ever added, never renamed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from storyline.model import (
    Article,
    ArticleAnalysis,
    Citation,
    Conflict,
    Digest,
    Figure,
    Span,
    Story,
    StoryClaim,
)
from storyline.report.jsontext import dumps_indented

#: The contract version written to ``stories.json``.
VERSION = 1

Canonical = Callable[[str, str], str]


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    """The ``stories.json`` document for a digest: contract version 1 plus added fields."""
    return {
        "version": VERSION,
        "articles": [_article(a, digest) for a in digest.articles],
        "stories": [story_to_dict(s) for s in digest.stories],
        "storylines": [to_jsonable(line) for line in digest.storylines],
    }


def write_json(digest: Digest, path: Path) -> Path:
    """Write ``stories.json`` (UTF-8, keys sorted) and return its path."""
    path.write_text(dumps(digest_to_dict(digest)) + "\n", encoding="utf-8")
    return path


def dumps(document: Any) -> str:
    """Serialise a contract document the one way storyline writes JSON: as
    ``json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)`` does, written by
    :func:`~storyline.report.jsontext.dumps_indented` (the same text, faster)."""
    return dumps_indented(document)


def _article(article: Article, digest: Digest) -> dict[str, Any]:
    return article_to_dict(
        article,
        digest.duplicate_of.get(article.id),
        digest.date_evidence.get(article.id, ()),
    )


def article_to_dict(
    article: Article, duplicate_of: str | None, date_evidence: Sequence[str]
) -> dict[str, Any]:
    """One entry of ``stories.json``'s ``articles`` (the text is not in it)."""
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "published_estimated": article.published_estimated,
        "path": article.path or article.url,
        "url": article.url,
        "author": article.author,
        "duplicate_of": duplicate_of,
        "date_evidence": list(date_evidence),
    }


# --- stories.json from kept parts -------------------------------------------------------
# ``dumps`` indents by one space a level; an entry of the ``articles`` or ``stories``
# list sits two levels deep. Entries dumped alone and indented by two spaces are
# therefore the very lines ``dumps`` gives for the whole document.


def entry_text(entry: Any) -> str:
    """One list entry of ``stories.json`` as it appears in the file."""
    return "  " + dumps_indented(entry, 2)


def write_json_entries(
    path: Path, articles: Iterable[str], stories: Iterable[str], storylines: Iterable[str] = ()
) -> Path:
    """Write ``stories.json`` from entries made by :func:`entry_text`: the same bytes as
    :func:`write_json` gives for the same digest, without holding the document."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write("{\n")
        parts = (("articles", articles), ("stories", stories), ("storylines", storylines))
        for name, entries in parts:
            out.write(f' "{name}": [')
            first = True
            for text in entries:
                out.write("\n" if first else ",\n")
                out.write(text)
                first = False
            out.write("],\n" if first else "\n ],\n")
        out.write(f' "version": {VERSION}\n}}\n')
    tmp.replace(path)
    return path


def story_to_dict(story: Story) -> dict[str, Any]:
    """One story as the contract spells it."""
    disputed = {(c.measure, c.about) for c in story.conflicts}
    states = {(f.measure, f.about, v): f.state for f in story.facts for v in f.values}
    out: dict[str, Any] = {
        "id": story.id,
        "title": story.title,
        "storyline": story.storyline,
        "articles": list(story.articles),
        "summary": [
            {
                "text": s.text,
                "citations": list(s.citations),
                "passages": [_citation(c) for c in s.passages],
            }
            for s in story.summary
        ],
        "timeline": [
            {
                "date": t.date,
                "granularity": t.granularity,
                "text": t.text,
                "articles": list(t.articles),
                "background": t.background,
                "citations": [_citation(c) for c in t.citations],
                "disputed_dates": [
                    {"date": d, "articles": list(arts)} for d, arts in t.disputed_dates
                ],
            }
            for t in story.timeline
        ],
        "entities": [
            {
                "name": e.name,
                "label": e.label,
                "variants": list(e.variants),
                "articles": list(e.articles),
                "mentions": e.mentions,
            }
            for e in story.entities
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "text": q.text,
                "variants": list(q.variants),
                "articles": list(q.articles),
                "kind": q.kind,
                "altered": list(q.altered),
                "speakers": list(q.speakers),
                "citations": [_citation(c) for c in q.citations],
            }
            for q in story.quotes
        ],
        "claims": [
            _claim(c, (c.measure, c.about) in disputed, states.get((c.measure, c.about, c.value)))
            for c in story.claims
        ],
        "conflicts": [_conflict(c) for c in story.conflicts],
        "disputes": [to_jsonable(d) for d in story.disputes],
        "facts": [to_jsonable(f) for f in story.facts],
        "changes": [to_jsonable(c) for c in story.changes],
        "duplicate_of": dict(story.duplicate_of),
        "date_evidence": {a: list(why) for a, why in story.date_evidence.items()},
        "figures": [_figure(f) for f in story.figures],
    }
    if story.coverage is not None:
        out["coverage"] = to_jsonable(story.coverage)
    return out


def _claim(c: StoryClaim, disputed: bool, state: str | None = None) -> dict[str, Any]:
    return {
        "measure": c.measure,
        "value": number(c.value),
        "about": c.about,
        "attribution": c.attribution,
        "articles": list(c.articles),
        "qualifier": c.qualifier,
        "counted": c.counted,
        "independent": c.independent,
        "disputed": disputed,
        "state": state,
        "citations": [_citation(x) for x in c.citations],
    }


def _conflict(c: Conflict) -> dict[str, Any]:
    return {
        "measure": c.measure,
        "about": c.about,
        "kind": c.kind,
        "values": [
            {
                "value": number(v.value),
                "articles": list(v.articles),
                "attribution": v.attribution,
                "qualifier": v.qualifier,
                "citations": [_citation(x) for x in v.citations],
            }
            for v in c.values
        ],
    }


def _figure(f: Figure) -> dict[str, Any]:
    return {
        "measure": f.measure,
        "value": number(f.value),
        "status": f.status,
        "articles": list(f.articles),
        "citations": [_citation(x) for x in f.citations],
        "derived": f.derived,
        "reason": f.reason,
        "values": [
            {
                "value": number(v.value),
                "articles": list(v.articles),
                "citations": [_citation(x) for x in v.citations],
            }
            for v in f.values
        ],
    }


def _citation(c: Citation) -> dict[str, Any]:
    return {
        "article": c.article,
        "start": c.span.start if c.span else None,
        "end": c.span.end if c.span else None,
    }


def number(value: float) -> int | float:
    """9.0 is written 9: counts read as counts."""
    return int(value) if float(value).is_integer() else value


def to_jsonable(value: Any) -> Any:
    """Records, spans, tuples and mappings as plain JSON values."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value  # the commonest values first (as the last test below answers)
    if isinstance(value, Span):
        return {"start": value.start, "end": value.end}
    if isinstance(value, Citation):
        return _citation(value)
    names = _record_fields(kind)
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [to_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, float):
        return number(value)
    if value is None or isinstance(value, str | int | bool):
        return value
    return str(value)


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _record_fields(kind: type) -> tuple[str, ...] | None:
    """The field names of a record class, in order (None for any other class), read once."""
    if kind not in _FIELDS:
        fields = dataclasses.fields(kind) if dataclasses.is_dataclass(kind) else None
        _FIELDS[kind] = None if fields is None else tuple(f.name for f in fields)
    return _FIELDS[kind]


def analysis_to_dict(
    article: Article, analysis: ArticleAnalysis, canonical: Canonical | None = None
) -> dict[str, Any]:
    """One line of ``storyline analyze`` output: the article and every offset found in it."""
    canon: Canonical = canonical or (lambda _a, name: name)
    aid = article.id
    return {
        "id": aid,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "published_estimated": article.published_estimated,
        "path": article.path,
        "author": article.author,
        "text": article.text,
        "boilerplate": [
            {"start": b.span.start, "end": b.span.end, "kind": b.kind} for b in analysis.boilerplate
        ],
        "sentences": [{"start": s.start, "end": s.end} for s in analysis.sentences],
        "entities": [
            {
                "start": m.span.start,
                "end": m.span.end,
                "text": m.text,
                "label": m.label,
                "key": m.key,
                "canonical": canon(aid, m.key),
            }
            for m in analysis.entities
        ],
        "times": [
            {
                "start": t.span.start,
                "end": t.span.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "granularity": t.granularity,
                "rel": t.rel,
            }
            for t in analysis.times
        ],
        "quotes": [
            {
                "start": q.span.start,
                "end": q.span.end,
                "text": q.text,
                "kind": q.kind,
                "speaker": canon(aid, q.speaker) if q.speaker else None,
                "speaker_key": q.speaker,
                "speaker_start": q.speaker_span.start if q.speaker_span else None,
                "speaker_end": q.speaker_span.end if q.speaker_span else None,
                "cue": q.cue,
            }
            for q in analysis.quotes
        ],
        "claims": [
            {
                "start": c.span.start,
                "end": c.span.end,
                "measure": c.measure,
                "value": number(c.value),
                "value_max": None if c.value_max is None else number(c.value_max),
                "qualifier": c.qualifier,
                "counted": c.counted,
                "attribution": c.attribution,
                "date": c.date,
                "about": c.about,
                "sentence_start": c.sentence.start,
                "sentence_end": c.sentence.end,
            }
            for c in analysis.claims
        ],
    }
