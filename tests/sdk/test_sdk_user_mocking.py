"""An application team's own tests, written the way respx's and pytest-httpx's READMEs show,
intercept every SDK call, sync and async, in both SDKs: nothing reaches the network.

These use the SDK packages and the two mocking libraries directly, not this project's helpers;
the network guard (tests/support/network_guard.py) would fail any call that slipped through.
"""

from __future__ import annotations

import httpx
import respx
from imaginepro_client import AuthenticatedClient as ImagineProClient
from imaginepro_client.api.account import get_account_info
from imaginepro_client.models import AccountInfo
from pytest_httpx import HTTPXMock
from useapi_client import AuthenticatedClient as UseapiClient
from useapi_client.api.dreamina import get_dreamina_account
from useapi_client.models import DreaminaAccount

DREAMINA_URL = "https://api.useapi.net/v1/dreamina/accounts/US%3Ajane%40example.com"
DREAMINA_BODY = {
    "account": "US:jane@example.com",
    "email": "jane@example.com",
    "region": "US",
    "maxJobs": 10,
    "sessionExpires": "2026-04-24T12:00:00.000Z",
}
IMAGINEPRO_URL = "https://api.imaginepro.ai/api/v1/subscription/account-info"
IMAGINEPRO_BODY = {
    "type": "STARTER",
    "creditsQuota": 1600,
    "credits": 1600,
    "creditsExtra": 1000,
    "expiredAt": "2022-10-07T14:30:00.000Z",
    "email": "jane@example.com",
}


def useapi() -> UseapiClient:
    return UseapiClient(base_url="https://api.useapi.net", token="REDACTED")


def imaginepro() -> ImagineProClient:
    return ImagineProClient(base_url="https://api.imaginepro.ai", token="REDACTED")


# --- respx, default mode ----------------------------------------------------------------------


@respx.mock
def test_respx_intercepts_sync_calls() -> None:
    dreamina = respx.get(DREAMINA_URL).mock(return_value=httpx.Response(200, json=DREAMINA_BODY))
    info = respx.get(IMAGINEPRO_URL).mock(return_value=httpx.Response(200, json=IMAGINEPRO_BODY))

    account = get_dreamina_account.sync("US:jane@example.com", client=useapi())
    credits = get_account_info.sync(client=imaginepro())

    assert dreamina.called and info.called
    assert isinstance(account, DreaminaAccount) and account.max_jobs == 10
    assert isinstance(credits, AccountInfo) and credits.credits_ == 1600


@respx.mock
async def test_respx_intercepts_async_calls() -> None:
    dreamina = respx.get(DREAMINA_URL).mock(return_value=httpx.Response(200, json=DREAMINA_BODY))
    info = respx.get(IMAGINEPRO_URL).mock(return_value=httpx.Response(200, json=IMAGINEPRO_BODY))

    account = await get_dreamina_account.asyncio("US:jane@example.com", client=useapi())
    credits = await get_account_info.asyncio(client=imaginepro())

    assert dreamina.called and info.called
    assert isinstance(account, DreaminaAccount) and account.max_jobs == 10
    assert isinstance(credits, AccountInfo) and credits.credits_ == 1600


@respx.mock
async def test_respx_sees_the_token_and_the_encoded_path() -> None:
    route = respx.get(DREAMINA_URL).mock(return_value=httpx.Response(200, json=DREAMINA_BODY))
    async with useapi() as client:
        await get_dreamina_account.asyncio_detailed("US:jane@example.com", client=client)
    assert route.calls.last.request.headers["authorization"] == "Bearer REDACTED"
    assert route.calls.last.request.url.raw_path == b"/v1/dreamina/accounts/US%3Ajane%40example.com"


# --- pytest-httpx -----------------------------------------------------------------------------


def test_pytest_httpx_intercepts_sync_calls(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(url=DREAMINA_URL, json=DREAMINA_BODY)
    httpx_mock.add_response(url=IMAGINEPRO_URL, json=IMAGINEPRO_BODY)

    account = get_dreamina_account.sync("US:jane@example.com", client=useapi())
    credits = get_account_info.sync(client=imaginepro())

    assert isinstance(account, DreaminaAccount) and account.max_jobs == 10
    assert isinstance(credits, AccountInfo) and credits.credits_ == 1600


async def test_pytest_httpx_intercepts_async_calls(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(url=DREAMINA_URL, json=DREAMINA_BODY)
    httpx_mock.add_response(url=IMAGINEPRO_URL, json=IMAGINEPRO_BODY)

    account = await get_dreamina_account.asyncio("US:jane@example.com", client=useapi())
    credits = await get_account_info.asyncio(client=imaginepro())

    assert isinstance(account, DreaminaAccount) and account.max_jobs == 10
    assert isinstance(credits, AccountInfo) and credits.credits_ == 1600
    request = httpx_mock.get_request(url=DREAMINA_URL)
    assert request is not None and request.headers["authorization"] == "Bearer REDACTED"
