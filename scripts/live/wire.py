"""The live run's transports: a rate limit over every request on the wire, and a capture of the
exchange the SDK finally got.

An SDK client wraps the transport it is given in its retrying transport, so a stack built as
`RateLimited(inner)` inside `Capture` sees every attempt, retries included: each one waits its
turn at the limiter shared by the whole run, and the capture keeps the last request and response
(the one the SDK parsed).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx


@dataclass
class RateLimiter:
    """At most `rate` requests a second across everything that shares it (None: no limit).

    Requests are spaced evenly, 1/rate seconds apart, from the first one on: no burst.
    """

    rate: float | None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    waited: float = field(default=0.0, init=False)  # seconds spent waiting, in all
    sent: int = field(default=0, init=False)  # requests let through
    _next: float = field(default=float("-inf"), init=False, repr=False)  # when the next may go
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def wait(self) -> None:
        with self._lock:
            now = self.clock()
            start = max(now, self._next)
            self._next = start + (1.0 / self.rate if self.rate else 0.0)
            self.sent += 1
            self.waited += start - now
        if start > now:
            self.sleep(start - now)


class RateLimited(httpx.BaseTransport):
    """Each request waits for the limiter, then goes to the inner transport.

    The inner transport (its connection pool) is the run's, shared by every client: closing a
    client leaves it open, and the run closes it at the end.
    """

    def __init__(self, inner: httpx.BaseTransport, limiter: RateLimiter) -> None:
        self.inner = inner
        self.limiter = limiter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.limiter.wait()
        return self.inner.handle_request(request)


@dataclass
class Attempt:
    request: httpx.Request
    response: httpx.Response | None = None


class Capture(httpx.BaseTransport):
    """Keeps every attempt's request and response head; the body stays the SDK's to read."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.attempts: list[Attempt] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = Attempt(request)
        self.attempts.append(attempt)
        attempt.response = self.inner.handle_request(request)
        return attempt.response

    @property
    def last(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None

    def close(self) -> None:
        self.inner.close()
