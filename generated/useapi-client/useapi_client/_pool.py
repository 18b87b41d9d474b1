"""A connection pool for httpx's own transports that stays linear as concurrency grows.

httpx sends through httpcore's pool. In httpcore 1.0.9 each pool event (a request arriving, a
response closed) re-scans every connection once per queued request, hands one idle connection to
every queued request (all but one then fail and go round again), probes every idle socket, and
compares the keep-alive limit with all connections instead of the idle ones, so under httpx's
default limits (20 kept alive) a fan-out above 20 concurrent calls reconnects on almost every call. The pool here is httpcore's, with the
assignment replaced: each event does a constant amount of work, an idle connection goes to exactly
one request, only the connection about to be reused is probed, and only idle connections count
against ``max_keepalive_connections``. Connections, proxies, TLS and timeouts stay httpcore's.

The transports still are ``httpx.HTTPTransport`` and ``httpx.AsyncHTTPTransport``, so respx and
pytest-httpx intercept them as before.
"""

import sys
import threading
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from typing import Any, TypeVar

import anyio
import httpcore
import httpx

__all__ = ["TESTED_HTTPCORE_VERSIONS", "scaling_pool_in"]

TESTED_HTTPCORE_VERSIONS = frozenset({"1.0.9"})
"""The httpcore releases whose pool is replaced: the ones this pool is tested on. On any other
httpcore the transports keep httpcore's own pool, unchanged.

When this module can go: once an httpcore release ships the fix of encode/httpcore#1035 (each
idle connection handed to one request only, keep-alive counted against idle connections, one pass
per pool event), require that httpcore in the SDKs' dependencies and delete this module and its
calls (scaling_pool_in) in client.py. This is the one place that says so."""

_SCHEMES = frozenset({b"http", b"https"})
_Transport = TypeVar("_Transport", httpx.HTTPTransport, httpx.AsyncHTTPTransport)
_OriginKey = tuple[bytes, bytes, int]


class _Waiter:
    """One request in the pool: queued until it holds a connection, then holding it until its
    response is closed."""

    __slots__ = ("origin", "connection", "signal")

    def __init__(self, origin: _OriginKey) -> None:
        self.origin = origin
        self.connection: Any = None
        self.signal: Any = None  # an anyio.Event or a threading.Event, made when the request has to queue


def _origin_key(origin: httpcore.Origin) -> _OriginKey:
    return (origin.scheme, origin.host, origin.port)


class _Book:
    """The pool's state and the rules for it, without I/O.

    Every method is called with the pool's lock held (the sync pool's; the async pool runs on one
    event loop) and returns the connections the caller must close outside of it. Invariant after
    each call: a request waits in the queue only while every connection is in use and the pool is
    full, so each event assigns at most the connections it freed.
    """

    def __init__(
        self,
        create: Callable[[httpcore.Origin], Any],
        max_connections: int,
        max_keepalive: int,
        keepalive_expiry: float | None,
        new_signal: Callable[[], Any],
    ) -> None:
        self._create = create
        self._max_connections = max_connections
        self._max_keepalive = max_keepalive
        self._keepalive_expiry = keepalive_expiry
        self._new_signal = new_signal
        self.connections: dict[Any, _OriginKey] = {}  # every connection counted, and its origin
        self._idle: dict[Any, float] = {}  # idle and free, oldest first: connection -> when it became idle
        self._idle_by_origin: dict[_OriginKey, dict[Any, None]] = {}
        self._origins: dict[_OriginKey, httpcore.Origin] = {}
        self.queue: dict[_Waiter, None] = {}  # first come, first served

    @property
    def idle_count(self) -> int:
        return len(self._idle)

    def assign(self, waiter: _Waiter, origin: httpcore.Origin) -> list[Any]:
        """A new request: give it a connection now, or queue it."""
        closing: list[Any] = []
        self._origins.setdefault(waiter.origin, origin)
        self._drop_expired(closing)
        waiter.connection = self._connection_for(waiter.origin, closing)
        if waiter.connection is None:
            waiter.signal = self._new_signal()
            self.queue[waiter] = None
        return closing

    def release(self, waiter: _Waiter) -> list[Any]:
        """The request is done (its response closed, or it failed or was cancelled at any point)."""
        closing: list[Any] = []
        connection, waiter.connection = waiter.connection, None
        if connection is None:
            self.queue.pop(waiter, None)
            return closing
        if connection.is_closed():
            self.connections.pop(connection, None)
        elif connection.is_idle() and connection in self.connections:
            self._idle[connection] = time.monotonic()
            self._idle_by_origin.setdefault(self.connections[connection], {})[connection] = None
        else:  # never used (cancelled before it connected), or taken over (an upgrade): not reusable
            self.connections.pop(connection, None)
            closing.append(connection)
        self._serve_queue(closing)
        self._drop_expired(closing)
        return closing

    def clear(self) -> list[Any]:
        closing = list(self.connections)
        self.connections.clear()
        self._idle.clear()
        self._idle_by_origin.clear()
        return closing

    def _serve_queue(self, closing: list[Any]) -> None:
        while self.queue:
            waiter = next(iter(self.queue))
            connection = self._connection_for(waiter.origin, closing)
            if connection is None:
                return
            del self.queue[waiter]
            waiter.connection = connection
            waiter.signal.set()

    def _connection_for(self, origin: _OriginKey, closing: list[Any]) -> Any:
        """The most recently idle connection to this origin that is still open, else a new one if
        there is room (closing the longest-idle connection to another origin to make room)."""
        same_origin = self._idle_by_origin.get(origin)
        while same_origin:
            connection = next(reversed(same_origin))
            self._forget_idle(connection)
            if not connection.has_expired():  # the one probe: expiry, or a server that closed it
                return connection
            del self.connections[connection]
            closing.append(connection)
        if len(self.connections) >= self._max_connections:
            if not self._idle:
                return None
            oldest = next(iter(self._idle))
            self._forget_idle(oldest)
            del self.connections[oldest]
            closing.append(oldest)
        connection = self._create(self._origins[origin])
        self.connections[connection] = origin
        return connection

    def _drop_expired(self, closing: list[Any]) -> None:
        """Close idle connections past keep-alive (by the clock, no probe), then the longest-idle
        ones above max_keepalive_connections."""
        if self._keepalive_expiry is not None and self._idle:
            expired_before = time.monotonic() - self._keepalive_expiry
            while self._idle:
                oldest, since = next(iter(self._idle.items()))
                if since > expired_before:
                    break
                self._forget_idle(oldest)
                del self.connections[oldest]
                closing.append(oldest)
        while len(self._idle) > self._max_keepalive:
            oldest = next(iter(self._idle))
            self._forget_idle(oldest)
            del self.connections[oldest]
            closing.append(oldest)

    def _forget_idle(self, connection: Any) -> None:
        del self._idle[connection]
        origin = self.connections[connection]
        same_origin = self._idle_by_origin[origin]
        del same_origin[connection]
        if not same_origin:
            del self._idle_by_origin[origin]


