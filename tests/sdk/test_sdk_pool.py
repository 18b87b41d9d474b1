"""The SDKs' connection pool (_pool.py), on a real keep-alive server on 127.0.0.1.

Each behaviour test builds httpx's own transport and puts the scaling pool in it directly, so the
suite runs on whatever httpcore is installed (make test-dist's lowest and newest); which pool the
SDK clients get on that httpcore is the gate's business, tested on its own below. Async transports
send through the SDK's network backend (_asyncio_network.py) where its gate lets them, as the SDK's
own do. Against
httpcore 1.0.9's own pool (``scaling=False``) the tests marked STOCK FAILS fail.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpcore
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from useapi_client import _asyncio_network, _pool  # both SDKs render the same modules

from scripts.fixtures.keepalive_server import KeepAliveServer
from scripts.fixtures.recorded_calls import CALLS_BY_ID, OperationCall
from tests.support.transports import httpcore_pool_of

Transport = TypeVar("Transport", httpx.HTTPTransport, httpx.AsyncHTTPTransport)
SDK_CALLS = [CALLS_BY_ID["useapi.getDreaminaAccount"], CALLS_BY_ID["imaginepro.getAccountInfo"]]


@dataclass
class Handoffs:
    """How often the pool handed a request a connection another request was using."""

    not_available: int = 0
    sent: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, attribute: str) -> None:
        with self.lock:
            setattr(self, attribute, getattr(self, attribute) + 1)


class _CountingAsync:
    def __init__(self, inner: Any, handoffs: Handoffs) -> None:
        self._inner, self._handoffs = inner, handoffs

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        self._handoffs.count("sent")
        try:
            return await self._inner.handle_async_request(request)  # type: ignore[no-any-return]
        except httpcore.ConnectionNotAvailable:
            self._handoffs.count("not_available")
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _CountingSync(_CountingAsync):
    def handle_request(self, request: httpcore.Request) -> httpcore.Response:
        self._handoffs.count("sent")
        try:
            return self._inner.handle_request(request)  # type: ignore[no-any-return]
        except httpcore.ConnectionNotAvailable:
            self._handoffs.count("not_available")
            raise


def transport_for(
    kind: type[Transport], limits: httpx.Limits, handoffs: Handoffs | None = None, scaling: bool = True
) -> Transport:
    transport = kind(limits=limits)
    pool: Any = transport._pool
    if handoffs is not None:
        wrapper = _CountingAsync if kind is httpx.AsyncHTTPTransport else _CountingSync
        create: Callable[[httpcore.Origin], Any] = pool.create_connection
        pool.create_connection = lambda origin: wrapper(create(origin), handoffs)
    if scaling:
        _pool.adopt(pool)
    if isinstance(transport, httpx.AsyncHTTPTransport):
        _asyncio_network.asyncio_network_in(transport)
    return transport


def limits(connections: int, keepalive: int | None = None, expiry: float = 5.0) -> httpx.Limits:
    return httpx.Limits(
        max_connections=connections,
        max_keepalive_connections=connections if keepalive is None else keepalive,
        keepalive_expiry=expiry,
    )


@pytest.fixture
def server() -> Iterator[KeepAliveServer]:
    with KeepAliveServer(latency=0.02) as running:
        yield running


def wait_until(condition: Callable[[], bool]) -> bool:
    """The server thread sees a close a moment after the client made it."""
    deadline = time.monotonic() + 2
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


async def fan_out(client: httpx.AsyncClient, calls: int, concurrency: int, path: str = "/") -> None:
    limit = asyncio.Semaphore(concurrency)

    async def one() -> None:
        async with limit:
            assert (await client.get(path)).status_code == 200

    await asyncio.gather(*(one() for _ in range(calls)))


# --- queued requests and limits ------------------------------------------------------------


async def test_queued_requests_each_get_a_connection_of_their_own(server: KeepAliveServer) -> None:
    """STOCK FAILS: httpcore 1.0.9 hands a newly idle connection to every queued request."""
    handoffs = Handoffs()
    transport = transport_for(httpx.AsyncHTTPTransport, limits(4), handoffs)
    async with httpx.AsyncClient(transport=transport, base_url=server.base_url) as client:
        await fan_out(client, calls=60, concurrency=60)
    assert handoffs.not_available == 0
    assert handoffs.sent == 60
    assert server.counters.connections == 4
    assert server.counters.requests == 60


def test_100_threads_sharing_a_sync_client_each_get_a_connection_of_their_own(server: KeepAliveServer) -> None:
    """STOCK FAILS (as the async one): 100 threads, 3 calls each, over 20 connections."""
    handoffs = Handoffs()
    transport = transport_for(httpx.HTTPTransport, limits(20), handoffs)
    statuses: list[int] = []
    with httpx.Client(transport=transport, base_url=server.base_url) as client:

        def calls() -> None:
            statuses.extend(client.get("/").status_code for _ in range(3))

        threads = [threading.Thread(target=calls) for _ in range(100)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert statuses == [200] * 300
    assert handoffs.not_available == 0
    assert server.counters.connections == 20
    assert server.counters.requests == 300


async def test_max_connections_is_reached_and_never_passed(server: KeepAliveServer) -> None:
    transport = transport_for(httpx.AsyncHTTPTransport, limits(8))
    async with httpx.AsyncClient(transport=transport, base_url=server.base_url) as client:
        await fan_out(client, calls=80, concurrency=80)
    assert server.counters.peak_open == 8


async def test_keepalive_counts_idle_connections_only() -> None:
    """STOCK FAILS: httpcore 1.0.9 counts every connection against max_keepalive_connections, so
    with 5 slow calls in flight, 10 idle connections to another host are closed and reopened."""
    with KeepAliveServer(latency=0.6) as slow, KeepAliveServer(latency=0.01) as fast:
        transport = transport_for(httpx.AsyncHTTPTransport, limits(20, keepalive=10))
        async with httpx.AsyncClient(transport=transport) as client:
            in_flight = [asyncio.create_task(client.get(slow.base_url)) for _ in range(5)]
            await asyncio.sleep(0.05)
            for _ in range(4):
                await fan_out(client, calls=10, concurrency=10, path=fast.base_url)
            await asyncio.gather(*in_flight)
        assert fast.counters.connections == 10
        assert fast.counters.requests == 40


async def test_keepalive_limit_closes_the_connections_idle_longest(server: KeepAliveServer) -> None:
    transport = transport_for(httpx.AsyncHTTPTransport, limits(12, keepalive=5))
    async with httpx.AsyncClient(transport=transport, base_url=server.base_url) as client:
        await fan_out(client, calls=12, concurrency=12)
        assert len(transport._pool.connections) == 5
        assert await asyncio.to_thread(wait_until, lambda: server.counters.open == 5)
        await fan_out(client, calls=5, concurrency=5)
    assert server.counters.connections == 12, "the 5 kept were reused"


async def test_fan_out_at_max_connections_never_reconnects(server: KeepAliveServer) -> None:
    """STOCK FAILS: below its limits, httpcore 1.0.9's pool closes idle connections in each burst."""
    transport = transport_for(httpx.AsyncHTTPTransport, limits(100))
    async with httpx.AsyncClient(transport=transport, base_url=server.base_url) as client:
        await fan_out(client, calls=100, concurrency=100)
        await fan_out(client, calls=600, concurrency=100)
    assert server.counters.connections == 100


