"""One polite-agnostic HTTP GET under the safety rules: the only code that sends requests.

Every hop (the request and each redirect) is checked by the address rules before
it is sent; redirects are followed by hand (at most ``max_redirects``, loops
refused); connect and read timeouts plus a deadline for the whole body; the body
is decompressed here with a hard limit on the decoded size, so a gzip bomb stops
at ``max_bytes``; the content type must be one the caller accepts.

Exceptions::

    Exception
    ├── FetchError        the request failed (status, timeout, size, type, loop)
    └── UnsafeURLError    refused by the address rules before any connection
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from storyline.live.address import Resolver, UnsafeURLError, check_request, system_resolver
from storyline.live.transport import guarded_transport

USER_AGENT = "storyline/0.1 (open-source news reader; set --user-agent to add a contact)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ENCODINGS = frozenset({"", "identity", "gzip", "x-gzip", "deflate"})

Clock = Callable[[], float]


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchPolicy:
    """Limits of every request: who we say we are, how long, how much, where."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # for the whole body: a slow drip is cut here
    max_bytes: int = 8_000_000  # decoded bytes; a compressed bomb stops here too
    max_redirects: int = 5
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response read in full: the final URL after redirects, status, headers, body."""

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset parameter of the content type, if any."""
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


class FetchError(Exception):
    """A request that gave no usable body, and why; ``status`` when the server answered."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(url, reason)
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


class Fetcher:
    """GETs under a :class:`FetchPolicy`; transport, resolver and clock are parameters."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = system_resolver,
        clock: Clock = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.resolver = resolver
        self.clock = clock
        p = self.policy
        self._client = httpx.Client(
            transport=transport or guarded_transport(resolver, allow_private=p.allow_private),
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: the address checks must hold
            headers={"User-Agent": p.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        types: Iterable[str],
        headers: Mapping[str, str] | None = None,
    ) -> Fetched:
        """GET ``url``, following redirects; a 304 comes back with an empty body."""
        allowed = frozenset(types)
        deadline = self.clock() + self.policy.total_timeout
        seen = {url}
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            check_request(current, self.resolver, allow_private=self.policy.allow_private)
            request = self._client.build_request(
                "GET",
                current,
                headers={"Accept": ", ".join(sorted(allowed - {""})), **(headers or {})},
            )
            try:
                response = self._client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise FetchError(current, f"timed out ({type(exc).__name__})") from None
            except UnsafeURLError:
                raise
            except httpx.HTTPError as exc:
                raise FetchError(current, f"request failed ({type(exc).__name__}: {exc})") from None
            try:
                if response.status_code in REDIRECTS and "location" in response.headers:
                    target = urljoin(current, response.headers["location"])
                    if target in seen:
                        raise FetchError(url, f"redirect loop at {target}")
                    seen.add(target)
                    current = target
                    continue
                return self._read(current, response, allowed, deadline)
            finally:
                response.close()
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def _read(
        self, url: str, response: httpx.Response, allowed: frozenset[str], deadline: float
    ) -> Fetched:
        head = {k.lower(): v for k, v in response.headers.items()}
        status = response.status_code
        if status == 304:
            return Fetched(url, status, head)
        if status >= 400 or status < 200:
            raise FetchError(
                url,
                f"HTTP {status}",
                status=status,
                retry_after=_retry_after(head.get("retry-after")),
            )
        got = Fetched(url, status, head)
        if got.content_type not in allowed:
            raise FetchError(url, f"content type {got.content_type or '(none)'!r} refused")
        limit = self.policy.max_bytes
        length = head.get("content-length", "")
        if length.isdigit() and int(length) > limit and _encoding(head) in {"", "identity"}:
            raise FetchError(url, f"too large: {int(length)} bytes (the limit is {limit})")
        body = self._body(url, response, head, limit, deadline)
        return Fetched(url, status, head, body)

    def _body(
        self,
        url: str,
        response: httpx.Response,
        head: Mapping[str, str],
        limit: int,
        deadline: float,
    ) -> bytes:
        encoding = _encoding(head)
        if encoding not in _ENCODINGS:
            raise FetchError(url, f"content encoding {encoding!r} refused")
        inflate = None if encoding in {"", "identity"} else zlib.decompressobj(47)
        out = bytearray()
        try:
            for chunk in response.iter_raw():
                if self.clock() > deadline:
                    raise FetchError(url, f"body not read within {self.policy.total_timeout:g} s")
                if inflate is None:
                    out += chunk
                else:
                    data = chunk
                    while data and len(out) <= limit:
                        out += inflate.decompress(data, limit + 1 - len(out))
                        data = inflate.unconsumed_tail
                if len(out) > limit:
                    raise FetchError(url, f"too large: more than {limit} bytes")
            if inflate is not None:
                out += inflate.flush()
        except httpx.TimeoutException:
            raise FetchError(url, "timed out reading the body") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"body cut short ({type(exc).__name__})") from None
        except zlib.error as exc:
            raise FetchError(url, f"corrupt compressed body ({exc})") from None
        if len(out) > limit:
            raise FetchError(url, f"too large: more than {limit} bytes")
        return bytes(out)


def _encoding(head: Mapping[str, str]) -> str:
    return head.get("content-encoding", "").strip().lower()


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header given in seconds (dates are ignored)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
