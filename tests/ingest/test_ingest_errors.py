"""Bad inputs are named in one line, skipped, and the rest is read."""

from __future__ import annotations

import gzip
import json
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_samples import PAGE, make_warc

from storyline.ingest import InputError, iter_articles

Write = Callable[[str, bytes | str], Path]
GOOD = "A good report about the Velmar floods.\n"


def _read(paths: list[Path | str]) -> tuple[list[str], list[InputError]]:
    errors: list[InputError] = []
    texts = [a.text for a in iter_articles(paths, on_error=errors.append)]
    return texts, errors


def test_ingest_error_is_one_line_path_colon_reason() -> None:
    error = InputError("examples/x.bin", "binary file (not text, HTML, feed or WARC)")
    assert str(error) == "examples/x.bin: binary file (not text, HTML, feed or WARC)"
    assert (error.path, error.reason) == ("examples/x.bin", error.reason)
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.reason) == (error.path, error.reason)


def test_ingest_png_is_binary_and_skipped(write: Write) -> None:
    png = write("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    good = write("good.txt", GOOD)
    texts, errors = _read([png, good])
    assert texts == [GOOD]
    [error] = errors
    assert error.path == str(png)
    assert "binary file" in error.reason and "\n" not in str(error)


def test_ingest_nul_bytes_are_binary(write: Write) -> None:
    _, [error] = _read([write("blob", b"abc\x00\x01\x02def" * 100)])
    assert error.reason.startswith("binary file")


def test_ingest_empty_and_blank_files(write: Write) -> None:
    _, errors = _read([write("empty.txt", b""), write("blank.txt", b"  \n\n\t ")])
    assert [e.reason.split(" (")[0] for e in errors] == ["empty file", "empty file"]


def test_ingest_file_over_5mb_of_text_refused(write: Write) -> None:
    big = write("big.txt", ("The river rose again today. " * 220_000).encode())
    texts, [error] = _read([big, write("good.txt", GOOD)])
    assert texts == [GOOD]
    assert error.reason.startswith("too large")


def test_ingest_latin1_text_decoded_as_cp1252(write: Write) -> None:
    data = b"Caf\xe9 owners in V\xe4lmar count the cost \x96 and the mayor\x92s promise.\n"
    texts, errors = _read([write("legacy.txt", data)])
    assert errors == []
    assert texts == ["Café owners in Välmar count the cost – and the mayor’s promise.\n"]


def test_ingest_undecodable_bytes_refused(write: Write) -> None:
    noise = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xC3, 0x28, 0xE2, 0x82]) * 200
    _, [error] = _read([write("noise.txt", b"Report: " + noise)])
    assert "cannot decode" in error.reason or "binary" in error.reason


def test_ingest_malformed_html_refused(write: Write) -> None:
    _, [error] = _read([write("broken.html", "<html><body><p>unclosed")])
    assert "HTML" in error.reason


def test_ingest_broken_feed_refused(write: Write) -> None:
    _, [error] = _read([write("broken.xml", "<rss><channel><title>X</titl></channel>")])
    assert error.reason.startswith("malformed feed")


def test_ingest_truncated_feed_keeps_complete_entries(write: Write) -> None:
    feed = (
        "<rss><channel><title>Valley Post</title><item><title>A</title>"
        "<description>The first entry is complete.</description></item><item><title>B"
    )
    texts, [error] = _read([write("cut.rss", feed)])
    assert texts == ["The first entry is complete."]
    assert error.reason.startswith("malformed feed")


@pytest.mark.parametrize("compressed", [False, True])
def test_ingest_truncated_warc_keeps_earlier_records(write: Write, compressed: bool) -> None:
    pages = [(f"https://h.example/{n}", PAGE.encode(), "text/html") for n in range(3)]
    data = make_warc(pages, gzip=compressed)
    cut = data[: int(len(data) * 0.8)]
    texts, errors = _read([write("cut.warc.gz" if compressed else "cut.warc", cut)])
    assert len(texts) == 2
    [error] = errors
    assert "truncated" in error.reason


def test_ingest_jsonl_bad_line_skips_only_that_line(write: Write) -> None:
    lines = [
        json.dumps({"text": "First report."}),
        '{"text": "unterminated',
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Last report."}),
    ]
    path = write("in.jsonl", "\n".join(lines) + "\n")
    texts, errors = _read([path])
    assert texts == ["First report.", "Last report."]
    assert [e.path for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "malformed JSON" in errors[0].reason
    assert '"text"' in errors[1].reason


def test_ingest_missing_file_reported(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    _, [error] = _read([missing])
    assert str(error) == f"{missing}: no such file or directory"


def test_ingest_without_handler_raises_first_error(write: Write) -> None:
    with pytest.raises(InputError, match="empty file"):
        list(iter_articles([write("empty.txt", b"")]))


def test_ingest_truncated_gzip_reported(write: Write) -> None:
    data = gzip.compress(("Report text. " * 2000).encode())
    _, [error] = _read([write("cut.txt.gz", data[: len(data) // 2])])
    assert "gzip" in error.reason


def test_ingest_html_declared_charset_used(write: Write) -> None:
    body = "<p>Les habitants de Vélmar ont été évacués mardi soir, a déclaré la préfecture.</p>" * 3
    head = '<html><head><meta charset="iso-8859-15"></head>'
    page = f"{head}<body><article>{body}</article></body></html>"
    [article] = iter_articles([write("fr.html", page.encode("iso-8859-15"))])
    assert "évacués" in article.text


def test_ingest_xml_that_is_not_a_feed(write: Write) -> None:
    _, [error] = _read(
        [write("doc.xml", "<?xml version='1.0'?><Document><token>a</token></Document>")]
    )
    assert "not an RSS or Atom feed" in error.reason
