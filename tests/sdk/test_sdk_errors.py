"""Statuses and off-contract bodies, for every operation of both SDKs, sync and async.

- sync()/asyncio() return the model of a documented success status and raise, for every other
  status, documented or not, the APIStatusError subclass its status names, carrying the status,
  the vendor's message and code, the headers (request id, Retry-After), the body, the attempts
  and, for a documented error status, its documented model as `parsed`; a body that is not JSON
  (an HTML 502) still gives the status. The _detailed forms return a Response for every status,
  `parsed` the model of a documented status and None for any other.
- A documented success status whose body breaks the contract raises
  errors.ResponseValidationError with the operation, the status, the JSON path at fault and the
  raw body, and nothing else; a documented error status with such a body raises its status
  error, `parsed` None.
- Everything raised derives from the SDK's own errors.SDKError.

Each test plays a table of answers through one client per operation and call style: every
operation meets every row, without a test (and a client) per row.
"""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from scripts.fixtures.recorded_calls import CALLS_BY_ID, TOKEN, OperationCall
from tests.support.transports import MODES, json_response, run_parsed
from tests.support.upstream_mock import mock_upstream

# Every status that is not a success, and the class sync() raises for it, by name: the same in
# both SDKs. 400, 401 and 404 are documented error statuses of some operations, the others of none.
STATUS_ERRORS = {
    400: "BadRequestError",
    401: "AuthenticationError",
    402: "PaymentRequiredError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
    500: "InternalServerError",
    503: "InternalServerError",
    520: "InternalServerError",
    596: "AccountSessionError",
    418: "APIStatusError",
    302: "APIStatusError",
    201: "APIStatusError",
}
# An error body both vendors' documented ApiError accepts (useapi.net's {error, code}, ImaginePro's
# {message, statusCode}); the vendor's message is "message" where there is one.
SAID = "Session expired, please re-add the account"


def error_body(status: int) -> bytes:
    return json.dumps({"error": SAID, "message": SAID, "code": status, "statusCode": status}).encode()


def error_class(call: OperationCall, name: str) -> Any:
    found = getattr(call.errors, name)
    assert issubclass(found, call.errors.SDKError)
    return found


def status_errors(call: OperationCall) -> dict[int, str]:
    """STATUS_ERRORS but the call's own documented successes (a 201 is one for a create)."""
    return {
        status: name
        for status, name in STATUS_ERRORS.items()
        if not (200 <= status < 300 and status in call.documented_statuses)
    }


def documented_errors(call: OperationCall) -> list[int]:
    return [status for status in call.documented_statuses if status >= 400]


async def raised_by_each(call: OperationCall, mode: str, answers: list[httpx.Response], **options: Any) -> list[Any]:
    """What sync() or asyncio() raises for each answer in turn, through one client; none may parse."""
    raised: list[Any] = []
    client = call.client(retry=None, **options)
    with mock_upstream() as router:
        router.route().mock(side_effect=answers)
        for answer in answers:
            try:
                parsed = await run_parsed(call, client, mode)
            except call.errors.SDKError as error:
                raised.append(error)
                continue
            raise AssertionError(f"{answer.status_code}: returned {parsed!r}")
    return raised


async def detailed_for_each(call: OperationCall, mode: str, answers: list[httpx.Response]) -> list[Any]:
    """The Response sync_detailed() or asyncio_detailed() returns for each answer in turn."""
    client = call.client(retry=None)
    with mock_upstream() as router:
        router.route().mock(side_effect=answers)
        return [await call.run(client, mode) for _ in answers]


async def raised_by(call: OperationCall, mode: str, answer: httpx.Response, **options: Any) -> Any:
    return (await raised_by_each(call, mode, [answer], **options))[0]


