"""Each input format becomes Articles with the right text and metadata."""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_samples import ATOM, EXAMPLES, PAGE, RSS, make_warc

from storyline.ingest import InputError, iter_articles

Write = Callable[[str, bytes | str], Path]


def test_ingest_txt_keeps_text_and_reads_headline(write: Write) -> None:
    raw = "Storm closes Velmar port\r\n\r\nThe port closed on Sunday.\r\nShips waited.\r\n"
    path = write("storm.txt", raw.encode("utf-8"))
    [article] = iter_articles([path])
    assert article.text == raw.replace("\r\n", "\n")
    assert article.title == "Storm closes Velmar port"
    assert article.text.startswith(article.title)
    assert article.path == str(path)
    assert len(article.id) == 16 and article.content_hash.startswith(article.id)


def test_ingest_txt_sentence_first_line_is_not_a_title(write: Write) -> None:
    path = write("a.txt", "The port of Velmar closed on Sunday.\nShips waited offshore.\n")
    [article] = iter_articles([path])
    assert article.title is None


def test_ingest_txt_utf8_bom_and_utf16_decoded(write: Write) -> None:
    text = "Café owners in Velmar count the cost of the flood.\n"
    bom = write("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    utf16 = write("u16.txt", text.encode("utf-16"))
    assert [a.text for a in iter_articles([bom, utf16])] == [text, text]


def test_ingest_html_main_text_and_metadata(write: Write) -> None:
    path = write("page.html", PAGE)
    [article] = iter_articles([path])
    assert article.title == "Dam gates opened as river rises at Velmar"
    assert article.source == "Riverside Herald"
    assert article.author == "Olga Brenner"
    assert article.published is not None and article.published.startswith("2024-10-02")
    assert "Engineers opened two gates" in article.text
    assert "Home" not in article.text.split("\n")  # navigation is not article text
    assert "\n\n" in article.text  # paragraphs kept apart


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ("valleypost.example:80", "valleypost.example"),
        ("news.valley.example:8443", "news.valley.example"),
        ("Valley Post: 24 Hours", "Valley Post: 24 Hours"),
        ("Route 80", "Route 80"),
    ],
)
def test_ingest_outlet_host_named_without_its_port(write: Write, given: str, named: str) -> None:
    path = write("in.jsonl", json.dumps({"text": "A report.", "source": given}) + "\n")
    (article,) = iter_articles([path])
    assert article.source == named


