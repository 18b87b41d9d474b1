"""Recorded exchanges: tests/recordings/<spec>/<operationId>/<name>.yaml.

Each file holds one request and the response it got, plus where it came from:

    source:    {basis: why this exchange exists, page: vendor page URL, revised: "YYYY-MM-DD"}
    request:   {method, path (percent-encoded, as sent), query: {name: value}, authorized: bool,
                and for a request with a body: content_type and its body, in one of three forms}
    response:  {status, content_type, and its body in one of two forms}

A body is written in the form its content type calls for:

    body: text          JSON (application/json, any +json) and text (text/plain, text/csv...),
                        exactly as it crosses the wire; the only form a JSON body may take
    body_base64: text   any other body (application/octet-stream, image/png...): its bytes,
                        base64-encoded. Kept in the file, not beside it, so that a recording stays
                        one file the secret scan reads whole; keep such bodies small (a few KiB)
    fields: {name: value}   a request's multipart/form-data or application/x-www-form-urlencoded
                        body, field by field in the order sent: a value is text, a list of texts
                        (a repeated field), or for a file part {base64, file_name, content_type}
                        (file_name and content_type optional). An object or array sent in one
                        part is its JSON text.

A request without a body has neither content_type nor a body. The replay app matches a request
against a recording by method, path, query and, when the recording has one, body (JSON by value,
fields by name and value, any other body by its bytes).
"""

from __future__ import annotations

import base64
import binascii
import email.parser
import email.policy
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from scripts.core import documents, openapi, paths
from scripts.core.text import is_json_media_type

FORM_MEDIA_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


class RecordingError(documents.DocumentError):
    """One or more problems in a recording, each naming its file, line and field."""


def media_type(content_type: str) -> str:
    """`application/json` for `Application/JSON; charset=utf-8`."""
    return content_type.partition(";")[0].strip().lower()


def is_text_media_type(content_type: str) -> bool:
    """Whether a body of this type is text a recording holds as it is: JSON and text/*."""
    return is_json_media_type(content_type) or media_type(content_type).startswith("text/")


def is_form_media_type(content_type: str) -> bool:
    return media_type(content_type) in FORM_MEDIA_TYPES


@dataclass(frozen=True)
class FilePart:
    """A file sent in a multipart body."""

    content: bytes
    file_name: str | None = None
    content_type: str | None = None


FieldValue = str | FilePart
Fields = tuple[tuple[str, FieldValue], ...]  # in the order sent; a repeated field appears once per value


@dataclass(frozen=True)
class RequestBody:
    """A recorded request's body: its content type, and its bytes or (for a form) its fields."""

    content_type: str
    content: bytes = b""  # JSON, text and binary bodies
    fields: Fields = ()  # multipart/form-data and application/x-www-form-urlencoded bodies

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)

    @property
    def is_form(self) -> bool:
        return is_form_media_type(self.content_type)

    @property
    def is_json(self) -> bool:
        return is_json_media_type(self.content_type)

    @property
    def is_text(self) -> bool:
        return is_text_media_type(self.content_type)

    def json(self) -> Any:
        return json.loads(self.content)

    def encoded(self) -> tuple[str, bytes]:
        """The Content-Type header and bytes a client sends for this body (multipart with a fixed
        boundary)."""
        if self.media_type == "application/x-www-form-urlencoded":
            text = urlencode([(name, value) for name, value in self.fields if isinstance(value, str)])
            return self.content_type, text.encode("utf-8")
        if self.media_type == "multipart/form-data":
            boundary = "recorded-boundary-7d3a9c"
            parts = []
            for name, value in self.fields:
                if isinstance(value, FilePart):
                    file_name = f'; filename="{value.file_name or name}"'
                    head = f'Content-Disposition: form-data; name="{name}"{file_name}\r\n'
                    head += f"Content-Type: {value.content_type or 'application/octet-stream'}\r\n"
                    data = value.content
                else:
                    head, data = f'Content-Disposition: form-data; name="{name}"\r\n', value.encode("utf-8")
                parts.append(f"--{boundary}\r\n{head}\r\n".encode() + data + b"\r\n")
            return f"multipart/form-data; boundary={boundary}", b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.content_type, self.content

    def matches(self, content_type: str, content: bytes) -> bool:
        """Whether a request body as received (its Content-Type header and bytes) is this one:
        JSON by value, forms by their fields (file parts by content), anything else byte for byte."""
        if media_type(content_type) != self.media_type:
            return False
        if self.is_form:
            try:
                received = parse_form(content_type, content)
            except ValueError:
                return False
            return _comparable(received) == _comparable(self.fields)
        if self.is_json:
            try:
                return bool(json.loads(content) == self.json())
            except ValueError:
                return False
        return content == self.content


def _comparable(fields: Fields) -> list[tuple[str, bool, bytes]]:
    """Fields in an order-free form: (name, whether a file, content); file names and types aside."""
    return sorted(
        (name, isinstance(value, FilePart), value.content if isinstance(value, FilePart) else value.encode("utf-8"))
        for name, value in fields
    )


