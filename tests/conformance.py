"""Check a recorded exchange against its spec operation with schemathesis."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import httpx
import schemathesis
from schemathesis.core.failures import FailureGroup
from schemathesis.openapi.checks import JsonSchemaError
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema

from scripts import recordings, specs
from scripts.documents import json_path

CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]
_schemas: dict[str, OpenApiSchema] = {}


def _schema(spec_name: str) -> OpenApiSchema:
    if spec_name not in _schemas:
        path = specs.SPECS_DIR / f"{spec_name}.yaml"
        schema = schemathesis.openapi.from_path(path, config=schemathesis.Config())
        assert isinstance(schema, OpenApiSchema)
        _schemas[spec_name] = schema
    return _schemas[spec_name]


def conformance_problems(recording: recordings.Recording) -> list[str]:
    """Every way the recording breaks its operation's contract, each naming the file and place."""
    operation = _schema(recording.spec_name).find_operation_by_id(recording.operation_id)
    parameters = recordings.path_parameters(operation.path, recording.path)
    if parameters is None:
        return [f"{specs.display(recording.file)}: request.path {recording.path} does not fit {operation.path}"]
    case = operation.Case(path_parameters={k: quote(v, safe="") for k, v in parameters.items()}, query=recording.query)
    request = httpx.Request(recording.method, f"https://recorded.example.com{recording.path}", params=recording.query)
    response = httpx.Response(
        recording.status,
        headers={"content-type": recording.content_type},
        content=recording.body_text.encode(),
        request=request,
    )
    response.elapsed = dt.timedelta(0)
    try:
        case.validate_response(response, checks=CHECKS)
    except FailureGroup as group:
        problems = []
        for failure in group.exceptions:
            if isinstance(failure, JsonSchemaError):
                detail = f"response.body {json_path(tuple(failure.instance_path))}: {failure.validation_message}"
            else:
                detail = f"{failure.title}: {str(failure.message).splitlines()[0]}"
            problems.append(f"{specs.display(recording.file)}: {detail}")
        return problems
    return []
