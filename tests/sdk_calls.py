"""What the SDK behaviour tests add to scripts.sdk_calls: the two call styles, and canned answers."""

from __future__ import annotations

import httpx

MODES = ["sync", "async"]


def json_response(
    status: int, body: bytes | str, content_type: str = "application/json", **headers: str
) -> httpx.Response:
    content = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, content=content, headers={"content-type": content_type, **headers})
