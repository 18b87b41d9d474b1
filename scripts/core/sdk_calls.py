"""Each operation of both SDKs tied to its spec and to the generated module that calls it.

The live run and the tools call the SDKs through this; the recorded calls used as test data are
in scripts/fixtures/recorded_calls.py. Importing it costs no generator import.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from scripts.core import openapi, recordings, specs
from scripts.core.paths import SPECS_DIR
from scripts.core.targets import operation_module, targets

# Field names the generator would otherwise turn into Python identifiers with this prefix.
FIELD_PREFIX = "field_"


@cache
def spec(name: str) -> specs.Spec:
    return specs.load(SPECS_DIR / f"{name}.yaml")


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

    def response_schema(self, status: int) -> dict[str, Any]:
        response = self.node["responses"][str(status)]
        return dict(response["content"]["application/json"]["schema"])

    def sdk_arguments(self, recording: recordings.Recording) -> dict[str, Any]:
        """The keyword arguments that make the SDK send the recorded request."""
        arguments: dict[str, Any] = {}
        path_values = openapi.path_parameters(self.path, recording.path)
        if path_values is None:
            raise ValueError(f"{recording.name}: path {recording.path} does not fit {self.path}")
        arguments.update(path_values)
        arguments.update(recording.query)
        return {python_name(k): v for k, v in arguments.items()}


def operations(spec_name: str) -> list[Operation]:
    """Every operation of a spec, in document order."""
    document = spec(spec_name)
    return [
        Operation(found.path, found.method, found.node, found.path_item, document) for found in document.operations()
    ]
