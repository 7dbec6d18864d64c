"""From assembled stories to the served tables, and the one adapter to the digest machinery.

:func:`published_story` turns a story of a digest into the rows that the pages,
the API, the feeds and search read; the page is rendered by the same view and
template as the static report (:mod:`storyline.report.html`), with the server's
links. :func:`place_pending` is the only place where the server places reports:
through the incremental digest (:mod:`storyline.update`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from storyline.model import Article, Coverage, Digest, Story
from storyline.report.html import Site, render_story_html
from storyline.report.json import story_to_dict
from storyline.report.view import items_of
from storyline.store import Store
from storyline.store.served import EntityRow, OutletRow, Published, PublishedStory, QuoteRow
from storyline.story.coverage import build_coverage
from storyline.update import analyse_pending, load_digest, update_stories

#: How the server's pages link to each other and load their assets.
SERVER_SITE = Site(index="/", stories="/stories/", storylines="/storylines/", assets="/static/")

#: Names a story's listing shows.
LISTED_NAMES = 6


def entity_key(name: str) -> str:
    """The URL key of a person's or organisation's name: lower case words joined by '-'."""
    return re.sub(r"[\W_]+", "-", name.casefold()).strip("-") or "-"


def published_story(story: Story, digest: Digest, site: Site = SERVER_SITE) -> PublishedStory:
    """The served rows of one story: listing fields, contract object, page, names, outlets."""
    by_id = {a.id: a for a in digest.articles}
    story_json = json.dumps(story_to_dict(story), ensure_ascii=False, sort_keys=True)
    page = render_story_html(story, digest, site)
    dates = sorted(
        d for d in ((by_id[a].published or "")[:10] for a in story.articles if a in by_id) if d
    )
    coverage = story.coverage or build_coverage(
        story, items_of(story, digest), {**digest.duplicate_of, **story.duplicate_of}
    )
    names = [e.name for e in sorted(story.entities, key=lambda e: -len(e.articles))]
    etag = hashlib.sha256((story_json + "\0" + page).encode("utf-8")).hexdigest()[:24]
    return PublishedStory(
        id=story.id,
        storyline=story.storyline,
        title=story.title,
        first=dates[0] if dates else "",
        last=dates[-1] if dates else "",
        reports=len(story.articles),
        sources=coverage.independent,
        disputed=bool(story.disputes or story.conflicts)
        or any(t.disputed_dates for t in story.timeline),
        names=tuple(names[:LISTED_NAMES]),
        story_json=story_json,
        page=page,
        etag=etag,
        entities=tuple(
            EntityRow(entity_key(e.name), e.name, e.label, e.mentions)
            for e in story.entities
            if e.label in {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}
        ),
        quotes=tuple(
            QuoteRow(entity_key(q.speaker), q.text, q.kind, _outlets(q.articles, by_id))
            for q in story.quotes
            if q.speaker
        ),
        outlets=_outlet_rows(story, by_id, coverage),
        summary=" ".join(s.text for s in story.summary),
    )


def _outlets(articles: Iterable[str], by_id: Mapping[str, Article]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for a in articles:
        source = by_id[a].source if a in by_id else None
        if source:
            seen[source] = None
    return tuple(seen)


def _outlet_rows(
    story: Story, by_id: Mapping[str, Article], coverage: Coverage
) -> tuple[OutletRow, ...]:
    """Per outlet: its reports, whether it alone carries some fact, where it disagrees."""
    reports: dict[str, int] = {}
    for a in story.articles:
        source = by_id[a].source if a in by_id else None
        if source:
            reports[source] = reports.get(source, 0) + 1
    alone: set[str] = set()
    for fact in coverage.single_source:
        for outlet, cell in zip(coverage.outlets, fact.cells, strict=False):
            if cell:
                alone.add(outlet.name)
    disagrees: dict[str, list[str]] = {o: [] for o in reports}
    for c in story.conflicts:
        what = c.measure.replace("_", " ") + (f", {c.about}" if c.about else "")
        for value in c.values:
            own = set(_outlets(value.articles, by_id))
            others = [
                _number(v.value)
                for v in c.values
                if v is not value and set(_outlets(v.articles, by_id)) - own
            ]
            for name in own:
                if others:
                    disagrees[name].append(
                        f"{what}: {_number(value.value)} (others: {', '.join(others)})"
                    )
    return tuple(
        OutletRow(o, n, o in alone, tuple(dict.fromkeys(disagrees[o]))) for o, n in reports.items()
    )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def publish_digest(db: str | Path, digest: Digest, *, prune: bool = True) -> list[str]:
    """Publish every story of a digest; returns the ids of the stories that changed."""
    rows = [published_story(s, digest) for s in digest.stories]
    with Published(db) as served:
        return served.publish(rows, prune=prune)


Placer = Callable[[str | Path], list[str]]
"""Places the stored reports that have no story yet; returns the ids of changed stories."""


def place_pending(
    db: str | Path, *, model: str | None = None, jobs: int | None = None, max_sentences: int = 6
) -> list[str]:
    """Analyse and place the stored reports that have no story yet, then publish.

    Incremental (:mod:`storyline.update`): only the stories that the new reports
    changed are assembled again and published, so the cost follows what is new.
    When fewer stories are published than stored (a database a digest made, or a
    first start), every stored story is published once.
    """
    with Store(db) as store:
        analyse_pending(store, model=model, jobs=jobs)
        update = update_stories(store, max_sentences=max_sentences)
        with Published(db, readonly=True) as served:
            published, _ = served.counts()
        complete = published == update.stories
        if complete and not update.changed and not update.removed:
            return []
        digest = load_digest(store, update.changed if complete else None)
    if not complete:
        return publish_digest(db, digest)
    rows = [published_story(story, digest) for story in digest.stories]
    with Published(db) as served:
        return served.publish(rows, withdraw=update.removed)
