"""The fetcher against a local server: limits, timeouts, redirects, types, status codes."""

from __future__ import annotations

import gzip

import pytest
from live_server import LocalServer, Reply

from storyline.live.fetcher import Fetcher, FetchError, FetchPolicy

HTML = {"text/html"}
TYPE = {"Content-Type": "text/html; charset=utf-8"}


def loopback(host: str, port: int) -> list[str]:
    assert host == "127.0.0.1"
    return ["127.0.0.1"]


def fetcher(**limits: float) -> Fetcher:
    return Fetcher(FetchPolicy(allow_private=True, **limits), resolver=loopback)  # type: ignore[arg-type]


def test_fetcher_reads_a_page_with_its_charset(server: LocalServer) -> None:
    server.routes["/p"] = Reply(200, "<p>café</p>".encode("latin-1"),
                                {"Content-Type": "text/html; charset=ISO-8859-1"})  # fmt: skip
    with fetcher() as f:
        got = f.get(server.url("/p"), types=HTML)
    assert got.status == 200
    assert got.charset == "ISO-8859-1"
    assert got.content_type == "text/html"


def test_fetcher_refuses_loopback_unless_allowed(server: LocalServer) -> None:
    server.routes["/p"] = Reply(200, b"x", TYPE)
    with Fetcher(FetchPolicy(), resolver=loopback) as f, pytest.raises(Exception, match="loopback"):
        f.get(server.url("/p"), types=HTML)
    assert server.requests == []


def test_fetcher_oversized_body_stopped(server: LocalServer) -> None:
    server.routes["/big"] = Reply(200, b"a" * 300_000, TYPE)
    server.routes["/big-chunked"] = Reply(200, b"a" * 300_000, TYPE, length=False)
    with fetcher(max_bytes=100_000) as f:
        for path in ("/big", "/big-chunked"):
            with pytest.raises(FetchError, match="too large"):
                f.get(server.url(path), types=HTML)


def test_fetcher_gzip_bomb_stopped_by_the_size_limit(server: LocalServer) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    server.routes["/bomb"] = Reply(200, bomb, {**TYPE, "Content-Encoding": "gzip"})
    with fetcher(max_bytes=1_000_000) as f, pytest.raises(FetchError, match="too large"):
        f.get(server.url("/bomb"), types=HTML)


def test_fetcher_gzip_body_decoded(server: LocalServer) -> None:
    server.routes["/z"] = Reply(
        200, gzip.compress(b"<p>hello</p>"), {**TYPE, "Content-Encoding": "gzip"}
    )
    with fetcher() as f:
        assert f.get(server.url("/z"), types=HTML).body == b"<p>hello</p>"


def test_fetcher_slow_body_cut_at_the_deadline(server: LocalServer) -> None:
    server.routes["/slow"] = Reply(200, b"x" * 100, TYPE, drip=0.05)
    with (
        fetcher(total_timeout=0.5, read_timeout=2.0) as f,
        pytest.raises(FetchError, match="within"),
    ):
        f.get(server.url("/slow"), types=HTML)


def test_fetcher_read_timeout(server: LocalServer) -> None:
    server.routes["/late"] = Reply(200, b"x", TYPE, delay=1.5)
    with fetcher(read_timeout=0.3) as f, pytest.raises(FetchError, match="timed out"):
        f.get(server.url("/late"), types=HTML)


def test_fetcher_redirect_loop_refused(server: LocalServer) -> None:
    server.routes["/a"] = Reply(302, b"", {"Location": "/b"})
    server.routes["/b"] = Reply(301, b"", {"Location": server.url("/a")})
    with fetcher() as f, pytest.raises(FetchError, match="redirect loop"):
        f.get(server.url("/a"), types=HTML)
    assert server.hits("/a") == 1 and server.hits("/b") == 1


def test_fetcher_redirect_followed_to_final_url(server: LocalServer) -> None:
    server.routes["/old"] = Reply(301, b"", {"Location": "/new"})
    server.routes["/new"] = Reply(200, b"<p>moved</p>", TYPE)
    with fetcher() as f:
        got = f.get(server.url("/old"), types=HTML)
    assert got.url == server.url("/new")


def test_fetcher_content_type_checked(server: LocalServer) -> None:
    server.routes["/img"] = Reply(200, b"\x89PNG", {"Content-Type": "image/png"})
    with fetcher() as f, pytest.raises(FetchError, match="content type 'image/png'"):
        f.get(server.url("/img"), types=HTML)


def test_fetcher_server_error_carries_status_and_retry_after(server: LocalServer) -> None:
    server.routes["/err"] = Reply(503, b"busy", {"Retry-After": "120"})
    with fetcher() as f, pytest.raises(FetchError) as caught:
        f.get(server.url("/err"), types=HTML)
    assert caught.value.status == 503
    assert caught.value.retry_after == 120.0


def test_fetcher_conditional_request_and_304(server: LocalServer) -> None:
    server.routes["/feed"] = lambda seen: (
        Reply(304) if seen.headers.get("if-none-match") == '"v1"' else Reply(200, b"x", TYPE)
    )
    with fetcher() as f:
        got = f.get(server.url("/feed"), types=HTML, headers={"If-None-Match": '"v1"'})
    assert got.status == 304
    assert got.body == b""
