"""The recordings prove the specs: each one conforms to its operation, checked by schemathesis."""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.core import recordings
from scripts.core.conformance import conformance_problems
from tests.support import added_operations

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
    keys = [
        (r.spec_name, r.operation_id, r.path, tuple(sorted(r.query.items())), r.request_body, r.authorized)
        for r in RECORDINGS
    ]
    duplicates = {k for k in keys if keys.count(k) > 1 and k[-1]}
    assert not duplicates, f"two recordings answer the same request: {duplicates}"


def _written(tmp_path: Path, name: str, text: str) -> Path:
    file = tmp_path / "useapi" / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(added_operations.SOURCE + text, encoding="utf-8")
    return file


def test_bodies_of_every_form_are_read() -> None:
    note = recordings.RequestBody("application/json", content=b'{"text": "hi", "pinned": true}')
    upload = recordings.RequestBody(
        "multipart/form-data",
        fields=(
            ("image", recordings.FilePart(added_operations.PNG, "a.png", "image/png")),
            ("prompt", "a cat"),
            ("count", "2"),
        ),
    )
    with tempfile.TemporaryDirectory() as folder:
        loaded = {
            name: recordings.load(_written(Path(folder), name, text))
            for name, text in added_operations.RECORDINGS.items()
        }
    assert loaded["createNote/201-created.yaml"].request_body == note
    assert loaded["uploadImage/200-stored.yaml"].request_body == upload
    download = loaded["downloadVideo/200-clip.yaml"]
    assert download.request_body is None and download.content == added_operations.VIDEO and not download.is_json
    assert loaded["createNote/201-created.yaml"].body == {"id": 7}


UPLOAD = added_operations.RECORDINGS["uploadImage/200-stored.yaml"]
NOTE = added_operations.RECORDINGS["createNote/201-created.yaml"]
DOWNLOAD = added_operations.RECORDINGS["downloadVideo/200-clip.yaml"]


@pytest.mark.parametrize(
    ("base", "old", "new", "messages"),
    [
        (NOTE, 'body: \'{"text"', 'body: \'{{"text"', [r"#/request/body: request\.body is not JSON \(line 1"]),
        (
            NOTE,
            "  content_type: application/json\n  body:",
            "  body:",
            [r"#/request/body: request\.body needs request\.content_type"],
        ),
        (
            NOTE,
            '  body: \'{"text"',
            '  body_base64: \'{"text"',
            [r"#/request/body_base64: a application/json body is text: write it as request\.body"],
        ),
        (
            NOTE,
            '  content_type: application/json\n  body: \'{"text"',
            '  content_type: multipart/form-data\n  body: \'{"text"',
            [r"#/request: a multipart/form-data body is written as request\.fields, got request\.body"],
        ),
        (
            UPLOAD,
            "base64: iVBORw0KGgo=",
            "base64: not*base64",
            [r"#/request/fields/image/base64: field 'request\.fields\.image\.base64' is not base64"],
        ),
        (
            UPLOAD,
            "{file_name: a.png, content_type: image/png, base64: iVBORw0KGgo=}",
            "{file_name: a.png}",
            [r"#/request/fields/image: missing field 'request\.fields\.image\.base64'"],
        ),
        (
            UPLOAD,
            "    prompt: a cat",
            "    prompt: 3",
            [r"#/request/fields/prompt: field 'request\.fields\.prompt' must be text or a list of texts, or a file"],
        ),
        (
            UPLOAD,
            "  content_type: multipart/form-data",
            "  content_type: application/octet-stream",
            [
                r"#/request/fields: fields are for a request's multipart/form-data or "
                r"application/x-www-form-urlencoded body"
            ],
        ),
        (
            DOWNLOAD,
            "  body_base64: AAEC",
            "  body_base64: AA*EC",
            [r"#/response/body_base64: field 'response\.body_base64' is not base64"],
        ),
        (
            DOWNLOAD,
            "  body_base64: AAEC",
            "  body: x\n  body_base64: AAEC",
            [r"#/response: response needs one body \(response\.body\), got response\.body and response\.body_base64"],
        ),
        (
            DOWNLOAD,
            "  status: 200\n  content_type: application/octet-stream",
            "  status: 999\n  content_type: application/json",
            [
                r"#/response/status: field 'response\.status' must be an HTTP status from 100 to 599, got 999",
                r"#/response/body_base64: a application/json body is text: write it as response\.body",
            ],
        ),
    ],
    ids=[
        "request-body-not-json",
        "body-without-content-type",
        "json-as-base64",
        "form-as-body",
        "file-not-base64",
        "file-without-content",
        "field-not-text",
        "fields-for-binary",
        "response-not-base64",
        "two-response-bodies",
        "two-problems-two-lines",
    ],
)
def test_a_broken_body_is_one_located_line_per_problem(
    tmp_path: Path, base: str, old: str, new: str, messages: list[str]
) -> None:
    assert old in base
    broken = _written(tmp_path, "someOperation/broken.yaml", base.replace(old, new, 1))
    with pytest.raises(recordings.RecordingError) as raised:
        recordings.load(broken)
    problems = raised.value.problems
    assert len(problems) == len(messages), problems
    for problem, message in zip(problems, messages, strict=True):
        assert re.fullmatch(rf"{re.escape(str(broken))}:\d+:\d+: {message}.*", problem), problem


