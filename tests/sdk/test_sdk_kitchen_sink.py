"""Every construct of the kitchen-sink spec (tests/sdk/golden/kitchen_sink.yaml) on the wire, on
every transport: httpx's own, sync and async, and the aiohttp extra. The SDK is the golden record
that `make generate` renders from it; the server is a raw one on 127.0.0.1 that records each
request byte for byte.

- Request bodies (JSON on POST, PUT, PATCH and DELETE; multipart; form-urlencoded; octet-stream
  from bytes and from a file), parameters (query arrays, enums, dates, nullables, exploded
  objects; headers; cookies): method, path, content type and body as they reach the wire.
- Responses: JSON models, unions (by required properties, by const, by discriminator), anyOf of
  an enum and a date, const, maps, top-level arrays, 2XX/4XX/default, problem+json, text, CSV,
  binary downloads past the JSON size cap, a model with no properties, *_token defaults.
- Retries: PUT and DELETE re-send the whole body; POST and PATCH are never retried.
"""

from __future__ import annotations

import datetime
import email.parser
import email.policy
import io
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kitchen_sink_client import AuthenticatedClient, errors
from kitchen_sink_client.api.files import get_blob, get_csv_report, get_image, get_text_report, put_blob, upload_image
from kitchen_sink_client.api.misc import create_session, get_schedule, get_status, ping, submit_form
from kitchen_sink_client.api.pets import create_pet, delete_pet, list_pets, replace_pet, update_pet
from kitchen_sink_client.api.shapes import get_animal, get_vehicle, list_shapes
from kitchen_sink_client.models import (
    Boat,
    Car,
    Cat,
    Circle,
    DeletePetBody,
    Dog,
    Empty,
    Labels,
    NewPet,
    Pet,
    PetFilter,
    Problem,
    ReplacePetBody,
    Schedule,
    Session,
    Square,
    SubmitFormBody,
    UpdatePetBody,
    UploadImageBody,
    UploadImageBodyMeta,
)
from kitchen_sink_client.types import UNSET, File

from tests.support.raw_server import RawServer, http_answer, request_body
from tests.support.transports import TRANSPORTS, transport_options

PET_ID = uuid.UUID("6f1c2b9e-3d4a-4b5c-8d7e-9f0a1b2c3d4e")
PET = {"id": str(PET_ID), "name": "Rex", "kind": "dog"}
MIB = 1024 * 1024


@dataclass
class Wire:
    """A request as the server received it."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes

    @classmethod
    def parse(cls, raw: bytes) -> Wire:
        head = raw.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
        method, target, _ = head[0].split(" ")
        headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in head[1:])}
        url = urlsplit(target)
        return cls(method, url.path, parse_qsl(url.query, keep_blank_values=True), headers, request_body(raw))

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").partition(";")[0]

    def json(self) -> Any:
        assert self.media_type == "application/json", self.headers
        return json.loads(self.body)

    def form_parts(self) -> list[tuple[object, object, object]]:
        """(name, filename, content) of each part of a multipart/form-data body."""
        head = f"content-type: {self.headers['content-type']}\r\n\r\n".encode()
        message: Any = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + self.body)
        return [
            (part.get_param("name", header="content-disposition"), part.get_filename(), part.get_payload(decode=True))
            for part in message.iter_parts()
        ]


def answer(status: int, body: bytes | str | object = b"", content_type: str = "application/json") -> bytes:
    if isinstance(body, bytes | str):
        content = body.encode() if isinstance(body, str) else body
    else:
        content = json.dumps(body).encode()
    return http_answer(f"{status} X", content, content_type=content_type) if content else http_answer(f"{status} X")


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    with RawServer() as raw:
        yield raw


@pytest.fixture(params=TRANSPORTS)
def transport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@dataclass
class Exchange:
    response: Any  # a Response of the operation's type
    requests: list[Wire]

    @property
    def wire(self) -> Wire:
        assert len(self.requests) == 1, [r.method for r in self.requests]
        return self.requests[0]


async def exchange(
    server: RawServer, transport: str, module: ModuleType, answers: list[bytes], **arguments: Any
) -> Exchange:
    """One call of an operation's *_detailed function; the server gives `answers` in turn (the last repeats)."""
    replies = iter(answers)
    last = answers[-1]
    server.answer = lambda request: next(replies, last)
    server.requests.clear()
    options = {"timeout": 5.0, **transport_options(transport), **arguments.pop("client_options", {})}
    client = AuthenticatedClient(base_url=server.base_url, token="REDACTED", **options)
    try:
        if transport == "sync":
            response = module.sync_detailed(client=client, **arguments)
        else:
            response = await module.asyncio_detailed(client=client, **arguments)
    finally:
        if transport != "sync":
            await client.get_async_httpx_client().aclose()
    return Exchange(response, [Wire.parse(raw) for raw in server.requests])


