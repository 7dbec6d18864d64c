"""A local HTTP server on 127.0.0.1 for the live tests: routes set per test, requests recorded.

Only ever bound to the loopback address; tests never send a packet elsewhere.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape


@dataclass
class Reply:
    """What a route answers."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between body bytes (a slow body)
    length: bool = True  # send Content-Length


@dataclass(frozen=True)
class Seen:
    """A request the server received."""

    path: str
    headers: dict[str, str]


Route = Reply | Callable[[Seen], Reply]


class LocalServer:
    """A threaded HTTP/1.0 server on 127.0.0.1 with a port chosen by the system."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                server.requests.append(seen)
                route = server.routes.get(self.path, Reply(404, b"not here"))
                reply = route(seen) if callable(route) else route
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    if reply.length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.drip:
                        for n in range(len(reply.body)):
                            self.wfile.write(reply.body[n : n + 1])
                            self.wfile.flush()
                            time.sleep(reply.drip)
                    else:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                del format, args

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def start_process(self) -> Any:
        """Serve from a forked child process instead (benchmarks: no shared GIL); routes are
        frozen at the fork and requests are not recorded. Returns the process to terminate."""
        import multiprocessing

        child = multiprocessing.get_context("fork").Process(
            target=self._httpd.serve_forever, args=(0.05,), daemon=True
        )
        child.start()
        return child

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def rss(items: list[dict[str, str]], *, title: str = "Test Wire", extra: str = "") -> bytes:
    """An RSS 2.0 feed; each item dict has guid, link, title, description, date."""
    parts = []
    for item in items:
        parts.append(
            "<item>"
            f"<guid>{escape(item['guid'])}</guid><link>{escape(item['link'])}</link>"
            f"<title>{escape(item.get('title', 'A report'))}</title>"
            f"<description>{escape(item.get('description', ''))}</description>"
            f"<pubDate>{item.get('date', formatdate(1780000000, usegmt=True))}</pubDate>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">'
        f"<channel><title>{escape(title)}</title>{extra}{''.join(parts)}</channel></rss>"
    ).encode()


def page(title: str, paragraphs: list[str], *, date: str = "2026-05-28") -> bytes:
    """A news page with navigation, a cookie banner and related links around the article."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | Harbour Courier</title>
<meta property="og:site_name" content="Harbour Courier">
<meta property="article:published_time" content="{date}T08:00:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<article><h1>{escape(title)}</h1>{body}</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/x">Subscribe now for unlimited access</a></li></ul></aside>
<footer>Copyright Harbour Courier. All rights reserved.</footer>
</body></html>""".encode()


def story_paragraphs(place: str, n: int) -> list[str]:
    """Invented report text (our own words) about a ferry in ``place``, report ``n``."""
    return [
        f"The harbour authority in {place} said on Tuesday that the night ferry had been "
        f"suspended after a fault in its steering gear, the {n}th notice this month.",
        f"Officials told reporters that 240 passengers were moved to a second vessel and "
        f"that repairs in {place} would take at least three days.",
        "A spokesperson for the operator said engineers were inspecting the ship and that "
        "refunds would be offered to everyone whose journey was cancelled.",
    ]
