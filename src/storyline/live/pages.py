"""An item's page read like an HTML input, or the feed's summary when the page fails.

The page goes through ingest's HTML reader (trafilatura: main text, title, date
and site name from the page's metadata). The outlet is the SOURCES ``name`` when
given, else the page's site name, else the feed's title. The feed's date fills
in when the page states none (it is the publisher's date, so not marked
estimated). An item whose page cannot be fetched or read keeps the feed's summary
as its text; the store marks it ``text_from = 'summary'``.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.ingest.article import make_article, too_large
from storyline.ingest.errors import InputError
from storyline.ingest.webpage import read_html
from storyline.live.address import UnsafeURLError
from storyline.live.fetcher import Fetched, FetchError
from storyline.live.items import Item
from storyline.model import Article

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: A summary shorter than this many words is not worth analysing as a report.
MIN_SUMMARY_WORDS = 8


def read_page(fetched: Fetched, item: Item | None, *, outlet: str | None) -> Article:
    """The article a fetched page holds; raises InputError when it holds none."""
    article = read_html(fetched.body, fetched.url, url=fetched.url, charset=fetched.charset)
    fills: dict[str, object] = {}
    if outlet:
        fills["source"] = outlet
    if item is not None:
        if article.published is None and item.published:
            fills["published"] = item.published
        if article.title is None and item.title:
            fills["title"] = item.title
    return replace(article, **fills) if fills else article  # type: ignore[arg-type]


def summary_article(
    item: Item, *, feed_url: str, outlet: str | None, why: str
) -> tuple[Article | None, str]:
    """The item's feed summary as an article (None when too short), and the note to keep."""
    words = len(item.summary.split())
    if words < MIN_SUMMARY_WORDS:
        return None, f"{why}; feed summary too short ({words} words)"
    if too_large(item.summary):
        return None, f"{why}; feed summary too large"
    article = make_article(
        item.summary,
        path=f"{feed_url}::{item.guid or item.url}",
        title=item.title,
        source=outlet,
        url=item.url,
        published=item.published,
    )
    return article, f"{why}; text is the feed summary"


def page_problem(error: Exception, url: str | None = None) -> str:
    """One line saying why the page at ``url`` gave no article (naming another URL if at fault)."""
    if isinstance(error, InputError):
        return error.reason
    if isinstance(error, FetchError | UnsafeURLError) and error.url == url:
        return error.reason
    return str(error)