# --- keep-alive expiry and servers that close -------------------------------------------------


async def test_keepalive_expiry_closes_an_idle_connection(server: KeepAliveServer) -> None:
    transport = transport_for(httpx.AsyncHTTPTransport, limits(4, expiry=0.5))
    async with httpx.AsyncClient(transport=transport, base_url=server.base_url) as client:
        await client.get("/")
        await client.get("/")
        assert server.counters.connections == 1, "reused within the expiry"
        await asyncio.sleep(0.8)
        await client.get("/")
        assert server.counters.connections == 2
        assert len(transport._pool.connections) == 1
        assert await asyncio.to_thread(wait_until, lambda: server.counters.open == 1)


@pytest.mark.parametrize("kind", [httpx.AsyncHTTPTransport, httpx.HTTPTransport])
async def test_a_connection_the_server_closed_while_idle_is_not_reused(kind: type[Any]) -> None:
    with KeepAliveServer(latency=0.0, close_idle_after=0.05) as closing:
        transport = transport_for(kind, limits(4))
        if kind is httpx.HTTPTransport:
            with httpx.Client(transport=transport, base_url=closing.base_url) as client:
                client.get("/")
                time.sleep(0.2)
                assert client.get("/").status_code == 200
        else:
            async with httpx.AsyncClient(transport=transport, base_url=closing.base_url) as client:
                await client.get("/")
                await asyncio.sleep(0.2)
                assert (await client.get("/")).status_code == 200
        assert closing.counters.connections == 2
        assert closing.counters.requests == 2


