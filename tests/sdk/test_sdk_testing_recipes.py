"""The README's "Testing your code" recipes, as an application team's test module would hold them.

This module imports nothing of this repository: only the installed SDK, httpx, respx,
pytest-httpx and pytest (with pytest-asyncio). tests/test_readme.py checks that every block of
that README section is in this file, verbatim. `make bench-recipes` times this module with the
retry waits skipped and with them kept.
"""

# --- recipe: setup ---
from urllib.parse import quote

import httpx
import pytest
import respx
from pytest_httpx import HTTPXMock
from useapi_client import AuthenticatedClient, errors
from useapi_client.api.dreamina import get_dreamina_account
from useapi_client.client import default_retry
from useapi_client.models import ApiError, DreaminaAccount

ACCOUNT = "US:jane@example.com"
# The path as sent: the account percent-encoded (US%3Ajane%40example.com). pytest-httpx matches
# only this form; respx matches it and the decoded one.
ACCOUNT_URL = f"https://api.useapi.net/v1/dreamina/accounts/{quote(ACCOUNT, safe='')}"
FOUND = {
    "account": ACCOUNT,
    "email": "jane@example.com",
    "region": "US",
    "maxJobs": 10,
    "sessionExpires": "2026-04-24T12:00:00.000Z",
}
BUSY = {"error": "All accounts are busy", "code": 429}


@pytest.fixture
def client() -> AuthenticatedClient:
    # The SDK's own retry policy (2 retries on 429, 502, 503, 504 and connection failures),
    # without its waits: Retry-After and the backoff are skipped, the retries still happen.
    return AuthenticatedClient(token="user:12345-test", retry=default_retry(wait=False))


# --- recipe: respx ---
@respx.mock
def test_a_busy_account_is_retried(client: AuthenticatedClient) -> None:
    route = respx.get(ACCOUNT_URL).mock(
        side_effect=[
            httpx.Response(429, json=BUSY, headers={"Retry-After": "1"}),
            httpx.Response(200, json=FOUND),
        ]
    )
    account = get_dreamina_account.sync(ACCOUNT, client=client)
    assert isinstance(account, DreaminaAccount) and route.call_count == 2


@respx.mock
@pytest.mark.asyncio
async def test_an_expired_subscription_raises(client: AuthenticatedClient) -> None:
    respx.get(ACCOUNT_URL).respond(402, json={"error": "Subscription expired", "code": 402})
    with pytest.raises(errors.PaymentRequiredError) as raised:
        await get_dreamina_account.asyncio(ACCOUNT, client=client)
    assert raised.value.status_code == 402 and raised.value.message == "Subscription expired"


@respx.mock
def test_respx_also_matches_the_decoded_path(client: AuthenticatedClient) -> None:
    respx.get("https://api.useapi.net/v1/dreamina/accounts/US:jane@example.com").respond(404, json={"error": "no"})
    with pytest.raises(errors.NotFoundError) as raised:
        get_dreamina_account.sync(ACCOUNT, client=client)
    assert raised.value.message == "no" and isinstance(raised.value.parsed, ApiError)  # 404 is documented


# --- recipe: pytest-httpx ---
def test_rate_limited_once_the_retries_are_spent(httpx_mock: HTTPXMock, client: AuthenticatedClient) -> None:
    httpx_mock.add_response(url=ACCOUNT_URL, status_code=429, json=BUSY, headers={"Retry-After": "2"}, is_reusable=True)
    with pytest.raises(errors.RateLimitError) as raised:
        get_dreamina_account.sync(ACCOUNT, client=client)
    assert raised.value.attempts == 3 and raised.value.retry_after == 2.0


@pytest.mark.asyncio
async def test_a_proxy_error_page_still_gives_the_status(httpx_mock: HTTPXMock, client: AuthenticatedClient) -> None:
    html = b"<html><body>502 Bad Gateway</body></html>"
    httpx_mock.add_response(url=ACCOUNT_URL, status_code=502, content=html, is_reusable=True)
    with pytest.raises(errors.InternalServerError) as raised:
        await get_dreamina_account.asyncio(ACCOUNT, client=client)
    assert raised.value.status_code == 502 and raised.value.message is None and raised.value.content == html
    assert len(httpx_mock.get_requests()) == 3  # 502 is retried twice, then raised


# --- end of recipes ---
