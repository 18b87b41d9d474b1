"""Proxies, on every transport, through a forwarding proxy on 127.0.0.1.

- The environment's HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY are honoured as httpx reads
  them, unless httpx_args={"trust_env": False}; proxy= (or httpx_args["proxy"]) takes precedence.
- Through a proxy the client keeps its retries, size cap, deadline, TLS settings and chosen
  async transport; a proxy's credentials go to the proxy only, and stay out of repr().
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
from collections.abc import Iterator
from typing import Any

import anyio
import httpcore
import httpx
import pytest
from httpcore._backends.anyio import AnyIOStream

from scripts.fixtures.recorded_calls import CALLS_BY_ID
from tests.support.forward_proxy import ForwardProxy
from tests.support.raw_server import Drip, RawServer, http_answer
from tests.support.transports import TRANSPORTS, call_on, run_and_close, transport_options

DREAMINA = CALLS_BY_ID["useapi.getDreaminaAccount"]
BODY = DREAMINA.recording.body_text.encode()
OK = http_answer("200 OK", BODY, content_type="application/json")
PROXY_VARIABLES = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"]


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[ForwardProxy]:
    """A forwarding proxy, and an environment that names no proxy until the test sets one."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    with ForwardProxy() as forward:
        yield forward


def proxied(proxy: ForwardProxy, server: RawServer) -> list[bytes]:
    """The request lines the proxy forwarded to the raw server."""
    target = f"GET {server.base_url}/v1/dreamina/accounts/".encode()
    return [head.split(b"\r\n")[0] for head in proxy.requests if head.startswith(target)]


async def ok_call(server: RawServer, transport: str, **options: Any) -> None:
    response = await call_on(server, transport, lambda request: OK, **options)
    assert response.status_code == 200 and response.parsed is not None


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"])
async def test_environment_proxies_are_honoured(
    raw_server: RawServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch, transport: str, variable: str
) -> None:
    monkeypatch.setenv(variable, proxy.url)
    await ok_call(raw_server, transport)
    assert len(proxied(proxy, raw_server)) == 1 and len(raw_server.requests) == 1


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("environment", "options", "through_proxy"),
    [
        ({"HTTPS_PROXY": "proxy"}, {}, False),  # for https:// URLs only
        ({"HTTP_PROXY": "proxy", "NO_PROXY": "127.0.0.1"}, {}, False),
        ({"ALL_PROXY": "proxy", "no_proxy": "localhost,127.0.0.1"}, {}, False),
        ({"HTTP_PROXY": "proxy"}, {"httpx_args": {"trust_env": False}}, False),
        ({"HTTP_PROXY": "proxy", "NO_PROXY": "127.0.0.1"}, {"proxy": "proxy"}, True),  # proxy= wins, as in httpx
        ({}, {"proxy": "proxy"}, True),
        ({}, {"httpx_args": {"proxy": "proxy"}}, True),
    ],
    ids=[
        "https-only",
        "no-proxy",
        "no-proxy-list",
        "trust-env-off",
        "argument-over-environment",
        "argument",
        "httpx-args",
    ],
)
async def test_which_requests_go_through_the_proxy(
    raw_server: RawServer,
    proxy: ForwardProxy,
    monkeypatch: pytest.MonkeyPatch,
    transport: str,
    environment: dict[str, str],
    options: dict[str, Any],
    through_proxy: bool,
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, proxy.url if value == "proxy" else value)
    if options.get("proxy") == "proxy":
        options = {**options, "proxy": proxy.url}
    if options.get("httpx_args", {}).get("proxy") == "proxy":
        options = {**options, "httpx_args": {"proxy": proxy.url}}
    await ok_call(raw_server, transport, **options)
    assert len(proxied(proxy, raw_server)) == (1 if through_proxy else 0)
    assert len(raw_server.requests) == 1


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_proxy_credentials_go_to_the_proxy_only(
    raw_server: RawServer, proxy: ForwardProxy, transport: str
) -> None:
    with_credentials = proxy.url.replace("http://", "http://user:proxy-secret@")
    client = DREAMINA.client(base_url=raw_server.base_url, proxy=with_credentials, **transport_options(transport))
    assert "proxy-secret" not in repr(client)
    raw_server.answer = lambda request: OK
    raw_server.requests.clear()
    await run_and_close(client, transport)
    credentials = [
        line.split(b":", 1)[1].strip()
        for line in proxy.requests[0].split(b"\r\n")
        if line.lower().startswith(b"proxy-authorization:")
    ]
    assert credentials == [b"Basic dXNlcjpwcm94eS1zZWNyZXQ="]
    assert b"proxy-" not in raw_server.requests[0].lower()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_retries_size_cap_and_deadline_apply_through_the_proxy(
    raw_server: RawServer, proxy: ForwardProxy, transport: str, sleeps: list[float]
) -> None:
    busy = http_answer("503 Service Unavailable", b"busy", content_type="text/plain")
    response = await call_on(raw_server, transport, lambda request: busy, proxy=proxy.url)
    assert response.status_code == 503 and len(proxied(proxy, raw_server)) == 3 and len(sleeps) == 2
    padded = json.dumps({**DREAMINA.body, "padding": "x" * 5000}).encode()
    with pytest.raises(DREAMINA.errors.ResponseTooLargeError):
        large = http_answer("200 OK", padded, content_type="application/json")
        await call_on(raw_server, transport, lambda request: large, proxy=proxy.url, max_response_bytes=4096)
    drip = Drip(b"", OK, every=0.05)
    with pytest.raises(DREAMINA.errors.DeadlineExceededError):
        await call_on(raw_server, transport, lambda request: drip, proxy=proxy.url, timeout=0.5, deadline=1.0)


