"""Recorded exchanges: tests/recordings/<spec>/<operationId>/<name>.yaml.

Each file holds one request and the response it got, plus where it came from:

    source:    {basis: why this exchange exists, page: vendor page URL, revised: "YYYY-MM-DD"}
    request:   {method, path (percent-encoded, as sent), query: {name: value}, authorized: bool}
    response:  {status, content_type, body: the raw body text}

The body is kept as text, exactly as it would cross the wire.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from scripts.core import documents, paths
from scripts.core.text import is_json_media_type


class RecordingError(documents.DocumentError):
    """One or more problems in a recording, each naming its file, line and field."""


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
    body_text: str

    @property
    def name(self) -> str:
        return f"{self.spec_name}/{self.operation_id}/{self.file.stem}"

    @cached_property
    def body(self) -> Any:
        return json.loads(self.body_text)


def _field(recording: documents.Document, dotted: str, kind: type | tuple[type, ...]) -> Any:
    value, location = recording.data, tuple(dotted.split("."))
    for part in location:
        if not isinstance(value, dict) or part not in value:
            raise RecordingError([f"{recording.where(location)}: missing field {dotted!r}"])
        value = value[part]
    # bool is an int to Python; not to a recording (`status: true` is no status).
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
        expected = " or ".join(k.__name__ for k in _kinds(kind))
        raise RecordingError([f"{recording.where(location)}: field {dotted!r} must be {expected}, got {value!r}"])
    return value


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def load(file: Path) -> Recording:
    """Read one recording; raise RecordingError naming the file, line and field at fault."""
    try:
        data = documents.read(file)
    except documents.DocumentError as error:
        raise RecordingError(error.problems) from None
    query = _field(data, "request.query", dict)
    status = _field(data, "response.status", int)
    if not 100 <= status <= 599:
        where = data.where(("response", "status"))
        raise RecordingError([f"{where}: field 'response.status' must be an HTTP status from 100 to 599, got {status}"])
    recording = Recording(
        file=file,
        spec_name=file.parent.parent.name,
        operation_id=file.parent.name,
        basis=_field(data, "source.basis", str),
        page=_field(data, "source.page", str),
        revised=_field(data, "source.revised", str),
        method=_field(data, "request.method", str).upper(),
        path=_field(data, "request.path", str),
        query={str(k): str(v) for k, v in query.items()},
        authorized=_field(data, "request.authorized", bool),
        status=status,
        content_type=_field(data, "response.content_type", str),
        body_text=_field(data, "response.body", str),
    )
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", recording.revised):
        where = data.where(("source", "revised"))
        raise RecordingError([f"{where}: field 'source.revised' must be a YYYY-MM-DD date"])
    if is_json_media_type(recording.content_type):
        try:
            recording.body  # noqa: B018 - parse now so a broken body is reported with its file
        except json.JSONDecodeError as error:
            where = data.where(("response", "body"))
            raise RecordingError(
                [f"{where}: response.body is not JSON (line {error.lineno} of the body): {error.msg}"]
            ) from None
        except RecursionError:
            where = data.where(("response", "body"))
            raise RecordingError([f"{where}: response.body is nested too deeply to be read"]) from None
    return recording


def load_all(directory: Path | None = None) -> list[Recording]:
    """Every recording under directory (default: tests/recordings/)."""
    return [load(file) for file in sorted((directory or paths.RECORDINGS_DIR).glob("*/*/*.yaml"))]
