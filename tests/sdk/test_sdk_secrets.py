"""The API token never shows in a repr, a str or a log line, in both SDKs, sync and async.

Clients are checked before and after they build their httpx clients; responses and every
exception the SDK raises are checked too, and every log record (DEBUG and up, httpx, httpcore
and httpx-retries included) of calls made over real HTTP to the replay server on 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

from scripts.core.paths import ROOT
from scripts.fixtures.recorded_calls import CALLS_BY_ID, TOKEN, OperationCall
from tests.support.raw_server import RESET, RawServer, http_answer
from tests.support.transports import MODES, json_response, run_parsed
from tests.support.upstream_mock import mock_upstream

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
    assert ok.status_code == call.recording.status
    assert_no_token(ok, ok.parsed, ok.headers)
    records = [record.getMessage() for record in caplog.records]
    assert any("HTTP Request" in message for message in records), "httpx logged nothing: the check is blind"
    for message in records:
        assert TOKEN not in message, f"the token is in a log line: {message}"


@pytest.mark.parametrize("mode", MODES)
async def test_exceptions_carry_no_token(json_call: OperationCall, mode: str, caplog: pytest.LogCaptureFixture) -> None:
    call = json_call
    caplog.set_level(logging.DEBUG)
    raising = call.client(retry=None)
    raised: list[BaseException] = []
    with mock_upstream(assert_all_called=False) as router:
        router.route().mock(return_value=json_response(596, "session broke"))
        with pytest.raises(call.errors.AccountSessionError) as unexpected:
            await run_parsed(call, raising, mode)
        raised.append(unexpected.value)
        proxy_error = json_response(call.recording.status, "<html>proxy error</html>", "text/html")
        router.route().mock(return_value=proxy_error)
        with pytest.raises(call.errors.ResponseValidationError) as invalid:
            await run_parsed(call, raising, mode)
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


@pytest.mark.parametrize("mode", MODES)
async def test_a_status_error_keeps_an_echoed_body_out_of_its_message(call: OperationCall, mode: str) -> None:
    echo = f'{{"echo": {{"headers": {{"authorization": "Bearer {TOKEN}"}}}}}}'
    with mock_upstream() as router:
        router.route().mock(return_value=json_response(502, echo))
        with pytest.raises(call.errors.InternalServerError) as raised:
            await run_parsed(call, call.client(retry=None), mode)
    assert raised.value.content == echo.encode(), "the body is still there to read"
    assert_no_token(raised.value, *raised.value.args)
    assert "502" in str(raised.value)


@pytest.mark.parametrize(
    "token",
    [f"{TOKEN}\n", f"{TOKEN}\r\n", f"{TOKEN}\x00", f"{TOKEN}\t", f"{TOKEN}é", f"✓{TOKEN}", f" {TOKEN}", ""],
    ids=["newline", "crlf", "nul", "tab", "non-ascii", "non-ascii-first", "leading-space", "empty"],
)
def test_a_token_that_cannot_be_sent_is_refused_when_the_client_is_built(call: OperationCall, token: str) -> None:
    client_module = call.package_module("client")
    with pytest.raises(call.errors.InvalidTokenError) as raised:
        client_module.AuthenticatedClient(base_url=call.base_url, token=token)
    assert isinstance(raised.value, ValueError)
    assert TOKEN not in str(raised.value) and TOKEN not in repr(raised.value.args)
    with pytest.raises(call.errors.InvalidTokenError):  # a copy with another token is checked too
        attrs.evolve(call.client(), token=token)


FAILING_CALLS = """
import os

import pytest
from useapi_client import AuthenticatedClient
from useapi_client.api.dreamina import get_dreamina_account


@pytest.mark.parametrize("transport", ["sync", "httpx", "aiohttp"])
@pytest.mark.parametrize("account", ["garbage", "reset", "unexpected", "invalid", "too-large", "refused"])
async def test_a_failing_call(transport, account):
    base_url = os.environ["REFUSED_URL" if account == "refused" else "SERVER_URL"]
    sdk = AuthenticatedClient(
        base_url=base_url,
        token=os.environ["SDK_TOKEN"],
        retry=None,
        async_transport="httpx" if transport == "sync" else transport,
    )
    if transport == "sync":
        get_dreamina_account.sync(account, client=sdk)
    else:
        await get_dreamina_account.asyncio(account, client=sdk)
"""


def echoing_server(request: bytes) -> bytes:
    """Answers that put the request's Authorization header where an exception may show it."""
    authorization = next(line for line in request.split(b"\r\n") if line.lower().startswith(b"authorization:"))
    path = request.split(b" ")[1]
    if path.endswith(b"/garbage"):
        return b"HTTP/1.1 2OO " + authorization + b"\r\n\r\n"
    if path.endswith(b"/reset"):
        return RESET
    if path.endswith(b"/too-large"):  # past the 1 MiB cap, with no content-length to stop it early
        head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n"
        return head + (authorization + b" ") * 40_000
    echo = b'{"echo": "' + authorization + b'"'  # truncated JSON: not valid, but it holds the token
    status = "596 Echo" if path.endswith(b"/unexpected") else "200 OK"
    return http_answer(status, echo, content_type="application/json")


def test_a_failing_call_under_showlocals_prints_no_token(raw_server: RawServer, tmp_path: Path) -> None:
    (tmp_path / "test_failing_calls.py").write_text(FAILING_CALLS, encoding="utf-8")
    raw_server.answer = echoing_server
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        refused_url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    env = {"PYTHONPATH": str(ROOT), "SDK_TOKEN": TOKEN, "SERVER_URL": raw_server.base_url}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.support.network_guard",
            "-p",
            "no:cacheprovider",
            "-o",
            "asyncio_mode=auto",
            "-o",
            "asyncio_default_fixture_loop_scope=function",
            "--showlocals",
            "--tb=long",
            str(tmp_path),
        ],
        cwd=tmp_path,
        env={**env, "REFUSED_URL": refused_url, "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert "18 failed" in result.stdout.splitlines()[-1], output[-3000:]
    exceptions = ["RemoteProtocolError", "ReadError", "AccountSessionError", "ResponseValidationError", "ConnectError"]
    for raised in [*exceptions, "ResponseTooLargeError"]:
        assert f"E       {raised}" in output or f".{raised}:" in output, f"{raised} not shown: the scan is blind"
    assert "sdk        = AuthenticatedClient(" in output, "--showlocals printed no locals: the scan is blind"
    assert TOKEN not in output, output[max(0, output.find(TOKEN) - 2000) : output.find(TOKEN) + 200]