def test_ingest_jsonl_text_exact_and_id_kept(write: Write) -> None:
    text = "  Line one.\r\nLine two with trailing spaces   \n\n\tTabbed.  "
    rows = [
        {
            "id": "own-id-1",
            "text": text,
            "title": "T",
            "source": "Valley Post",
            "published": "2024-10-07",
        },
        {"text": "A second report, without an id.", "url": "https://valley.example/2"},
    ]
    path = write("in.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    first, second = iter_articles([path])
    assert first.text == text
    assert first.id == "own-id-1"
    assert (first.title, first.source, first.published) == ("T", "Valley Post", "2024-10-07")
    assert first.path == f"{path}::1"
    assert len(second.id) == 16 and second.url == "https://valley.example/2"


def test_ingest_json_array_of_articles(write: Write) -> None:
    path = write("in.json", json.dumps([{"text": "One report."}, {"text": "Another report."}]))
    assert [a.text for a in iter_articles([path])] == ["One report.", "Another report."]


def test_ingest_rss_entries_with_feed_title_as_source(write: Write) -> None:
    path = write("valley.rss", RSS)
    first, second = iter_articles([path])
    assert first.source == "Valley Post"
    assert first.title == "Bridge closed after barge strike"
    assert first.url == "https://valley.example/a"
    assert first.published == "2024-10-07T09:00:00+02:00"
    assert first.text == (
        "The Osten bridge was closed on Monday after a barge hit one of its piers.\n\n"
        "Divers will inspect the pier on Tuesday."
    )
    assert "<" not in second.text


def test_ingest_atom_entry(write: Write) -> None:
    path = write("harbour.atom", ATOM)
    [article] = iter_articles([path])
    assert (article.source, article.author) == ("Harbour Notes", "Ines Roth")
    assert article.url == "https://harbour.example/crane"
    assert article.published == "2024-11-03T18:20:00+00:00"
    assert article.text.startswith("A container crane toppled")


def test_ingest_warc_reads_html_responses(write: Write) -> None:
    image = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
    data = make_warc(
        [
            ("https://herald.example/dam", PAGE.encode("utf-8"), "text/html; charset=utf-8"),
            ("https://herald.example/logo.png", image, "image/png"),
        ]
    )
    for name, content in (("crawl.warc", data), ("crawl.warc.gz", gzip.compress(data))):
        [article] = iter_articles([write(name, content)])
        assert article.url == "https://herald.example/dam"
        assert article.path is not None and article.path.endswith("::https://herald.example/dam")
        assert article.published is not None and article.published.startswith("2024-10-02")
        assert not article.published_estimated


def test_ingest_warc_capture_date_is_an_estimate(write: Write) -> None:
    page = "<html><body><article>" + "<p>The ferry to Osten was cancelled again today.</p>" * 8
    data = make_warc([("https://x.example/ferry", page.encode(), "text/html")], gzip=True)
    [article] = iter_articles([write("c.warc.gz", data)])
    assert article.published == "2024-10-03"
    assert article.published_estimated


def test_ingest_folder_is_recursive_sorted_and_skips_hidden(write: Write, tmp_path: Path) -> None:
    write("b.txt", "Second report text here.\n")
    write("a/z.txt", "Nested report text here.\n")
    write("a/.hidden.txt", "Hidden text.\n")
    write(".git/x.txt", "Hidden folder.\n")
    write("README.md", "# About this folder\n")
    write("notes.csv", "a,b\n")
    write("manifest.csv", "file,source\nb.txt,Valley Post\n")
    articles = list(iter_articles([tmp_path]))
    assert [Path(a.path or "").name for a in articles] == ["z.txt", "b.txt"]


def test_ingest_same_file_twice_read_once(write: Write, tmp_path: Path) -> None:
    path = write("a.txt", "One report only.\n")
    assert len(list(iter_articles([tmp_path, path]))) == 1


def test_ingest_same_text_gives_same_id(write: Write) -> None:
    one = write("one.txt", "Floods hit Velmar.\n\nThe river rose overnight.\n")
    two = write("two.txt", "Floods hit Velmar.\r\n\r\nThe river  rose overnight.")
    three = write("three.txt", "Floods hit Osten.\n\nThe river rose overnight.\n")
    a, b, c = iter_articles([one, two, three])
    assert a.id == b.id and a.content_hash == b.content_hash
    assert c.id != a.id


def test_ingest_examples_corpus_reads_cleanly() -> None:
    errors: list[InputError] = []
    articles = list(iter_articles([EXAMPLES], on_error=errors.append))
    assert errors == []
    assert len(articles) == 11
    assert len({a.id for a in articles}) == 11
    by_name = {Path((a.path or "").split("::")[0]).name: a for a in articles}
    wire = by_name["northwire-krasnobir-derailment.txt"]
    assert (wire.source, wire.published) == ("Northwire", "2025-03-11")
    copy = by_name["halven-post-krasnobir.txt"]
    assert (copy.source, copy.published) == ("Halven Evening Post", None)
    assert by_name["krasnobir-line-reopens.txt"].source is None
    page = by_name["meridian-ledger-krasnobir.html"]
    assert (page.source, page.published) == ("The Meridian Ledger", "2025-03-11")
    assert "Dorovsky" in page.text
    sources = {a.source for a in articles}
    assert {"Radio Krasnobir", "The Daily Tally", "Northern Towns Gazette"} <= sources


def test_ingest_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Storm hits Velmar\n\nThe storm hit on Monday.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [article] = iter_articles(["-"])
    assert (article.path, article.title) == ("<stdin>", "Storm hits Velmar")


def test_ingest_url_is_not_fetched() -> None:
    errors: list[InputError] = []
    assert list(iter_articles([Path("https://valley.example/a")], on_error=errors.append)) == []
    assert "not fetched" in errors[0].reason