def parse_form(content_type: str, content: bytes) -> Fields:
    """The fields of a multipart/form-data or application/x-www-form-urlencoded body as sent;
    ValueError when it is neither or cannot be read."""
    kind = media_type(content_type)
    if kind == "application/x-www-form-urlencoded":
        return tuple(parse_qsl(content.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(content)))
    if kind != "multipart/form-data":
        raise ValueError(f"{kind} is not a form")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + content)
    if not message.is_multipart():
        if content.strip() == f"--{message.get_boundary()}--".encode("latin-1"):
            return ()  # no parts at all
        raise ValueError("not a multipart body")
    fields: list[tuple[str, FieldValue]] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            raise ValueError("a part without a name")
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        file_name = part.get_filename()
        if file_name is None:
            fields.append((name, data.decode("utf-8")))
        else:
            fields.append((name, FilePart(data, file_name, part.get_content_type())))
    return tuple(fields)


def form_object(document: Any, schema: dict[str, Any], fields: Fields, file_value: Any = None) -> dict[str, Any]:
    """A form's fields as the JSON object its schema describes (what a body model reads, and what
    the schema validates): each text read by its property's type (numbers, booleans, JSON objects
    and arrays), a repeated field as a list, a file part as its bytes (or file_value when given)."""
    found = schema.get("properties")
    properties: dict[str, Any] = found if isinstance(found, dict) else {}
    values: dict[str, Any] = {}
    for name, part in fields:
        prop, _ = openapi.follow(document, properties.get(name) or {})
        is_array = isinstance(prop, dict) and prop.get("type") == "array"
        item = openapi.follow(document, prop.get("items") or {})[0] if is_array else prop
        if isinstance(part, FilePart):
            value: Any = part.content if file_value is None else file_value
        else:
            value = _typed(part, item if isinstance(item, dict) else {})
        if is_array:
            values.setdefault(name, []).append(value)
        else:
            values[name] = value
    return values


def _typed(text: str, schema: dict[str, Any]) -> Any:
    """A form field's text as its schema's type; the text itself when it does not read as one."""
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
        if kind in ("object", "array"):
            return json.loads(text)
    except ValueError:
        return text
    if kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


@dataclass(frozen=True)
class Recording:
    file: Path
    spec_name: str
    operation_id: str
    basis: str
    page: str
    revised: str
    method: str
    path: str
    query: dict[str, str]
    authorized: bool
    status: int
    content_type: str
    content: bytes  # the response body's bytes
    request_body: RequestBody | None = None

    @property
    def name(self) -> str:
        return f"{self.spec_name}/{self.operation_id}/{self.file.stem}"

    @property
    def is_json(self) -> bool:
        return is_json_media_type(self.content_type)

    @property
    def body_text(self) -> str:
        """The response body as text (a binary one with its undecodable bytes replaced)."""
        return self.content.decode("utf-8", "replace")

    @cached_property
    def body(self) -> Any:
        """The response body, decoded from JSON."""
        return json.loads(self.content)