# --- cancellation at each await ---------------------------------------------------------------


async def test_cancelled_while_queued(server: KeepAliveServer) -> None:
    transport = transport_for(httpx.AsyncHTTPTransport, limits(1))
    async with httpx.AsyncClient(transport=transport, base_url=server.base_url) as client:
        holder = asyncio.create_task(client.get("/"))
        queued = asyncio.create_task(client.get("/"))
        await asyncio.sleep(0.005)
        queued.cancel()
        await holder
        assert (await client.get("/")).status_code == 200
        assert queued.cancelled()
        assert "0 queued" in repr(transport._pool)
    assert server.counters.connections == 1
    assert server.counters.requests == 2


async def test_cancelled_after_a_connection_was_handed_to_it(server: KeepAliveServer) -> None:
    """The request is cancelled between being given the connection and sending on it."""
    transport = transport_for(httpx.AsyncHTTPTransport, limits(1))
    async with httpx.AsyncClient(transport=transport, base_url=server.base_url) as client:
        holding = client.stream("GET", "/")
        response = await holding.__aenter__()
        queued = asyncio.create_task(client.get("/"))
        await asyncio.sleep(0.005)
        await response.aread()
        await holding.__aexit__(None, None, None)  # hands the connection to `queued`...
        queued.cancel()  # ...which is cancelled before it runs
        assert (await client.get("/")).status_code == 200
        assert queued.cancelled()
    assert server.counters.connections == 1
    assert server.counters.requests == 2


async def test_pool_timeout_while_queued() -> None:
    with KeepAliveServer(latency=0.3) as slow:
        transport = transport_for(httpx.AsyncHTTPTransport, limits(1))
        async with httpx.AsyncClient(transport=transport, base_url=slow.base_url) as client:
            holder = asyncio.create_task(client.get("/"))
            await asyncio.sleep(0.05)
            with pytest.raises(httpx.PoolTimeout):
                await client.get("/", timeout=httpx.Timeout(5.0, pool=0.01))
            await holder
            assert (await client.get("/")).status_code == 200
        assert slow.counters.connections == 1


def test_sync_pool_timeout_while_queued() -> None:
    with KeepAliveServer(latency=0.3) as slow:
        transport = transport_for(httpx.HTTPTransport, limits(1))
        with httpx.Client(transport=transport, base_url=slow.base_url) as client:
            holder = threading.Thread(target=lambda: client.get("/"))
            holder.start()
            time.sleep(0.05)
            with pytest.raises(httpx.PoolTimeout):
                client.get("/", timeout=httpx.Timeout(5.0, pool=0.01))
            holder.join()
            assert client.get("/").status_code == 200
        assert slow.counters.connections == 1


async def test_cancelled_while_waiting_for_the_response() -> None:
    with KeepAliveServer(latency=5.0) as stalled, KeepAliveServer() as prompt:
        transport = transport_for(httpx.AsyncHTTPTransport, limits(1))
        async with httpx.AsyncClient(transport=transport) as client:
            waiting = asyncio.create_task(client.get(stalled.base_url))
            await asyncio.sleep(0.05)
            waiting.cancel()
            assert (await client.get(prompt.base_url)).status_code == 200, "the slot was freed"
            assert len(transport._pool.connections) == 1
        assert await asyncio.to_thread(wait_until, lambda: stalled.counters.open == 0)