# --- JSON request bodies ---------------------------------------------------------------------


@dataclass
class JsonCase:
    module: ModuleType
    arguments: dict[str, Any]
    method: str
    path: str
    sent: Any
    answer: bytes
    parsed: Callable[[Any], bool]


JSON_CASES = {
    "POST-ref-body": JsonCase(
        create_pet,
        {
            "body": NewPet(
                name="Rex",
                kind="dog",
                born=None,
                birthday=datetime.date(2020, 1, 2),
                chip_id=PET_ID,
                tags=["good", "boy"],
            )
        },
        "POST",
        "/pets",
        {
            "name": "Rex",
            "kind": "dog",
            "born": None,
            "birthday": "2020-01-02",
            "chip_id": str(PET_ID),
            "weight": 1.5,
            "vaccinated": False,
            "tags": ["good", "boy"],
        },
        answer(201, {**PET, "born": "2020-01-02T03:04:05Z", "weight": 3}),
        lambda pet: (
            isinstance(pet, Pet)
            and pet.id == PET_ID
            and pet.weight == 3
            and pet.born == datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
        ),
    ),
    "PUT-inline-body": JsonCase(
        replace_pet,
        {
            "pet_id": PET_ID,
            "body": ReplacePetBody(name="Rex", kind="cat", born=datetime.datetime(2021, 5, 6, tzinfo=datetime.UTC)),
        },
        "PUT",
        f"/pets/{PET_ID}",
        {"name": "Rex", "kind": "cat", "born": "2021-05-06T00:00:00+00:00"},
        answer(200, PET),
        lambda pet: isinstance(pet, Pet) and pet.kind == "dog",
    ),
    "PATCH-nullable-and-defaults": JsonCase(
        update_pet,
        {"pet_id": PET_ID, "body": UpdatePetBody(nickname=None)},
        "PATCH",
        f"/pets/{PET_ID}",
        {"nickname": None, "weight": 2.5, "status": "available"},
        answer(202, PET),  # a 2XX range
        lambda pet: isinstance(pet, Pet),
    ),
    "DELETE-body-with-token-default": JsonCase(
        delete_pet,
        {"pet_id": PET_ID, "body": DeletePetBody(reason="sold")},
        "DELETE",
        f"/pets/{PET_ID}",
        {"reason": "sold", "purge_token": "keep"},
        answer(204),
        lambda parsed: parsed is None,
    ),
    "POST-token-fields-with-defaults": JsonCase(
        create_session,
        {"body": Session(user="jane")},
        "POST",
        "/sessions",
        {"user": "jane", "ttl": 3600, "refresh_token": "none", "session_token": "anonymous"},
        answer(200, {"user": "jane", "refresh_token": "rt-secret", "ttl": 60.0}),
        lambda session: (
            isinstance(session, Session)
            and session.ttl == 60
            and type(session.ttl) is int
            and "rt-secret" not in repr(session)
        ),
    ),
}


@pytest.mark.parametrize("case", JSON_CASES.values(), ids=JSON_CASES.keys())
async def test_a_json_body_reaches_the_wire_and_the_answer_is_parsed(
    server: RawServer, transport: str, case: JsonCase
) -> None:
    done = await exchange(server, transport, case.module, [case.answer], **case.arguments)
    assert (done.wire.method, done.wire.path) == (case.method, case.path)
    assert done.wire.json() == case.sent
    assert case.parsed(done.response.parsed), done.response.parsed


# --- other request bodies --------------------------------------------------------------------


