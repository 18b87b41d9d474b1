"""The SDKs' network backend for httpx's async transport (_asyncio_network.py), on real sockets.

What the rest of the suite does not reach: bodies larger than the backend buffers, writes that
must wait for the server to read, timeouts of a read and of a write, TLS direct and through a
proxy's tunnel, and the gate. Failures, garbage, drips and cancellation go through it in the
wire, deadline, proxy and pool tests (the pool tests' async transports get it too).
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpcore
import httpx
import pytest
import trustme
from useapi_client import _asyncio_network  # both SDKs render the same module
from useapi_client.client import new_transport

from scripts.fixtures.keepalive_server import KeepAliveServer
from tests.support.forward_proxy import ForwardProxy
from tests.support.raw_server import RawServer, http_answer, request_body

KEPT_ALIVE = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}"


@pytest.fixture(autouse=True)
def tested_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """The backend's behaviour on every httpcore (make test-dist's lowest too); the gate has its own test."""
    monkeypatch.setattr(_asyncio_network, "TESTED_HTTPCORE_VERSIONS", frozenset({httpcore.__version__}))


def backend_of(transport: httpx.AsyncHTTPTransport) -> Any:
    return transport._pool._network_backend


def async_client(base_url: str, **options: Any) -> httpx.AsyncClient:
    transport = new_transport("httpx", verify=options.pop("verify", True), proxy=options.pop("proxy", None))
    assert type(backend_of(transport)) is _asyncio_network._AsyncioBackend
    return httpx.AsyncClient(base_url=base_url, transport=transport, **options)


@pytest.fixture
def raw_server() -> Iterator[RawServer]:
    with RawServer() as server:
        yield server


@pytest.fixture
def silent_listener() -> Iterator[str]:
    """A server that accepts connections and never reads from them or answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stopping = threading.Event()
    listener.settimeout(0.05)

    def accept() -> None:
        while not stopping.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stopping.set()
    thread.join(timeout=5)
    for connection in held:
        connection.close()
    listener.close()


async def test_an_answer_larger_than_the_buffer_arrives_whole_and_the_buffer_stays_bounded(
    raw_server: RawServer,
) -> None:
    body = bytes(range(256)) * (24 * 1024)  # 6 MiB
    raw_server.answer = lambda request: http_answer("200 OK", body, content_type="application/octet-stream")
    async with async_client(raw_server.base_url) as client, client.stream("GET", "/big") as response:
        stream = response.extensions["network_stream"]
        for _ in range(100):  # let the server fill the buffer while nothing is read
            await asyncio.sleep(0.005)
        buffered = len(stream._protocol.received)
        assert buffered < _asyncio_network._PAUSE_READING_AT + 256 * 1024, "reading paused"
        received = b"".join([chunk async for chunk in response.aiter_raw()])
    assert received == body


async def test_an_upload_larger_than_the_socket_buffers_is_sent_whole(raw_server: RawServer) -> None:
    body = bytes(range(256)) * (64 * 1024)  # 16 MiB: the writes wait for the server to read
    raw_server.answer = lambda request: http_answer("200 OK", str(len(request_body(request))).encode())
    async with async_client(raw_server.base_url) as client:
        response = await client.post("/upload", content=body)
    assert response.text == str(len(body))
    assert request_body(raw_server.requests[0]) == body


async def test_closing_the_client_closes_its_sockets_before_it_returns() -> None:
    """As with anyio's streams: once aclose() returns, the server sees every connection closed even
    if the event loop never runs again (a server on Python 3.12 waits for them as it stops)."""
    with KeepAliveServer() as server:
        async with async_client(server.base_url) as client:
            await asyncio.gather(*(client.get("/") for _ in range(5)))
            assert server.counters.open == 5
        deadline = time.monotonic() + 2  # blocking: the loop does not run meanwhile
        while server.counters.open and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.counters.open == 0


async def test_a_write_the_server_never_reads_times_out(silent_listener: str) -> None:
    async with async_client(silent_listener, timeout=httpx.Timeout(5.0, write=0.3)) as client:
        with pytest.raises(httpx.WriteTimeout):
            await client.post("/upload", content=b"x" * (64 * 1024 * 1024))


