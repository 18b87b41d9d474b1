"""An httpx transport over aiohttp, for ``async_transport="aiohttp"`` (the ``aiohttp`` extra).

It behaves like httpx's own async transport: the path goes out byte for byte as httpx built it,
failures are httpx exceptions (no aiohttp exception escapes, none is chained, so none carries the
request headers), and header limits match h11's.
"""

import asyncio
import base64
import ssl
from collections.abc import AsyncIterator, Callable

import aiohttp
import httpx
import yarl

from ._constants import MAX_RESPONSE_HEADER_BYTES

__all__ = ["AiohttpTransport"]

_CHUNK_SIZE = 64 * 1024
# Each header line takes at least 4 bytes ("a:" and CRLF): as many as fit in h11's limit.
_MAX_HEADER_LINES = MAX_RESPONSE_HEADER_BYTES // 4


def _as_httpx_error(error: Exception, request: httpx.Request) -> httpx.TransportError | None:
    """The httpx exception httpx's own transport raises in the same situation; None if not aiohttp's.

    Only the class name is kept: aiohttp's exceptions hold the request headers (``request_info``),
    and their messages quote the URL and the response's bytes, body included.
    """
    message = f"aiohttp: {type(error).__name__}"
    if isinstance(error, aiohttp.ClientConnectorError):  # refused, DNS failure, TLS, reset while connecting
        return httpx.ConnectError(message, request=request)
    if isinstance(error, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(error, aiohttp.ServerTimeoutError):  # aiohttp.SocketTimeoutError; not the deadline's TimeoutError
        return httpx.ReadTimeout(message, request=request)
    if isinstance(error, aiohttp.ServerDisconnectedError):
        return httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    if isinstance(error, aiohttp.ClientOSError):  # a reset or broken pipe once connected
        return httpx.ReadError(message, request=request)
    if isinstance(error, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        return httpx.ProxyError(message, request=request)
    if isinstance(error, aiohttp.ClientResponseError | aiohttp.ClientPayloadError):  # garbage on the wire
        return httpx.RemoteProtocolError(message, request=request)
    if isinstance(error, aiohttp.InvalidURL):
        return httpx.UnsupportedProtocol(message, request=request)
    if isinstance(error, aiohttp.ClientError):
        return httpx.TransportError(message, request=request)
    return None


class _ResponseStream(httpx.AsyncByteStream):
    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request, release: Callable[[], None]) -> None:
        self._response = response
        self._request = request
        self._release = release

    def __aiter__(self) -> AsyncIterator[bytes]:
        # Its own iterator rather than an async generator, which the event loop tracks one by one.
        self._chunks = self._response.content.iter_chunked(_CHUNK_SIZE)
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self._chunks.__anext__()
        except StopAsyncIteration:
            raise
        except Exception as error:
            failure = _as_httpx_error(error, self._request)
            if failure is None:
                raise
        raise failure  # outside the except block: no aiohttp exception in its context

    async def aclose(self) -> None:
        self._response.release()
        self._release()


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Sends through one aiohttp session, created on first use; ``aclose()`` closes it.

    Like httpx's pool, at most ``limits.max_connections`` requests are under way at once, and a
    request that waits longer than the pool timeout for its turn raises ``httpx.PoolTimeout``
    (aiohttp would count that wait in its connect timeout). ``proxy``: every request goes
    through it (http:// or https://; its credentials as httpx.Proxy keeps them, in a header).
    """

    def __init__(
        self,
        verify: str | bool | ssl.SSLContext = True,
        limits: httpx.Limits = httpx.Limits(),
        proxy: httpx.Proxy | None = None,
    ) -> None:
        if proxy is not None and proxy.url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol("the aiohttp transport supports http:// and https:// proxies only")
        self._ssl = httpx.create_ssl_context(verify=verify)
        self._limits = limits
        self._proxy = proxy
        self._proxy_headers: dict[str, str] | None = None
        if proxy is not None:
            self._proxy_headers = dict(proxy.headers)
            # httpx.Proxy keeps a URL's credentials in .raw_auth from httpx 0.26 on, in its headers before.
            credentials = getattr(proxy, "raw_auth", None)
            if credentials and "proxy-authorization" not in proxy.headers:
                self._proxy_headers["Proxy-Authorization"] = (
                    "Basic " + base64.b64encode(b":".join(credentials)).decode()
                )
        self._session: aiohttp.ClientSession | None = None
        self._turns = asyncio.Semaphore(limits.max_connections) if limits.max_connections else None
        self._client_timeouts: dict[tuple[float | None, float | None], aiohttp.ClientTimeout] = {}

    def _new_session(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            ssl=self._ssl,
            limit=self._limits.max_connections or 0,
            keepalive_timeout=self._limits.keepalive_expiry,
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),  # httpx keeps the cookies
            auto_decompress=False,  # the SDK decompresses, under its size cap
            max_line_size=MAX_RESPONSE_HEADER_BYTES,
            max_field_size=MAX_RESPONSE_HEADER_BYTES,
            max_headers=_MAX_HEADER_LINES,
        )
        # aiohttp resends a GET once after a reset or a disconnect, and has no public switch for it;
        # httpx's transport does not, and the SDK's own retries decide (tests/sdk/test_sdk_wire.py counts).
        session._retry_connection = False
        return session

    async def _take_turn(self, request: httpx.Request, timeout: float | None) -> Callable[[], None]:
        """Wait for a free connection, as httpx's pool does; returns what gives it back."""
        turns = self._turns
        if turns is None:
            return lambda: None
        if turns.locked():
            await self._wait_for_turn(turns, request, timeout)
        else:
            await turns.acquire()  # a free connection: taken at once, no timer needed
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                turns.release()

        return release

    @staticmethod
    async def _wait_for_turn(turns: asyncio.Semaphore, request: httpx.Request, timeout: float | None) -> None:
        try:
            async with asyncio.timeout(timeout):
                await turns.acquire()
        except TimeoutError:
            failure = httpx.PoolTimeout("aiohttp: no free connection in time", request=request)
        else:
            return
        raise failure

    def _client_timeout(self, connect: float | None, read: float | None) -> aiohttp.ClientTimeout:
        """aiohttp's timeouts for httpx's, made once per pair of values (a call cuts them to its
        deadline, so the pairs vary; the cache is emptied past 64)."""
        made = self._client_timeouts.get((connect, read))
        if made is None:
            if len(self._client_timeouts) >= 64:
                self._client_timeouts.clear()
            made = aiohttp.ClientTimeout(
                total=None,
                connect=connect,  # the pool wait is _take_turn's
                sock_connect=connect,
                sock_read=read,
            )
            self._client_timeouts[(connect, read)] = made
        return made

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._session is None or self._session.closed:
            self._session = self._new_session()
        timeout = request.extensions.get("timeout", {})
        release = await self._take_turn(request, timeout.get("pool"))
        proxy = self._proxy
        headers = request.headers.multi_items()  # a new list
        if self._proxy_headers and request.url.scheme == "http":  # aiohttp sends proxy_headers in a CONNECT only
            headers += self._proxy_headers.items()
        failure = None
        try:
            response = await self._session.request(
                request.method,
                # encoded=True: the path goes out as httpx percent-encoded it; yarl would re-normalise it.
                yarl.URL(str(request.url), encoded=True),
                headers=headers,
                data=await request.aread() or None,
                allow_redirects=False,
                proxy=None if proxy is None else str(proxy.url),
                proxy_headers=self._proxy_headers,
                timeout=self._client_timeout(timeout.get("connect"), timeout.get("read")),
            )
        except BaseException as error:
            release()
            if not isinstance(error, Exception):
                raise
            failure = _as_httpx_error(error, request)
            if failure is None:
                raise
        if failure is not None:
            raise failure  # outside the except block: no aiohttp exception in its context
        return httpx.Response(
            status_code=response.status,
            headers=response.raw_headers,
            stream=_ResponseStream(response, request, release),
            request=request,
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": (response.reason or "").encode()},
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def abandon(self) -> None:
        """Let go of a session whose event loop has closed, which can no longer close it, without
        the "Unclosed client session" and "Unclosed connector" complaints when it is collected."""
        session, self._session = self._session, None
        if session is not None and session.connector is not None:
            connector = session.connector
            session.detach()
            connector._close()  # with its loop closed, only marks it closed and forgets its connections
