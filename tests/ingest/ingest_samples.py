"""Sample inputs for the ingestion tests, in our own words (fiction), and a WARC builder."""

from __future__ import annotations

import io
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Dam gates opened as river rises at Velmar | Riverside Herald</title>
<meta property="og:site_name" content="Riverside Herald">
<meta property="og:title" content="Dam gates opened as river rises at Velmar">
<meta name="author" content="Olga Brenner">
<meta property="article:published_time" content="2024-10-02T07:30:00+02:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Dam gates opened as river rises at Velmar</h1>
<p>Engineers opened two gates of the Velmar dam on Tuesday night as the river rose to its
highest level in a decade, the regional water board said.</p>
<p>About 300 people living downstream were told to move to higher ground before dawn, and
schools in three villages stayed closed on Wednesday.</p>
<p>"We would rather release the water slowly now than lose control of it tomorrow," the
board's chief engineer, Marta Kessler, told reporters at the dam.</p>
<p>Forecasters expect the rain to ease by the weekend, but warned that the ground was already
saturated after the wettest September on record.</p>
</article>
<footer><p>© 2024 Riverside Herald</p></footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Post</title><link>https://valley.example/</link>
<item><title>Bridge closed after barge strike</title><link>https://valley.example/a</link>
<pubDate>Mon, 07 Oct 2024 09:00:00 +0200</pubDate>
<description>&lt;p&gt;The Osten bridge was closed on Monday after a barge hit one of its
piers.&lt;/p&gt;&lt;p&gt;Divers will inspect the pier on Tuesday.&lt;/p&gt;</description></item>
<item><title>Ferry timetable changes</title><link>https://valley.example/b</link>
<pubDate>Tue, 08 Oct 2024 10:00:00 +0200</pubDate>
<description>Winter ferry times start next week, the operator said.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title>
<entry><title>Crane toppled in storm</title><link href="https://harbour.example/crane"/>
<updated>2024-11-03T18:20:00Z</updated><author><name>Ines Roth</name></author>
<content type="html">&lt;p&gt;A container crane toppled onto the quay during Sunday's storm.
Nobody was hurt, the port authority said.&lt;/p&gt;</content></entry>
</feed>
"""


def make_warc(pages: list[tuple[str, bytes, str]], *, gzip: bool = False) -> bytes:
    """A WARC file with one response record per (url, body, content type)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, body, content_type in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),  # known length: warcio then needs no temporary file
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-10-03T12:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()
