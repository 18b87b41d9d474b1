"""Property-based tests: for every operation and every documented status, Hypothesis bodies.

- Valid bodies (checked against the spec schema with jsonschema) parse into their models with
  every field equal to the body, and `to_dict()` gives the body back.
- Bodies broken in one place (a required field dropped, a value of the wrong JSON type, a
  malformed date-time or uuid, not JSON, not served as JSON) raise errors.ResponseValidationError
  naming that place, and nothing else, for a documented success status; for a documented error
  status, sync()/asyncio() raise the status's errors.APIStatusError instead and the _detailed
  forms give parsed=None: the status says more than a broken body.

Each body goes through the SDK over respx, sync or async as Hypothesis draws it.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.fixtures.recorded_calls import CALLS, OperationCall
from tests.support import sdk_contract
from tests.support.body_strategies import (
    WRONG_TYPE_POOL,
    Breakage,
    breakages,
    dropped,
    fits,
    replaced,
    unsupported,
    valid_bodies,
)
from tests.support.transports import MODES, json_response, run_parsed
from tests.support.upstream_mock import mock_upstream

# 100 bodies per operation and status (derandomized: the same on every run); 200 cost make test 11 s of
# CPU on 2 cores for no failure the first 100 did not find.
EXAMPLES_PER_CASE = 100
# Every documented JSON body: a download's or a text's has no schema to draw from.
CASES = [(call, status) for call in CALLS for status in call.documented_statuses if call.operation.answers_json(status)]
CASE_IDS = [f"{call.id}-{status}" for call, status in CASES]
HYPOTHESIS = settings(
    max_examples=EXAMPLES_PER_CASE,
    deadline=None,
    database=None,
    derandomize=True,  # the same bodies on every CI run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def schema_for(call: OperationCall, status: int) -> tuple[dict[str, Any], dict[str, Any]]:
    return call.operation.response_schema(status), call.operation.spec.document


def spec_validator(schema: dict[str, Any], document: dict[str, Any]) -> jsonschema.Draft202012Validator:
    root = {**document, **schema} if "$ref" not in schema else {**document, "$ref": schema["$ref"]}
    return jsonschema.Draft202012Validator(root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


class Sender:
    """One respx router, one client and one event loop for all of a test's examples."""

    def __init__(self, call: OperationCall) -> None:
        self.call = call
        self.router = mock_upstream(assert_all_called=False)
        self.route = self.router.route()
        self.client = call.client()
        self.loop = asyncio.new_event_loop()

    def __enter__(self) -> Sender:
        self.router.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.router.stop()
        self.loop.run_until_complete(self.client.get_async_httpx_client().aclose())
        self.loop.close()
        self.client.get_httpx_client().close()

    def send(self, mode: str, response: httpx.Response) -> Any:
        self.route.return_value = response
        if mode == "sync":
            return self.call.call(self.client)
        return self.loop.run_until_complete(self.call.acall(self.client))

    def send_parsed(self, mode: str, response: httpx.Response) -> Any:
        """Through sync() or asyncio(): the model, or what they raise."""
        self.route.return_value = response
        return self.loop.run_until_complete(run_parsed(self.call, self.client, mode))


@pytest.mark.parametrize(("call", "status"), CASES, ids=CASE_IDS)
def test_strategies_understand_every_response_schema(call: OperationCall, status: int) -> None:
    schema, document = schema_for(call, status)
    assert unsupported(schema, document) == []


@pytest.mark.parametrize(("call", "status"), CASES, ids=CASE_IDS)
def test_valid_bodies_parse_and_round_trip(call: OperationCall, status: int) -> None:
    schema, document = schema_for(call, status)
    validator = spec_validator(schema, document)
    model_class = sdk_contract.schema_class(call.recording.spec_name, schema) if "$ref" in schema else object

    @HYPOTHESIS
    @given(body=valid_bodies(schema, document), mode=st.sampled_from(MODES))
    def check(body: Any, mode: str) -> None:
        validator.validate(body)
        response = sender.send(mode, json_response(status, json.dumps(body)))
        assert response.status_code == status
        assert isinstance(response.parsed, model_class)
        sdk_contract.assert_matches(response.parsed, body, schema, document, "$")
        parsed: Any = response.parsed
        round_trip = sdk_contract.normalized(parsed.to_dict(), schema, document)
        assert round_trip == sdk_contract.normalized(body, schema, document)

    with Sender(call) as sender:
        check()


