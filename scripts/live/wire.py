"""The live run's transports: the wire itself, with a deadline on each request; a rate limit over
every request on the wire; and a capture of the exchange the SDK finally got.

An SDK client wraps the transport it is given in its retrying transport, so a stack built as
`Capture(RateLimited(Deadline(seconds)))` sees every attempt, retries included: each one waits
its turn at the limiter shared by the whole run, must be over within its deadline, and the
capture keeps the last request and response (the one the SDK parsed).
"""

from __future__ import annotations

import math
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpcore
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
    body: bytes = b""  # the request's body as sent


class Capture(httpx.BaseTransport):
    """Keeps every attempt's request and response head; the body stays the SDK's to read."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.attempts: list[Attempt] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = Attempt(request, body=request.read())  # the body, kept: the recorder writes it
        self.attempts.append(attempt)
        attempt.response = self.inner.handle_request(request)
        return attempt.response

    @property
    def last(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None

    def close(self) -> None:
        self.inner.close()


class _Budget(threading.local):
    """When the request under way on this thread must be over (time.monotonic()); inf: never.

    Per thread: a thread sends one request at a time and reads its answer before the next."""

    ends = math.inf

    def left(self, timeout: float | None, expired: type[httpcore.TimeoutException]) -> float | None:
        """The socket operation's timeout, cut to what is left of the deadline."""
        if self.ends == math.inf:
            return timeout
        left = self.ends - time.monotonic()
        if left <= 0:
            raise expired("the request's deadline passed")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake ends by the deadline: a server
    that drips one byte at a time cannot keep a request going past it."""

    def __init__(self, inner: httpcore.NetworkStream, budget: _Budget) -> None:
        self._inner = inner
        self._budget = budget

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._budget.left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._budget.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        left = self._budget.left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, left), self._budget)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, budget: _Budget) -> None:
        self._inner = httpcore.SyncBackend()
        self._budget = budget

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        left = self._budget.left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_tcp(host, port, left, local_address, socket_options), self._budget)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _httpx_error(error: Exception) -> Exception:
    """httpcore's exception as httpx's class of the same name (httpx mirrors them all)."""
    if not isinstance(error, httpcore.TimeoutException | httpcore.NetworkError | httpcore.ProtocolError):
        return error
    for kind in type(error).__mro__:
        mapped = getattr(httpx, kind.__name__, None)
        if isinstance(mapped, type) and issubclass(mapped, httpx.TransportError):
            return mapped(str(error))
    return httpx.TransportError(str(error))


class _Body(httpx.SyncByteStream):
    def __init__(self, inner: Iterable[bytes]) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._inner
        except Exception as error:
            raise _httpx_error(error) from None

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            close()


class Deadline(httpx.BaseTransport):
    """HTTP/1.1 over one connection pool, where each request must be sent and its answer read to
    the end within `seconds` of it being sent (None: no deadline), whatever each socket
    operation's own timeout: past it, httpx.ReadTimeout (or ConnectTimeout, WriteTimeout).

    httpx's timeouts bound each socket operation, so a slow drip never times out; this is the
    live run's own wire, independent of any SDK's internals."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._budget = _Budget()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=_DeadlineBackend(self._budget)
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._budget.ends = math.inf if self.seconds is None else time.monotonic() + self.seconds
        assert isinstance(request.stream, Iterable)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        try:
            response = self._pool.handle_request(core_request)
        except Exception as error:
            raise _httpx_error(error) from None
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            response.status, headers=response.headers, stream=_Body(response.stream), extensions=response.extensions
        )

    def close(self) -> None:
        self._pool.close()
