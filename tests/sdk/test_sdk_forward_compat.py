"""Upstream adds fields and enum values without notice; the SDKs keep reading.

- Unknown fields, at the top and nested, are kept in `additional_properties` and written back
  by `to_dict()`.
- An enum value the spec does not list parses, stays readable as its raw value, and
  round-trips; the *_VALUES sets tell known values from new ones.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from scripts.fixtures.recorded_calls import CALLS_BY_ID, OperationCall
from tests.support.transports import MODES, json_response
from tests.support.upstream_mock import mock_upstream


async def _parse(call: OperationCall, body: Any, mode: str) -> Any:
    with mock_upstream() as router:
        router.route().mock(return_value=json_response(200, json.dumps(body)))
        response = await call.run(call.client(), mode)
    assert response.status_code == 200
    return response.parsed


@pytest.mark.parametrize("mode", MODES)
async def test_unknown_top_level_field_is_kept_and_written_back(call: OperationCall, mode: str) -> None:
    body = copy.deepcopy(call.body)
    body["addedUpstreamLater"] = {"nested": [1, "two", None], "flag": True}
    parsed = await _parse(call, body, mode)
    assert parsed.additional_properties["addedUpstreamLater"] == {"nested": [1, "two", None], "flag": True}
    assert parsed.to_dict()["addedUpstreamLater"] == body["addedUpstreamLater"]


@pytest.mark.parametrize("mode", MODES)
async def test_unknown_nested_field_is_kept_and_written_back(mode: str) -> None:
    call = CALLS_BY_ID["useapi.getDreaminaAccount"]
    body = copy.deepcopy(call.body)
    body["credits"]["bonus"] = 250
    body["session"]["region"] = "US-East"
    parsed = await _parse(call, body, mode)
    assert parsed.credits_.additional_properties == {"bonus": 250}
    assert parsed.to_dict()["credits"]["bonus"] == 250
    assert parsed.to_dict()["session"]["region"] == "US-East"


@pytest.mark.parametrize("mode", MODES)
async def test_unknown_string_enum_value_is_kept(mode: str) -> None:
    from useapi_client.models.flow_music_tier import FLOW_MUSIC_TIER_VALUES

    call = CALLS_BY_ID["useapi.getFlowMusicAccount"]
    body = copy.deepcopy(call.body)
    body["tier"] = "platinum"
    parsed = await _parse(call, body, mode)
    assert parsed.tier == "platinum"
    assert parsed.tier not in FLOW_MUSIC_TIER_VALUES
    assert parsed.to_dict()["tier"] == "platinum"


@pytest.mark.parametrize("mode", MODES)
async def test_unknown_integer_enum_value_is_kept(mode: str) -> None:
    from useapi_client.models.pixverse_flag import PIXVERSE_FLAG_VALUES

    call = CALLS_BY_ID["useapi.getPixverseFeatures"]
    body = copy.deepcopy(call.body)
    body["allow_fast_mode"] = 2
    parsed = await _parse(call, body, mode)
    assert parsed.allow_fast_mode == 2
    assert parsed.allow_fast_mode not in PIXVERSE_FLAG_VALUES
    assert parsed.to_dict()["allow_fast_mode"] == 2


def test_known_enum_values_are_listed() -> None:
    from useapi_client.models.flow_music_tier import FLOW_MUSIC_TIER_VALUES
    from useapi_client.models.pixverse_flag import PIXVERSE_FLAG_VALUES

    documented_tiers, documented_flags = {"free", "starter", "plus", "member", "unknown"}, {0, 1}
    assert documented_tiers == FLOW_MUSIC_TIER_VALUES
    assert documented_flags == PIXVERSE_FLAG_VALUES