async def test_a_multipart_upload_sends_the_file_and_every_typed_field(server: RawServer, transport: str) -> None:
    body = UploadImageBody(
        file=File(payload=io.BytesIO(b"\x89PNG image bytes"), file_name="cat.png", mime_type="image/png"),
        caption="a cat",
        quality=0.5,
        meta=UploadImageBodyMeta(author="jane"),
        labels=["cat", "cute"],
        mode="best",
    )
    done = await exchange(server, transport, upload_image, [answer(200, {"received": 16})], body=body)
    assert (done.wire.method, done.wire.path, done.wire.media_type) == ("POST", "/uploads", "multipart/form-data")
    assert done.wire.form_parts() == [
        ("file", "cat.png", b"\x89PNG image bytes"),
        ("caption", None, b"a cat"),
        ("quality", None, b"0.5"),
        ("meta", None, b'{"author": "jane"}'),
        ("labels", None, b"cat"),
        ("labels", None, b"cute"),
        ("mode", None, b"best"),
    ]
    assert done.response.parsed.received == 16


async def test_a_form_urlencoded_body(server: RawServer, transport: str) -> None:
    body = SubmitFormBody(name="Rex & co", count=3, kind="bird")
    done = await exchange(server, transport, submit_form, [answer(201, {"received": 1})], body=body)
    assert (done.wire.method, done.wire.media_type) == ("POST", "application/x-www-form-urlencoded")
    assert parse_qsl(done.wire.body.decode()) == [("name", "Rex & co"), ("count", "3"), ("kind", "bird")]
    assert done.response.parsed.received == 1


def _payloads(tmp_path: Path) -> dict[str, Callable[[], Any]]:
    data = bytes(range(256)) * 1024
    (tmp_path / "blob.bin").write_bytes(data)
    return {"bytes": lambda: io.BytesIO(data), "file": lambda: (tmp_path / "blob.bin").open("rb")}


@pytest.mark.parametrize("source", ["bytes", "file"])
async def test_an_octet_stream_upload_is_retried_with_the_whole_body(
    server: RawServer, transport: str, source: str, tmp_path: Path, sleeps: list[float]
) -> None:
    payload = _payloads(tmp_path)[source]()
    with payload:
        done = await exchange(
            server, transport, put_blob, [answer(503), answer(200, {"received": 1})], name="a b", body=File(payload)
        )
    assert [(r.method, r.path, r.media_type) for r in done.requests] == [
        ("PUT", "/blobs/a%20b", "application/octet-stream")
    ] * 2
    assert [r.body for r in done.requests] == [bytes(range(256)) * 1024] * 2
    assert done.response.parsed.received == 1


@pytest.mark.parametrize(
    ("module", "arguments", "idempotent"),
    [
        (replace_pet, {"pet_id": PET_ID, "body": ReplacePetBody(name="Rex", kind="dog")}, True),
        (delete_pet, {"pet_id": PET_ID, "body": DeletePetBody(reason="lost")}, True),
        (create_pet, {"body": NewPet(name="Rex", kind="dog")}, False),
        (update_pet, {"pet_id": PET_ID, "body": UpdatePetBody(weight=4.0)}, False),
    ],
    ids=["PUT", "DELETE", "POST", "PATCH"],
)
async def test_only_idempotent_methods_are_retried_and_with_the_whole_body(
    server: RawServer,
    transport: str,
    module: ModuleType,
    arguments: dict[str, Any],
    idempotent: bool,
    sleeps: list[float],
) -> None:
    done = await exchange(server, transport, module, [answer(503), answer(204)], **arguments)
    assert len(done.requests) == (2 if idempotent else 1)
    assert [json.loads(r.body) for r in done.requests] == [arguments["body"].to_dict()] * len(done.requests)
    assert done.response.status_code == (204 if idempotent else 503)


# --- parameters ------------------------------------------------------------------------------


async def test_query_header_and_cookie_parameters(server: RawServer, transport: str) -> None:
    done = await exchange(
        server,
        transport,
        list_pets,
        [answer(200, [PET, {**PET, "kind": "bird"}])],
        tags=["a", "b c"],
        kind="dog",
        born_after=datetime.date(2024, 1, 2),
        limit=None,
        filter_=PetFilter(color="red", min_age=2),
        x_request_id="req-1",
        session="s1",
    )
    assert (done.wire.method, done.wire.path) == ("GET", "/pets")
    assert done.wire.query == [
        ("tags", "a"),
        ("tags", "b c"),
        ("kind", "dog"),
        ("born_after", "2024-01-02"),
        ("color", "red"),
        ("min_age", "2"),
    ]
    assert done.wire.headers["x-request-id"] == "req-1"
    assert done.wire.headers["cookie"] == "session=s1"
    assert [pet.kind for pet in done.response.parsed] == ["dog", "bird"]


