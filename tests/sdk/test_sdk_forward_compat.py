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

from scripts.core import specs
from scripts.core.paths import ROOT
from scripts.fixtures.fake_upstream import INVENTED_TIER
from scripts.fixtures.recorded_calls import CALLS_BY_ID, OperationCall
from tests.support.transports import MODES, json_response
from tests.support.upstream_mock import mock_upstream


async def _parse(call: OperationCall, body: Any, mode: str) -> Any:
    with mock_upstream() as router:
        router.route().mock(return_value=json_response(call.recording.status, json.dumps(body)))
        response = await call.run(call.client(), mode)
    assert response.status_code == call.recording.status
    return response.parsed


@pytest.mark.parametrize("mode", MODES)
async def test_unknown_top_level_field_is_kept_and_written_back(json_call: OperationCall, mode: str) -> None:
    body = copy.deepcopy(json_call.body)
    body["addedUpstreamLater"] = {"nested": [1, "two", None], "flag": True}
    parsed = await _parse(json_call, body, mode)
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
    body["tier"] = INVENTED_TIER
    parsed = await _parse(call, body, mode)
    assert parsed.tier == INVENTED_TIER
    assert parsed.tier not in FLOW_MUSIC_TIER_VALUES
    assert parsed.to_dict()["tier"] == INVENTED_TIER


@pytest.mark.parametrize("mode", MODES)
async def test_unknown_integer_enum_value_is_kept(mode: str) -> None:
    from useapi_client.models.pixverse_flag import PIXVERSE_FLAG_VALUES

    call = CALLS_BY_ID["useapi.getPixverseFeatures"]
    body = copy.deepcopy(call.body)
    undocumented = max(PIXVERSE_FLAG_VALUES) + 1  # whatever flags the spec adds, one above them
    body["allow_fast_mode"] = undocumented
    parsed = await _parse(call, body, mode)
    assert parsed.allow_fast_mode == undocumented
    assert parsed.allow_fast_mode not in PIXVERSE_FLAG_VALUES
    assert parsed.to_dict()["allow_fast_mode"] == undocumented


def test_known_enum_values_are_listed() -> None:
    """The SDK lists the spec's values, whatever they are now (a drift adds some: CONTRIBUTING)."""
    from useapi_client.models.flow_music_tier import FLOW_MUSIC_TIER_VALUES
    from useapi_client.models.pixverse_flag import PIXVERSE_FLAG_VALUES

    schemas = specs.load(ROOT / "specs/useapi.yaml").document["components"]["schemas"]
    assert set(schemas["FlowMusicTier"]["enum"]) == FLOW_MUSIC_TIER_VALUES
    assert set(schemas["PixverseFlag"]["enum"]) == PIXVERSE_FLAG_VALUES
