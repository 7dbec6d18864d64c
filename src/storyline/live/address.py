"""The address rules: which URLs and which resolved addresses a request may reach.

Only ``http`` and ``https``. Every host name is resolved through the injected
resolver and *every* address it gives must be public: private, loopback,
link-local, multicast, reserved and unspecified addresses are refused unless
``allow_private`` (tests and intranets need it for 127.0.0.1). The check runs
before each request and each redirect hop, and again at connect time (see
:mod:`storyline.live.transport`), so a name that re-resolves elsewhere is caught.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

Resolver = Callable[[str, int], Sequence[str]]
"""``resolver(host, port)`` -> the IP addresses (as strings) a connection may use."""

SCHEMES = frozenset({"http", "https"})


class UnsafeURLError(Exception):
    """A URL refused by the address rules (scheme, host or resolved address)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(url, reason)
        self.url = url
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the operating system resolves ``host`` to (TCP)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def refused_kind(address: str) -> str | None:
    """Why an IP address may not be reached without ``allow_private``, or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
    ):
        if flag:
            return kind
    if not ip.is_global:  # shared (100.64/10), benchmarking, documentation ranges
        return "reserved"
    return None


def check_url(url: str) -> tuple[str, int]:
    """The (host, port) of an http(s) URL; raises UnsafeURLError for any other URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeURLError(url, f"malformed URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise UnsafeURLError(url, f"scheme {scheme or '(none)'!r} refused: only http and https")
    host = parts.hostname
    if not host:
        raise UnsafeURLError(url, "no host in URL")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURLError(url, "credentials in URL refused")
    return host, port or (443 if scheme == "https" else 80)


def check_addresses(
    host: str, port: int, resolver: Resolver, *, allow_private: bool, url: str | None = None
) -> list[str]:
    """Resolve ``host`` and return its addresses if every one is allowed; else raise."""
    label = url or f"{host}:{port}"
    try:
        addresses = list(resolver(host, port))
    except (OSError, UnicodeError) as exc:
        raise UnsafeURLError(label, f"cannot resolve {host!r} ({exc})") from None
    if not addresses:
        raise UnsafeURLError(label, f"{host!r} resolves to no address")
    for address in addresses:
        try:
            kind = refused_kind(address)
        except ValueError:
            raise UnsafeURLError(label, f"{host!r} resolved to a non-IP {address!r}") from None
        if kind is not None and not allow_private:
            raise UnsafeURLError(
                label, f"{host!r} resolves to {kind} address {address} (see --allow-private)"
            )
    return addresses


def check_request(url: str, resolver: Resolver, *, allow_private: bool) -> list[str]:
    """Apply every address rule to one request's URL; the allowed addresses."""
    host, port = check_url(url)
    return check_addresses(host, port, resolver, allow_private=allow_private, url=url)