# --- responses -------------------------------------------------------------------------------


async def test_the_first_operation_and_a_model_with_no_properties(server: RawServer, transport: str) -> None:
    status = await exchange(server, transport, get_status, [answer(200, {"ok": True, "version": "1"})])
    assert status.response.parsed.ok is True
    empty = await exchange(server, transport, ping, [answer(200, {})])
    assert isinstance(empty.response.parsed, Empty)
    assert empty.wire.method == "POST" and empty.wire.body == b""


@pytest.mark.parametrize("status", [404, 500], ids=["4XX", "default"])
async def test_problem_json_errors_by_range_and_default(server: RawServer, transport: str, status: int) -> None:
    problem = {"type": "about:blank", "title": "Nope", "status": status}
    done = await exchange(server, transport, ping, [answer(status, problem, "application/problem+json")])
    assert isinstance(done.response.parsed, Problem)
    assert (done.response.parsed.title, done.response.parsed.status) == ("Nope", status)


DOWNLOAD = bytes(range(256)) * (3 * MIB // 256)  # 3 MiB


@pytest.mark.parametrize(
    ("module", "content_type"),
    [(get_blob, "application/octet-stream"), (get_image, "image/png")],
    ids=["octet-stream", "image-override"],
)
async def test_a_3_mib_download_is_read_whole(
    server: RawServer, transport: str, module: ModuleType, content_type: str
) -> None:
    done = await exchange(server, transport, module, [answer(200, DOWNLOAD, content_type)], name="big")
    assert isinstance(done.response.parsed, File)
    assert done.response.parsed.payload.read() == DOWNLOAD


async def test_a_download_has_its_own_limit_per_call_and_json_keeps_the_cap(server: RawServer, transport: str) -> None:
    with pytest.raises(errors.ResponseTooLargeError, match=r"max_download_bytes \(2097152 bytes\)"):
        await exchange(
            server,
            transport,
            get_blob,
            [answer(200, DOWNLOAD, "application/octet-stream")],
            name="big",
            max_download_bytes=2 * MIB,
        )
    problem = {"title": "x" * (2 * MIB), "status": 500}
    with pytest.raises(errors.ResponseTooLargeError, match=r"max_response_bytes \(1048576 bytes\)"):
        await exchange(server, transport, get_blob, [answer(500, problem, "application/problem+json")], name="big")


@pytest.mark.parametrize(
    ("module", "content_type"), [(get_text_report, "text/plain"), (get_csv_report, "text/csv")], ids=["text", "csv"]
)
async def test_text_and_csv_responses(server: RawServer, transport: str, module: ModuleType, content_type: str) -> None:
    text = "name,kind\nRex,dog\nZoë,cat\n"
    done = await exchange(server, transport, module, [answer(200, text, f"{content_type}; charset=utf-8")])
    assert done.response.parsed == text


UNIONS = {
    "required-properties-first": (get_animal, {"id": 1}, {"name": "Tom", "meow": True}, Cat),
    "required-properties-second": (get_animal, {"id": 2}, {"name": "Rex", "bark": "woof"}, Dog),
    "discriminator-first": (get_vehicle, {"id": "c"}, {"type": "car", "wheels": 4}, Car),
    "discriminator-second": (get_vehicle, {"id": "b"}, {"type": "boat", "sails": 2}, Boat),
}


@pytest.mark.parametrize(("module", "arguments", "body", "model"), UNIONS.values(), ids=UNIONS.keys())
async def test_a_union_response_tries_every_variant(
    server: RawServer, transport: str, module: ModuleType, arguments: dict[str, Any], body: object, model: type
) -> None:
    parsed = (await exchange(server, transport, module, [answer(200, body)], **arguments)).response.parsed
    assert isinstance(parsed, model)
    assert parsed.to_dict() == body  # type: ignore[attr-defined]


async def test_an_array_of_a_union_told_apart_by_const(server: RawServer, transport: str) -> None:
    shapes = [{"shape": "square", "side": 2}, {"shape": "circle", "radius": 1.5}]
    done = await exchange(server, transport, list_shapes, [answer(200, shapes)])
    assert [type(shape) for shape in done.response.parsed] == [Square, Circle]


BROKEN_RESPONSES = {
    "union-matching-no-variant": (get_animal, {"id": 3}, {"name": "Nemo"}, "$", "matches none of"),
    "union-given-a-string": (get_vehicle, {"id": "x"}, b'"car"', "$", "matches none of"),
    "array-given-an-object": (list_shapes, {}, {"shape": "circle"}, "$", "expected array, got object"),
    "array-item-matching-no-variant": (list_shapes, {}, [{"shape": "circle", "radius": 1}, {}], "$[1]", "none of"),
    "array-of-models-given-strings": (list_pets, {"x_request_id": "r"}, ["Rex"], "$[0]", "expected object"),
}


@pytest.mark.parametrize(
    ("module", "arguments", "body", "path", "reason"), BROKEN_RESPONSES.values(), ids=BROKEN_RESPONSES.keys()
)
async def test_union_and_array_responses_are_checked_like_models(
    server: RawServer,
    transport: str,
    module: ModuleType,
    arguments: dict[str, Any],
    body: object,
    path: str,
    reason: str,
) -> None:
    with pytest.raises(errors.ResponseValidationError) as caught:
        await exchange(server, transport, module, [answer(200, body)], **arguments)
    assert (caught.value.path, caught.value.status_code) == (path, 200)
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("when", "parsed"),
    [("now", "now"), ("2024-05-01", datetime.date(2024, 5, 1)), ("someday", "someday")],
    ids=["listed-enum-value", "date", "unlisted-value-kept"],
)
async def test_any_of_an_enum_and_a_date_const_and_a_map(
    server: RawServer, transport: str, when: str, parsed: object
) -> None:
    body = {"when": when, "version": "v1", "count": 2, "labels": {"a": 1, "b": 2}}
    done = await exchange(server, transport, get_schedule, [answer(200, body)])
    schedule = done.response.parsed
    assert schedule.when == parsed
    assert (schedule.version, schedule.count) == ("v1", 2)
    assert schedule.labels.additional_properties == {"a": 1, "b": 2}


