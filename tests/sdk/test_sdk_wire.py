"""What reaches the caller when the server misbehaves, on every transport: httpx's own, sync and
async, and the aiohttp extra. Real bytes on real sockets, from a raw server on 127.0.0.1.

- Connection failures, disconnects and garbage on the wire give the same exception on all
  three: the SDK's subclass of the httpx exception of the same name (also an errors.SDKError);
  no aiohttp exception escapes, none is chained, and none carries the token.
- Retries count the same on all three.
- A path parameter reaches the wire percent-encoded, byte for byte the same on all three; an
  empty, "." or ".." one is refused before anything is sent.
- Bodies are decompressed under the size cap, which stops a gzip bomb while it unpacks; a
  corrupt one gives httpx.DecodingError.
"""

from __future__ import annotations

import gzip
import json
import socket
import tracemalloc
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from useapi_client._constants import DEFAULT_MAX_RETRIES  # the same in both SDKs

from scripts.fixtures.recorded_calls import CALLS_BY_ID, TOKEN
from tests.support.raw_server import DROP, RESET, RawServer, http_answer
from tests.support.transports import TRANSPORTS, call_on, run_and_close, run_parsed, transport_options

DREAMINA = CALLS_BY_ID["useapi.getDreaminaAccount"]
IMAGINEPRO = CALLS_BY_ID["imaginepro.getAccountInfo"]
BODY = DREAMINA.recording.body_text.encode()


def always(answer: bytes) -> Callable[[bytes], bytes]:
    return lambda request: answer


def ok(body: bytes = BODY, *extra_headers: str) -> bytes:
    return http_answer("200 OK", body, *extra_headers, content_type="application/json")


def assert_sdk_class(error: BaseException, expected: type[Exception]) -> None:
    """The SDK's own subclass of exactly this httpx exception, so both `except`s catch it."""
    assert type(error).__bases__[0] is expected, f"{type(error).__mro__}: {error}"
    assert type(error).__name__ == expected.__name__
    assert isinstance(error, DREAMINA.errors.SDKError)


def assert_clean(error: BaseException) -> None:
    """An SDK exception alone: nothing of aiohttp's, no chained exception, no token anywhere."""
    assert type(error).__module__ == f"{DREAMINA.package}.errors", type(error)
    assert error.__cause__ is None and error.__context__ is None
    assert not hasattr(error, "request_info")
    for text in (repr(error), str(error), *map(repr, error.args)):
        assert TOKEN not in text
        assert "aiohttp" not in text


# --- connection failures, disconnects, garbage ------------------------------------------------

HEADER_BLOCK_TOO_LARGE = b"HTTP/1.1 200 OK\r\nx-big: " + b"a" * 300_000 + b"\r\ncontent-length: 2\r\n\r\n{}"
GARBAGE: dict[str, tuple[bytes, type[httpx.HTTPError]]] = {
    "disconnect-before-answering": (DROP, httpx.RemoteProtocolError),
    "reset-after-the-request": (RESET, httpx.ReadError),
    "malformed-status-line": (b"HTTP/1.1 2OO OK\r\ncontent-length: 0\r\n\r\n", httpx.RemoteProtocolError),
    "http-0.9-reply": (BODY, httpx.RemoteProtocolError),
    "a-300-KB-header": (HEADER_BLOCK_TOO_LARGE, httpx.RemoteProtocolError),
    "body-shorter-than-content-length": (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n{}",
        httpx.RemoteProtocolError,
    ),
    "malformed-chunk": (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
        httpx.RemoteProtocolError,
    ),
}


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("case", GARBAGE)
async def test_garbage_on_the_wire_gives_the_same_httpx_exception(
    raw_server: RawServer, transport: str, case: str
) -> None:
    answer, expected = GARBAGE[case]
    with pytest.raises(httpx.HTTPError) as raised:
        await call_on(raw_server, transport, always(answer))
    assert_sdk_class(raised.value, expected)
    assert_clean(raised.value)
    assert len(raw_server.requests) == 1, "not retried: the request may have been processed"


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "extra_headers",
    [[f"x-big: {'a' * 8200}"], [f"x-h{i}: {i}" for i in range(300)]],
    ids=["an-8-KB-header", "300-headers"],
)
async def test_large_but_legal_headers_are_read_alike(
    raw_server: RawServer, transport: str, extra_headers: list[str]
) -> None:
    response = await call_on(raw_server, transport, always(ok(BODY, *extra_headers)))
    assert response.status_code == 200 and response.parsed is not None


