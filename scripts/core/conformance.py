"""Check an HTTP answer against its spec operation with schemathesis' own checks: the status is
documented, the content type is documented, the body fits the schema (a JSON body; any other
only by its content type). And check the request's body against the operation's requestBody:
its media type is documented, a JSON body or a form's fields fit the schema (jsonschema, with the
spec's `$ref`s), a required body is there.

One home for the recordings (tests/core/test_recordings.py: `conformance_problems`) and the live run
(scripts/live/judge.py: `violations`). A `Violation` names the place in the body and what the
spec expects there, and says what came instead by its kind (`a string`, `null`, `missing`),
never by its value: a live body can hold a session token or a person's address where a number
was expected.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import jsonschema
import referencing
import referencing.jsonschema
import schemathesis
from schemathesis.core.failures import Failure, FailureGroup, MalformedJson
from schemathesis.openapi.checks import (
    JsonSchemaError,
    MissingContentType,
    UndefinedContentType,
    UndefinedStatusCode,
)
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema

from scripts.core import openapi, paths, recordings, specs
from scripts.core.documents import Location, json_path, json_pointer
from scripts.core.paths import display
from scripts.core.text import EMAIL

CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]
_schemas: dict[str, OpenApiSchema] = {}
_documents: dict[str, specs.Spec] = {}


def forget_specs() -> None:
    """Drop the specs read so far: the next check reads paths.SPECS_DIR again."""
    _schemas.clear()
    _documents.clear()


def _spec(spec_name: str) -> specs.Spec:
    if spec_name not in _documents:
        _documents[spec_name] = specs.load(paths.SPECS_DIR / f"{spec_name}.yaml")
    return _documents[spec_name]


def _schema(spec_name: str) -> OpenApiSchema:
    if spec_name not in _schemas:
        path = paths.SPECS_DIR / f"{spec_name}.yaml"
        schema = schemathesis.openapi.from_path(path, config=schemathesis.Config())
        assert isinstance(schema, OpenApiSchema)
        _schemas[spec_name] = schema
    return _schemas[spec_name]


@dataclass(frozen=True)
class Answer:
    """One exchange as it crossed the wire: the request sent and the response's status, content
    type and (decoded) body."""

    spec_name: str
    operation_id: str
    method: str
    path: str  # percent-encoded, as sent
    query: dict[str, str]
    status: int
    content_type: str  # "" when the response had none
    body: bytes
    request_content_type: str = ""  # "" when the request had no body
    request_body: bytes = b""


@dataclass(frozen=True)
class Violation:
    """One way an answer breaks its operation's contract."""

    check: str  # "status", "content type" or "body"
    location: Location  # in the body; () for the whole answer
    keyword: str  # the JSON Schema keyword at fault (type, required, enum, ...); "" outside the body
    expected: str  # what the spec says, in its own terms
    actual: str  # what came instead, by kind only
    detail: str  # schemathesis' own message: it may quote the value (fine for committed recordings)

    @property
    def path(self) -> str:
        return body_path(self.location)


def violations(answer: Answer) -> list[Violation]:
    """Every way the answer breaks its operation's contract, as schemathesis' checks see it."""
    operation = _schema(answer.spec_name).find_operation_by_id(answer.operation_id)
    parameters = openapi.path_parameters(operation.path, answer.path) or {}
    case = operation.Case(path_parameters={k: quote(v, safe="") for k, v in parameters.items()}, query=answer.query)
    request = httpx.Request(answer.method, f"https://recorded.example.com{answer.path}", params=answer.query)
    headers = {"content-type": answer.content_type} if answer.content_type else {}
    response = httpx.Response(answer.status, headers=headers, content=answer.body, request=request)
    response.elapsed = dt.timedelta(0)
    try:
        case.validate_response(response, checks=CHECKS)
    except FailureGroup as group:
        found = {
            (violation.check, violation.location, violation.keyword): violation
            for failure in group.exceptions
            for violation in _described(failure, answer)
        }  # one required-error per missing field, each naming them all: once per place
        return sorted(found.values(), key=lambda v: (v.location != (), [str(step) for step in v.location], v.keyword))
    return []


