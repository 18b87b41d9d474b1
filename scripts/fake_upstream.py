"""A fake upstream for both hosts, served on 127.0.0.1: the live run's tests and `make bench-live`
run `make contract-live` against it.

Point USEAPI_BASE_URL and IMAGINEPRO_BASE_URL at `http://127.0.0.1:PORT/<scenario>/<run>`
(`environment()` gives every variable): the first segment picks one of SCENARIOS, the second keeps
runs apart (a scenario's state, such as "the first request gets a 429", is per run). It answers
as the vendor pages say, from the page-example recordings, but with realistic-looking values
where those hold placeholders (an address outside example.com, live-looking tokens, UUIDs and
ids), which the recorder has to replace:
- a bearer token other than TOKENS[host] gets the operation's 401 recording;
- an account other than ACCOUNTS[variable] gets its 404 (PixVerse: 400), naming that account;
- in a drift scenario, one operation's answer to the configured account changes as it says.
Every request is kept in `seen`, with the time it arrived.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from scripts import live_config
from scripts.replay import Operation, ReplayApp


def _fake_jwt(subject: str) -> str:
    def part(payload: dict[str, str]) -> str:
        return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part({'sub': subject})}.ZmFrZS11cHN0cmVhbS1zaWduYXR1cmU"


TOKENS = {"useapi": "user:7301-q9ZfakeUpstreamToken", "imaginepro": "ipk_live_fakeUpstream0d9c4e"}
ACCOUNTS = {
    "USEAPI_DREAMINA_ACCOUNT": "US:dana.reyes@mailbox.example.net",
    "USEAPI_PIXVERSE_EMAIL": "pat.lee@mailbox.example.net",
    "USEAPI_FLOWMUSIC_EMAIL": "flo.martin@mailbox.example.net",
}
# What each operation's page example becomes: the recording, with its placeholders made live-looking.
FAITHFUL: dict[str, tuple[str, dict[str, Any]]] = {
    "getAccount": ("200-page-example", {"id": 48213, "email": "owner@mailbox.example.net", "name": "Dana Reyes"}),
    "getDreaminaAccount": ("200-live", {}),
    "getPixverseFeatures": (
        "200-page-example",
        {
            "user_id": 58392017,
            "member_id": 9182736450,
            "invoice_url": "https://stripe.pay.pixverse.ai/invoice/in_1PqR7sTuVwXyZ2aB",
            "stripe_bill_url": "https://billing.stripe.com/p/session/live_YWNjdF8xTm9wUXJT",
        },
    ),
    "getFlowMusicAccount": (
        "200-paid-healthy",
        {
            "user_id": "5f0c2b1e-8d3a-4c47-9e61-2b7d9a0c4e18",
            "session_id": "c3a9e4f2-71b8-4d05-a6e2-98f1b0d7c5a3",
            "access_token": _fake_jwt("flo.martin"),
            "refresh_token": "1//0gFakeUpstreamRefresh-Q7xLp2",
        },
    ),
    "getAccountInfo": ("200-page-example", {"email": "ivy.chen@mailbox.example.net"}),
}
PLACEHOLDER_EMAIL = "jane@example.com"  # the page examples' address, replaced by the configured one


@dataclass(frozen=True)
class Drift:
    """How one operation's answer to the configured account departs from the page."""

    operation_id: str
    body: Callable[[Any], None] | None = None  # changes the decoded body in place
    status: int = 200
    raw: bytes | None = None  # sent instead of the body
    content_type: str = "application/json; charset=utf-8"
    delay: float = 0.0  # seconds before answering
    first: tuple[tuple[int, dict[str, str]], ...] = ()  # (status, headers) answered to the first requests


def _set(path: tuple[str, ...], value: Any) -> Callable[[Any], None]:
    def change(body: Any) -> None:
        for step in path[:-1]:
            body = body[step]
        body[path[-1]] = value

    return change


def _drop(name: str) -> Callable[[Any], None]:
    return lambda body: body.pop(name)


def _new_fields(body: Any) -> None:
    body["plan"] = "pro"
    body["accounts"]["Midjourney API"]["queued"] = 2


# The new-enum-value scenario's tier: a name no vendor would give a tier, so a spec that adds the
# tiers upstream really adds never makes the scenario conform (CONTRIBUTING: When the live API drifts).
INVENTED_TIER = "invented-by-the-fake-upstream"

