"""with_headers, with_cookies and with_timeout return a copy and never change the client they were
called on, before or after it has made calls, sync and async; a copy never sends another
client's token."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from scripts.fixtures.recorded_calls import CALLS_BY_ID, TOKEN, OperationCall
from tests.support.transports import MODES, json_response
from tests.support.upstream_mock import mock_upstream

OTHER_TOKEN = "REDACTED-other-caller"


@pytest.fixture(params=["useapi.getDreaminaAccount", "imaginepro.getAccountInfo"])
def call(request: pytest.FixtureRequest) -> OperationCall:
    """One operation per SDK: the client is the same for all of a package's operations."""
    return CALLS_BY_ID[request.param]


async def sent_with(call: OperationCall, client: Any, mode: str) -> httpx.Request:
    with mock_upstream() as router:
        route = router.route().mock(return_value=json_response(200, call.recording.body_text))
        await call.run(client, mode)
    request: httpx.Request = route.calls.last.request
    return request


def timeouts(request: httpx.Request) -> dict[str, float | None]:
    return dict(request.extensions["timeout"])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("after_a_call", [False, True], ids=["before-any-call", "after-a-call"])
async def test_copies_leave_the_original_alone(call: OperationCall, mode: str, after_a_call: bool) -> None:
    original = call.client()
    if after_a_call:
        await sent_with(call, original, mode)

    headers = original.with_headers({"X-Caller": "b", "Authorization": f"Bearer {OTHER_TOKEN}"})
    cookies = original.with_cookies({"session": "b"})
    quick = original.with_timeout(1.5)

    sent = await sent_with(call, original, mode)
    assert "x-caller" not in sent.headers and "cookie" not in sent.headers
    assert sent.headers["authorization"] == f"Bearer {TOKEN}"
    assert timeouts(sent)["read"] == 30.0

    by_headers = await sent_with(call, headers, mode)
    assert by_headers.headers["x-caller"] == "b"
    assert by_headers.headers["authorization"] == f"Bearer {TOKEN}", "the client's token wins over a header"
    assert (await sent_with(call, cookies, mode)).headers["cookie"] == "session=b"
    assert timeouts(await sent_with(call, quick, mode))["read"] == 1.5


@pytest.mark.parametrize("mode", MODES)
async def test_a_copy_never_sends_another_clients_token(call: OperationCall, mode: str) -> None:
    first = call.client()
    second = call.package_module("client").AuthenticatedClient(base_url=call.base_url, token=OTHER_TOKEN)
    await sent_with(call, first, mode)
    await sent_with(call, second, mode)
    copies = [first.with_headers({"X-A": "1"}), second.with_headers({"X-B": "1"}), second.with_timeout(2.0)]
    tokens = [(await sent_with(call, copy, mode)).headers["authorization"] for copy in copies]
    assert tokens == [f"Bearer {TOKEN}", f"Bearer {OTHER_TOKEN}", f"Bearer {OTHER_TOKEN}"]
    assert (await sent_with(call, first, mode)).headers["authorization"] == f"Bearer {TOKEN}"
