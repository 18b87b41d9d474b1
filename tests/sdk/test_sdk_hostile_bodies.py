"""Hostile bodies and arguments raise only what the README's table lists, sync and async.

- NaN, Infinity, -Infinity and 1e999 are not JSON numbers: ResponseValidationError at their
  path, in a documented field or an unknown one.
- Nesting past MAX_JSON_DEPTH, or deep enough to exhaust Python's parser, is
  ResponseValidationError, not RecursionError.
- A URL longer than httpx allows is httpx.InvalidURL, raised before anything is sent.
"""

from __future__ import annotations

from typing import Any

import pytest

from scripts.fixtures.recorded_calls import CALLS_BY_ID, OperationCall
from tests.support.transports import MODES, json_response
from tests.support.upstream_mock import mock_upstream

DREAMINA = CALLS_BY_ID["useapi.getDreaminaAccount"]
IMAGINEPRO = CALLS_BY_ID["imaginepro.getAccountInfo"]


async def validation_error(call: OperationCall, mode: str, body: str) -> Any:
    with mock_upstream(assert_all_called=False) as router:
        router.route().mock(return_value=json_response(200, body))
        with pytest.raises(call.errors.ResponseValidationError) as raised:
            await call.run(call.client(), mode)
    return raised.value


NON_FINITE = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("number", NON_FINITE)
async def test_non_finite_numbers_in_documented_fields(mode: str, number: str) -> None:
    body = DREAMINA.recording.body_text.replace('"total": 24065', f'"total": {number}')
    assert body != DREAMINA.recording.body_text
    error = await validation_error(DREAMINA, mode, body)
    assert error.path == "$.credits.total"
    assert "expected a finite number" in error.reason


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("number", NON_FINITE)
async def test_non_finite_numbers_in_unknown_fields(mode: str, number: str) -> None:
    body = IMAGINEPRO.recording.body_text.replace("{", f'{{"newField": {{"rates": [1.5, {number}]}},', 1)
    error = await validation_error(IMAGINEPRO, mode, body)
    assert error.path == "$.newField.rates[1]"


@pytest.mark.parametrize("mode", MODES)
async def test_nesting_past_the_limit_names_where(mode: str) -> None:
    depth = IMAGINEPRO.package_module("_constants").MAX_JSON_DEPTH
    nested = "[" * depth + "]" * depth  # one more level than allowed, with the body's own object
    body = IMAGINEPRO.recording.body_text.replace("{", f'{{"newField": {nested},', 1)
    error = await validation_error(IMAGINEPRO, mode, body)
    assert error.path == "$.newField" + "[0]" * (depth - 1)
    assert f"nested deeper than {depth} levels" in error.reason


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("levels", [1_000, 100_000])
async def test_nesting_that_exhausts_the_parser_is_a_validation_error(mode: str, levels: int) -> None:
    body = IMAGINEPRO.recording.body_text.replace("{", '{"newField": ' + "[" * levels + "]" * levels + ",", 1)
    error = await validation_error(IMAGINEPRO, mode, body)
    assert error.path in ("$", "$.newField" + "[0]" * 63)
    assert "nested deeper than" in error.reason


@pytest.mark.parametrize("mode", MODES)
async def test_an_over_long_url_is_invalid_url_before_sending(mode: str) -> None:
    import httpx

    module = DREAMINA.operation.module()
    client = DREAMINA.client()
    with mock_upstream(assert_all_called=False) as router:
        route = router.route().mock(return_value=json_response(200, DREAMINA.recording.body_text))
        with pytest.raises(httpx.InvalidURL):
            if mode == "sync":
                module.sync_detailed("x" * 100_000, client=client)
            else:
                await module.asyncio_detailed("x" * 100_000, client=client)
    assert route.call_count == 0
