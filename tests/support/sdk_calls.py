"""What the SDK behaviour tests add to scripts.core.sdk_calls: the two call styles, and canned answers."""

from __future__ import annotations

from typing import Any

import httpx

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
