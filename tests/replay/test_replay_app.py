"""The replay app answers like the upstream, and schemathesis finds it conforming."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from scripts.core import recordings
from scripts.core.paths import SPECS_DIR
from scripts.replay.app import ReplayApp

APP = ReplayApp()
AUTH = {"Authorization": "Bearer REDACTED"}
CONFIG = schemathesis.Config.from_path(Path(__file__).with_name("schemathesis.toml"))


async def get(path: str, headers: dict[str, str] | None = None) -> httpx.Response:
    transport = httpx.ASGITransport(app=APP)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        return await client.get(path, headers=headers)


@pytest.mark.parametrize("recording", recordings.load_all(), ids=lambda r: r.name)
async def test_answers_each_recorded_request_with_its_recording(recording: recordings.Recording) -> None:
    url = recording.path + ("?" + str(httpx.QueryParams(recording.query)) if recording.query else "")
    response = await get(url, AUTH if recording.authorized else None)
    assert (response.status_code, response.text) == (recording.status, recording.body_text)
    assert response.headers["content-type"].startswith(recording.content_type)


async def test_without_a_bearer_token_answers_401() -> None:
    for path in ("/v2/account", "/v1/dreamina/accounts/US%3Ajane%40example.com", "/api/v1/subscription/account-info"):
        assert (await get(path)).status_code == 401
        assert (await get(path, {"Authorization": "Basic abc"})).status_code == 401
        assert (await get(path, {"Authorization": "Bearer "})).status_code == 401


async def test_unknown_account_answers_404_naming_it() -> None:
    response = await get("/v1/dreamina/accounts/US%3Astranger%40example.com", AUTH)
    assert response.status_code == 404
    assert response.json() == {"error": "Unable to find configuration for account US:stranger@example.com"}
    response = await get("/v1/flowmusic/accounts/stranger%40example.com", AUTH)
    assert response.status_code == 404
    assert "stranger@example.com" in response.json()["error"]


async def test_unknown_pixverse_account_answers_the_documented_400() -> None:
    response = await get("/v2/pixverse/features/?email=stranger%40example.com", AUTH)
    assert response.status_code == 400


async def test_path_parameters_match_decoded_like_the_upstream() -> None:
    # `:` left unencoded by some clients: the upstream decodes before looking the account up.
    response = await get("/v1/dreamina/accounts/US:jane%40example.com", AUTH)
    assert response.status_code == 200 and response.json()["account"] == "US:jane@example.com"


async def test_unknown_path_answers_404() -> None:
    assert (await get("/v9/nothing", AUTH)).status_code == 404


def _fuzz(spec_name: str) -> schemathesis.BaseSchema:
    schema = schemathesis.openapi.from_path(SPECS_DIR / f"{spec_name}.yaml", config=CONFIG)
    schema.app = APP
    return schema


USEAPI = _fuzz("useapi")
IMAGINEPRO = _fuzz("imaginepro")


@USEAPI.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_useapi_replay_conforms(case: schemathesis.Case[Any]) -> None:
    served = APP.requests_served
    case.call_and_validate(headers=AUTH)
    assert APP.requests_served == served + 1


@IMAGINEPRO.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_imaginepro_replay_conforms(case: schemathesis.Case[Any]) -> None:
    served = APP.requests_served
    case.call_and_validate(headers=AUTH)
    assert APP.requests_served == served + 1
