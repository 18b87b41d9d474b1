"""Statuses and off-contract bodies, for every operation of both SDKs, sync and async.

- Any status, standard or not, reaches the caller as a Response carrying the code; an
  undocumented one parses to None, or raises errors.UnexpectedStatus when asked to.
- A documented status whose body breaks the contract raises errors.ResponseValidationError
  with the operation, the status, the JSON path at fault and the raw body, and nothing else.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from scripts.fixtures.recorded_calls import CALLS_BY_ID, OperationCall
from tests.support.sdk_calls import MODES, json_response
from tests.support.upstream_mock import mock_upstream

# Statuses no spec documents: useapi.net's broken-session 596, Cloudflare's 520 and 522, a plain 500.
UNDOCUMENTED = [596, 520, 522, 500, 418]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", UNDOCUMENTED)
async def test_undocumented_status_returns_response_with_its_code(call: OperationCall, mode: str, status: int) -> None:
    body = b'{"error": "Session expired, please re-add the account"}'
    with mock_upstream() as router:
        router.route().mock(return_value=json_response(status, body))
        response = await call.run(call.client(retry=None), mode)
    assert response.status_code == status
    assert response.parsed is None
    assert response.content == body


@pytest.mark.parametrize("mode", MODES)
async def test_undocumented_status_raises_when_asked(call: OperationCall, mode: str) -> None:
    with mock_upstream() as router:
        router.route().mock(return_value=json_response(596, "upstream session broke", "text/plain"))
        with pytest.raises(call.errors.UnexpectedStatus) as raised:
            await call.run(call.client(retry=None, raise_on_unexpected_status=True), mode)
    assert raised.value.status_code == 596
    assert raised.value.content == b"upstream session broke"


@pytest.mark.parametrize("mode", MODES)
async def test_documented_status_still_parses_when_raising_is_on(call: OperationCall, mode: str) -> None:
    with mock_upstream() as router:
        router.route().mock(return_value=json_response(200, call.recording.body_text))
        response = await call.run(call.client(raise_on_unexpected_status=True), mode)
    assert response.status_code == 200
    assert response.parsed is not None


def _drop(path: tuple[str | int, ...]) -> Callable[[Any], None]:
    def mutate(body: Any) -> None:
        for step in path[:-1]:
            body = body[step]
        del body[path[-1]]

    return mutate


def _put(path: tuple[str | int, ...], value: Any) -> Callable[[Any], None]:
    def mutate(body: Any) -> None:
        for step in path[:-1]:
            body = body[step]
        body[path[-1]] = value

    return mutate


# (operation, status, how the recorded body is broken, the JSON path the error must name)
BROKEN_BODIES: list[tuple[str, int, Callable[[Any], None], str]] = [
    ("useapi.getDreaminaAccount", 200, _drop(("maxJobs",)), "$.maxJobs"),
    ("useapi.getDreaminaAccount", 200, _put(("maxJobs",), "10"), "$.maxJobs"),
    ("useapi.getDreaminaAccount", 200, _put(("maxJobs",), True), "$.maxJobs"),
    ("useapi.getDreaminaAccount", 200, _put(("credits", "total"), "24065"), "$.credits.total"),
    ("useapi.getDreaminaAccount", 200, _put(("credits",), [1, 2]), "$.credits"),
    ("useapi.getDreaminaAccount", 200, _drop(("session", "expires")), "$.session.expires"),
    ("useapi.getDreaminaAccount", 200, _put(("models", "video", 1), 7), "$.models.video[1]"),
    ("useapi.getDreaminaAccount", 200, _put(("sessionExpires",), "next tuesday"), "$.sessionExpires"),
    ("useapi.getAccount", 200, _put(("accounts", "MiniMax API", "total"), "3"), '$.accounts["MiniMax API"].total'),
    ("useapi.getAccount", 200, _put(("accounts", "Runway AP"), 1), '$.accounts["Runway AP"]'),
    ("useapi.getAccount", 200, _put(("subscriptionIsActive",), "yes"), "$.subscriptionIsActive"),
    ("useapi.getPixverseFeatures", 200, _put(("qualities",), "720p"), "$.qualities"),
    ("useapi.getPixverseFeatures", 200, _put(("allow_fast_mode",), "1"), "$.allow_fast_mode"),
    ("useapi.getFlowMusicAccount", 200, _put(("user_id",), "not-a-uuid"), "$.user_id"),
    ("useapi.getFlowMusicAccount", 200, _put(("credits_remaining",), "12"), "$.credits_remaining"),
    ("useapi.getFlowMusicAccount", 200, _put(("tier",), 3), "$.tier"),
    ("imaginepro.getAccountInfo", 200, _drop(("credits",)), "$.credits"),
    ("imaginepro.getAccountInfo", 200, _put(("creditsQuota",), 1600.5), "$.creditsQuota"),
    ("imaginepro.getAccountInfo", 200, _put(("expiredAt",), None), "$.expiredAt"),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("operation", "status", "mutate", "path"),
    BROKEN_BODIES,
    ids=[f"{op}-{path}" for op, _, _, path in BROKEN_BODIES],
)
async def test_broken_body_names_the_field_at_fault(
    operation: str, status: int, mutate: Callable[[Any], None], path: str, mode: str
) -> None:
    call = CALLS_BY_ID[operation]
    body = copy.deepcopy(call.body)
    mutate(body)
    raw = json.dumps(body).encode()
    error = await _validation_error(call, mode, json_response(status, raw))
    assert error.path == path
    assert error.status_code == status
    assert error.content == raw
    assert error.operation == call.operation.module().__name__.rsplit(".", 1)[-1]
    assert str(error).startswith(f"{error.operation} got status {status}: {path}: ")


ERROR_BODIES: dict[str, tuple[str | bytes, str, str, str]] = {
    "html-from-a-proxy": ("<html><body>502 Bad Gateway</body></html>", "text/html", "$", "content type 'text/html'"),
    "json-as-text-plain": ('{"error": "x"}', "text/plain", "$", "content type 'text/plain'"),
    "no-content-type": ('{"error": "x"}', "", "$", "content type 'none'"),
    "truncated-json": ('{"error": "Unauthor', "application/json", "$", "not JSON"),
    "not-utf8": (b"\xff\xfe{}", "application/json", "$", "not JSON"),
    "array-not-object": ("[]", "application/json", "$", "expected object, got array"),
    "missing-required": ('{"code": 401}', "application/json", "$.error", "required field is missing"),
    "wrong-type": ('{"error": 42}', "application/json", "$.error", "expected string or object, got integer"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", ERROR_BODIES, ids=str)
async def test_non_json_and_broken_error_bodies(call: OperationCall, mode: str, case: str) -> None:
    body, content_type, path, reason = ERROR_BODIES[case]
    if case == "missing-required" and call.id.startswith("imaginepro"):
        body, path = '{"statusCode": 401}', "$.message"
    if case == "wrong-type" and call.id.startswith("imaginepro"):
        body, path, reason = '{"message": "Unauthorized", "statusCode": "401"}', "$.statusCode", "got string"
    response = json_response(401, body, content_type) if content_type else json_response(401, body)
    if not content_type:
        del response.headers["content-type"]
    error = await _validation_error(call, mode, response)
    assert error.path == path
    assert reason in error.reason
    assert error.status_code == 401
    assert error.content == (body if isinstance(body, bytes) else body.encode())


async def _validation_error(call: OperationCall, mode: str, response: Any) -> Any:
    with mock_upstream() as router:
        router.route().mock(return_value=response)
        try:
            await call.run(call.client(), mode)
        except BaseException as raised:  # anything else that escapes is a failure
            assert type(raised) is call.errors.ResponseValidationError, f"{type(raised).__name__}: {raised}"
            assert not isinstance(raised, KeyError | TypeError | ValueError | AttributeError)
            return raised
    raise AssertionError("the off-contract body was accepted")
