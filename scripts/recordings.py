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
from urllib.parse import unquote

import yaml

from scripts.specs import ROOT, display

RECORDINGS_DIR = ROOT / "tests" / "recordings"


class RecordingError(Exception):
    pass


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


def _field(data: Any, dotted: str, kind: type | tuple[type, ...], file: Path) -> Any:
    value = data
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            raise RecordingError(f"{display(file)}: missing field {dotted!r}")
        value = value[part]
    if not isinstance(value, kind):
        expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise RecordingError(f"{display(file)}: field {dotted!r} must be {expected}, got {value!r}")
    return value


def load(file: Path) -> Recording:
    """Read one recording; raise RecordingError naming the file and field at fault."""
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise RecordingError(f"{display(file)}{where}: invalid YAML: {error.problem}") from None
    query = _field(data, "request.query", dict, file)
    recording = Recording(
        file=file,
        spec_name=file.parent.parent.name,
        operation_id=file.parent.name,
        basis=_field(data, "source.basis", str, file),
        page=_field(data, "source.page", str, file),
        revised=_field(data, "source.revised", str, file),
        method=_field(data, "request.method", str, file).upper(),
        path=_field(data, "request.path", str, file),
        query={str(k): str(v) for k, v in query.items()},
        authorized=_field(data, "request.authorized", bool, file),
        status=_field(data, "response.status", int, file),
        content_type=_field(data, "response.content_type", str, file),
        body_text=_field(data, "response.body", str, file),
    )
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", recording.revised):
        raise RecordingError(f"{display(file)}: field 'source.revised' must be a YYYY-MM-DD date")
    if "json" in recording.content_type:
        try:
            recording.body  # noqa: B018 - parse now so a broken body is reported with its file
        except json.JSONDecodeError as error:
            raise RecordingError(
                f"{display(file)}: response.body is not JSON (line {error.lineno} of the body): {error.msg}"
            ) from None
    return recording


def load_all(directory: Path = RECORDINGS_DIR) -> list[Recording]:
    return [load(file) for file in sorted(directory.glob("*/*/*.yaml"))]


def path_template_regex(template: str) -> re.Pattern[str]:
    """Match a raw (percent-encoded) request path against an OpenAPI path template."""
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(pattern + r"\Z")


def path_parameters(template: str, raw_path: str) -> dict[str, str] | None:
    """The decoded path parameters of raw_path, or None when it does not fit the template."""
    match = path_template_regex(template).match(raw_path)
    if match is None:
        return None
    return {name: unquote(value) for name, value in match.groupdict().items()}
