"""What a maintainer gets from adding operations to a real spec (CONTRIBUTING.md, "Adding an
operation"): a temporary copy of specs/, tests/recordings/ and the generator configs, with a JSON
POST, a multipart upload and a binary download added with their recordings
(tests/support/added_operations.py), built as `make generate` builds it
(tests/support/repo_copy.py). The new SDK calls work on every transport, and every tool driven by
recordings runs over the copy: conformance, the replay server, the recorded calls on every
transport, the live dry run (which calls no operation that may spend credits unless told to). The
real specs/ and recordings are left alone.
"""

from __future__ import annotations

import dataclasses
import importlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from scripts.core import recordings
from scripts.core.conformance import conformance_problems
from scripts.fixtures.fake_upstream import FakeUpstream
from scripts.fixtures.recorded_calls import success_calls
from scripts.replay.app import ReplayApp
from scripts.replay.serve import serving
from tests.support import added_operations, sdk_contract
from tests.support.live_runs import run_live
from tests.support.raw_server import RawServer, http_answer, request_body
from tests.support.repo_copy import RepoCopy, repo_copy
from tests.support.transports import TRANSPORTS, run_and_close, transport_options

DOWNLOAD = bytes(range(256)) * (3 * 1024 * 1024 // 256)
ADDED = {"useapi.createNote", "useapi.createNotes", "useapi.uploadImage", "useapi.downloadVideo"}


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RepoCopy]:
    with repo_copy(tmp_path_factory.mktemp("repo-copy")) as built:
        yield built


@pytest.fixture(scope="module")
def sdk(copy: RepoCopy) -> ModuleType:
    return importlib.import_module(copy.package)


@pytest.fixture(scope="module")
def copy_recordings(copy: RepoCopy) -> list[recordings.Recording]:
    return recordings.load_all()


@pytest.fixture(scope="module")
def copy_replay(copy: RepoCopy) -> Iterator[str]:
    """The replay app of the copy over real HTTP on 127.0.0.1."""
    with serving(ReplayApp(), wait_for_stop=False) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def copy_fake_upstream(copy: RepoCopy) -> Iterator[tuple[FakeUpstream, str]]:
    app = FakeUpstream()
    with serving(app, wait_for_stop=False) as base_url:
        yield app, base_url


async def call(sdk: ModuleType, server: RawServer, transport: str, operation: str, answer: bytes, **kwargs: Any) -> Any:
    server.answer = lambda request: answer
    server.requests.clear()
    module = importlib.import_module(f"{sdk.__name__}.api.account.{operation}")
    client = sdk.AuthenticatedClient(base_url=server.base_url, token="REDACTED", **transport_options(transport))
    try:
        if transport == "sync":
            return module.sync(client=client, **kwargs)
        return await module.asyncio(client=client, **kwargs)
    finally:
        if transport != "sync":
            await client.get_async_httpx_client().aclose()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_three_added_operations_work_on_every_transport(
    sdk: ModuleType, raw_server: RawServer, transport: str
) -> None:
    models = importlib.import_module(f"{sdk.__name__}.models")
    created_json = http_answer("201 Created", b'{"id": 7}', content_type="application/json")
    note = await call(sdk, raw_server, transport, "create_note", created_json, body=models.CreateNoteBody(text="hi"))
    assert note.id == 7
    assert json.loads(request_body(raw_server.requests[0])) == {"text": "hi"}

    image = sdk.types.File(payload=io.BytesIO(b"PNG"), file_name="a.png", mime_type="image/png")
    body = models.UploadImageBody(image=image, prompt="a cat")
    stored_json = created_json.replace(b"201 Created", b"200 OK")
    stored = await call(sdk, raw_server, transport, "upload_image", stored_json, body=body)
    assert stored.id == 7
    sent = request_body(raw_server.requests[0])
    assert b'name="image"; filename="a.png"' in sent and b"PNG" in sent and b"a cat" in sent

    video = http_answer("200 OK", DOWNLOAD, content_type="application/octet-stream")
    downloaded = await call(sdk, raw_server, transport, "download_video", video, name="clip.mp4")
    assert downloaded.payload.read() == DOWNLOAD
    assert raw_server.requests[0].startswith(b"GET /v2/videos/clip.mp4 ")