def _described(failure: Failure, answer: Answer) -> list[Violation]:
    first_line = f"{failure.title}: {str(failure.message).splitlines()[0]}" if failure.message else failure.title
    if isinstance(failure, JsonSchemaError):
        return _schema_violations(failure)
    if isinstance(failure, UndefinedStatusCode):
        documented = ", ".join(str(code) for code in failure.defined_status_codes)
        return [Violation("status", (), "", f"a documented status ({documented})", str(answer.status), first_line)]
    if isinstance(failure, UndefinedContentType):
        expected = " or ".join(failure.defined_content_types)
        return [Violation("content type", (), "", expected, media_type_kind(failure.content_type), first_line)]
    if isinstance(failure, MissingContentType):
        return [Violation("content type", (), "", " or ".join(failure.media_types), "none", first_line)]
    if isinstance(failure, MalformedJson):
        actual = f"a body that is not JSON ({len(answer.body)} bytes)"
        return [Violation("body", (), "", "a JSON body", actual, first_line)]
    return [Violation("body", (), "", failure.title, "an answer that fails it", first_line)]


def _schema_violations(failure: JsonSchemaError) -> list[Violation]:
    location = tuple(failure.instance_path)
    keyword = str(failure.schema_path[-1]) if failure.schema_path else ""
    schema = failure.schema
    detail = f"{failure.validation_message}"
    if keyword == "required" and isinstance(failure.instance, dict):
        missing = [name for name in schema.get("required", []) if name not in failure.instance]
        return [
            Violation(
                "body",
                (*location, name),
                keyword,
                "a required field",
                "missing",
                f"{json.dumps(name)} is a required property",
            )
            for name in missing
        ]
    if keyword == "type":
        expected = " or ".join(schema["type"]) if isinstance(schema["type"], list) else str(schema["type"])
        if "format" in schema:
            expected += f" ({schema['format']})"
    elif keyword == "enum":
        expected = "one of " + ", ".join(json.dumps(value) for value in schema["enum"])
    elif keyword in schema:
        expected = f"{keyword} {json.dumps(schema[keyword])}"
    else:
        expected = f"the schema's {keyword!r}"
    return [Violation("body", location, keyword, expected, value_kind(failure.instance), detail)]


# A key read as a field name: shown in a path as it is. Any other key of a body (an address used
# as a map key, a token, Markdown, a control character) is described by its kind instead.
_FIELD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_ -]{0,39}")
# A media type as registered: a known top-level type and a short subtype of token characters.
_MEDIA_TYPE = re.compile(
    r"(application|audio|font|image|message|model|multipart|text|video)/[a-z0-9][a-z0-9.+-]{0,62}", re.IGNORECASE
)


def _shown_key(key: str) -> bool:
    return bool(_FIELD_NAME.fullmatch(key)) and sum(char.isdigit() for char in key) <= 4


def body_path(location: Location) -> str:
    """The JSON path of a place in an upstream body, with no upstream value in it: `$.credits.total`,
    `$.accounts["Midjourney API"]`, but `$.accounts[<a key: a string holding an email address>]`.
    A key is shown only when it reads as a field name (letters first, then letters, digits, `_`,
    `-` or spaces, at most 40 characters and 4 digits: not an id, an address or a token)."""
    path = "$"
    for step in location:
        if isinstance(step, int):
            path += f"[{step}]"
        elif not _shown_key(step):
            path += f"[<a key: {value_kind(step)}>]"
        else:
            path += json_path((step,))[1:]
    return path