@pytest.mark.parametrize("mode", MODES)
async def test_every_status_but_success_raises_its_class(call: OperationCall, mode: str) -> None:
    statuses = status_errors(call)

    def answers() -> list[httpx.Response]:
        return [json_response(status, error_body(status), **{"x-request-id": "req-7"}) for status in statuses]

    api_error = call.package_module("models").ApiError
    raised = await raised_by_each(call, mode, answers())
    for status, error in zip(statuses, raised, strict=True):
        assert type(error) is error_class(call, statuses[status]), (status, type(error))
        assert isinstance(error, call.errors.APIStatusError)
        assert error.status_code == status and error.content == error_body(status)
        assert error.body == json.loads(error_body(status))
        assert error.message == SAID and error.code == status
        assert error.request_id == "req-7" and error.headers["x-request-id"] == "req-7"
        assert error.attempts == 1 and error.retry_after is None
        assert error.operation == call.operation.module().__name__.rsplit(".", 1)[-1]
        assert str(error).startswith(f"{error.operation} got status {status}") and SAID in str(error)
        if status in documented_errors(call):  # the documented model rides along
            assert isinstance(error.parsed, api_error), status
        else:
            assert error.parsed is None, status

    raised_models = {status: error.parsed for status, error in zip(statuses, raised, strict=True)}
    for status, response in zip(statuses, await detailed_for_each(call, mode, answers()), strict=True):
        assert response.status_code == status and response.content == error_body(status)
        if status in documented_errors(call):  # the same model as the exception's
            assert isinstance(response.parsed, api_error), status
            assert response.parsed.to_dict() == raised_models[status].to_dict()
        else:
            assert response.parsed is None, status


# (body, message, code) read from the body of a 402
VENDOR_BODIES: list[tuple[Any, str | None, Any]] = [
    ({"error": "All accounts are busy", "code": 429}, "All accounts are busy", 429),
    ({"error": {"message": "upstream said no", "type": "quota"}}, "upstream said no", None),
    ({"error": {"reason": "quota"}, "code": 402}, '{"reason":"quota"}', 402),
    (
        {"message": "Insufficient credits", "error": "Payment Required", "statusCode": 402},
        "Insufficient credits",
        "Payment Required",
    ),
    ({"unexpected": True}, None, None),
    ([1, 2], None, None),
]


@pytest.mark.parametrize("mode", MODES)
async def test_the_vendor_message_and_code_are_read(call: OperationCall, mode: str) -> None:
    answers = [json_response(402, json.dumps(body)) for body, _, _ in VENDOR_BODIES]
    for (body, message, code), error in zip(VENDOR_BODIES, await raised_by_each(call, mode, answers), strict=True):
        assert (error.message, error.code, error.body) == (message, code, body)


@pytest.mark.parametrize("mode", MODES)
async def test_a_body_that_is_not_json_still_gives_the_status(call: OperationCall, mode: str) -> None:
    html = b"<html><body><h1>502 Bad Gateway</h1><p>cloudflare</p></body></html>"
    statuses = [502, 596, 429]
    answers = [json_response(status, html, "text/html", **{"cf-ray": "8a1b-LHR"}) for status in statuses]
    for status, error in zip(statuses, await raised_by_each(call, mode, answers), strict=True):
        assert type(error) is error_class(call, STATUS_ERRORS.get(status, "InternalServerError"))
        assert error.status_code == status and error.content == html
        assert error.message is None and error.body is None and error.request_id == "8a1b-LHR"
        assert "<html>" not in str(error), "the body stays out of the message"


@pytest.mark.parametrize("mode", MODES)
async def test_retry_after_is_read_in_seconds(call: OperationCall, mode: str) -> None:
    cases = [("7", 7.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0), ("soon", None)]
    answers = [json_response(429, b"{}", **{"retry-after": retry_after}) for retry_after, _ in cases]
    for (_, seconds), error in zip(cases, await raised_by_each(call, mode, answers), strict=True):
        assert error.retry_after == seconds


