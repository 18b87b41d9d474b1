"""The recordings prove the specs: each one conforms to its operation, checked by schemathesis."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from scripts.core import recordings
from scripts.core.conformance import conformance_problems

RECORDINGS = recordings.load_all()


@pytest.mark.parametrize("recording", RECORDINGS, ids=lambda r: r.name)
def test_recording_conforms_to_its_operation(recording: recordings.Recording) -> None:
    assert conformance_problems(recording) == []


def _variant(name: str, **changes: object) -> recordings.Recording:
    original = next(r for r in RECORDINGS if r.name == name)
    return dataclasses.replace(original, **changes)  # type: ignore[arg-type]


def test_wrong_field_type_is_reported_with_file_and_json_path() -> None:
    recording = _variant("useapi/getDreaminaAccount/200-live")
    body = json.loads(recording.body_text)
    body["credits"]["total"] = "lots"
    problems = conformance_problems(dataclasses.replace(recording, content=json.dumps(body).encode()))
    assert len(problems) == 1
    assert problems[0].startswith("tests/recordings/useapi/getDreaminaAccount/200-live.yaml: ")
    assert "response.body $.credits.total" in problems[0] and "not of type" in problems[0]


def test_missing_required_field_is_reported() -> None:
    recording = _variant("imaginepro/getAccountInfo/200-page-example")
    body = json.loads(recording.body_text)
    del body["creditsExtra"]
    problems = conformance_problems(dataclasses.replace(recording, content=json.dumps(body).encode()))
    assert any('"creditsExtra" is a required property' in p for p in problems), problems


def test_undocumented_status_and_content_type_are_reported() -> None:
    assert any(
        "Undocumented status code" in p
        for p in conformance_problems(_variant("useapi/getAccount/401-missing-token", status=404))
    )
    assert any(
        "Undocumented Content-Type" in p
        for p in conformance_problems(_variant("useapi/getAccount/200-page-example", content_type="text/html"))
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  status: 200\n", "", r"broken\.yaml:\d+:\d+: #/response/status: missing field 'response\.status'"),
        (
            '"id": 12345,',
            '"id": 12345,,',
            r"broken\.yaml:\d+:\d+: #/response/body: response\.body is not JSON \(line 2 of the body\)",
        ),
        (
            "  authorized: true",
            "  authorized: yes please",
            r"broken\.yaml:\d+:\d+: #/request/authorized: field 'request\.authorized' must be bool",
        ),
        ("request:\n", "request: [\n", r"broken\.yaml:\d+:\d+: #/: invalid YAML"),
    ],
    ids=["missing-field", "body-not-json", "wrong-type", "invalid-yaml"],
)
def test_a_broken_recording_is_reported_with_its_file_and_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    source = next(r for r in RECORDINGS if r.name == "useapi/getAccount/200-page-example").file
    broken = tmp_path / "useapi" / "getAccount" / "broken.yaml"
    broken.parent.mkdir(parents=True)
    text = source.read_text()
    assert old in text
    broken.write_text(text.replace(old, new, 1))
    with pytest.raises(recordings.RecordingError, match=message):
        recordings.load(broken)


EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


@pytest.mark.parametrize("recording", RECORDINGS, ids=lambda r: r.name)
def test_recording_holds_no_real_address_or_token(recording: recordings.Recording) -> None:
    text = recording.file.read_text()
    domains = {m.group(1) for m in EMAIL.finditer(text)}
    assert domains <= {"example.com"}, f"{recording.file}: addresses outside example.com: {domains}"
    for key in ("access_token", "refresh_token"):
        if key in recording.body_text:
            assert recording.body[key] == "REDACTED", f"{recording.file}: {key} is not REDACTED"


def test_request_keys_are_unique_so_the_replay_app_is_unambiguous() -> None:
    keys = [(r.spec_name, r.operation_id, r.path, tuple(sorted(r.query.items())), r.authorized) for r in RECORDINGS]
    duplicates = {k for k in keys if keys.count(k) > 1 and k[-1]}
    assert not duplicates, f"two recordings answer the same request: {duplicates}"
