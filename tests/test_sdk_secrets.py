"""The API token never shows in a repr, a str or a log line, in both SDKs, sync and async.

Clients are checked before and after they build their httpx clients; responses and every
exception the SDK raises are checked too, and every log record (DEBUG and up, httpx, httpcore
and httpx-retries included) of calls made over real HTTP to the replay server on 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest

from scripts.sdk_calls import CALLS_BY_ID, TOKEN, OperationCall
from tests.sdk_calls import MODES, json_response
from tests.upstream_mock import mock_upstream

FLOW_MUSIC = CALLS_BY_ID["useapi.getFlowMusicAccount"]


def assert_no_token(*values: object) -> None:
    for value in values:
        for text in (repr(value), str(value)):
            assert TOKEN not in text, f"the token leaks through {type(value).__name__}: {text[:200]}"


def test_client_repr_hides_token_and_headers(call: OperationCall) -> None:
    client = call.client(headers={"X-Extra": TOKEN}, cookies={"session": TOKEN})
    assert_no_token(client)
    client.get_httpx_client()
    client.get_async_httpx_client()
    assert_no_token(client, client.with_headers({"X-More": "1"}), client.with_timeout(3.0))
    assert client.get_httpx_client().headers["authorization"] == f"Bearer {TOKEN}", "the token must still be sent"


@pytest.mark.parametrize("mode", MODES)
async def test_calls_over_http_log_and_return_nothing_with_the_token(
    call: OperationCall, mode: str, replay_server: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = call.client(base_url=replay_server)
    ok = await call.run(client, mode)
    assert ok.status_code == 200
    assert_no_token(ok, ok.parsed, ok.headers)
    records = [record.getMessage() for record in caplog.records]
    assert any("HTTP Request" in message for message in records), "httpx logged nothing: the check is blind"
    for message in records:
        assert TOKEN not in message, f"the token is in a log line: {message}"


@pytest.mark.parametrize("mode", MODES)
async def test_exceptions_carry_no_token(call: OperationCall, mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    raising = call.client(raise_on_unexpected_status=True, retry=None)
    raised: list[BaseException] = []
    with mock_upstream(assert_all_called=False) as router:
        router.route().mock(return_value=json_response(596, "session broke"))
        with pytest.raises(call.errors.UnexpectedStatus) as unexpected:
            await call.run(raising, mode)
        raised.append(unexpected.value)
        router.route().mock(return_value=json_response(200, "<html>proxy error</html>", "text/html"))
        with pytest.raises(call.errors.ResponseValidationError) as invalid:
            await call.run(raising, mode)
        raised.append(invalid.value)
        router.route().mock(side_effect=httpx.ConnectError("connection refused"))
        with pytest.raises(httpx.ConnectError) as refused:
            await call.run(call.client(retry=None), mode)
        raised.append(refused.value)
    for error in raised:
        assert_no_token(error, *error.args, error.__cause__, error.__context__)
    for record in caplog.records:
        assert TOKEN not in record.getMessage()


@pytest.mark.parametrize("mode", MODES)
async def test_upstream_session_tokens_stay_out_of_repr(mode: str) -> None:
    body = json.loads(FLOW_MUSIC.recording.body_text)
    body["access_token"], body["refresh_token"] = "upstream-access-abc", "upstream-refresh-xyz"
    with mock_upstream(assert_all_called=False) as router:
        router.route().mock(return_value=json_response(200, json.dumps(body)))
        response = await FLOW_MUSIC.run(FLOW_MUSIC.client(), mode)
    account: Any = response.parsed
    assert account.access_token == "upstream-access-abc", "still readable as an attribute"
    for text in (repr(account), repr(response)):
        assert "upstream-access-abc" not in text and "upstream-refresh-xyz" not in text
