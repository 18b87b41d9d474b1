"""The aiohttp extra: one switch turns it on, its absence gives an error naming the install
command, and an async client left unclosed logs aiohttp's warning once, not once per call.
(How it behaves on the wire, against the default transport: tests/sdk/test_sdk_wire.py.)"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
import warnings

import pytest

from scripts.fixtures.recorded_calls import CALLS_BY_ID, OperationCall

DREAMINA = CALLS_BY_ID["useapi.getDreaminaAccount"]


@pytest.fixture(params=["useapi.getDreaminaAccount", "imaginepro.getAccountInfo"])
def call(request: pytest.FixtureRequest) -> OperationCall:
    return CALLS_BY_ID[request.param]


def test_without_the_extra_the_switch_names_the_install_command(
    call: OperationCall, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "aiohttp", None)  # import aiohttp now fails, as when it is not installed
    monkeypatch.delitem(sys.modules, f"{call.package}._aiohttp", raising=False)
    with pytest.raises(call.errors.MissingExtraError) as raised:
        call.client(async_transport="aiohttp")
    project = call.package.replace("_", "-")
    assert f'pip install "{project}[aiohttp]"' in str(raised.value)
    assert isinstance(raised.value, ImportError)
    client = call.client()  # the default needs no extra, sync or async
    assert client.get_async_httpx_client() is not None and client.get_httpx_client() is not None


def test_the_switch_takes_only_the_two_transports(call: OperationCall) -> None:
    with pytest.raises(ValueError, match="async_transport"):
        call.client(async_transport="trio")


def unclosed_client_logs(replay_server: str, transport: str, calls: int) -> list[str]:
    """What asyncio logs about a client that made `calls` calls and was never closed."""
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage().splitlines()[0])  # type: ignore[method-assign]
    logging.getLogger("asyncio").addHandler(handler)

    async def calls_without_closing() -> None:
        client = DREAMINA.client(base_url=replay_server, async_transport=transport)
        for _ in range(calls):
            await DREAMINA.acall(client)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            asyncio.run(calls_without_closing())
            gc.collect()
    finally:
        logging.getLogger("asyncio").removeHandler(handler)
    return records


def test_an_unclosed_aiohttp_client_logs_once_not_per_call(replay_server: str) -> None:
    logs = unclosed_client_logs(replay_server, "aiohttp", calls=3)
    assert logs == ["Unclosed client session", "Unclosed connector"]


def test_an_unclosed_client_on_the_default_transport_logs_nothing(replay_server: str) -> None:
    assert unclosed_client_logs(replay_server, "httpx", calls=3) == []


async def test_a_closed_aiohttp_client_logs_nothing(replay_server: str, caplog: pytest.LogCaptureFixture) -> None:
    async with DREAMINA.client(base_url=replay_server, async_transport="aiohttp") as client:
        for _ in range(3):
            await DREAMINA.acall(client)
    del client
    gc.collect()
    assert [record for record in caplog.records if record.name == "asyncio"] == []
