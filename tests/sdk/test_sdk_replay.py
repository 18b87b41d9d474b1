"""Every recording, replayed through the generated SDK with respx, sync and async.

Per recording: the SDK sends exactly the recorded request (percent-encoded path included, and
its body: JSON by value, a form by its fields, any other body byte for byte), parses the recorded
body into its typed model with every field equal to the recorded value, and `to_dict()` gives the
recorded body back (timestamps compared as instants); a download gives the recorded bytes.
"""

from __future__ import annotations

import importlib
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from scripts.core import recordings, sdk_calls, specs
from scripts.fixtures import recorded_calls
from tests.support import sdk_contract
from tests.support.upstream_mock import mock_upstream

RECORDINGS = recordings.load_all()
TOKEN = "REDACTED"


def make_client(recording: recordings.Recording) -> Any:
    client_module = importlib.import_module(f"{sdk_calls.package_name(recording.spec_name)}.client")
    base_url = sdk_calls.spec(recording.spec_name).document["servers"][0]["url"]
    if recording.authorized:
        return client_module.AuthenticatedClient(base_url=base_url, token=TOKEN)
    return client_module.Client(base_url=base_url)


def recorded_response(recording: recordings.Recording) -> httpx.Response:
    return httpx.Response(
        recording.status,
        headers={"content-type": recording.content_type},
        content=recording.content,
    )


def check_exchange(recording: recordings.Recording, sent: httpx.Request, response: Any) -> None:
    operation = recorded_calls.operation_for(recording)
    assert sent.method == recording.method
    assert sent.url.raw_path.split(b"?")[0].decode() == recording.path, "path or its percent-encoding differs"
    assert dict(parse_qsl(sent.url.query.decode(), keep_blank_values=True)) == recording.query
    if recording.authorized:
        assert sent.headers["authorization"] == f"Bearer {TOKEN}"
    else:
        assert "authorization" not in sent.headers

    if recording.request_body is None:
        assert not sent.content, "the SDK sent a body the recording does not have"
    else:
        sent_type = sent.headers.get("content-type", "")
        assert recording.request_body.matches(sent_type, sent.content), f"the SDK sent another body: {sent_type}"

    assert response.status_code == recording.status
    assert response.content == recording.content
    sdk_contract.assert_parsed(operation, recording, response.parsed)


@pytest.mark.parametrize("recording", RECORDINGS, ids=lambda r: r.name)
def test_sync_replay(recording: recordings.Recording) -> None:
    operation = recorded_calls.operation_for(recording)
    with mock_upstream() as router:
        route = router.route().mock(return_value=recorded_response(recording))
        with make_client(recording) as client:
            response = operation.module().sync_detailed(client=client, **operation.sdk_arguments(recording))
    assert route.call_count == 1
    check_exchange(recording, route.calls.last.request, response)


@pytest.mark.parametrize("recording", RECORDINGS, ids=lambda r: r.name)
async def test_async_replay(recording: recordings.Recording) -> None:
    operation = recorded_calls.operation_for(recording)
    with mock_upstream() as router:
        route = router.route().mock(return_value=recorded_response(recording))
        async with make_client(recording) as client:
            response = await operation.module().asyncio_detailed(client=client, **operation.sdk_arguments(recording))
    assert route.call_count == 1
    check_exchange(recording, route.calls.last.request, response)


def test_every_operation_has_a_recording_for_every_documented_status() -> None:
    recorded = {(r.spec_name, r.operation_id, r.status) for r in RECORDINGS}
    for spec_path in specs.spec_paths():
        document = sdk_calls.spec(spec_path.stem)
        for operation in document.operations():
            for status in operation.node["responses"]:
                key = (spec_path.stem, operation.operation_id, int(status))
                assert key in recorded, f"no recording for {key}"