def _book_for(pool: Any, new_signal: Callable[[], Any]) -> _Book:
    # The limits as httpcore's own constructor normalised them (None -> no limit, keep-alive <= max).
    return _Book(
        create=pool.create_connection,
        max_connections=getattr(pool, "_max_connections", sys.maxsize),
        max_keepalive=getattr(pool, "_max_keepalive_connections", sys.maxsize),
        keepalive_expiry=getattr(pool, "_keepalive_expiry", None),
        new_signal=new_signal,
    )


def _pool_repr(pool: Any, book: _Book) -> str:
    in_use = len(book.connections) - book.idle_count
    return (
        f"<{type(pool).__name__} [Requests: {in_use} active, {len(book.queue)} queued | "
        f"Connections: {in_use} active, {book.idle_count} idle]>"
    )


# --- async ---------------------------------------------------------------------------------


class _ScalingAsyncPool(httpcore.AsyncConnectionPool):
    """Mixed in before the pool class httpx built (plain, HTTP proxy or SOCKS proxy)."""

    _book: _Book

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        if request.url.scheme not in _SCHEMES:  # ws, wss or unsupported: httpcore's own pool decides
            return await super().handle_async_request(request)
        waiter = _Waiter(_origin_key(request.url.origin))
        try:
            await self._close_all(self._book.assign(waiter, request.url.origin))
            while True:
                if waiter.signal is not None and waiter.connection is None:
                    timeout = request.extensions.get("timeout", {}).get("pool")
                    try:
                        with anyio.fail_after(timeout):
                            await waiter.signal.wait()
                    except TimeoutError:
                        raise httpcore.PoolTimeout("timed out waiting for a pooled connection") from None
                connection = waiter.connection
                try:
                    response = await connection.handle_async_request(request)
                    break
                except httpcore.ConnectionNotAvailable:  # closed under it (the pool was closed): start again
                    closing = self._book.release(waiter)
                    closing += self._book.assign(waiter, request.url.origin)
                    await self._close_all(closing)
        except BaseException:
            await self._close_all(self._book.release(waiter))
            raise
        assert isinstance(response.stream, AsyncIterable)
        return httpcore.Response(
            status=response.status,
            headers=response.headers,
            content=_AsyncPooledStream(response.stream, waiter, self),
            extensions=response.extensions,
        )

    async def _close_all(self, closing: list[Any]) -> None:
        if closing:
            with anyio.CancelScope(shield=True):
                for connection in closing:
                    await connection.aclose()

    @property
    def connections(self) -> list[httpcore.AsyncConnectionInterface]:
        return list(self._book.connections)

    async def aclose(self) -> None:
        await self._close_all(self._book.clear())

    def __repr__(self) -> str:
        return _pool_repr(self, self._book)