@pytest.fixture(scope="module")
def refused_url() -> str:
    with socket.socket() as probe:  # bound, never listening: connecting is refused
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_connection_refused_is_connect_error_retried_twice(
    refused_url: str, transport: str, sleeps: list[float]
) -> None:
    client = DREAMINA.client(base_url=refused_url, **transport_options(transport))
    with pytest.raises(httpx.HTTPError) as raised:
        await run_and_close(client, transport)
    assert_sdk_class(raised.value, httpx.ConnectError)
    assert_clean(raised.value)
    assert len(sleeps) == DEFAULT_MAX_RETRIES, "retried as on every transport"


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_dns_failure_is_connect_error(transport: str, monkeypatch: pytest.MonkeyPatch) -> None:
    guarded = socket.getaddrinfo

    def no_such_host(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("no-such-host.invalid", b"no-such-host.invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return guarded(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    client = DREAMINA.client(base_url="http://no-such-host.invalid", retry=None, **transport_options(transport))
    with pytest.raises(httpx.HTTPError) as raised:
        await run_and_close(client, transport)
    assert_sdk_class(raised.value, httpx.ConnectError)
    assert_clean(raised.value)


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_retryable_status_counts_the_same(raw_server: RawServer, transport: str, sleeps: list[float]) -> None:
    answer = http_answer("503 Service Unavailable", b"busy", content_type="text/plain")
    response = await call_on(raw_server, transport, always(answer))
    assert response.status_code == 503
    assert len(raw_server.requests) == 1 + DEFAULT_MAX_RETRIES


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_cookie_the_server_sets_goes_back_with_the_next_calls(raw_server: RawServer, transport: str) -> None:
    """The SDK's httpx clients skip httpx's cookie parsing of an answer that sets no cookie, and
    only of those."""
    answers = iter([ok(BODY, "set-cookie: sid=abc; Path=/"), ok(BODY), ok(BODY)])
    raw_server.answer = lambda request: next(answers)
    raw_server.requests.clear()
    client = DREAMINA.client(base_url=raw_server.base_url, timeout=5.0, **transport_options(transport))
    for _ in range(3):
        await run_parsed(DREAMINA, client, "sync" if transport == "sync" else "async")
    if transport != "sync":
        await client.get_async_httpx_client().aclose()
    cookies = [
        [line for line in request.lower().split(b"\r\n") if line.startswith(b"cookie:")]
        for request in raw_server.requests
    ]
    assert cookies == [[], [b"cookie: sid=abc"], [b"cookie: sid=abc"]]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_token_echoed_into_garbage_is_not_in_the_exception(raw_server: RawServer, transport: str) -> None:
    def echo_in_status_line(request: bytes) -> bytes:
        authorization = next(line for line in request.split(b"\r\n") if line.lower().startswith(b"authorization:"))
        return b"HTTP/1.1 2OO " + authorization + b"\r\ncontent-length: 0\r\n\r\n"

    with pytest.raises(httpx.RemoteProtocolError) as raised:
        await call_on(raw_server, transport, echo_in_status_line)
    assert_clean(raised.value)
    assert "2OO" not in str(raised.value), "the message quotes nothing the server sent"


# --- path parameters --------------------------------------------------------------------------

PATH_VALUES = ["US:jane@example.com", "a/b", "100%", "%2F..%2F", "ü ñ", "?#&=+;,", "~._-", "a b", "...", "\u0000x"]


@pytest.mark.parametrize("value", PATH_VALUES)
async def test_path_parameters_go_out_percent_encoded_alike(raw_server: RawServer, value: str) -> None:
    request_lines = []
    for transport in TRANSPORTS:
        raw_server.answer = always(ok())
        raw_server.requests.clear()
        client = DREAMINA.client(base_url=raw_server.base_url, **transport_options(transport))
        module = DREAMINA.operation.module()
        if transport == "sync":
            module.sync_detailed(value, client=client)
        else:
            await module.asyncio_detailed(value, client=client)
            await client.get_async_httpx_client().aclose()
        request_lines.append(raw_server.requests[0].split(b"\r\n")[0])
    expected = f"GET /v1/dreamina/accounts/{quote(value, safe='')} HTTP/1.1".encode()
    assert request_lines == [expected] * len(TRANSPORTS)


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("value", ["", ".", ".."])
async def test_path_parameters_that_change_the_endpoint_are_refused(
    raw_server: RawServer, transport: str, value: str
) -> None:
    client = DREAMINA.client(base_url=raw_server.base_url, **transport_options(transport))
    module = DREAMINA.operation.module()
    raw_server.requests.clear()
    with pytest.raises(DREAMINA.errors.InvalidPathParameterError) as raised:
        if transport == "sync":
            module.sync_detailed(value, client=client)
        else:
            await module.asyncio_detailed(value, client=client)
    assert raised.value.parameter == "account"
    assert "'account'" in str(raised.value)
    assert raw_server.requests == [], "nothing was sent"


# --- bodies: compression and the size cap -----------------------------------------------------


def encoded_answer(body: bytes, encoding: str) -> bytes:
    return ok(body, f"content-encoding: {encoding}")


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("deflate", lambda body: zlib.compress(body, wbits=-15))],
    ids=["gzip", "deflate", "raw-deflate"],
)
async def test_compressed_bodies_are_read(
    raw_server: RawServer, transport: str, encoding: str, compress: Callable[[bytes], bytes]
) -> None:
    response = await call_on(raw_server, transport, always(encoded_answer(compress(BODY), encoding)))
    assert response.content == BODY and response.parsed is not None
    assert b"accept-encoding: gzip, deflate" in raw_server.requests[0].lower()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_corrupt_gzip_gives_decoding_error(raw_server: RawServer, transport: str) -> None:
    corrupt = gzip.compress(BODY)[:12] + b"\xff" * 40
    with pytest.raises(httpx.DecodingError) as raised:
        await call_on(raw_server, transport, always(encoded_answer(corrupt, "gzip")))
    assert_sdk_class(raised.value, httpx.DecodingError)
    assert_clean(raised.value)