SCENARIOS: dict[str, Drift | None] = {
    "faithful": None,
    "missing-field": Drift("getAccountInfo", body=_drop("creditsExtra")),
    "wrong-type": Drift("getPixverseFeatures", body=_set(("credit_monthly",), "12450")),
    "null-field": Drift("getDreaminaAccount", body=_set(("credits", "total"), None)),
    "new-fields": Drift("getAccount", body=_new_fields),
    "new-enum-value": Drift("getFlowMusicAccount", body=_set(("tier",), INVENTED_TIER)),
    # A token the recorder cannot redact as a string: it must refuse to write the recording.
    "numeric-token": Drift("getAccount", body=_set(("api_token",), 918273645)),
    "status-596": Drift("getDreaminaAccount", status=596, raw=b'{"error": "Dreamina session expired"}'),
    "status-503": Drift("getAccount", status=503, raw=b'{"error": "Service Unavailable"}'),
    "not-json": Drift(
        "getPixverseFeatures", raw=b"<html><body>Bad gateway</body></html>", content_type="text/html; charset=utf-8"
    ),
    "timeout": Drift("getAccountInfo", delay=2.0),
    "retry-after": Drift("getFlowMusicAccount", first=((429, {"retry-after": "1"}),)),
    "flaky": Drift("getAccount", first=((503, {}),)),
}


@dataclass(frozen=True)
class Seen:
    run: str  # /<scenario>/<run>
    at: float  # time.monotonic() on arrival
    method: str
    path: str  # below the run's prefix, percent-encoded
    authorized: bool  # with the right token


def environment(base_url: str, scenario: str, run: str) -> dict[str, str]:
    """The variables that point a live run (or `make balances`) at this fake upstream."""
    prefixed = f"{base_url}/{scenario}/{run}"
    return {
        "USEAPI_TOKEN": TOKENS["useapi"],
        "IMAGINEPRO_TOKEN": TOKENS["imaginepro"],
        "USEAPI_BASE_URL": prefixed,
        "IMAGINEPRO_BASE_URL": prefixed,
        **ACCOUNTS,
    }


class FakeUpstream(ReplayApp):
    def __init__(self, latency: float = 0.0) -> None:
        super().__init__(latency)
        self.seen: list[Seen] = []
        self._attempts: Counter[tuple[str, str]] = Counter()

    def requests(self, scenario: str, run: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.run == f"/{scenario}/{run}"]

    async def respond(self, request: Request) -> Response:
        raw_path = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1").split("?")[0]
        _, scenario, run, rest = [*raw_path.split("/", 3), "", "", ""][:4]
        if scenario not in SCENARIOS:
            return JSONResponse({"error": f"no scenario {scenario!r}: use one of {sorted(SCENARIOS)}"}, 404)
        path = "/" + rest
        for operation in self.operations:
            parameters = operation.matches(request.method, path)
            if parameters is None:
                continue
            authorized = request.headers.get("authorization") == f"Bearer {TOKENS[operation.spec_name]}"
            self.seen.append(Seen(f"/{scenario}/{run}", time.monotonic(), request.method, path, authorized))
            if not authorized:
                unauthorized = operation.by_status(401)
                return self._send(unauthorized) if unauthorized else JSONResponse({"error": "Unauthorized"}, 401)
            parameters |= dict(parse_qsl(request.url.query, keep_blank_values=True))
            account = live_config.ACCOUNT_PARAMETERS.get((operation.spec_name, operation.operation_id))
            if account is not None and parameters.get(account.parameter) != ACCOUNTS[account.variable]:
                return self.not_found(operation, parameters)
            return await self._configured(operation, SCENARIOS[scenario], f"/{scenario}/{run}")
        self.seen.append(Seen(f"/{scenario}/{run}", time.monotonic(), request.method, path, False))
        return JSONResponse({"error": f"{request.method} {path} is not a known endpoint", "code": 404}, 404)

    async def _configured(self, operation: Operation, drift: Drift | None, run: str) -> Response:
        """The answer for the configured account: the page's, unless the scenario drifts it."""
        if drift is None or drift.operation_id != operation.operation_id:
            return _json(self.faithful_body(operation), 200)
        attempt = self._attempts[(run, operation.operation_id)]
        self._attempts[(run, operation.operation_id)] += 1
        if attempt < len(drift.first):
            status, headers = drift.first[attempt]
            return Response(b'{"error": "try again"}', status, headers=headers, media_type="application/json")
        if drift.delay:
            await asyncio.sleep(drift.delay)
        body = self.faithful_body(operation)
        if drift.body is not None:
            drift.body(body)
        if drift.raw is not None:
            return Response(drift.raw, drift.status, media_type=drift.content_type)
        return _json(body, drift.status, drift.content_type)

    def faithful_body(self, operation: Operation) -> Any:
        name, values = FAITHFUL[operation.operation_id]
        recording = next(r for r in operation.exchanges if r.file.stem == name)
        account = live_config.ACCOUNT_PARAMETERS.get((operation.spec_name, operation.operation_id))
        text = recording.body_text
        if account is not None:
            text = text.replace(PLACEHOLDER_EMAIL, ACCOUNTS[account.variable].rpartition(":")[2])
        body = json.loads(text)
        body.update(copy.deepcopy(values))
        return body


def _json(body: Any, status: int, content_type: str = "application/json; charset=utf-8") -> Response:
    # Headers the recorder must drop: a session cookie and a request id.
    headers = {"set-cookie": "session=fake-upstream-session; HttpOnly", "x-request-id": "req_fake_upstream"}
    return Response(json.dumps(body), status, headers=headers, media_type=content_type)