def broken(breakage: Breakage, body: Any, document: dict[str, Any], wrong_value: Any) -> tuple[bytes, str]:
    """The raw body and content type for a breakage."""
    if breakage.kind == "not-json":
        return json.dumps(body).encode()[:-1] + b"<", "application/json"
    if breakage.kind == "wrong-content-type":
        return json.dumps(body).encode(), "text/html; charset=utf-8"
    if breakage.kind == "drop":
        return json.dumps(dropped(body, breakage.location)).encode(), "application/json"
    return json.dumps(replaced(body, breakage.location, wrong_value)).encode(), "application/json"


@st.composite
def broken_bodies(
    draw: st.DrawFn, bodies: st.SearchStrategy[Any], schema: dict[str, Any], document: dict[str, Any]
) -> tuple[Breakage, Any, Any]:
    body = draw(bodies)
    breakage = draw(st.sampled_from(breakages(body, schema, document)))
    wrong_value = None
    if breakage.kind == "retype":
        assert breakage.schema is not None
        wrong_value = draw(st.sampled_from([v for v in WRONG_TYPE_POOL if not fits(v, breakage.schema, document)]))
    elif breakage.kind == "bad-format":
        wrong_value = "not-a-" + str(breakage.schema and breakage.schema["format"])
    return breakage, body, wrong_value


@pytest.mark.parametrize(("call", "status"), CASES, ids=CASE_IDS)
def test_broken_bodies_raise_only_the_validation_error(call: OperationCall, status: int) -> None:
    schema, document = schema_for(call, status)
    validator = spec_validator(schema, document)
    error_class = call.errors.ResponseValidationError

    @HYPOTHESIS
    @given(case=broken_bodies(valid_bodies(schema, document), schema, document), mode=st.sampled_from(MODES))
    def check(case: tuple[Breakage, Any, Any], mode: str) -> None:
        breakage, body, wrong_value = case
        raw, content_type = broken(breakage, body, document, wrong_value)
        if breakage.kind in ("drop", "retype", "bad-format"):
            assert not validator.is_valid(json.loads(raw)), "the breakage left the body valid per the spec"
        if status >= 400:
            detailed = sender.send(mode, json_response(status, raw, content_type))
            assert detailed.status_code == status and detailed.parsed is None
            with pytest.raises(call.errors.APIStatusError) as raised:
                sender.send_parsed(mode, json_response(status, raw, content_type))
            assert raised.value.status_code == status and raised.value.content == raw
            return
        try:
            sender.send(mode, json_response(status, raw, content_type))
        except error_class as error:
            assert error.path == breakage.expected_path, f"{breakage.kind}: {error}"
            assert error.status_code == status and error.content == raw
        else:
            raise AssertionError(f"{breakage.kind} at {breakage.expected_path} was accepted")

    with Sender(call) as sender:
        check()


def test_a_number_past_2_53_holds_the_nearest_float_and_round_trips_as_it() -> None:
    """Found by the property test above: a number field rounds an integer it cannot hold exactly."""
    call = next(call for call in CALLS if call.id == "useapi.getPixverseFeatures")
    schema, document = schema_for(call, 200)
    body = {**call.body, "sub_order_in_progress": 2**53 + 1}
    with Sender(call) as sender:
        for mode in MODES:
            parsed: Any = sender.send(mode, json_response(200, json.dumps(body))).parsed
            assert parsed.sub_order_in_progress == float(2**53)
            sdk_contract.assert_matches(parsed, body, schema, document, "$")
            expected = sdk_contract.normalized(body, schema, document)
            assert sdk_contract.normalized(parsed.to_dict(), schema, document) == expected
