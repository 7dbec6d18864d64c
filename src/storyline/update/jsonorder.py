"""The lists of ``stories.json`` from the store: in full, or from the previous file's order.

A full write reads every entry's id, key and place in its list from the store
(:meth:`~storyline.store.stories.StoryTable.json_order`). A digest that knows what
changed since the previous file was written (the stories and storylines the report
log names, see :mod:`storyline.store.report_log`) instead keeps the previous file's
order (the index beside it records each entry's place) and reads only the changed
entries' ids, keys and places: the entries of stories and storylines that changed
are taken out and put back where their place says (or dropped, if they are gone),
and so are the articles of the changed stories and any article whose original (the
report it copies) changed. The counts are checked against the store; if they differ,
the order is read in full.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import cmp_to_key
from typing import Any

from storyline.report.json import article_to_dict, entry_text
from storyline.store import Store
from storyline.update.jsonfile import Entry, Rows, Section

#: An entry with its place: (id, key, what its list is ordered by).
Placed = tuple[str, str, Any]
#: Whether entry ``a`` comes before entry ``b`` in a list.
Before = Callable[[Placed, Placed], bool]


def _by_row(a: Placed, b: Placed) -> bool:
    return bool(a[2] < b[2])  # articles: in the order they were stored


def _newest_then_id(a: Placed, b: Placed) -> bool:
    return bool(a[2] > b[2] or (a[2] == b[2] and a[0] < b[0]))  # stories


def _newest_then_id_down(a: Placed, b: Placed) -> bool:
    return bool(a[2] > b[2] or (a[2] == b[2] and a[0] > b[0]))  # storylines


def merged(
    rows: Rows, changed: Collection[str], fresh: Sequence[Placed], before: Before
) -> list[Placed] | None:
    """The previous rows without the ``changed`` ids, with ``fresh`` put in their places.

    None when a kept row does not record its place (an index older than this code).
    """
    columns = zip(rows.ids, rows.keys, rows.orders, strict=True)
    kept: list[Placed] = [row for row in columns if row[0] not in changed]
    if not rows.all_ordered() and any(  # a kept row without its place: an older index
        not rows.has_order(i) and rows.ids[i] not in changed for i in range(len(rows))
    ):
        return None

    def compare(a: Placed, b: Placed) -> int:
        return -1 if before(a, b) else 1

    ordered = sorted(fresh, key=cmp_to_key(compare))
    out: list[Placed] = []
    pos = 0
    for entry in ordered:
        lo, hi = pos, len(kept)
        while lo < hi:
            mid = (lo + hi) // 2
            if before(kept[mid], entry):
                lo = mid + 1
            else:
                hi = mid
        out += kept[pos:lo]
        out.append(entry)
        pos = lo
    out += kept[pos:]
    return out


def json_sections(
    store: Store,
    duplicate_of: Mapping[str, str],
    stories: Collection[str] | None = None,
    storylines: Collection[str] = (),
) -> list[Section]:
    """The three lists of stories.json, in order, each entry with the key it is made from.

    With ``stories`` (the stories changed or gone since the previous file, and
    ``storylines`` likewise) the order is made from the previous file's.
    """
    table = store.stories

    def order(name: str) -> Callable[[], Sequence[Entry]]:
        def read() -> Sequence[Entry]:  # this list alone, not kept: its writer holds it
            return [_entry(name, e, duplicate_of) for e in table.json_order([name])[name]]

        return read

    def read_articles(ids: Sequence[str]) -> dict[str, str]:
        return {str(r[0]): _article_entry(r, duplicate_of) for r in table.article_rows_of(ids)}

    def update_articles(rows: Rows) -> Sequence[Entry] | None:
        assert stories is not None
        fresh: list[Placed] = [
            (i, f"{k}:{duplicate_of.get(i, '')}", o)
            for i, k, o in table.json_order_of("articles", stories)
        ]
        ids = {e[0] for e in fresh}
        for i, (entry_id, key) in enumerate(zip(rows.ids, rows.keys, strict=True)):
            # an article whose original changed, its story unchanged
            story_key, _, original = key.partition(":")
            if entry_id in ids or original == duplicate_of.get(entry_id, ""):
                continue
            if rows.has_order(i):
                fresh.append(
                    (entry_id, f"{story_key}:{duplicate_of.get(entry_id, '')}", rows.orders[i])
                )
                ids.add(entry_id)
        out = merged(rows, ids, fresh, _by_row)
        return out if out is not None and len(out) == table.count_placed() else None

    def update_of(name: str, changed: Collection[str], before: Before, count: int) -> Any:
        def update(rows: Rows) -> Sequence[Entry] | None:
            out = merged(rows, changed, table.json_order_of(name, changed), before)
            return out if out is not None and len(out) == count else None

        return None if stories is None else update

    return [
        Section(
            "articles",
            order("articles"),
            read_articles,
            None if stories is None else update_articles,
        ),
        Section(
            "stories",
            order("stories"),
            lambda ids: table.json_docs("stories", ids),
            update_of("stories", stories or (), _newest_then_id, table.count()),
        ),
        Section(
            "storylines",
            order("storylines"),
            lambda ids: table.json_docs("storylines", ids),
            update_of("storylines", storylines, _newest_then_id_down, table.count_storylines()),
        ),
    ]


def _entry(section: str, entry: Placed, duplicate_of: Mapping[str, str]) -> Placed:
    """An article's key names the original it copies too (its entry says so)."""
    entry_id, key, place = entry
    if section == "articles":
        return (entry_id, f"{key}:{duplicate_of.get(entry_id, '')}", place)
    return (entry_id, key, place)


def _article_entry(row: Sequence[Any], duplicate_of: Mapping[str, str]) -> str:
    """One article's entry: as kept when its story was assembled, or made from its row."""
    from storyline.model import Article

    aid, source, title, published, estimated, path, url, author, evidence, doc, orig = row
    if doc is not None and orig == duplicate_of.get(aid):
        return str(doc)
    article = Article(
        id=aid,
        text="",
        title=title,
        source=source,
        url=url,
        published=published,
        published_estimated=bool(estimated),
        path=path,
        author=author,
    )
    return entry_text(article_to_dict(article, duplicate_of.get(aid), json.loads(evidence)))
