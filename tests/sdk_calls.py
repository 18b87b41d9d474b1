"""One valid call per operation of both SDKs, taken from the operation's first 200 recording.

Behaviour tests (statuses, off-contract bodies, retries, secrets) run every operation through
these calls, sync and async, against respx or a server on 127.0.0.1.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import Any

import httpx

from scripts import recordings
from tests import sdk_contract

# A stand-in token, distinctive enough to search for in reprs and log lines.
TOKEN = "REDACTED-canary-4f1d9c"


@dataclass(frozen=True)
class OperationCall:
    recording: recordings.Recording

    @property
    def id(self) -> str:
        return f"{self.recording.spec_name}.{self.recording.operation_id}"

    @cached_property
    def operation(self) -> sdk_contract.Operation:
        return sdk_contract.operation_for(self.recording)

    @property
    def package(self) -> str:
        return sdk_contract.package_name(self.recording.spec_name)

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
MODES = ["sync", "async"]
# MODES on each transport: httpx's own (sync and async) and the aiohttp extra (async).
TRANSPORTS = ["sync", "async", "aiohttp"]


def transport_options(transport: str) -> dict[str, Any]:
    """The client options that select a transport of TRANSPORTS; `run` treats "aiohttp" as async."""
    return {"async_transport": "aiohttp"} if transport == "aiohttp" else {}


def json_response(
    status: int, body: bytes | str, content_type: str = "application/json", **headers: str
) -> httpx.Response:
    content = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, content=content, headers={"content-type": content_type, **headers})