async def test_an_integer_sent_as_a_number_with_no_fraction_is_an_integer(server: RawServer, transport: str) -> None:
    body = {"when": "now", "version": "v1", "count": 2.0, "labels": {"a": 1.0}}
    schedule = (await exchange(server, transport, get_schedule, [answer(200, body)])).response.parsed
    assert (schedule.count, type(schedule.count)) == (2, int)
    assert (schedule.labels["a"], type(schedule.labels["a"])) == (1, int)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [("version", "v2", "must match const"), ("count", 2.5, "expected integer, got number")],
)
async def test_a_wrong_const_or_a_fractional_integer_is_refused(
    server: RawServer, transport: str, field: str, value: object, reason: str
) -> None:
    body = {"when": "now", "version": "v1", "count": 1, field: value}
    with pytest.raises(errors.ResponseValidationError) as caught:
        await exchange(server, transport, get_schedule, [answer(200, body)])
    assert caught.value.path == f"$.{field}"
    assert reason in caught.value.reason


def test_unset_stays_out_of_a_body() -> None:
    assert UpdatePetBody(nickname=UNSET).to_dict() == {"weight": 2.5, "status": "available"}


# --- the same rules for any value (no network: the models' from_dict) --------------------------

SCHEDULE = {"when": "now", "version": "v1", "count": 1}


@given(st.integers(min_value=-(2**53), max_value=2**53))
def test_any_integral_number_is_an_integer(number: int) -> None:
    schedule = Schedule.from_dict({**SCHEDULE, "count": float(number), "labels": {"a": float(number)}})
    assert (schedule.count, type(schedule.count)) == (number, int)
    assert isinstance(schedule.labels, Labels) and type(schedule.labels["a"]) is int


@given(st.floats(allow_nan=False, allow_infinity=False).filter(lambda number: not number.is_integer()))
def test_any_number_with_a_fraction_is_refused_where_an_integer_is_due(number: float) -> None:
    with pytest.raises(errors.ResponseValidationError, match="expected integer, got number"):
        Schedule.from_dict({**SCHEDULE, "count": number})


@given(st.dates())
def test_any_date_reaches_the_date_variant_of_the_any_of(day: datetime.date) -> None:
    assert Schedule.from_dict({**SCHEDULE, "when": day.isoformat()}).when == day


@given(st.text().filter(lambda text: text not in ("now", "later")))
def test_any_other_string_is_kept_as_an_enum_value_the_spec_does_not_list_yet(text: str) -> None:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        assert Schedule.from_dict({**SCHEDULE, "when": text}).when == text
