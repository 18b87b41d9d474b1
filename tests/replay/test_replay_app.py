"""The replay app answers like the upstream, and schemathesis finds it conforming."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from scripts.core import paths, recordings, sdk_calls
from scripts.replay.app import ReplayApp

APP = ReplayApp()
AUTH = {"Authorization": "Bearer REDACTED"}
CONFIG = schemathesis.Config.from_path(Path(__file__).with_name("schemathesis.toml"))


async def get(
    path: str, headers: dict[str, str] | None = None, method: str = "GET", content: bytes = b""
) -> httpx.Response:
    transport = httpx.ASGITransport(app=APP)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        return await client.request(method, path, headers=headers, content=content)


@pytest.mark.parametrize("recording", recordings.load_all(), ids=lambda r: r.name)
async def test_answers_each_recorded_request_with_its_recording(recording: recordings.Recording) -> None:
    url = recording.path + ("?" + str(httpx.QueryParams(recording.query)) if recording.query else "")
    headers = dict(AUTH) if recording.authorized else {}
    content = b""
    if recording.request_body is not None:
        headers["content-type"], content = recording.request_body.encoded()
    response = await get(url, headers, recording.method, content)
    assert (response.status_code, response.content) == (recording.status, recording.content)
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


def _answerable(spec_name: str) -> list[str]:
    """The operations whose every valid request the recordings answer as the spec documents: those
    with a 404 or 400 recording for a request no other matches, and those with nothing to vary.
    Any other (a POST whose body matches no recording) gets an undocumented 404."""
    routes = {route.operation_id: route for route in APP.routes if route.spec_name == spec_name}
    return [
        operation.operation_id
        for operation in sdk_calls.operations(spec_name)
        if routes[operation.operation_id].by_status(404)
        or routes[operation.operation_id].by_status(400)
        or not (operation.node.get("parameters") or operation.node.get("requestBody"))
    ]


def _fuzz(spec_name: str) -> schemathesis.BaseSchema:
    schema = schemathesis.openapi.from_path(paths.SPECS_DIR / f"{spec_name}.yaml", config=CONFIG)
    schema.app = APP
    return schema.include(operation_id=_answerable(spec_name))


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