def test_every_recording_of_the_copy_conforms(copy_recordings: list[recordings.Recording]) -> None:
    added = [r for r in copy_recordings if f"{r.spec_name}.{r.operation_id}" in ADDED]
    assert len(added) == len(added_operations.RECORDINGS)
    assert {r.name: conformance_problems(r) for r in copy_recordings} == {r.name: [] for r in copy_recordings}


def _recording(recorded: list[recordings.Recording], name: str) -> recordings.Recording:
    return next(r for r in recorded if r.name == name)


def _with_fields(recording: recordings.Recording, **values: str | None) -> recordings.RequestBody:
    """The recording's form body with fields replaced (None: left out)."""
    assert recording.request_body is not None
    fields = [(name, values.get(name, value)) for name, value in recording.request_body.fields]
    return recordings.RequestBody(
        recording.request_body.content_type, fields=tuple((n, v) for n, v in fields if v is not None)
    )


JSON = "application/json"
# Each: the recording, the change, the one problem conformance reports.
UNDESCRIBED: dict[str, tuple[str, Any, str]] = {
    "json-missing-field": (
        "createNote/201-created",
        lambda r: {"request_body": recordings.RequestBody(JSON, b'{"pinned": true}')},
        "request.body $: 'text' is a required property",
    ),
    "json-wrong-type": (
        "createNote/201-created",
        lambda r: {"request_body": recordings.RequestBody(JSON, b'{"text": "hi", "pinned": "yes"}')},
        "request.body $.pinned: 'yes' is not of type 'boolean'",
    ),
    "undocumented-media-type": (
        "createNote/201-created",
        lambda r: {"request_body": recordings.RequestBody("text/plain", b"hi")},
        "request content type text/plain is not documented (application/json)",
    ),
    "required-body-missing": (
        "createNote/201-created",
        lambda r: {"request_body": None},
        "no request body, which the operation requires (application/json)",
    ),
    "form-field-wrong-type": (
        "uploadImage/200-stored",
        lambda r: {"request_body": _with_fields(r, count="two")},
        "request.fields $.count: 'two' is not of type 'integer'",
    ),
    "form-file-missing": (
        "uploadImage/200-stored",
        lambda r: {"request_body": _with_fields(r, image=None)},
        "request.fields $: 'image' is a required property",
    ),
    "body-not-taken": (
        "downloadVideo/200-clip",
        lambda r: {"request_body": recordings.RequestBody(JSON, b"{}")},
        "a request body, which the operation does not take",
    ),
    "download-wrong-content-type": (
        "downloadVideo/200-clip",
        lambda r: {"content_type": "text/html"},
        "Undocumented Content-Type",
    ),
    "wrong-method": (
        "downloadVideo/200-clip",
        lambda r: {"method": "POST"},
        "request.method POST is not the operation's GET",
    ),
}


@pytest.mark.parametrize("case", UNDESCRIBED)
def test_a_request_or_answer_the_spec_does_not_describe_is_one_located_line(
    copy_recordings: list[recordings.Recording], case: str
) -> None:
    name, change, problem = UNDESCRIBED[case]
    original = _recording(copy_recordings, f"useapi/{name}")
    problems = conformance_problems(dataclasses.replace(original, **change(original)))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{original.file}: ") and problem in problems[0], problems


def _sent(recording: recordings.Recording) -> dict[str, Any]:
    """httpx.request arguments that send the recorded request."""
    headers = {"authorization": "Bearer REDACTED"} if recording.authorized else {}
    content = b""
    if recording.request_body is not None:
        headers["content-type"], content = recording.request_body.encoded()
    return {
        "method": recording.method,
        "url": recording.path,
        "params": recording.query,
        "headers": headers,
        "content": content,
    }


