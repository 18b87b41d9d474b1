"""Each operation of both SDKs tied to its spec and to the generated module that calls it.

The live run and the tools call the SDKs through this; the recorded calls used as test data are
in scripts/fixtures/recorded_calls.py. Importing it costs no generator import.
"""

from __future__ import annotations

import importlib
import io
import types
import typing
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from scripts.core import openapi, paths, recordings, specs
from scripts.core.targets import operation_module, targets
from scripts.core.text import is_json_media_type

# Field names the generator would otherwise turn into Python identifiers with this prefix.
FIELD_PREFIX = "field_"


@cache
def spec(name: str) -> specs.Spec:
    return specs.load(paths.SPECS_DIR / f"{name}.yaml")


@cache
def package_name(spec_name: str) -> str:
    return next(t.package_name for t in targets([spec_name]))


def python_name(json_name: str) -> str:
    """The Python name the generator gives a JSON field or parameter (by its own rule)."""
    from openapi_python_client.strings import PythonIdentifier  # the generator's rule; costs ~0.6 s

    return str(PythonIdentifier(json_name, FIELD_PREFIX))


@dataclass(frozen=True)
class Operation(openapi.Operation):
    """An operation of a spec (the OpenAPI one) with the spec it is in, so its SDK module can be found."""

    spec: specs.Spec

    @property
    def operation_id(self) -> str:
        return str(self.node["operationId"])

    def module(self) -> ModuleType:
        return importlib.import_module(operation_module(package_name(self.spec.name), self.node))

    def response_content(self, status: int) -> dict[str, Any]:
        """The documented media types of a status's body, by media type ({} for none)."""
        response, _ = openapi.follow(self.spec.document, self.node["responses"][str(status)])
        return dict(response.get("content") or {})

    def answers_json(self, status: int) -> bool:
        return any(is_json_media_type(media) for media in self.response_content(status))

    def response_schema(self, status: int) -> dict[str, Any]:
        """The schema of a status's JSON body; KeyError naming the status when it documents none."""
        content = self.response_content(status)
        media = next((media for media in content if is_json_media_type(media)), None)
        if media is None:
            raise KeyError(f"{self.operation_id}: status {status} documents no JSON body")
        return dict(content[media]["schema"])

    def request_schema(self, content_type: str) -> dict[str, Any]:
        """The schema of the request body of this media type, $refs followed ({} when none is given)."""
        request_body, _ = openapi.follow(self.spec.document, self.node.get("requestBody") or {})
        content = request_body.get("content") or {}
        media = recordings.media_type(content_type)
        found = next((value for key, value in content.items() if recordings.media_type(key) == media), None)
        if found is None:
            raise ValueError(f"{self.operation_id}: the spec documents no {media} request body")
        schema, _ = openapi.follow(self.spec.document, found.get("schema") or {})
        return dict(schema)

    def sdk_arguments(self, recording: recordings.Recording) -> dict[str, Any]:
        """The keyword arguments that make the SDK send the recorded request (a fresh body each
        time: a file's stream is spent by one send)."""
        arguments: dict[str, Any] = {}
        path_values = openapi.path_parameters(self.path, recording.path)
        if path_values is None:
            raise ValueError(f"{recording.name}: path {recording.path} does not fit {self.path}")
        arguments.update(path_values)
        arguments.update(recording.query)
        named = {python_name(k): v for k, v in arguments.items()}
        if recording.request_body is not None:
            named["body"] = self.sdk_body(recording.request_body)
        return named

    def sdk_body(self, body: recordings.RequestBody) -> Any:
        """The SDK's `body` argument that sends this recorded body: the generated body model (from
        JSON, or from a form's fields read by the schema's types), or a types.File."""
        module = self.module()
        annotation = typing.get_type_hints(module.sync_detailed)["body"]
        choices = [a for a in _union_members(annotation) if a is not type(None) and a.__name__ != "Unset"]
        file_class = importlib.import_module(f"{package_name(self.spec.name)}.types").File
        if not body.is_form and not body.is_json:
            if file_class in choices:
                return file_class(payload=io.BytesIO(body.content), mime_type=body.content_type)
            return body.content.decode("utf-8")
        schema = self.request_schema(body.content_type)
        value = recordings.form_object(self.spec.document, schema, body.fields) if body.is_form else body.json()
        model = _sdk_value(annotation, value)
        for name, part in body.fields:
            if isinstance(part, recordings.FilePart):
                payload = io.BytesIO(part.content)
                setattr(model, python_name(name), file_class(payload, part.file_name, part.content_type))
        return model


def _sdk_value(annotation: Any, value: Any) -> Any:
    """A decoded JSON value as the SDK's type for it: a model by its from_dict, a list of models item
    by item, the first member of a union that reads it; any other value as it is."""
    for choice in _union_members(annotation):
        if typing.get_origin(choice) is list and isinstance(value, list):
            (item,) = typing.get_args(choice) or (Any,)
            try:
                return [_sdk_value(item, element) for element in value]
            except Exception:  # the union member this body is not; the next may be
                continue
        from_dict = getattr(choice, "from_dict", None)
        if from_dict is None:
            continue
        try:
            return from_dict(value)
        except Exception:  # the union member this body is not; the next may be
            continue
    return value


def _union_members(annotation: Any) -> list[Any]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return list(typing.get_args(annotation))
    return [annotation]


def operations(spec_name: str) -> list[Operation]:
    """Every operation of a spec, in document order."""
    document = spec(spec_name)
    return [
        Operation(found.path, found.method, found.node, found.path_item, document) for found in document.operations()
    ]
