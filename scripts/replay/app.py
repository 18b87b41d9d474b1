"""An ASGI app that answers both hosts' account endpoints from tests/recordings/.

It behaves like the upstream as far as the recordings show it:
- no `Authorization: Bearer <token>` header: the operation's 401 recording;
- a request matching a recording (method, decoded path parameters, query, and the request body
  when the recording has one: scripts/core/recordings.py says how bodies compare): that recording;
- any other request to a known operation (an account it holds no recording for): the
  operation's 404 recording, or its 400 recording where the page documents no 404, with
  the recorded account replaced by the requested one in the message;
- a path no spec knows: 404.
Any bearer token is accepted: recordings hold only `REDACTED` tokens.
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from scripts.core import openapi, recordings, specs
from scripts.core.paths import display


@dataclass
class Route:
    """Where the replay app answers one operation: its method and path template, and its recordings."""

    spec_name: str
    operation_id: str
    method: str
    template: str
    exchanges: list[recordings.Recording] = field(default_factory=list)

    def matches(self, method: str, raw_path: str) -> dict[str, str] | None:
        if method != self.method:
            return None
        return openapi.path_parameters(self.template, raw_path)

    def by_status(self, status: int) -> recordings.Recording | None:
        return next((r for r in self.exchanges if r.status == status), None)

    def recorded(self, parameters: dict[str, str], request: Request, body: bytes) -> recordings.Recording | None:
        """The authorized recording of this request: same path parameters and query, and the same
        body where the recording holds one."""
        query = dict(parse_qsl(request.url.query, keep_blank_values=True))
        content_type = request.headers.get("content-type", "")
        for recording in self.exchanges:
            if (
                recording.authorized
                and recording.query == query
                and self.matches(recording.method, recording.path) == parameters
                and (recording.request_body is None or recording.request_body.matches(content_type, body))
            ):
                return recording
        return None


def spec_routes() -> Iterator[Route]:
    for path in specs.spec_paths():
        for spec_name, operation_id, method, template in _operations_of(path, path.read_bytes()):
            yield Route(spec_name, operation_id, method, template)


@functools.lru_cache(maxsize=16)
def _operations_of(path: Path, raw: bytes) -> tuple[tuple[str, str, str, str], ...]:
    """A spec's operations, read once per content: an app is built per test, a spec takes 30 ms."""
    spec = specs.check(path, validate=False, raw=raw)  # every operation has a unique operationId
    found = []
    for operation in spec.operations():
        assert operation.operation_id is not None
        found.append((spec.name, operation.operation_id, operation.method.upper(), operation.path))
    return tuple(found)


def _replace_strings(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {k: _replace_strings(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_strings(v, old, new) for v in value]
    return value


class ReplayApp:
    def __init__(self, latency: float = 0.0) -> None:
        """latency: seconds to wait before each answer, to stand in for a distant upstream."""
        self.latency = latency
        self.routes = list(spec_routes())
        by_id = {(op.spec_name, op.operation_id): op for op in self.routes}
        for recording in recordings.load_all():
            operation = by_id.get((recording.spec_name, recording.operation_id))
            if operation is None:
                missing = f"no operation {recording.operation_id!r} in specs/{recording.spec_name}.yaml"
                raise recordings.RecordingError([f"{display(recording.file)}:1:1: #/: {missing}"])
            operation.exchanges.append(recording)
        self.requests_served = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            message = await receive()
            while message["type"] != "lifespan.shutdown":
                await send({"type": f"{message['type']}.complete"})
                message = await receive()
            await send({"type": "lifespan.shutdown.complete"})
            return
        request = Request(scope, receive)
        if self.latency:
            await asyncio.sleep(self.latency)
        response = await self.respond(request)
        self.requests_served += 1
        await response(scope, receive, send)

    async def respond(self, request: Request) -> Response:
        """The answer to a request; a subclass may take its time (scripts/fixtures/fake_upstream.py)."""
        return self.answer(request, await request.body())

    def answer(self, request: Request, body: bytes = b"") -> Response:
        raw_path = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1").split("?")[0]
        for operation in self.routes:
            parameters = operation.matches(request.method, raw_path)
            if parameters is not None:
                return self._answer_operation(operation, parameters, request, body)
        return JSONResponse({"error": f"{request.method} {raw_path} is not a known endpoint", "code": 404}, 404)

    def _answer_operation(
        self, operation: Route, parameters: dict[str, str], request: Request, body: bytes
    ) -> Response:
        authorization = request.headers.get("authorization", "")
        if not (authorization.startswith("Bearer ") and authorization[len("Bearer ") :].strip()):
            unauthorized = operation.by_status(401)
            if unauthorized is None:
                return JSONResponse({"error": "Unauthorized"}, 401)
            return self._send(unauthorized)

        recording = operation.recorded(parameters, request, body)
        return self._send(recording) if recording is not None else self.not_found(operation, parameters)

    @staticmethod
    def not_found(operation: Route, parameters: dict[str, str]) -> Response:
        """The operation's 404 recording (400 where it has none), naming the account asked for."""
        fallback = operation.by_status(404) or operation.by_status(400)
        if fallback is None:
            return JSONResponse({"error": "no recording matches this request"}, 404)
        recorded = operation.matches(fallback.method, fallback.path) or {}
        if not fallback.is_json:
            return ReplayApp._send(fallback)
        body = fallback.body
        for name, value in recorded.items():
            if name in parameters:
                body = _replace_strings(body, value, parameters[name])
        return Response(json.dumps(body), fallback.status, media_type=fallback.content_type)

    @staticmethod
    def _send(recording: recordings.Recording) -> Response:
        return Response(recording.content, recording.status, media_type=recording.content_type)
