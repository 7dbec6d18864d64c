"""Content decides the reader; the suffix only breaks ties."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_samples import PAGE, RSS, make_warc

from storyline.ingest import iter_articles
from storyline.ingest.sniff import sniff

Write = Callable[[str, bytes | str], Path]


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"\x1f\x8b\x08\x00", "x.txt", "gzip"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "crawl", "warc"),
        (b"<?xml version='1.0'?>\n<rss version='2.0'>", "feed.txt", "feed"),
        (b"<?xml version='1.0'?><!-- c --><feed xmlns='x'>", "", "feed"),
        (b"<!DOCTYPE html><html>", "page.txt", "html"),
        (b"  <html lang='en'>", "", "html"),
        (b'{"text": "a"}\n{"text": "b"}\n', "data.txt", "jsonl"),
        (b'[{"text": "a"}]', "data.json", "json"),
        (b"{Editor's note} This report was updated.", "note.txt", "text"),
        (b"Plain words about a flood.", "x.html", "html"),
        (b"Plain words about a flood.", "x.txt", "text"),
        (b"\xef\xbb\xbf<rss>", "", "feed"),
        ("<html><body>".encode("utf-16"), "", "html"),
    ],
)
def test_sniff_kinds(head: bytes, name: str, kind: str) -> None:
    assert sniff(head, name) == kind


def test_ingest_html_without_suffix_is_extracted(write: Write) -> None:
    [article] = iter_articles([write("saved-page", PAGE)])
    assert article.source == "Riverside Herald"
    assert "<p>" not in article.text


def test_ingest_feed_named_txt_is_a_feed(write: Write) -> None:
    articles = list(iter_articles([write("feed.txt", RSS)]))
    assert [a.source for a in articles] == ["Valley Post", "Valley Post"]


def test_ingest_gzipped_jsonl_and_text(write: Write) -> None:
    rows = "\n".join(json.dumps({"text": t}) for t in ("One.", "Two."))
    jsonl = write("data.jsonl.gz", gzip.compress(rows.encode()))
    text = write("report.gz", gzip.compress(b"Floods hit Velmar.\n\nThe river rose.\n"))
    assert [a.text for a in iter_articles([jsonl, text])] == [
        "One.",
        "Two.",
        "Floods hit Velmar.\n\nThe river rose.\n",
    ]


def test_ingest_warc_without_suffix(write: Write) -> None:
    data = make_warc([("https://h.example/a", PAGE.encode(), "text/html")])
    [article] = iter_articles([write("capture.bin", data)])
    assert article.url == "https://h.example/a"
