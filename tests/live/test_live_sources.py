"""SOURCES files: TOML tables and OPML outlines; bad files named in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.live.sources import Source, SourcesError, load_sources


def test_sources_toml_feeds_and_sitemaps(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[feed]]\nurl = "https://a.example/rss"\nname = "A News"\ninterval = 900\n\n'
        '[[feed]]\nurl = "https://b.example/atom"\n\n'
        '[[sitemap]]\nurl = "https://c.example/news.xml"\n'
        '[[feed]]\nurl = "https://a.example/rss"\n'  # the same URL again: once
    )
    assert load_sources(path) == [
        Source("https://a.example/rss", "feed", "A News", 900.0),
        Source("https://b.example/atom", "feed"),
        Source("https://c.example/news.xml", "sitemap"),
    ]


def test_sources_opml_outlines(tmp_path: Path) -> None:
    path = tmp_path / "subs.opml"
    path.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>'
        '<outline text="World"><outline text="A News" type="rss" xmlUrl="https://a.example/rss"/>'
        '<outline title="B" xmlUrl="http://b.example/feed"/></outline>'
        '<outline text="no feed here" htmlUrl="https://c.example/"/></body></opml>'
    )
    assert load_sources(path) == [
        Source("https://a.example/rss", "feed", "A News"),
        Source("http://b.example/feed", "feed", "B"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[[feed]]\nname = 'x'\n", "url missing"),
        ("[[feed]]\nurl = 'ftp://a.example/x'\n", "only http and https"),
        ("[[feed]]\nurl = 'https://a.example/'\ninterval = -5\n", "positive number"),
        ("[[feed]]\nurl = 'https://a.example/'\nevery = 5\n", "unknown key"),
        ("[[feeds]]\nurl = 'https://a.example/'\n", "unknown table"),
        ("[feed]\nurl = 'https://a.example/'\n", "array of tables"),
        ("[[feed\n", "not valid TOML"),
        ("# nothing\n", "no ..feed"),
    ],
)
def test_sources_bad_toml_named(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(text)
    with pytest.raises(SourcesError, match=reason) as caught:
        load_sources(path)
    assert str(path) in str(caught.value)


def test_sources_opml_entities_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.opml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body/></opml>')
    with pytest.raises(SourcesError, match="DOCTYPE"):
        load_sources(path)