async def test_cancelled_while_holding_an_unread_response(server: KeepAliveServer) -> None:
    transport = transport_for(httpx.AsyncHTTPTransport, limits(1))
    async with httpx.AsyncClient(transport=transport, base_url=server.base_url) as client:

        async def hold() -> None:
            async with client.stream("GET", "/"):
                await asyncio.sleep(5)

        holding = asyncio.create_task(hold())
        await asyncio.sleep(0.1)
        holding.cancel()
        assert (await client.get("/")).status_code == 200
    assert server.counters.requests == 2


async def test_a_failed_connect_frees_its_slot(server: KeepAliveServer) -> None:
    with KeepAliveServer() as gone:
        gone_url = gone.base_url
    transport = transport_for(httpx.AsyncHTTPTransport, limits(1))
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(gone_url)
        assert (await client.get(server.base_url)).status_code == 200
        assert len(transport._pool.connections) == 1


# --- the gate, HTTP/2 and proxies ----------------------------------------------------------


@pytest.mark.parametrize("kind", [httpx.AsyncHTTPTransport, httpx.HTTPTransport])
def test_the_pool_is_replaced_only_on_a_tested_httpcore(kind: type[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    assert _is_scaling(_pool.scaling_pool_in(kind())._pool) == (httpcore.__version__ in _pool.TESTED_HTTPCORE_VERSIONS)
    monkeypatch.setattr(_pool, "TESTED_HTTPCORE_VERSIONS", frozenset({"0.0.0"}))
    assert type(_pool.scaling_pool_in(kind())._pool) in (httpcore.AsyncConnectionPool, httpcore.ConnectionPool)


@pytest.mark.parametrize("call", SDK_CALLS, ids=lambda call: call.id)
def test_sdk_clients_get_the_scaling_pool_on_a_tested_httpcore(call: OperationCall) -> None:
    client = call.client()
    tested = httpcore.__version__ in _pool.TESTED_HTTPCORE_VERSIONS
    for httpx_client in (client.get_httpx_client(), client.get_async_httpx_client()):
        assert _is_scaling(httpcore_pool_of(httpx_client)) == tested


def _is_scaling(pool: Any) -> bool:
    """Either SDK's scaling pool (each package has its own _pool module)."""
    return type(pool).__module__.endswith("._pool")


def scalinghttpcore_pool_of(client: httpx.Client | httpx.AsyncClient) -> Any:
    """The client's pool, made the scaling one if the gate left httpcore's (an untested httpcore)."""
    pool = httpcore_pool_of(client)
    if not _is_scaling(pool):
        _pool.adopt(pool)
    return pool


def test_http2_is_left_to_httpcore(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pool, "TESTED_HTTPCORE_VERSIONS", frozenset({httpcore.__version__}))
    transport = httpx.AsyncHTTPTransport()
    transport._pool = httpcore.AsyncConnectionPool(http2=True)
    assert type(_pool.scaling_pool_in(transport)._pool) is httpcore.AsyncConnectionPool


@pytest.mark.parametrize("kind", [httpx.AsyncHTTPTransport, httpx.HTTPTransport])
def test_proxied_transports_get_the_scaling_pool_too(kind: type[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pool, "TESTED_HTTPCORE_VERSIONS", frozenset({httpcore.__version__}))
    pool = _pool.scaling_pool_in(kind(proxy=httpx.Proxy("http://127.0.0.1:3128")))._pool
    assert isinstance(pool, httpcore.AsyncHTTPProxy | httpcore.HTTPProxy)
    assert _is_scaling(pool)


# --- through the SDKs: defaults that do not reconnect ------------------------------------------


@pytest.mark.parametrize("call", SDK_CALLS, ids=lambda call: call.id)
async def test_sdk_fan_out_under_the_default_limits_reuses_its_connections(call: OperationCall) -> None:
    """STOCK FAILS: httpcore 1.0.9's pool reconnects here. This pool fails it too under httpx's
    default limits (20 kept alive: 180 connections for 400 calls), hence DEFAULT_LIMITS."""
    module, arguments = call.operation.module(), call.operation.sdk_arguments(call.recording)
    with KeepAliveServer(latency=0.02, body=call.recording.body_text.encode()) as sdk_server:
        client = call.client(base_url=sdk_server.base_url)
        scalinghttpcore_pool_of(client.get_async_httpx_client())
        limit = asyncio.Semaphore(100)

        async def one() -> None:
            async with limit:
                assert (await module.asyncio_detailed(client=client, **arguments)).status_code == 200

        async with client:
            await asyncio.gather(*(one() for _ in range(400)))
        assert sdk_server.counters.connections <= 100


@pytest.mark.parametrize("call", SDK_CALLS, ids=lambda call: call.id)
def test_sdk_sync_client_shared_by_100_threads(call: OperationCall) -> None:
    module, arguments = call.operation.module(), call.operation.sdk_arguments(call.recording)
    with KeepAliveServer(latency=0.02, body=call.recording.body_text.encode()) as sdk_server:
        client = call.client(base_url=sdk_server.base_url)
        scalinghttpcore_pool_of(client.get_httpx_client())
        statuses: list[int] = []

        def calls() -> None:
            for _ in range(4):
                statuses.append(module.sync_detailed(client=client, **arguments).status_code)

        threads = [threading.Thread(target=calls) for _ in range(100)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        client.get_httpx_client().close()
        assert statuses == [200] * 400
        assert sdk_server.counters.connections <= 100


# --- the bookkeeping alone, on any sequence of events ------------------------------------------


class FakeConnection:
    def __init__(self, origin: httpcore.Origin) -> None:
        self.origin = origin
        self.state = "new"  # new, active, idle, closed
        self.holders = 0
        self.dead_while_idle = False

    def is_idle(self) -> bool:
        return self.state == "idle"

    def is_closed(self) -> bool:
        return self.state == "closed"

    def has_expired(self) -> bool:
        return self.dead_while_idle


ORIGINS = [httpcore.Origin(b"http", b"a.example", 80), httpcore.Origin(b"https", b"b.example", 443)]
events = st.lists(
    st.tuples(st.sampled_from(["request", "finish", "fail", "cancel", "server-close"]), st.integers(0, 50)),
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(events, st.integers(1, 6), st.integers(0, 6))
def test_bookkeeping_invariants_hold_for_any_sequence(
    sequence: list[tuple[str, int]], max_connections: int, max_keepalive: int
) -> None:
    """Never one connection for two requests; the limits hold; a request waits only when the pool
    is full and busy; each request is served in turn."""
    created: list[FakeConnection] = []

    def create(origin: httpcore.Origin) -> FakeConnection:
        created.append(FakeConnection(origin))
        return created[-1]

    book = _pool._Book(create, max_connections, min(max_keepalive, max_connections), None, threading.Event)
    holding: list[Any] = []
    queued: list[Any] = []
    for event, pick in sequence:
        if event == "request":
            origin = ORIGINS[pick % 2]
            waiter = _pool._Waiter(_pool._origin_key(origin))
            book.assign(waiter, origin)
            (holding if waiter.connection is not None else queued).append(waiter)
        elif event in ("finish", "fail") and holding:
            waiter = holding.pop(pick % len(holding))
            waiter.connection.state = "idle" if event == "finish" else "closed"
            book.release(waiter)
        elif event == "cancel" and queued:
            book.release(queued.pop(pick % len(queued)))
        elif event == "server-close":
            for connection in created:
                if connection.state == "idle" and pick % 3 == 0:
                    connection.dead_while_idle = True
        newly_served = [waiter for waiter in queued if waiter.connection is not None]
        assert [waiter for waiter in queued if waiter.connection is None] == list(book.queue), "in turn"
        queued = [waiter for waiter in queued if waiter.connection is None]
        holding += newly_served
        held = [waiter.connection for waiter in holding]
        assert len(held) == len({id(connection) for connection in held}), "a connection handed out twice"
        for waiter in holding:
            assert waiter.connection.origin == ORIGINS[0 if waiter.origin[1] == b"a.example" else 1]
            assert waiter.connection.state != "closed"
            waiter.connection.state = "active"
        assert len(book.connections) <= max_connections
        assert book.idle_count <= min(max_keepalive, max_connections)
        if book.queue:
            assert book.idle_count == 0 and len(book.connections) == max_connections
