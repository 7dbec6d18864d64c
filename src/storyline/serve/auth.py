"""Bearer tokens and the per-token rate limit.

Writes always need ``Authorization: Bearer TOKEN``; with ``--private`` reads do
too. A wrong, revoked or missing token gets 401 with a JSON error. Each token may
make ``rate_limit`` requests a minute (a token bucket: short bursts of as many
are fine); over that, 429 with ``Retry-After``.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.store.tokens import TokenInfo, Tokens


class AuthError(Exception):
    """A request without a valid token, or over its token's rate."""

    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


@dataclass
class _Bucket:
    tokens: float
    stamp: float


@dataclass
class Gate:
    """Checks bearer tokens against the database and meters each token's requests."""

    tokens: Tokens
    per_minute: int
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[int, _Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def admit(self, authorization: str | None) -> TokenInfo:
        """The token a request carries, metered; raises AuthError (401 or 429)."""
        if not authorization:
            raise AuthError(401, "this needs a token: send 'Authorization: Bearer TOKEN'")
        scheme, _, secret = authorization.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise AuthError(401, "malformed Authorization header: expected 'Bearer TOKEN'")
        with self._lock:
            info = self.tokens.check(secret.strip())
        if info is None:
            raise AuthError(401, "unknown or revoked token")
        self._meter(info.id)
        return info

    def _meter(self, token_id: int) -> None:
        rate = self.per_minute / 60.0
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(token_id)
            if bucket is None:
                bucket = self._buckets[token_id] = _Bucket(float(self.per_minute), now)
            bucket.tokens = min(float(self.per_minute), bucket.tokens + (now - bucket.stamp) * rate)
            bucket.stamp = now
            if bucket.tokens < 1.0:
                wait = math.ceil((1.0 - bucket.tokens) / rate)
                raise AuthError(
                    429, f"rate limit: {self.per_minute} requests a minute per token", wait
                )
            bucket.tokens -= 1.0
