"""Hypothesis strategies for hostile inputs, one family per reader, and the property they share.

Every strategy draws ``(file name, bytes)``: random bytes, valid samples cut short,
text mixing encodings, deeply nested or huge markup, JSON with wrong types, feeds
with hostile fields, WARC records whose lengths lie. :func:`read_one` writes the
file, reads it with :func:`storyline.ingest.iter_articles` and checks the one
property every input must keep: it becomes articles or one-line skips naming it,
and nothing else escapes.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

from ingest_samples import ATOM, PAGE, RSS, make_warc

from storyline.ingest import InputError, iter_articles
from storyline.model import Article

#: Inputs tried per family in this process; printed at the end of the run.
TRIED: Counter[str] = Counter()

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
#: ``brief`` (make test): a fixed handful per family; ``long`` (make fuzz): many, at random.
LONG_EXAMPLES = int(os.environ.get("STORYLINE_FUZZ_EXAMPLES", "400"))
settings.register_profile(
    "brief", max_examples=10, deadline=None, database=None, derandomize=True,
    suppress_health_check=_HEALTH,
)  # fmt: skip
settings.register_profile(
    "long",
    max_examples=LONG_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=_HEALTH,
)
settings.load_profile(os.environ.get("STORYLINE_FUZZ", "brief"))

SUFFIXES = ["", ".txt", ".html", ".xml", ".rss", ".json", ".jsonl", ".warc", ".gz", ".md"]
_JSONL = "\n".join(
    json.dumps({"id": f"r{n}", "text": t, "title": f"Report {n}", "published": "2024-10-0{n}"})
    for n, t in enumerate(
        ["The Osten bridge was closed on Monday after a barge struck a pier.",
         "Divers inspected the pier on Tuesday and found a crack below the waterline."],
        start=1,
    )
) + "\n"  # fmt: skip
_TEXT = (
    "Bridge closed after barge strike\n\nThe Osten bridge was closed on Monday after a "
    "barge hit one of its piers, the river authority said. Divers will inspect it.\n"
)
VALID: list[tuple[str, bytes]] = [
    ("page.html", PAGE.encode()),
    ("feed.rss", RSS.encode()),
    ("feed.atom", ATOM.encode()),
    ("lines.jsonl", _JSONL.encode()),
    ("story.txt", _TEXT.encode()),
    ("one.json", json.dumps({"text": _TEXT, "title": "Bridge"}).encode()),
    ("crawl.warc", make_warc([("https://herald.example/dam", PAGE.encode(), "text/html")])),
    ("crawl.warc.gz", make_warc([("https://h.example/d", PAGE.encode(), "text/html")], gzip=True)),
    ("lines.jsonl.gz", gzip.compress(_JSONL.encode())),
]


def random_bytes() -> st.SearchStrategy[tuple[str, bytes]]:
    """Any bytes under any name a folder walk reads."""
    return st.tuples(
        st.sampled_from(SUFFIXES).map(lambda s: f"random{s}"), st.binary(max_size=4096)
    )


def truncations() -> st.SearchStrategy[tuple[str, bytes]]:
    """A valid sample of each format, cut at any point (and maybe with junk after the cut)."""

    @st.composite
    def cut(draw: st.DrawFn) -> tuple[str, bytes]:
        name, data = draw(st.sampled_from(VALID))
        at = draw(st.integers(min_value=0, max_value=len(data)))
        tail = draw(st.binary(max_size=64) | st.just(b""))
        return name, data[:at] + tail

    return cut()


_ENCODINGS = ["utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le", "shift_jis", "koi8-r"]


def mixed_encodings() -> st.SearchStrategy[tuple[str, bytes]]:
    """Text whose pieces are encoded differently (a BOM, cp1252 quotes, UTF-16 in the middle)."""

    @st.composite
    def mixed(draw: st.DrawFn) -> tuple[str, bytes]:
        parts = []
        for _ in range(draw(st.integers(min_value=1, max_value=6))):
            text = draw(st.text(max_size=200))
            encoding = draw(st.sampled_from(_ENCODINGS))
            parts.append(text.encode(encoding, errors="replace"))
        if draw(st.booleans()):
            parts.insert(0, draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])))
        name = draw(st.sampled_from(["mixed.txt", "mixed.html", "mixed", "mixed.jsonl"]))
        return name, b"".join(parts)

    return mixed()


#: Markup drawn stays under this (a 21 MB page of nested tags takes trafilatura over a minute).
_MARKUP_BYTES = 1_000_000


def markup() -> st.SearchStrategy[tuple[str, bytes]]:
    """Deeply nested, unclosed, huge-attribute or entity-heavy HTML and XML."""

    @st.composite
    def page(draw: st.DrawFn) -> tuple[str, bytes]:
        size = draw(st.integers(min_value=0, max_value=200_000))  # one huge attribute, or
        depth = draw(st.integers(min_value=0, max_value=min(3000, _MARKUP_BYTES // (size + 20))))
        tag = draw(st.sampled_from(["div", "p", "span", "b", "article", "x:y", "table"]))
        closed = draw(st.booleans())
        words = draw(st.text(min_size=0, max_size=300))
        attribute = "a" * size  # deep nesting; together at most about _MARKUP_BYTES
        entity = draw(st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&bogus;", "&#9999999999;"]))
        body = f"<{tag} class='{attribute}'>" * depth + words + entity * 50
        if closed:
            body += f"</{tag}>" * depth
        head = draw(st.sampled_from(["<!DOCTYPE html><html><body>", "<?xml version='1.0'?>", ""]))
        name = draw(st.sampled_from(["deep.html", "deep.xml", "deep", "deep.rss"]))
        return name, (head + body).encode("utf-8", errors="surrogatepass")

    return page()


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
_FIELDS = ["id", "text", "title", "published", "url", "source", "author", "content", "date"]


def json_wrong_types() -> st.SearchStrategy[tuple[str, bytes]]:
    """JSON lines and JSON documents whose fields have any type (or are missing)."""

    @st.composite
    def doc(draw: st.DrawFn) -> tuple[str, bytes]:
        rows = draw(
            st.lists(
                st.dictionaries(st.sampled_from(_FIELDS), _JSON_VALUES | st.just(_TEXT))
                | _JSON_VALUES,
                min_size=1,
                max_size=5,
            )
        )
        if draw(st.booleans()):
            lines = [json.dumps(r, allow_nan=True) for r in rows]
            return "rows.jsonl", ("\n".join(lines) + "\n").encode()
        whole = rows if len(rows) > 1 else rows[0]
        return "doc.json", json.dumps(whole, allow_nan=True).encode()

    return doc()


_HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<![CDATA[<b>x</b>]]>",
        "&amp;&lt;&#0;&#x1F600;",
        "javascript:alert(1)",
        "Mon, 99 Foo 2024 99:99:99 +9999",
        "9999-99-99T99:99:99Z",
        "",
        " " * 100,
        "\u202eevil\u202c",
        "x" * 5000,
    ]
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def feeds() -> st.SearchStrategy[tuple[str, bytes]]:
    """RSS and Atom feeds whose entries carry hostile titles, links, dates and bodies."""

    field = _HOSTILE | st.text(max_size=120)

    @st.composite
    def feed(draw: st.DrawFn) -> tuple[str, bytes]:
        entries = []
        atom = draw(st.booleans())
        for _ in range(draw(st.integers(min_value=0, max_value=4))):
            title, link, date, body = (draw(field) for _ in range(4))
            raw = draw(st.booleans())  # a field left unescaped breaks the XML on purpose
            fix = (lambda s: s) if raw else _escape
            if atom:
                entries.append(
                    f"<entry><title>{fix(title)}</title><link href='{fix(link)}'/>"
                    f"<updated>{fix(date)}</updated><content type='html'>{fix(body)}</content>"
                    "</entry>"
                )
            else:
                entries.append(
                    f"<item><title>{fix(title)}</title><link>{fix(link)}</link>"
                    f"<pubDate>{fix(date)}</pubDate><description>{fix(body)}</description></item>"
                )
        if atom:
            text = (
                "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
                f"<title>T</title>{''.join(entries)}</feed>"
            )
        else:
            text = (
                "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>T</title>"
                f"{''.join(entries)}</channel></rss>"
            )
        return ("feed.atom" if atom else "feed.rss"), text.encode("utf-8", "surrogatepass")

    return feed()


def warc_bad_lengths() -> st.SearchStrategy[tuple[str, bytes]]:
    """WARC records whose Content-Length is short, long, negative, huge or not a number."""

    @st.composite
    def warc(draw: st.DrawFn) -> tuple[str, bytes]:
        records = []
        for n in range(draw(st.integers(min_value=1, max_value=3))):
            body = draw(st.sampled_from([PAGE.encode(), b"", draw(st.binary(max_size=300))]))
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
            length = draw(
                st.sampled_from([str(len(http))])
                | st.integers(min_value=-10, max_value=len(http) + 500).map(str)
                | st.sampled_from(["", "abc", "1e9", str(2**63), "0x10"])
            )
            head = (
                "WARC/1.0\r\nWARC-Type: response\r\n"
                f"WARC-Target-URI: https://news.example/{n}\r\n"
                "WARC-Date: 2024-10-03T12:00:00Z\r\n"
                f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {length}\r\n\r\n"
            )
            records.append(head.encode() + http + b"\r\n\r\n")
        data = b"".join(records)
        if draw(st.booleans()):
            return "bad.warc.gz", gzip.compress(data)
        return "bad.warc", data

    return warc()


FAMILIES = {
    "random bytes": random_bytes,
    "truncations": truncations,
    "mixed encodings": mixed_encodings,
    "deep or huge markup": markup,
    "JSON with wrong types": json_wrong_types,
    "hostile feeds": feeds,
    "WARC with bad lengths": warc_bad_lengths,
}


def read_one(folder: Path, family: str, name: str, data: bytes) -> list[Article]:
    """Write one input, read it, and check the shared property; return its articles."""
    TRIED[family] += 1
    path = folder / f"{TRIED[family]:06d}-{name}"
    path.write_bytes(data)
    errors: list[InputError] = []
    try:
        articles = list(iter_articles([path], on_error=errors.append))
    finally:
        path.unlink()
    assert articles or errors, "an input must become an article or a skip"
    for error in errors:
        line = str(error)
        assert "\n" not in line and "\r" not in line, line
        assert error.path.startswith(str(path)), line
        assert error.reason.strip(), line
    for article in articles:
        assert article.text.strip() and article.id and article.content_hash
        assert (article.path or "").startswith(str(path))
    return articles
