"""The application issue 17 describes, written from the README alone, against a local server.

It checks the balances of several Dreamina, Flow Music and ImaginePro accounts at once, turns
every failure into one line of its report from the exception the SDK raised (no `*_detailed`, no
decoding bytes, no error model to tell apart: a documented 401 or 404 raises too), and logs at
INFO with the README's one-liner. The server on 127.0.0.1 answers 401, 402, 404, 429 then 200,
429 for ever, an HTML 502, 596 and a read timeout; the app sees the same report on every
transport (sync, async httpx, async aiohttp), and no log line, formatted as it is emitted, names
an account or holds the token.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import imaginepro_client
import pytest
import useapi_client
from imaginepro_client.api.account import get_account_info
from imaginepro_client.models import AccountInfo
from useapi_client.api.dreamina import get_dreamina_account
from useapi_client.api.flowmusic import get_flow_music_account
from useapi_client.client import default_retry
from useapi_client.models import DreaminaAccount, DreaminaCredits, FlowMusicAccount

from tests.support.logs import EmittedLines, emitted_lines
from tests.support.raw_server import RawServer, http_answer

TOKEN = "user:12345-app-test-token"
IMAGINEPRO_TOKEN = "imaginepro-app-test-token"
IMAGINEPRO_BROKE = "imaginepro-app-test-broke"

# --- the application -----------------------------------------------------------------------------

Error = useapi_client.errors.SDKError | imaginepro_client.errors.SDKError


def explain(error: Error) -> str:
    """One report line for any failure; the classes have the same names in both SDKs."""
    for errors in (useapi_client.errors, imaginepro_client.errors):
        if isinstance(error, errors.RateLimitError):
            return f"busy after {error.attempts} attempts, retry in {error.retry_after} s"
        if isinstance(error, errors.AuthenticationError):
            return f"check the token: {error.message}"
        if isinstance(error, errors.NotFoundError):
            return f"not configured ({error.status_code}): {error.message}"
        if isinstance(error, errors.PaymentRequiredError):
            return f"payment required: {error.message}"
        if isinstance(error, errors.AccountSessionError):
            return f"add the account again: {error.message}"
        if isinstance(error, errors.InternalServerError):
            return f"server error {error.status_code} after {error.attempts} attempts (request {error.request_id})"
        if isinstance(error, errors.APIStatusError):
            return f"status {error.status_code}: {error.message}"
        if isinstance(error, errors.APITimeoutError):
            return f"timed out ({type(error).__name__})"
        if isinstance(error, errors.APIConnectionError):
            return f"unreachable ({type(error).__name__})"
    return f"failed: {error}"


Balance = DreaminaAccount | FlowMusicAccount | AccountInfo  # all sync()/asyncio() return: mypy checks it


def describe(found: Balance) -> str:
    match found:
        case DreaminaAccount(credits_=DreaminaCredits(total=total)):
            return f"{total} credits"
        case DreaminaAccount():
            return "no live data"
        case FlowMusicAccount(credits_remaining=float() as remaining):
            return f"{remaining} credits"
        case AccountInfo(credits_=monthly, credits_extra=extra):
            return f"{monthly + extra} credits"
    return f"unexpected answer: {found!r}"


def balances_sync(
    useapi: useapi_client.AuthenticatedClient,
    imaginepro: list[imaginepro_client.AuthenticatedClient],
    dreamina: list[str],
    flow_music: list[str],
) -> dict[str, str]:
    report: dict[str, str] = {}
    calls: list[tuple[str, Callable[[], Balance]]] = [
        *((f"dreamina {a}", lambda a=a: get_dreamina_account.sync(a, client=useapi)) for a in dreamina),
        *((f"flowmusic {e}", lambda e=e: get_flow_music_account.sync(e, client=useapi)) for e in flow_music),
        *((f"imaginepro {i}", lambda c=c: get_account_info.sync(client=c)) for i, c in enumerate(imaginepro)),
    ]
    for name, call in calls:
        try:
            report[name] = describe(call())
        except (useapi_client.errors.SDKError, imaginepro_client.errors.SDKError) as error:
            report[name] = explain(error)
    return report


async def balances(
    useapi: useapi_client.AuthenticatedClient,
    imaginepro: list[imaginepro_client.AuthenticatedClient],
    dreamina: list[str],
    flow_music: list[str],
) -> dict[str, str]:
    async def one(call: Awaitable[Balance]) -> str:
        try:
            return describe(await call)
        except (useapi_client.errors.SDKError, imaginepro_client.errors.SDKError) as error:
            return explain(error)

    names = [f"dreamina {a}" for a in dreamina] + [f"flowmusic {e}" for e in flow_music]
    names += [f"imaginepro {i}" for i in range(len(imaginepro))]
    lines = await asyncio.gather(
        *(one(get_dreamina_account.asyncio(a, client=useapi)) for a in dreamina),
        *(one(get_flow_music_account.asyncio(e, client=useapi)) for e in flow_music),
        *(one(get_account_info.asyncio(client=c)) for c in imaginepro),
    )
    return dict(zip(names, lines, strict=True))


# --- the server ----------------------------------------------------------------------------------

DREAMINA = {
    "account": "US:ok@example.com",
    "email": "ok@example.com",
    "region": "US",
    "maxJobs": 10,
    "sessionExpires": "2026-04-24T12:00:00.000Z",
    "credits": {"total": 24065, "vip": 12000, "gift": 10065, "purchase": 2000, "dailyClaimed": True},
}
FLOW_MUSIC = {
    "email": "ok@example.com",
    "tier": "plus",
    "user_id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    "subscription_plan": "plus-monthly",
    "provider": "g1_entitlement",
    "maxJobs": 12,
    "added": "2026-06-01T12:00:00.000Z",
    "refreshed_at": "2026-06-01T12:00:00.000Z",
    "refreshed_count": 0,
    "access_token": "REDACTED",
    "access_token_expires_at": "2026-06-01T13:00:00.000Z",
    "refresh_token": "REDACTED",
    "session_id": "f0e1d2c3-b4a5-4768-9a0b-1c2d3e4f5a6b",
    "credits_remaining": 5000,
    "tokens_remaining": 60000,
}
IMAGINEPRO = {
    "type": "STARTER",
    "creditsQuota": 1600,
    "credits": 1600,
    "creditsExtra": 1000,
    "expiredAt": "2022-10-07T14:30:00.000Z",
    "email": "jane@example.com",
}
HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>"


def as_json(status: str, body: object, *lines: str) -> bytes:
    return http_answer(status, json.dumps(body).encode(), *lines, content_type="application/json")


class Upstream:
    """Both hosts' answers by path and token; 429-then-200 counts its calls."""

    def __init__(self) -> None:
        self.busy_once_calls = 0

    def __call__(self, request: bytes) -> bytes:
        path = request.split(b" ")[1].decode()
        account = path.rsplit("/", 1)[-1]
        if path.endswith("/account-info"):
            if f"Bearer {IMAGINEPRO_BROKE}".encode() in request:
                body = {"message": "Insufficient credits", "error": "Payment Required", "statusCode": 402}
                return as_json("402 Payment Required", body)
            return as_json("200 OK", IMAGINEPRO)
        if account == "US%3Aok%40example.com":
            return as_json("200 OK", DREAMINA)
        if account == "ok%40example.com":
            return as_json("200 OK", FLOW_MUSIC)
        if account.startswith("US%3Aunauthorized"):
            return as_json("401 Unauthorized", {"error": "Unauthorized"})
        if account.startswith("US%3Aexpired"):
            return as_json("402 Payment Required", {"error": "Subscription expired", "code": 402})
        if account.startswith("US%3Amissing"):
            return as_json("404 Not Found", {"error": "Account US:missing@example.com not configured", "code": 404})
        if account.startswith("US%3Abusy-once"):
            self.busy_once_calls += 1
            if self.busy_once_calls == 1:
                return as_json("429 Too Many Requests", {"error": "All accounts busy", "code": 429}, "retry-after: 2")
            return as_json("200 OK", DREAMINA)
        if account.startswith("US%3Abusy"):
            return as_json("429 Too Many Requests", {"error": "All accounts busy", "code": 429}, "retry-after: 30")
        if account.startswith("US%3Aproxy"):
            return http_answer("502 Bad Gateway", HTML_502, "cf-ray: 8a1b2c3d-LHR", content_type="text/html")
        if account.startswith("US%3Aslow"):
            time.sleep(1.0)
            return as_json("200 OK", DREAMINA)
        if "broken" in account:
            return as_json(
                "596 Session Broken", {"error": "Session expired, please add the account again", "code": 596}
            )
        return as_json("404 Not Found", {"error": "not configured"})


