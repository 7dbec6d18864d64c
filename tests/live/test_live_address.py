"""The address rules: refused before any connection, on every hop, at connect time too."""

from __future__ import annotations

import httpcore
import httpx
import pytest
from live_server import LocalServer, Reply

from storyline.live.address import UnsafeURLError, check_request, check_url, refused_kind
from storyline.live.fetcher import Fetcher, FetchPolicy
from storyline.live.transport import GuardedBackend, guarded_transport

HTML = {"text/html"}


class StubResolver:
    """Maps test host names to fixed addresses; records every look-up."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        if host not in self.table:
            raise OSError("name not known")
        return self.table[host]


class RecordingBackend(httpcore.NetworkBackend):
    """An inner network backend that must never be reached by a refused request."""

    def __init__(self) -> None:
        self.connects: list[tuple[str, int]] = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[no-untyped-def]
        self.connects.append((host, port))
        raise httpcore.ConnectError("test backend: no network")


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("10.1.2.3", "private"),
        ("192.168.0.9", "private"),
        ("172.16.4.4", "private"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "reserved"),
        ("::ffff:10.0.0.1", "private"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_refused_kinds(address: str, kind: str | None) -> None:
    assert refused_kind(address) == kind


@pytest.mark.parametrize(
    "url",
    [
        "ftp://a.test/x",
        "file:///etc/passwd",
        "gopher://a.test/",
        "http:///nohost",
        "http://u:p@a.test/",
    ],
)
def test_address_only_http_and_https(url: str) -> None:
    with pytest.raises(UnsafeURLError):
        check_url(url)


def test_address_private_name_refused_before_any_connection() -> None:
    resolver = StubResolver({"news.test": ["10.20.30.40"]})
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(200))
    with (
        Fetcher(FetchPolicy(), transport=transport, resolver=resolver) as fetcher,
        pytest.raises(UnsafeURLError, match=r"private address 10\.20\.30\.40"),
    ):
        fetcher.get("http://news.test/story", types=HTML)
    assert resolver.asked == ["news.test"]
    assert sent == []


def test_address_every_resolved_address_must_be_allowed() -> None:
    resolver = StubResolver({"mixed.test": ["93.184.216.34", "127.0.0.1"]})
    with pytest.raises(UnsafeURLError, match="loopback"):
        check_request("https://mixed.test/", resolver, allow_private=False)
    assert check_request("https://mixed.test/", resolver, allow_private=True)


def test_address_redirect_hop_to_private_refused() -> None:
    resolver = StubResolver({"public.test": ["93.184.216.34"], "intranet.test": ["10.0.0.7"]})
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://intranet.test/admin"})

    with (
        Fetcher(transport=httpx.MockTransport(answer), resolver=resolver) as fetcher,
        pytest.raises(UnsafeURLError, match=r"intranet\.test"),
    ):
        fetcher.get("http://public.test/story", types=HTML)
    assert sent == ["http://public.test/story"]  # the private hop was never requested


def test_address_connect_time_check_refuses_before_the_socket() -> None:
    inner = RecordingBackend()
    backend = GuardedBackend(
        StubResolver({"news.test": ["192.168.1.1"]}), allow_private=False, inner=inner
    )
    with pytest.raises(UnsafeURLError):
        backend.connect_tcp("news.test", 80)
    assert inner.connects == []


def test_address_connect_goes_to_the_checked_address() -> None:
    inner = RecordingBackend()
    backend = GuardedBackend(
        StubResolver({"news.test": ["127.0.0.1"]}), allow_private=True, inner=inner
    )
    with pytest.raises(httpcore.ConnectError):
        backend.connect_tcp("news.test", 8080)
    assert inner.connects == [("127.0.0.1", 8080)]


def test_address_rebinding_caught_at_connect(server: LocalServer) -> None:
    """The name passes the URL check, then resolves to a refused address at connect time."""
    server.routes["/a"] = Reply(200, b"<p>x</p>", {"Content-Type": "text/html"})
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    transport = guarded_transport(rebinding, allow_private=False)
    with (
        Fetcher(transport=transport, resolver=rebinding) as fetcher,
        pytest.raises(UnsafeURLError, match="loopback"),
    ):
        fetcher.get(f"http://rebind.test:{server.port}/a", types=HTML)
    assert server.requests == []


def test_address_guarded_transport_reaches_loopback_when_allowed(server: LocalServer) -> None:
    server.routes["/a"] = Reply(200, b"<p>hello</p>", {"Content-Type": "text/html"})
    resolver = StubResolver({"news.test": ["127.0.0.1"]})
    with Fetcher(FetchPolicy(allow_private=True), resolver=resolver) as fetcher:
        got = fetcher.get(f"http://news.test:{server.port}/a", types=HTML)
    assert got.body == b"<p>hello</p>"
    assert server.requests[0].headers["host"] == f"news.test:{server.port}"
    assert server.requests[0].headers["user-agent"].startswith("storyline/")