class _AsyncPooledStream:
    def __init__(self, stream: AsyncIterable[bytes], waiter: _Waiter, pool: _ScalingAsyncPool) -> None:
        self._stream = stream
        self._waiter = waiter
        self._pool = pool
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self._stream:
                yield part
        except BaseException:
            await self.aclose()
            raise

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            with anyio.CancelScope(shield=True):
                if hasattr(self._stream, "aclose"):
                    await self._stream.aclose()
        finally:
            await self._pool._close_all(self._pool._book.release(self._waiter))


# --- sync ----------------------------------------------------------------------------------


class _ScalingSyncPool(httpcore.ConnectionPool):
    """Mixed in before the pool class httpx built (plain, HTTP proxy or SOCKS proxy)."""

    _book: _Book
    _book_lock: threading.Lock

    def handle_request(self, request: httpcore.Request) -> httpcore.Response:
        if request.url.scheme not in _SCHEMES:  # ws, wss or unsupported: httpcore's own pool decides
            return super().handle_request(request)
        waiter = _Waiter(_origin_key(request.url.origin))
        try:
            with self._book_lock:
                closing = self._book.assign(waiter, request.url.origin)
            self._close_all(closing)
            while True:
                if waiter.signal is not None:
                    timeout = request.extensions.get("timeout", {}).get("pool")
                    if not waiter.signal.wait(timeout):
                        raise httpcore.PoolTimeout("timed out waiting for a pooled connection")
                with self._book_lock:
                    connection = waiter.connection
                try:
                    response = connection.handle_request(request)
                    break
                except httpcore.ConnectionNotAvailable:  # closed under it (the pool was closed): start again
                    with self._book_lock:
                        closing = self._book.release(waiter)
                        closing += self._book.assign(waiter, request.url.origin)
                    self._close_all(closing)
        except BaseException:
            with self._book_lock:
                closing = self._book.release(waiter)
            self._close_all(closing)
            raise
        assert isinstance(response.stream, Iterable)
        return httpcore.Response(
            status=response.status,
            headers=response.headers,
            content=_SyncPooledStream(response.stream, waiter, self),
            extensions=response.extensions,
        )

    def _close_all(self, closing: list[Any]) -> None:
        for connection in closing:
            connection.close()

    @property
    def connections(self) -> list[httpcore.ConnectionInterface]:
        with self._book_lock:
            return list(self._book.connections)

    def close(self) -> None:
        with self._book_lock:
            closing = self._book.clear()
        self._close_all(closing)

    def __repr__(self) -> str:
        with self._book_lock:
            return _pool_repr(self, self._book)


class _SyncPooledStream:
    def __init__(self, stream: Iterable[bytes], waiter: _Waiter, pool: _ScalingSyncPool) -> None:
        self._stream = stream
        self._waiter = waiter
        self._pool = pool
        self._closed = False

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if hasattr(self._stream, "close"):
                self._stream.close()
        finally:
            with self._pool._book_lock:
                closing = self._pool._book.release(self._waiter)
            self._pool._close_all(closing)


# --- putting it in place -------------------------------------------------------------------

_STOCK_POOLS = (
    httpcore.ConnectionPool,
    httpcore.HTTPProxy,
    httpcore.SOCKSProxy,
    httpcore.AsyncConnectionPool,
    httpcore.AsyncHTTPProxy,
    httpcore.AsyncSOCKSProxy,
)
_scaling_classes: dict[type, type] = {}


def _scaling_class(stock: type) -> type:
    if stock not in _scaling_classes:
        mixin = _ScalingAsyncPool if issubclass(stock, httpcore.AsyncConnectionPool) else _ScalingSyncPool
        _scaling_classes[stock] = type(f"Scaling{stock.__name__}", (mixin, stock), {})
    return _scaling_classes[stock]


def adopt(pool: Any) -> None:
    """Turn this freshly built httpcore pool into the scaling one, in place: its settings (limits,
    TLS, proxy) stay as httpcore's constructor set them. The version gate is the caller's."""
    is_async = isinstance(pool, httpcore.AsyncConnectionPool)
    pool._book = _book_for(pool, anyio.Event if is_async else threading.Event)
    pool._book_lock = threading.Lock()  # the sync pool's; the async pool runs on one event loop
    pool.__class__ = _scaling_class(type(pool))


def scaling_pool_in(transport: _Transport) -> _Transport:
    """The transport, with its pool replaced when httpcore is a tested version, the transport is
    httpx's own with httpcore's own pool inside, and HTTP/2 is off (HTTP/2 is left to httpcore).
    Otherwise it is returned unchanged."""
    pool = getattr(transport, "_pool", None)
    if (
        httpcore.__version__ in TESTED_HTTPCORE_VERSIONS
        and type(pool) in _STOCK_POOLS
        and not getattr(pool, "_http2", True)
    ):
        adopt(pool)
    return transport
