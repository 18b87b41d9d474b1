"""respx, mocking at httpx's own transports, which both SDK clients send through by default.

respx's "httpx" mocker replaces the client's whole transport, retries included. This one
patches the innermost transports, HTTPTransport (sync) and AsyncHTTPTransport (async), so every
request still passes through the SDK's retrying transport and its body reader. (Users' own tests
need none of this: respx's default mocker and pytest-httpx work, see test_sdk_user_mocking.py.)
"""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
import respx
from respx.mocks import AbstractRequestMocker


class SdkTransportMocker(AbstractRequestMocker):
    name = "sdk-transports"
    targets: ClassVar[list[str]] = [
        "httpx._transports.default.HTTPTransport",
        "httpx._transports.default.AsyncHTTPTransport",
    ]
    target_methods: ClassVar[list[str]] = ["handle_request", "handle_async_request"]

    @classmethod
    def to_httpx_request(cls, **kwargs: Any) -> httpx.Request:
        request: httpx.Request = kwargs["request"]
        return request

    @classmethod
    def from_sync_httpx_response(cls, httpx_response: httpx.Response, target: Any, **kwargs: Any) -> httpx.Response:
        return httpx_response

    @classmethod
    async def from_async_httpx_response(
        cls, httpx_response: httpx.Response, target: Any, **kwargs: Any
    ) -> httpx.Response:
        return httpx_response


def mock_upstream(assert_all_called: bool = True) -> respx.MockRouter:
    """A respx router for SDK calls, sync and async."""
    return respx.mock(using=SdkTransportMocker.name, assert_all_called=assert_all_called)