async def test_a_read_that_waits_past_its_timeout_raises_read_timeout(silent_listener: str) -> None:
    async with async_client(silent_listener, timeout=httpx.Timeout(5.0, read=0.2)) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.get("/")


async def test_a_refused_connection_is_a_connect_error() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    async with async_client(f"http://127.0.0.1:{port}") as client:
        with pytest.raises(httpx.ConnectError):
            await client.get("/")


# --- TLS, direct and in a proxy's tunnel ---------------------------------------------------------


class TLSServer(RawServer):
    def __init__(self, context: ssl.SSLContext) -> None:
        super().__init__()
        self.keep_alive = True
        self._context = context

    @property
    def base_url(self) -> str:
        return super().base_url.replace("http://", "https://")

    def _serve(self, connection: socket.socket) -> None:
        try:
            connection = self._context.wrap_socket(connection, server_side=True)
        except (OSError, ssl.SSLError):
            connection.close()
            return
        super()._serve(connection)


@pytest.fixture
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server(authority: trustme.CA) -> Iterator[TLSServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    with TLSServer(context) as server:
        server.answer = lambda request: KEPT_ALIVE
        yield server


@pytest.mark.parametrize("through_proxy", [False, True], ids=["direct", "tunnelled"])
async def test_tls_round_trips_on_one_connection(
    tls_server: TLSServer, authority: trustme.CA, through_proxy: bool
) -> None:
    verify = ssl.create_default_context()
    authority.configure_trust(verify)
    with ForwardProxy() as proxy:
        options: dict[str, Any] = {"verify": verify, "proxy": httpx.Proxy(proxy.url) if through_proxy else None}
        async with async_client(tls_server.base_url, **options) as client:
            first = await client.get("/one")
            second = await client.get("/two")
        tunnels = [head for head in proxy.requests if head.startswith(b"CONNECT ")]
    assert first.status_code == second.status_code == 200
    assert first.extensions["network_stream"].get_extra_info("ssl_object") is not None
    assert len(tls_server.requests) == 2
    assert first.extensions["network_stream"] is second.extensions["network_stream"], "one connection"
    assert len(tunnels) == (1 if through_proxy else 0)


async def test_a_certificate_the_client_does_not_trust_is_a_connect_error(tls_server: TLSServer) -> None:
    async with async_client(tls_server.base_url) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get("/")


# --- the gate ------------------------------------------------------------------------------------


def test_every_async_route_gets_the_backend_and_an_untested_httpcore_keeps_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for proxy in (None, httpx.Proxy("http://127.0.0.1:3128"), httpx.Proxy("https://127.0.0.1:3129")):
        assert type(backend_of(new_transport("httpx", proxy=proxy))) is _asyncio_network._AsyncioBackend
    monkeypatch.setattr(_asyncio_network, "TESTED_HTTPCORE_VERSIONS", frozenset({"0.0.0"}))
    assert type(backend_of(new_transport("httpx"))).__name__ == "AutoBackend"


def test_http2_is_left_to_httpcore() -> None:
    transport = httpx.AsyncHTTPTransport()
    transport._pool = httpcore.AsyncConnectionPool(http2=True)
    assert type(backend_of(_asyncio_network.asyncio_network_in(transport))).__name__ == "AutoBackend"


def test_outside_an_asyncio_loop_the_backend_httpcore_chose_connects() -> None:
    """Under trio (no asyncio loop running) the connection is httpcore's own backend's."""
    asked: list[tuple[Any, ...]] = []
    made = object()

    class Chosen(httpcore.AsyncNetworkBackend):
        async def connect_tcp(self, *args: Any, **kwargs: Any) -> Any:
            asked.append(("tcp", *args))
            return made

        async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> Any:
            asked.append(("unix", *args))
            return made

    backend = _asyncio_network._AsyncioBackend(Chosen())
    for connecting in (backend.connect_tcp("example.com", 443, 5.0), backend.connect_unix_socket("/tmp/s", 5.0)):
        with pytest.raises(StopIteration) as returned:  # driven by hand: no event loop at all
            connecting.send(None)
        assert returned.value.value is made
    assert asked == [("tcp", "example.com", 443, 5.0, None, None), ("unix", "/tmp/s", 5.0, None)]
