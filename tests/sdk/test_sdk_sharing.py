"""One client shared by threads and event loops, and the headers it sends.

- Sixteen threads making a fresh client's first call at once build one httpx client.
- A client used from a new event loop (a second asyncio.run(), a loop per thread) works, on both
  async transports, without aiohttp's "Unclosed client session" for the loop that has gone.
- The token replaces an Authorization header in any casing, given at construction or in
  with_headers(); any header given again in another casing replaces the first.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
import time
from typing import Any

import httpx
import pytest

from scripts.fixtures.recorded_calls import CALLS_BY_ID, TOKEN
from tests.support.raw_server import RawServer, http_answer
from tests.support.transports import TRANSPORTS, run_and_close, transport_options

DREAMINA = CALLS_BY_ID["useapi.getDreaminaAccount"]
BODY = DREAMINA.recording.body_text.encode()
KEEP_ALIVE = http_answer("200 OK", BODY, content_type="application/json").replace(
    b"connection: close", b"connection: keep-alive"
)


def test_sixteen_threads_first_calls_build_one_httpx_client(
    raw_server: RawServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[httpx.Client] = []
    building = httpx.Client.__init__

    def slow_build(self: httpx.Client, *args: Any, **kwargs: Any) -> None:
        time.sleep(0.05)  # widens the window two threads would both build in
        building(self, *args, **kwargs)
        built.append(self)

    monkeypatch.setattr(httpx.Client, "__init__", slow_build)
    raw_server.answer = lambda request: http_answer("200 OK", BODY, content_type="application/json")
    client = DREAMINA.client(base_url=raw_server.base_url)
    start = threading.Barrier(16)
    statuses: list[int] = []

    def first_call() -> None:
        start.wait()
        statuses.append(DREAMINA.call(client).status_code)

    threads = [threading.Thread(target=first_call) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 16
    assert len(built) == 1, f"{len(built)} httpx clients built, {len(built) - 1} never closed"
    client.get_httpx_client().close()


@pytest.mark.parametrize("transport", ["async", "aiohttp"])
def test_a_client_works_across_event_loops(
    raw_server: RawServer, transport: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A module-level client, a Celery task, a session fixture: one client, a new loop each time,
    and a connection the old loop left open."""
    raw_server.answer = lambda request: KEEP_ALIVE
    client = DREAMINA.client(base_url=raw_server.base_url, **transport_options(transport))
    raw_server.keep_alive = True
    try:
        for _ in range(3):
            response = asyncio.run(DREAMINA.acall(client))
            assert response.status_code == 200 and response.parsed is not None
        asyncio.run(client.get_async_httpx_client().aclose())
    finally:
        raw_server.keep_alive = False
    gc.collect()
    complaints = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert not [message for message in complaints if "Unclosed" in message], complaints


@pytest.mark.parametrize("transport", ["async", "aiohttp"])
def test_a_client_serves_two_running_loops_at_once(raw_server: RawServer, transport: str) -> None:
    def slow(request: bytes) -> bytes:
        time.sleep(0.3)
        return http_answer("200 OK", BODY, content_type="application/json")

    raw_server.answer = slow
    client = DREAMINA.client(base_url=raw_server.base_url, **transport_options(transport))
    statuses: list[int] = []

    async def call_and_close() -> None:
        statuses.append((await DREAMINA.acall(client)).status_code)
        await client.get_async_httpx_client().aclose()

    threads = [threading.Thread(target=asyncio.run, args=(call_and_close(),)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200, 200]


def authorization_lines(request: bytes) -> list[bytes]:
    return [line for line in request.split(b"\r\n") if line.lower().startswith(b"authorization:")]


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("name", ["authorization", "AUTHORIZATION", "aUtHoRiZaTiOn", "Authorization"])
async def test_the_token_replaces_an_authorization_header_in_any_casing(
    raw_server: RawServer, transport: str, name: str
) -> None:
    raw_server.answer = lambda request: http_answer("200 OK", BODY, content_type="application/json")
    at_construction = DREAMINA.client(
        base_url=raw_server.base_url, headers={name: "Bearer the-caller's"}, **transport_options(transport)
    )
    in_a_copy = DREAMINA.client(base_url=raw_server.base_url, **transport_options(transport)).with_headers(
        {name: "Bearer the-caller's"}
    )
    for client in (at_construction, in_a_copy):
        raw_server.requests.clear()
        await run_and_close(client, transport)
        sent = [line.split(b":", 1)[1].strip() for line in authorization_lines(raw_server.requests[0])]
        assert sent == [f"Bearer {TOKEN}".encode()], "one Authorization header: the client's token"


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_header_given_again_in_another_casing_replaces_the_first(raw_server: RawServer, transport: str) -> None:
    raw_server.answer = lambda request: http_answer("200 OK", BODY, content_type="application/json")
    client = DREAMINA.client(base_url=raw_server.base_url, headers={"X-Trace": "first"}, **transport_options(transport))
    raw_server.requests.clear()
    await run_and_close(client.with_headers({"x-trace": "second"}), transport)
    traces = [line.lower() for line in raw_server.requests[0].split(b"\r\n") if line.lower().startswith(b"x-trace:")]
    assert traces == [b"x-trace: second"]