_FIELD_NAMES = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=8)
_TEXTS = st.text(st.characters(codec="utf-8", exclude_characters="\r"), max_size=20)
_FILES = st.builds(
    recordings.FilePart,
    st.binary(max_size=64),
    st.from_regex(r"[a-z]{1,8}\.[a-z]{3}", fullmatch=True),
    st.sampled_from(["image/png", "application/octet-stream", "video/mp4"]),
)


@settings(max_examples=40, derandomize=True, deadline=None)
@given(fields=st.lists(st.tuples(_FIELD_NAMES, st.one_of(_TEXTS, _FILES)), max_size=5))
def test_a_multipart_body_matches_itself_as_httpx_and_the_recording_send_it(
    fields: list[tuple[str, recordings.FieldValue]],
) -> None:
    """What the SDKs send (httpx's multipart encoder) and what a recording encodes read back as the
    recorded fields and match the recording; another value for any field does not."""
    recorded = recordings.RequestBody("multipart/form-data", fields=tuple(fields))
    texts: dict[str, list[str]] = {}
    files = []
    for name, value in fields:
        if isinstance(value, recordings.FilePart):
            files.append((name, (value.file_name, value.content, value.content_type)))
        else:
            texts.setdefault(name, []).append(value)
    encoded_type, encoded = recorded.encoded()
    assert sorted(recordings.parse_form(encoded_type, encoded), key=repr) == sorted(fields, key=repr)
    assert recorded.matches(encoded_type, encoded)
    if files:  # httpx sends multipart only when there is a file
        sent = httpx.Request("POST", "http://127.0.0.1/", data=texts, files=files)
        assert recorded.matches(sent.headers["content-type"], sent.read())
    if fields:
        name, value = fields[0]
        changed = value + "x" if isinstance(value, str) else recordings.FilePart(value.content + b"x")
        other = recordings.RequestBody("multipart/form-data", fields=((name, changed), *fields[1:]))
        assert not recorded.matches(*other.encoded())


@pytest.mark.parametrize(
    ("recorded", "content_type", "sent", "matches"),
    [
        (
            recordings.RequestBody("application/json", content=b'{"a": 1, "b": [true]}'),
            "application/json",
            b'{"b":[true],"a":1}',
            True,
        ),
        (recordings.RequestBody("application/json", content=b'{"a": 1}'), "application/json", b'{"a": 2}', False),
        (recordings.RequestBody("application/json", content=b'{"a": 1}'), "application/json", b"{oops", False),
        (recordings.RequestBody("application/json", content=b'{"a": 1}'), "text/plain", b'{"a": 1}', False),
        (
            recordings.RequestBody("application/x-www-form-urlencoded", fields=(("a", "1 2"), ("b", ""))),
            "application/x-www-form-urlencoded",
            b"b=&a=1+2",
            True,
        ),
        (
            recordings.RequestBody("application/x-www-form-urlencoded", fields=(("a", "1"),)),
            "application/x-www-form-urlencoded",
            b"a=2",
            False,
        ),
        (
            recordings.RequestBody("application/octet-stream", content=b"\x00\xff"),
            "application/octet-stream",
            b"\x00\xff",
            True,
        ),
        (
            recordings.RequestBody("application/octet-stream", content=b"\x00\xff"),
            "application/octet-stream",
            b"\x00",
            False,
        ),
    ],
    ids=[
        "json-by-value",
        "json-other-value",
        "json-broken",
        "json-other-type",
        "form-by-fields",
        "form-other-value",
        "bytes",
        "other-bytes",
    ],
)
def test_a_request_body_matches_by_value_fields_or_bytes(
    recorded: recordings.RequestBody, content_type: str, sent: bytes, matches: bool
) -> None:
    assert recorded.matches(content_type, sent) is matches