@pytest.mark.parametrize("mode", MODES)
async def test_the_vendor_message_is_shortened_and_scrubbed_in_str(call: OperationCall, mode: str) -> None:
    echoed = f"you sent Bearer {TOKEN} " + "x" * 1000
    error = await raised_by(call, mode, json_response(500, json.dumps({"error": echoed})))
    assert TOKEN not in str(error) and TOKEN not in (error.message or "")
    assert "Bearer [token]" in str(error) and len(str(error)) < 500
    assert TOKEN.encode() in error.content, "the raw body is still there to read"


@pytest.mark.parametrize("mode", MODES)
async def test_a_status_error_survives_pickle(call: OperationCall, mode: str) -> None:
    # A documented error status where the operation has one, so its model is pickled too.
    status = (documented_errors(call) or [429])[-1]
    body = error_body(status)
    error = await raised_by(call, mode, json_response(status, body, **{"retry-after": "3", "x-request-id": "r-1"}))
    copied = pickle.loads(pickle.dumps(error))
    assert type(copied) is type(error) and str(copied) == str(error)
    for name in ("status_code", "message", "code", "body", "content", "request_id", "retry_after", "attempts"):
        assert getattr(copied, name) == getattr(error, name), name
    assert copied.headers["x-request-id"] == "r-1"
    assert (copied.parsed is None) is (error.parsed is None) is (status == 429)
    if error.parsed is not None:
        assert copied.parsed.to_dict() == error.parsed.to_dict()


def test_every_exception_class_derives_from_the_sdk_base(call: OperationCall) -> None:
    errors = call.errors
    for name in errors.__all__:
        found = getattr(errors, name)
        assert issubclass(found, errors.SDKError), name
    assert issubclass(errors.InvalidPathParameterError, ValueError)
    assert issubclass(errors.InvalidTokenError, ValueError)
    assert issubclass(errors.MissingExtraError, ImportError)
    assert issubclass(errors.ConnectTimeout, httpx.ConnectTimeout) and issubclass(
        errors.ConnectTimeout, errors.APITimeoutError
    )
    assert issubclass(errors.ReadError, httpx.ReadError) and issubclass(errors.ReadError, errors.APIConnectionError)


def test_the_two_sdks_have_the_same_names_and_distinct_classes() -> None:
    useapi, imaginepro = CALLS_BY_ID["useapi.getAccount"].errors, CALLS_BY_ID["imaginepro.getAccountInfo"].errors
    assert useapi.__all__ == imaginepro.__all__
    for name in useapi.__all__:
        assert getattr(useapi, name) is not getattr(imaginepro, name), name


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
async def test_non_json_and_broken_error_bodies_give_the_status(call: OperationCall, mode: str) -> None:
    rows: list[tuple[str, int, bytes, str]] = []
    for case, (body, content_type, _, _) in ERROR_BODIES.items():
        if case == "missing-required" and call.id.startswith("imaginepro"):
            body = '{"statusCode": 401}'
        if case == "wrong-type" and call.id.startswith("imaginepro"):
            body = '{"message": "Unauthorized", "statusCode": "401"}'
        raw = body if isinstance(body, bytes) else body.encode()
        rows += [(case, status, raw, content_type) for status in documented_errors(call)]
    assert rows, "every operation documents an error status"

    def answers() -> list[httpx.Response]:
        responses = []
        for _, status, raw, content_type in rows:
            response = json_response(status, raw, content_type) if content_type else json_response(status, raw)
            if not content_type:
                del response.headers["content-type"]
            responses.append(response)
        return responses

    for (case, status, raw, _), error in zip(rows, await raised_by_each(call, mode, answers()), strict=True):
        assert type(error) is error_class(call, STATUS_ERRORS[status]), f"{case}: {type(error).__name__}: {error}"
        assert error.status_code == status and error.content == raw and error.parsed is None, case
    for (case, status, _, _), response in zip(rows, await detailed_for_each(call, mode, answers()), strict=True):
        assert response.status_code == status and response.parsed is None, case


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