def test_the_replay_server_answers_each_recorded_request_body_and_all(
    copy_recordings: list[recordings.Recording], copy_replay: str
) -> None:
    with httpx.Client(base_url=copy_replay) as client:
        for recording in copy_recordings:
            response = client.request(**_sent(recording))
            assert (response.status_code, response.content) == (recording.status, recording.content), recording.name
            assert response.headers["content-type"].startswith(recording.content_type)
        upload = _recording(copy_recordings, "useapi/uploadImage/200-stored")
        for other in (_with_fields(upload, prompt="a dog"), _with_fields(upload, count=None)):
            response = client.request(**_sent(dataclasses.replace(upload, request_body=other)))
            assert response.status_code == 404 and response.json() == {"error": "no recording matches this request"}


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_recorded_calls_of_the_copy_work_on_every_transport(
    copy_recordings: list[recordings.Recording], copy_replay: str, transport: str
) -> None:
    calls = success_calls(copy_recordings)
    assert {call.id for call in calls} >= ADDED
    for recorded_call in calls:
        client = recorded_call.client(base_url=copy_replay, **transport_options(transport))
        response = await run_and_close(client, transport, recorded_call)
        assert (response.status_code, response.content) == (
            recorded_call.recording.status,
            recorded_call.recording.content,
        )
        sdk_contract.assert_parsed(recorded_call.operation, recorded_call.recording, response.parsed)


def test_the_live_dry_run_calls_only_what_cannot_spend_and_says_why(
    copy_fake_upstream: tuple[FakeUpstream, str], tmp_path: Path
) -> None:
    run = run_live(copy_fake_upstream, "faithful", tmp_path)
    assert run.exit_code == 0
    assert {seen.method for seen in run.seen} == {"GET"}
    assert {name: verdict for name, verdict in run.verdicts.items() if verdict != "conforms"} == {
        "useapi createNote": "skipped",
        "useapi createNotes": "skipped",
        "useapi uploadImage": "skipped",
        "useapi downloadVideo": "skipped",
    }
    skipped = {f"{r.spec_name}.{r.operation_id}": r.skipped for r in run.results if r.skipped}
    assert skipped == {
        "useapi.createNote": "a POST may spend credits or change state: the run calls GET and HEAD only "
        "(LIVE_UNSAFE_OPERATIONS=useapi.createNote opts it in)",
        "useapi.uploadImage": "a POST may spend credits or change state: the run calls GET and HEAD only "
        "(LIVE_UNSAFE_OPERATIONS=useapi.uploadImage opts it in)",
        "useapi.createNotes": "a POST may spend credits or change state: the run calls GET and HEAD only "
        "(LIVE_UNSAFE_OPERATIONS=useapi.createNotes opts it in)",
        "useapi.downloadVideo": (
            "no live value for parameter 'name': add it to scripts/live/config.py ACCOUNT_PARAMETERS"
        ),
    }
    for reason in skipped.values():
        assert reason.replace("|", "\\|") in run.report


def test_an_opted_in_operation_is_sent_as_recorded_judged_and_recorded(
    copy_fake_upstream: tuple[FakeUpstream, str], copy_recordings: list[recordings.Recording], tmp_path: Path
) -> None:
    opted_in = "useapi.createNote,useapi.uploadImage"
    run = run_live(copy_fake_upstream, "faithful", tmp_path, LIVE_UNSAFE_OPERATIONS=opted_in)
    assert run.exit_code == 0, run.report
    assert run.verdicts["useapi createNote"] == run.verdicts["useapi uploadImage"] == "conforms"
    assert sorted((seen.method, seen.path, seen.authorized) for seen in run.seen if seen.method != "GET") == [
        ("POST", "/v2/images", False),
        ("POST", "/v2/images", True),
        ("POST", "/v2/notes", False),
        ("POST", "/v2/notes", True),
    ]
    for name, status in (("createNote", 201), ("uploadImage", 200)):
        written = recordings.load(tmp_path / f"recordings/useapi/{name}/{status}-live-2026-01-02.yaml")
        recorded = next(r for r in copy_recordings if r.operation_id == name and r.status == status)
        assert written.request_body is not None and recorded.request_body is not None
        assert written.request_body.matches(*recorded.request_body.encoded()), name
        assert written.status == recorded.status and written.body.keys() == recorded.body.keys()  # ids are faked
        assert conformance_problems(written) == []