@cache
def gzip_bomb() -> bytes:
    """About 20 KB of gzip that unpacks to 20 MiB."""
    compressor = zlib.compressobj(9, wbits=31)
    block = bytes(1024 * 1024)
    return b"".join(compressor.compress(block) for _ in range(20)) + compressor.flush()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_gzip_bomb_stops_at_the_cap_while_unpacking(raw_server: RawServer, transport: str) -> None:
    bomb = gzip_bomb()
    # A first call imports and sets up what the transport needs: alone, compiling those modules
    # counted as unpacking (a 12.8 MiB peak without any bomb).
    await call_on(raw_server, transport, always(ok()))
    tracemalloc.start()
    try:
        with pytest.raises(DREAMINA.errors.ResponseTooLargeError) as raised:
            await call_on(raw_server, transport, always(encoded_answer(bomb, "gzip")))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    limit = DREAMINA.package_module("_constants").DEFAULT_MAX_RESPONSE_BYTES
    assert raised.value.limit == limit and raised.value.status_code == 200
    assert peak < 4 * limit, f"peak {peak / 2**20:.1f} MiB: the body was unpacked past the cap"


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_cap_applies_to_plain_bodies_and_is_set_per_client(raw_server: RawServer, transport: str) -> None:
    padded = json.dumps({**DREAMINA.body, "padding": "x" * 5000}).encode()
    close_delimited = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n" + padded
    for answer in (ok(padded), close_delimited):  # with and without a content-length to go by
        with pytest.raises(DREAMINA.errors.ResponseTooLargeError) as raised:
            await call_on(raw_server, transport, always(answer), max_response_bytes=4096)
        assert raised.value.limit == 4096
    response = await call_on(raw_server, transport, always(ok(padded)), max_response_bytes=None)
    assert response.parsed["padding"] == "x" * 5000
    response = await call_on(raw_server, transport, always(ok(padded)))
    assert response.status_code == 200, "the default cap leaves room for any account body"


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_cap_applies_to_undocumented_statuses_too(raw_server: RawServer, transport: str) -> None:
    answer = http_answer("596 Session Broke", b"x" * 5000, content_type="text/plain")
    with pytest.raises(IMAGINEPRO.errors.ResponseTooLargeError):
        await call_on(raw_server, transport, always(answer), IMAGINEPRO, max_response_bytes=1000)