class _Reader:
    """Reads a recording's fields, collecting one located line per problem."""

    def __init__(self, document: documents.Document) -> None:
        self.document = document
        self.problems: list[str] = []

    def where(self, dotted: str) -> str:
        return self.document.where(tuple(dotted.split(".")))

    def has(self, dotted: str) -> bool:
        value = self.document.data
        for part in dotted.split("."):
            if not isinstance(value, dict) or part not in value:
                return False
            value = value[part]
        return True

    def field(self, dotted: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = self.document.data
        for part in dotted.split("."):
            if not isinstance(value, dict) or part not in value:
                self.problems.append(f"{self.where(dotted)}: missing field {dotted!r}")
                return default
            value = value[part]
        return self.check(dotted, value, kind, default)

    def check(self, dotted: str, value: Any, kind: type | tuple[type, ...], default: Any = None) -> Any:
        # bool is an int to Python; not to a recording (`status: true` is no status).
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
            expected = " or ".join(k.__name__ for k in _kinds(kind))
            self.problems.append(f"{self.where(dotted)}: field {dotted!r} must be {expected}, got {value!r}")
            return default
        return value

    def problem(self, dotted: str, message: str) -> None:
        self.problems.append(f"{self.where(dotted)}: {message}")

    def base64(self, dotted: str, text: str) -> bytes:
        try:
            return base64.b64decode(text, validate=True)
        except binascii.Error:
            self.problem(dotted, f"field {dotted!r} is not base64")
            return b""

    def body(self, side: str, content_type: str) -> bytes:
        """A request's or response's `body` or `body_base64`, as its content type calls for."""
        given = [form for form in ("body", "body_base64", "fields") if self.has(f"{side}.{form}")]
        if len(given) != 1:
            shown = " and ".join(f"{side}.{form}" for form in given) or "none"
            wanted = f"{side}.fields" if side == "request" and is_form_media_type(content_type) else f"{side}.body"
            self.problem(side, f"{side} needs one body ({wanted}), got {shown}")
            return b""
        form = f"{side}.{given[0]}"
        if given[0] == "fields":
            self.problem(form, f"fields are for a request's {' or '.join(FORM_MEDIA_TYPES)} body, not {content_type}")
            return b""
        if is_text_media_type(content_type) and given[0] == "body_base64":
            self.problem(form, f"a {media_type(content_type)} body is text: write it as {side}.body")
            return b""
        text = self.field(form, str, "")
        content = self.base64(form, text) if given[0] == "body_base64" else text.encode("utf-8")
        if is_json_media_type(content_type):
            self.json(form, content)
        return content

    def json(self, dotted: str, content: bytes) -> None:
        try:
            json.loads(content)
        except json.JSONDecodeError as error:
            self.problem(dotted, f"{dotted} is not JSON (line {error.lineno} of the body): {error.msg}")
        except RecursionError:
            self.problem(dotted, f"{dotted} is nested too deeply to be read")

    def fields(self, content_type: str) -> Fields:
        given = [form for form in ("body", "body_base64") if self.has(f"request.{form}")]
        if given or not self.has("request.fields"):
            shown = " and ".join(f"request.{form}" for form in given) or "none"
            self.problem("request", f"a {media_type(content_type)} body is written as request.fields, got {shown}")
            return ()
        raw = self.field("request.fields", dict, {})
        fields: list[tuple[str, FieldValue]] = []
        for name, value in raw.items():
            dotted = f"request.fields.{name}"
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    fields.append((str(name), item))
                elif isinstance(item, dict) and media_type(content_type) == "multipart/form-data":
                    fields.append((str(name), self.file_part(dotted, item)))
                else:
                    expected = "text or a list of texts" + (
                        ", or a file {base64, file_name, content_type}" if "multipart" in content_type else ""
                    )
                    self.problem(dotted, f"field {dotted!r} must be {expected}, got {item!r}")
        return tuple(fields)

    def file_part(self, dotted: str, item: dict[str, Any]) -> FilePart:
        unknown = sorted(str(key) for key in item if key not in ("base64", "file_name", "content_type"))
        if unknown:
            self.problem(dotted, f"a file part has base64, file_name and content_type, not {', '.join(unknown)}")
        if "base64" not in item:
            self.problem(dotted, f"missing field '{dotted}.base64'")
        content = self.base64(f"{dotted}.base64", self.check(f"{dotted}.base64", item.get("base64", ""), str, ""))
        file_name = item.get("file_name")
        content_type = item.get("content_type")
        for key, value in (("file_name", file_name), ("content_type", content_type)):
            if value is not None:
                self.check(f"{dotted}.{key}", value, str)
        return FilePart(
            content,
            file_name if isinstance(file_name, str) else None,
            content_type if isinstance(content_type, str) else None,
        )

    def request_body(self) -> RequestBody | None:
        if not self.has("request.content_type"):
            for form in ("body", "body_base64", "fields"):
                if self.has(f"request.{form}"):
                    self.problem(f"request.{form}", f"request.{form} needs request.content_type")
            return None
        content_type = self.field("request.content_type", str, "")
        if not content_type:
            return None
        if is_form_media_type(content_type):
            return RequestBody(content_type, fields=self.fields(content_type))
        return RequestBody(content_type, content=self.body("request", content_type))


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def load(file: Path) -> Recording:
    """Read one recording; raise RecordingError with one line per problem, each naming the file,
    line and field at fault."""
    try:
        data = documents.read(file)
    except documents.DocumentError as error:
        raise RecordingError(error.problems) from None
    reader = _Reader(data)
    query = reader.field("request.query", dict, {})
    status = reader.field("response.status", int, 200)
    if not 100 <= status <= 599:
        reader.problem(
            "response.status", f"field 'response.status' must be an HTTP status from 100 to 599, got {status}"
        )
    revised = reader.field("source.revised", str, "")
    if isinstance(revised, str) and revised and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", revised):
        reader.problem("source.revised", "field 'source.revised' must be a YYYY-MM-DD date")
    content_type = reader.field("response.content_type", str, "")
    recording = Recording(
        file=file,
        spec_name=file.parent.parent.name,
        operation_id=file.parent.name,
        basis=reader.field("source.basis", str, ""),
        page=reader.field("source.page", str, ""),
        revised=revised,
        method=reader.field("request.method", str, "").upper(),
        path=reader.field("request.path", str, ""),
        query={str(k): str(v) for k, v in query.items()},
        authorized=reader.field("request.authorized", bool, False),
        request_body=reader.request_body(),
        status=status,
        content_type=content_type,
        content=reader.body("response", content_type),
    )
    if reader.problems:
        raise RecordingError(reader.problems)
    return recording


def load_all(directory: Path | None = None) -> list[Recording]:
    """Every recording under directory (default: tests/recordings/)."""
    return [load(file) for file in sorted((directory or paths.RECORDINGS_DIR).glob("*/*/*.yaml"))]
