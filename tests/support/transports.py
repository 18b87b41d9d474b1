"""What the SDK behaviour tests add to the recorded calls: the call styles, the transports,
canned answers, and one call against the raw server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from scripts.fixtures.recorded_calls import CALLS_BY_ID, OperationCall
from tests.support.raw_server import Drip, RawServer

DREAMINA = CALLS_BY_ID["useapi.getDreaminaAccount"]

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


async def call_on(
    server: RawServer,
    transport: str,
    answer: Callable[[bytes], bytes | Drip],
    call: OperationCall = DREAMINA,
    **options: Any,
) -> Any:
    """One call on `transport` to the raw server, which answers with `answer`; its requests are
    cleared first. The options go to the client (timeout: 5 s unless given)."""
    server.answer = answer
    server.requests.clear()
    options = {"timeout": 5.0, **options}
    client = call.client(base_url=server.base_url, **transport_options(transport), **options)
    return await run_and_close(client, transport, call)


async def run_and_close(client: Any, transport: str, call: OperationCall = DREAMINA) -> Any:
    """One call, then close the async client: an aiohttp session left open warns when collected."""
    try:
        return await call.run(client, transport)
    finally:
        if transport != "sync":
            await client.get_async_httpx_client().aclose()


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