def media_type_kind(content_type: str) -> str:
    """A response's media type, shown when it reads as a registered one; otherwise its kind."""
    media_type = content_type.partition(";")[0].strip()
    if not media_type:
        return "none"
    if _MEDIA_TYPE.fullmatch(media_type):
        return media_type.lower()
    return f"an unregistered media type ({len(media_type)} characters)"


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def value_kind(value: Any) -> str:
    """What a JSON value is, without the value: `null`, `an integer`, `a date-time string`..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number" if math.isfinite(value) else "a non-finite number"
    if isinstance(value, dict):
        return f"an object ({len(value)} fields)"
    if isinstance(value, list):
        return f"an array ({len(value)} items)"
    if isinstance(value, str):
        return _string_kind(value)
    return type(value).__name__


def _string_kind(text: str) -> str:
    if not text:
        return "an empty string"
    if _UUID.fullmatch(text):
        return "a UUID string"
    if EMAIL.search(text):
        return "a string holding an email address"
    if re.fullmatch(r"https?://\S+", text):
        return "a URL string"
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return "a numeric string"
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return f"a string ({len(text)} characters)"
    return "a date-time string"


def request_body_problems(
    spec_name: str, operation_id: str, body: recordings.RequestBody | None, status: int
) -> list[tuple[str, str]]:
    """Every way a request body breaks the operation's requestBody, as (JSON path or "", problem):
    an undocumented media type, a body where none is documented, a required one left out, a JSON
    body or a form's fields that do not fit the schema."""
    spec = _spec(spec_name)
    operation = next(op for op in spec.operations() if op.operation_id == operation_id)
    request_body, _ = openapi.follow(spec.document, operation.node.get("requestBody"))
    if not isinstance(request_body, dict):
        return [("", "a request body, which the operation does not take")] if body is not None else []
    documented = request_body.get("content")
    content: dict[str, Any] = documented if isinstance(documented, dict) else {}
    if body is None:  # the SDK always sends a required body, whatever the answer
        if request_body.get("required") is True:
            return [("", f"no request body, which the operation requires ({' or '.join(content)})")]
        return []
    media = next((key for key in content if recordings.media_type(key) == body.media_type), None)
    if media is None:
        return [("", f"request content type {body.media_type} is not documented ({' or '.join(content)})")]
    if not (body.is_json or body.is_form):
        return []  # a binary or text body: its media type is all the spec says
    schema_node = content[media].get("schema") if isinstance(content[media], dict) else None
    if schema_node is None:
        return []
    schema, location = openapi.follow(spec.document, schema_node)
    if not location:
        location = (*_request_body_location(spec, operation), "content", media, "schema")
    if body.is_json:
        try:
            value = body.json()
        except ValueError:
            return [("", "a request body that is not JSON")]
    else:
        value = recordings.form_object(spec.document, schema, body.fields, file_value="<file>")
    registry: referencing.Registry[Any] = referencing.Registry().with_resource(
        "urn:spec", referencing.jsonschema.DRAFT202012.create_resource(spec.document)
    )
    validator = jsonschema.Draft202012Validator(
        {"$ref": "urn:spec" + json_pointer(location)},
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    errors = sorted(validator.iter_errors(value), key=lambda error: [str(step) for step in error.absolute_path])
    return [(json_path(tuple(error.absolute_path)), error.message) for error in errors]


def _request_body_location(spec: specs.Spec, operation: openapi.Operation) -> Location:
    """Where the operation's requestBody is: its own place, or the one its $ref names."""
    _, location = openapi.follow(spec.document, operation.node["requestBody"], (*operation.location, "requestBody"))
    return location


def conformance_problems(recording: recordings.Recording) -> list[str]:
    """Every way the recording breaks its operation's contract, each naming the file and place."""
    shown = display(recording.file)
    operation = _schema(recording.spec_name).find_operation_by_id(recording.operation_id)
    if openapi.path_parameters(operation.path, recording.path) is None:
        return [f"{shown}: request.path {recording.path} does not fit {operation.path}"]
    if recording.method.lower() != operation.method.lower():
        return [f"{shown}: request.method {recording.method} is not the operation's {operation.method.upper()}"]
    problems = []
    for where, problem in request_body_problems(
        recording.spec_name, recording.operation_id, recording.request_body, recording.status
    ):
        field = (
            "request.fields"
            if recording.request_body is not None and recording.request_body.is_form
            else "request.body"
        )
        problems.append(f"{shown}: {field} {where}: {problem}" if where else f"{shown}: {problem}")
    answer = Answer(
        recording.spec_name,
        recording.operation_id,
        recording.method,
        recording.path,
        recording.query,
        recording.status,
        recording.content_type,
        recording.content,
    )
    for violation in violations(answer):
        if violation.check == "body" and violation.keyword:
            where = json_path(violation.location[:-1] if violation.keyword == "required" else violation.location)
            problems.append(f"{shown}: response.body {where}: {violation.detail}")
        else:
            problems.append(f"{shown}: {violation.detail}")
    return problems