@pytest.mark.parametrize("transport", ["async", "aiohttp"])
async def test_the_chosen_async_transport_carries_proxied_calls(
    raw_server: RawServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch, transport: str
) -> None:
    aiohttp_transport = DREAMINA.package_module("_aiohttp").AiohttpTransport
    through_aiohttp: list[str] = []
    sending = aiohttp_transport.handle_async_request

    async def spy(self: Any, request: Any) -> Any:
        through_aiohttp.append(str(request.url))
        return await sending(self, request)

    monkeypatch.setattr(aiohttp_transport, "handle_async_request", spy)
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    await ok_call(raw_server, transport)
    assert len(proxied(proxy, raw_server)) == 1
    assert len(through_aiohttp) == (1 if transport == "aiohttp" else 0)


class RecordingContext(ssl.SSLContext):
    """An SSL context that records each TLS connection it starts."""

    started: list[str]

    def wrap_socket(self, *args: Any, **kwargs: Any) -> Any:
        self.started.append("socket")
        return super().wrap_socket(*args, **kwargs)

    def wrap_bio(self, *args: Any, **kwargs: Any) -> Any:
        self.started.append("bio")
        return super().wrap_bio(*args, **kwargs)


@pytest.fixture
def hangs_up() -> Iterator[int]:
    """A port on 127.0.0.1 that accepts connections and closes them at once."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stopping = threading.Event()

    def accept() -> None:
        while not stopping.is_set():
            try:
                listener.accept()[0].close()
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stopping.set()
    thread.join(timeout=5)
    listener.close()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_tls_settings_apply_through_the_proxy(proxy: ForwardProxy, hangs_up: int, transport: str) -> None:
    context = RecordingContext(ssl.PROTOCOL_TLS_CLIENT)
    context.started = []
    client = DREAMINA.client(
        base_url=f"https://127.0.0.1:{hangs_up}",
        proxy=proxy.url,
        verify_ssl=context,
        retry=None,
        **transport_options(transport),
    )
    with pytest.raises(httpx.HTTPError) as raised:
        await run_and_close(client, transport)
    assert type(raised.value) is DREAMINA.errors.ConnectError, "the handshake failed: the server hung up"
    assert proxy.requests[0].startswith(f"CONNECT 127.0.0.1:{hangs_up} ".encode()), "tunnelled"
    assert len(context.started) == 1, "the client's TLS context started the handshake in the tunnel"


async def test_a_handshake_hang_up_httpcore_leaves_unmapped_is_a_connect_error(
    proxy: ForwardProxy, hangs_up: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """httpcore before 1.0 (make test-dist's lowest resolution) raises anyio's EndOfStream itself
    when the server hangs up during a tunnelled handshake; here the same is forced on any httpcore."""

    hung_up: list[bool] = []

    async def hang_up(*args: Any, **kwargs: Any) -> Any:
        hung_up.append(True)
        raise anyio.EndOfStream

    monkeypatch.setattr(AnyIOStream, "start_tls", hang_up)
    # httpcore's own (anyio) network backend, as on an httpcore the SDK's asyncio one is not tested on
    monkeypatch.setattr(DREAMINA.package_module("_asyncio_network"), "TESTED_HTTPCORE_VERSIONS", frozenset())
    client = DREAMINA.client(base_url=f"https://127.0.0.1:{hangs_up}", proxy=proxy.url, retry=None)
    with pytest.raises(httpx.HTTPError) as raised:
        await run_and_close(client, "async")
    assert hung_up, "the handshake went through anyio's stream"
    assert type(raised.value) is DREAMINA.errors.ConnectError


@pytest.mark.parametrize("kind", ["sync", "httpx"])
def test_every_route_keeps_the_scaling_pool(proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """The direct transport and each proxied one come from the one factory, with the SDK's pool."""
    pool_module = DREAMINA.package_module("_pool")
    # The gate keeps httpcore's own pool on an untested httpcore (the lowest resolution of make
    # test-dist): opened here, as the pool's own tests do, so every route is checked on every httpcore.
    monkeypatch.setattr(pool_module, "TESTED_HTTPCORE_VERSIONS", frozenset({httpcore.__version__}))
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    _args, built = DREAMINA.client()._client_args(kind)
    assert len(built) == 3, "direct, http:// and https:// through the proxy"
    scaling = set(pool_module._scaling_classes.values())
    assert all(type(transport._pool) in scaling for transport in built), [type(t._pool) for t in built]