DREAMINA_ACCOUNTS = [
    "US:ok@example.com",
    "US:unauthorized@example.com",
    "US:expired@example.com",
    "US:missing@example.com",
    "US:busy-once@example.com",
    "US:busy@example.com",
    "US:proxy@example.com",
    "US:broken@example.com",
    "US:slow@example.com",
]
FLOW_MUSIC_ACCOUNTS = ["ok@example.com", "broken@example.com"]
EXPECTED = {
    "dreamina US:ok@example.com": "24065.0 credits",
    "dreamina US:unauthorized@example.com": "check the token: Unauthorized",
    "dreamina US:expired@example.com": "payment required: Subscription expired",
    "dreamina US:missing@example.com": "not configured (404): Account US:missing@example.com not configured",
    "dreamina US:busy-once@example.com": "24065.0 credits",
    "dreamina US:busy@example.com": "busy after 3 attempts, retry in 30.0 s",
    "dreamina US:proxy@example.com": "server error 502 after 3 attempts (request 8a1b2c3d-LHR)",
    "dreamina US:broken@example.com": "add the account again: Session expired, please add the account again",
    "dreamina US:slow@example.com": "timed out (ReadTimeout)",
    "flowmusic ok@example.com": "5000.0 credits",
    "flowmusic broken@example.com": "add the account again: Session expired, please add the account again",
    "imaginepro 0": "2600 credits",
    "imaginepro 1": "payment required: Insufficient credits",
}


