"""The call's deadline and the pool wait, on every transport.

- `deadline` bounds the whole call: each attempt, each wait before a retry, the whole body. By
  default ("auto") it is DEADLINE_READ_TIMEOUTS read timeouts; it follows with_timeout(); None
  turns it off; anything else but seconds above 0 is refused when the client is built.
- A retry whose wait would end past the deadline is not made: the last answer comes back.
- Waiting for a pooled connection past the pool timeout is httpx.PoolTimeout on every
  transport, not retried.
(A drip-fed answer against the deadline: tests/sdk/test_sdk_transports_alike.py.)
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import httpx
import pytest
from httpx_retries import Retry

from scripts.fixtures.recorded_calls import CALLS_BY_ID, OperationCall
from tests.support.raw_server import RawServer, http_answer
from tests.support.transports import TRANSPORTS, call_on, transport_options

DREAMINA = CALLS_BY_ID["useapi.getDreaminaAccount"]
BODY = DREAMINA.recording.body_text.encode()


def test_the_default_deadline_is_a_few_read_timeouts(call: OperationCall) -> None:
    factor = call.package_module("_constants").DEADLINE_READ_TIMEOUTS
    assert factor == 3
    assert call.client().deadline == 90.0, "three times the default read timeout of 30 s"
    assert call.client(timeout=2.0).deadline == 6.0
    assert call.client().with_timeout(httpx.Timeout(5.0, read=4.0)).deadline == 12.0
    assert call.client(timeout=httpx.Timeout(None)).deadline is None, "no read timeout, no default deadline"
    assert call.client(deadline=7.5).with_timeout(1.0).deadline == 7.5, "a deadline given is kept"
    assert call.client().with_deadline(None).deadline is None
    assert call.client(deadline=None).with_deadline("auto").deadline == 90.0


@pytest.mark.parametrize("deadline", [0, -1.0, "soon", True, float("nan")])
def test_a_deadline_that_is_not_seconds_is_refused(call: OperationCall, deadline: Any) -> None:
    with pytest.raises(ValueError, match="deadline"):
        call.client(deadline=deadline)


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_deadline_bounds_retries_and_their_waits(raw_server: RawServer, transport: str) -> None:
    """Each answer asks for a retry in 1 s; 10 retries are allowed. Within a 2.5 s deadline there
    is room for two waits: the third would end past it, so the third answer comes back."""
    busy = http_answer("503 Service Unavailable", b"busy", content_type="text/plain", **{"retry-after": "1"})
    retry = Retry(total=10, status_forcelist=[503], respect_retry_after_header=True)
    asked = []  # when each request arrived: the clock starts at the first, after imports and set-up

    def busy_answer(request: bytes) -> bytes:
        asked.append(time.monotonic())
        return busy

    response = await call_on(raw_server, transport, busy_answer, retry=retry, deadline=2.5)
    elapsed = time.monotonic() - asked[0]
    assert response.status_code == 503
    assert len(raw_server.requests) == 3
    assert 2.0 <= elapsed < 2.5, f"{elapsed:.2f} s"


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_slow_answer_is_cut_at_the_deadline_not_the_read_timeout(raw_server: RawServer, transport: str) -> None:
    asked = []

    def slow(request: bytes) -> bytes:
        asked.append(time.monotonic())
        time.sleep(2.0)
        return http_answer("200 OK", BODY, content_type="application/json")

    with pytest.raises(DREAMINA.errors.DeadlineExceededError) as raised:
        await call_on(raw_server, transport, slow, timeout=10.0, deadline=0.5)
    assert time.monotonic() - asked[0] < 1.0
    error: Any = raised.value
    assert error.deadline == 0.5 and "0.5 s" in str(error)
    assert isinstance(error, httpx.TimeoutException)


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_waiting_for_a_pooled_connection_is_pool_timeout_everywhere(
    raw_server: RawServer, transport: str
) -> None:
    """One connection allowed; a first call holds it for 1.5 s; the second waits 0.3 s for it."""

    def slow_first(request: bytes) -> bytes:
        if len(raw_server.requests) == 1:
            time.sleep(1.5)
        return http_answer("200 OK", BODY, content_type="application/json")

    raw_server.answer = slow_first
    raw_server.requests.clear()
    client = DREAMINA.client(
        base_url=raw_server.base_url,
        timeout=httpx.Timeout(5.0, pool=0.3),
        httpx_args={"limits": httpx.Limits(max_connections=1)},
        **transport_options(transport),
    )
    outcomes: list[Any] = []

    async def second_call() -> None:
        while not raw_server.requests:  # the first call holds the connection
            await asyncio.sleep(0.01)
        started = time.monotonic()
        try:
            await DREAMINA.run(client, transport)
        except httpx.HTTPError as error:
            outcomes.append((type(error), time.monotonic() - started))

    if transport == "sync":
        first = threading.Thread(target=DREAMINA.call, args=(client,))
        first.start()
        await second_call()
        first.join()
    else:
        await asyncio.gather(DREAMINA.run(client, transport), second_call())
        await client.get_async_httpx_client().aclose()
    [(kind, waited)] = outcomes
    assert kind is DREAMINA.errors.PoolTimeout
    assert waited < 1.2, f"{waited:.2f} s: not retried, not counted as connecting"
    assert len(raw_server.requests) == 1, "the second call never reached the server"
