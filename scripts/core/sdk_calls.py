"""Each operation of both SDKs tied to its spec, and one valid call per operation.

A call is taken from the operation's first 200 recording: the arguments that make the SDK
send the recorded request. The benchmarks (scripts/bench/sdk.py) and the behaviour tests run
every operation through these calls.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache, cached_property
from types import ModuleType
from typing import Any

from openapi_python_client.strings import PythonIdentifier

from scripts.build import generate
from scripts.core import recordings, specs
from scripts.core.paths import SPECS_DIR

# A stand-in token, distinctive enough to search for in reprs and log lines.
TOKEN = "REDACTED-canary-4f1d9c"
# Field names the generator would otherwise turn into Python identifiers with this prefix.
FIELD_PREFIX = "field_"


@cache
def spec(name: str) -> specs.Spec:
    return specs.load(SPECS_DIR / f"{name}.yaml")


@cache
def package_name(spec_name: str) -> str:
    return next(t.package_name for t in generate.targets([spec_name]))


def python_name(json_name: str) -> str:
    """The Python name the generator gives a JSON field or parameter (by its own rule)."""
    return str(PythonIdentifier(json_name, FIELD_PREFIX))


@dataclass(frozen=True)
class Operation:
    spec: specs.Spec
    path: str
    method: str
    definition: dict[str, Any]

    @property
    def operation_id(self) -> str:
        return str(self.definition["operationId"])

    def module(self) -> ModuleType:
        return importlib.import_module(generate.operation_module(package_name(self.spec.name), self.definition))

    def response_schema(self, status: int) -> dict[str, Any]:
        response = self.definition["responses"][str(status)]
        return dict(response["content"]["application/json"]["schema"])

    def sdk_arguments(self, recording: recordings.Recording) -> dict[str, Any]:
        """The keyword arguments that make the SDK send the recorded request."""
        arguments: dict[str, Any] = {}
        path_values = recordings.path_parameters(self.path, recording.path)
        if path_values is None:
            raise ValueError(f"{recording.name}: path {recording.path} does not fit {self.path}")
        arguments.update(path_values)
        arguments.update(recording.query)
        return {python_name(k): v for k, v in arguments.items()}


def operations(spec_name: str) -> list[Operation]:
    """Every operation of a spec, in document order."""
    document = spec(spec_name)
    return [Operation(document, found.path, found.method, found.node) for found in document.operations()]


def operation_for(recording: recordings.Recording) -> Operation:
    for operation in operations(recording.spec_name):
        if operation.operation_id == recording.operation_id:
            return operation
    raise LookupError(f"{recording.name}: no operation {recording.operation_id} in the spec")


@dataclass(frozen=True)
class OperationCall:
    recording: recordings.Recording

    @property
    def id(self) -> str:
        return f"{self.recording.spec_name}.{self.recording.operation_id}"

    @cached_property
    def operation(self) -> Operation:
        return operation_for(self.recording)

    @property
    def package(self) -> str:
        return package_name(self.recording.spec_name)

    def package_module(self, name: str) -> ModuleType:
        return importlib.import_module(f"{self.package}.{name}")

    @property
    def errors(self) -> ModuleType:
        return self.package_module("errors")

    @property
    def base_url(self) -> str:
        return str(self.operation.spec.document["servers"][0]["url"])

    @property
    def documented_statuses(self) -> list[int]:
        return sorted(int(status) for status in self.operation.definition["responses"])

    @property
    def body(self) -> Any:
        """The recorded 200 body, decoded."""
        return self.recording.body

    def client(self, base_url: str | None = None, **options: Any) -> Any:
        client_module = self.package_module("client")
        return client_module.AuthenticatedClient(base_url=base_url or self.base_url, token=TOKEN, **options)

    def call(self, client: Any) -> Any:
        return self.operation.module().sync_detailed(client=client, **self.operation.sdk_arguments(self.recording))

    async def acall(self, client: Any) -> Any:
        module = self.operation.module()
        return await module.asyncio_detailed(client=client, **self.operation.sdk_arguments(self.recording))

    async def run(self, client: Any, mode: str) -> Any:
        """Call sync or async by `mode`, so one async test covers both."""
        return self.call(client) if mode == "sync" else await self.acall(client)


def _first_ok_recordings() -> list[OperationCall]:
    seen: dict[str, OperationCall] = {}
    for recording in recordings.load_all():
        call = OperationCall(recording)
        if recording.status == 200 and call.id not in seen:
            seen[call.id] = call
    return list(seen.values())


CALLS = _first_ok_recordings()
CALLS_BY_ID = {call.id: call for call in CALLS}