@pytest.fixture
def emitted() -> Iterator[EmittedLines]:
    # httpx at WARNING: the README's one-liner, which keeps URLs (account emails) out of INFO.
    with emitted_lines(logging.INFO, quiet={"httpx": logging.WARNING}) as lines:
        yield lines


@pytest.mark.parametrize("transport", ["sync", "httpx", "aiohttp"])
async def test_the_application_sees_every_failure_from_the_call(transport: str, emitted: EmittedLines) -> None:
    with RawServer() as server:
        server.answer = Upstream()
        options: dict[str, Any] = {
            "base_url": server.base_url,
            "retry": default_retry(wait=False),  # the README's way to keep the retries without waiting
            "timeout": 0.3,
            "async_transport": "httpx" if transport == "sync" else transport,
        }
        useapi = useapi_client.AuthenticatedClient(token=TOKEN, **options)
        imaginepro = [
            imaginepro_client.AuthenticatedClient(token=IMAGINEPRO_TOKEN, **options),
            imaginepro_client.AuthenticatedClient(token=IMAGINEPRO_BROKE, **options),
        ]
        if transport == "sync":
            report = balances_sync(useapi, imaginepro, DREAMINA_ACCOUNTS, FLOW_MUSIC_ACCOUNTS)
        else:
            async with useapi, imaginepro[0], imaginepro[1]:
                report = await balances(useapi, imaginepro, DREAMINA_ACCOUNTS, FLOW_MUSIC_ACCOUNTS)
    assert report == EXPECTED

    retries = [line for line in emitted.lines if line.startswith(("INFO useapi_client", "WARNING useapi_client"))]
    busy = "get_dreamina_account: attempt 1 of 3 answered 429 Too Many Requests (Retry-After: 2); retrying"
    assert f"INFO useapi_client {busy}" in retries
    assert (
        "WARNING useapi_client get_dreamina_account: attempt 3 of 3 answered 502 Bad Gateway; no retries left"
        in retries
    )
    for line in emitted.lines:
        assert "example.com" not in line and "%40" not in line, f"an account in a log line: {line}"
        for token in (TOKEN, IMAGINEPRO_TOKEN, IMAGINEPRO_BROKE):
            assert token not in line, f"a token in a log line: {line}"
