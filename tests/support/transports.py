"""What the SDK behaviour tests add to the recorded calls: the call styles, the transports, canned answers."""

from __future__ import annotations

from typing import Any

import httpx

from scripts.fixtures.recorded_calls import OperationCall

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


async def run_parsed(call: OperationCall, client: Any, mode: str) -> Any:
    """The call's sync() or asyncio() by `mode`: the parsed model, or the exception raised."""
    module = call.operation.module()
    arguments = call.operation.sdk_arguments(call.recording)
    if mode == "sync":
        return module.sync(client=client, **arguments)
    return await module.asyncio(client=client, **arguments)


def httpcore_pool_of(client: httpx.Client | httpx.AsyncClient) -> Any:
    """The httpcore pool inside an SDK's httpx client, under the transports wrapping httpx's own
    (retries, attempts)."""
    transport: Any = client._transport
    while not hasattr(transport, "_pool"):
        transport = next(
            getattr(transport, name)
            for name in ("_transport", "_async_transport", "_sync_transport")
            if getattr(transport, name, None) is not None
        )
    return transport._pool
