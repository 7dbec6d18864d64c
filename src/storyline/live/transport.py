"""The default transport: httpx over a network backend that checks every connection.

The fetcher checks each URL before sending it; this backend checks again where
the socket is opened: it resolves the host through the same resolver, refuses a
disallowed address, and connects to the very address it checked (so a name that
resolves to a public address for the check and a private one for the connection
cannot slip through). TLS still verifies the certificate against the host name.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpcore
import httpx

from storyline.live.address import Resolver, UnsafeURLError, check_addresses

SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class GuardedBackend(httpcore.NetworkBackend):
    """Opens TCP connections only to addresses the address rules allow."""

    def __init__(
        self,
        resolver: Resolver,
        *,
        allow_private: bool,
        inner: httpcore.NetworkBackend | None = None,
    ) -> None:
        self.resolver = resolver
        self.allow_private = allow_private
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        """Resolve, check, then connect to the first allowed address that answers."""
        addresses = check_addresses(host, port, self.resolver, allow_private=self.allow_private)
        error: Exception | None = None
        for address in addresses:
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None  # check_addresses never returns an empty list
        raise error

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        """Never: only TCP to checked addresses."""
        raise UnsafeURLError(path, "unix sockets refused")

    def sleep(self, seconds: float) -> None:
        """Delegate to the inner backend."""
        self.inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` whose connections go through a :class:`GuardedBackend`."""

    def __init__(self, backend: GuardedBackend) -> None:
        super().__init__(trust_env=False)
        # The one documented hook for the socket layer is httpcore's network_backend;
        # HTTPTransport does not expose it, so its pool is rebuilt with the same TLS set-up.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=20,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=backend,
        )


def guarded_transport(
    resolver: Resolver,
    *,
    allow_private: bool,
    inner: httpcore.NetworkBackend | None = None,
) -> httpx.BaseTransport:
    """The transport the fetcher uses unless one is given."""
    return GuardedTransport(GuardedBackend(resolver, allow_private=allow_private, inner=inner))
