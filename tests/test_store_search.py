"""Search on SQLite (FTS5) and PostgreSQL (tsvector): same filters, ranking and result shape."""

from __future__ import annotations

from storyline.model import Article
from storyline.store import Store
from storyline.store.search import HIT_CLOSE, HIT_OPEN, RANKED_MATCHES, Filters, window
from storyline.store.served import EntityRow, OutletRow, Published, PublishedStory


def _story(
    num: int, title: str, summary: str, *, last: str, disputed: bool = False, outlet: str = "Wire"
) -> PublishedStory:
    return PublishedStory(
        id=f"s-{num}",
        storyline=f"line-{num % 2}",
        title=title,
        first=last,
        last=last,
        reports=1,
        sources=1,
        disputed=disputed,
        names=("Ilsa Brandt",) if num == 1 else (),
        story_json="{}",
        page="<p></p>",
        etag=f"e-{num}",
        entities=(EntityRow("ilsa-brandt", "Ilsa Brandt", "PERSON", 2),) if num == 1 else (),
        outlets=(OutletRow(outlet, 1, False, ()),),
        summary=summary,
    )


def _served(db: str) -> None:
    with Store(db) as store, store.batch():
        reports = [
            ("r1", "Harbour wall breached", "The harbour wall gave way at dawn.", "Wire", "s-1"),
            (
                "r2",
                "Ferry delayed",
                "The ferry waited while the harbour was cleared.",
                "Post",
                "s-2",
            ),
            ("r3", "Market day", "Stalls filled the square.", "Wire", "s-3"),
        ]
        for n, (aid, title, text, source, story) in enumerate(reports):
            store.add_article(
                Article(
                    id=aid,
                    text=text,
                    title=title,
                    source=source,
                    published=f"2025-03-0{n + 1}",
                    content_hash=aid,
                )
            )
            store.save_placement(aid, story, "line")
    with Published(db) as served:
        served.publish(
            [
                _story(1, "Harbour wall breached", "Water over the quay.", last="2025-03-01"),
                _story(
                    2,
                    "Ferry delayed",
                    "The harbour was closed for a day.",
                    last="2025-03-05",
                    disputed=True,
                    outlet="Post",
                ),
                _story(3, "Market day", "Stalls and music.", last="2025-03-09"),
            ]
        )


def test_store_search_stories_ranked_title_first_with_filters(db_target: str) -> None:
    _served(db_target)
    with Published(db_target, readonly=True) as served:
        ids = [s.id for s in served.ranked_stories(Filters(q="harbour"))]
        assert ids == ["s-1", "s-2"]  # in the title beats in the summary
        assert [s.id for s in served.ranked_stories(Filters(q="harbour closed"))] == ["s-2"]
        assert [s.id for s in served.ranked_stories(Filters(q="harbour", disputed=True))] == ["s-2"]
        assert [s.id for s in served.ranked_stories(Filters(q="harbour", outlet="Wire"))] == ["s-1"]
        by_name = served.ranked_stories(Filters(q="harbour", entity="ilsa-brandt"))
        assert [s.id for s in by_name] == ["s-1"]
        since = served.ranked_stories(Filters(q="harbour", since="2025-03-02"))
        assert [s.id for s in since] == ["s-2"]
        assert served.ranked_stories(Filters(q="harb")) == []  # whole words only
        # Words, not syntax: operators and quotes in the input are taken literally.
        assert served.ranked_stories(Filters(q='"harbour" OR NEAR( -x *')) == []
        assert served.ranked_stories(Filters(q="!!! ???")) == []
        listed = served.stories(Filters(q="brandt"), limit=10)  # names are indexed too
        assert [s.id for s in listed] == ["s-1"]


def test_store_search_reports_with_snippet_story_and_filters(db_target: str) -> None:
    _served(db_target)
    with Published(db_target, readonly=True) as served:
        hits = served.ranked_reports(Filters(q="harbour"))
        assert [h.article_id for h in hits] == ["r1", "r2"]  # title first
        first = hits[0]
        assert (first.title, first.source, first.published, first.story_id) == (
            "Harbour wall breached",
            "Wire",
            "2025-03-01",
            "s-1",
        )
        assert f"{HIT_OPEN}harbour{HIT_CLOSE}" in first.snippet.lower()
        assert [
            h.article_id for h in served.ranked_reports(Filters(q="harbour", outlet="Post"))
        ] == ["r2"]
        until = served.ranked_reports(Filters(q="harbour", until="2025-03-01"))
        assert [h.article_id for h in until] == ["r1"]
        disputed = served.ranked_reports(Filters(q="harbour", disputed=True))
        assert [h.article_id for h in disputed] == ["r2"]
        assert served.ranked_reports(Filters(q="")) == []


def test_store_search_window_ranks_only_the_newest_of_very_many_matches() -> None:
    assert window(RANKED_MATCHES, 10_000) == 0
    assert window(RANKED_MATCHES * 4, 10_000) == 7_500
    assert window(10_000, 10_000) == 10_000 - RANKED_MATCHES


def test_store_search_postgresql_indexes_a_report_that_committed_late(pg_url: str) -> None:
    """A report missed by one publish (its writer had not committed) is indexed by the next."""
    _served(pg_url)
    with Store(pg_url) as store:  # r2 as a writer that committed late would leave it
        store.connection.execute(
            "DELETE FROM report_search WHERE num = (SELECT rowid FROM articles WHERE id = 'r2')"
        )
    with Published(pg_url) as served:
        assert served.ranked_reports(Filters(q="ferry")) == []
        served.publish([])
        assert [h.article_id for h in served.ranked_reports(Filters(q="ferry"))] == ["r2"]


def test_store_search_data_version_moves_when_another_connection_writes(db_target: str) -> None:
    _served(db_target)
    with Published(db_target, readonly=True) as reader:
        before = reader.data_version()
        if not db_target.startswith("postgresql://"):  # a server's WAL moves with any write
            assert reader.data_version() == before
        with Published(db_target) as writer:
            writer.publish([_story(4, "Bridge reopens", "Traffic again.", last="2025-03-10")])
        assert reader.data_version() != before
