import asyncio
import contextvars
import functools
import os
import re
import ssl
import sys
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, Literal, Self

import httpcore
import httpx
from attrs import define, evolve, field, validators
from httpx_retries import Retry

from . import _attempts, errors
from ._asyncio_network import asyncio_network_in
from ._constants import (
    ACCEPT_ENCODING,
    DEADLINE_READ_TIMEOUTS,
    DEFAULT_BASE_URL,
    DEFAULT_LIMITS,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    MAX_RETRY_WAIT,
    RETRY_BACKOFF_FACTOR,
    RETRY_EXCEPTIONS,
    RETRY_STATUSES,
)
from ._pool import scaling_pool_in
from .types import UNSET, Unset

if TYPE_CHECKING:
    from ._aiohttp import AiohttpTransport

_AIOHTTP_INSTALL = 'pip install "imaginepro-client[aiohttp]"'

TransportKind = Literal["sync", "httpx", "aiohttp"]
"""Which transport new_transport builds: httpx's own, sync or async, or the aiohttp extra's."""


def default_retry(*, wait: bool = True) -> Retry:
    """At most 2 retries, on connection failures and on 429, 502, 503 and 504.

    Waits a random time up to 0.5 s before the first retry and up to 1 s before the second
    (exponential backoff, full jitter); a Retry-After header is honoured up to 20 s instead.

    ``wait=False`` keeps the same retries but skips every wait, Retry-After included: for tests
    (``AuthenticatedClient(token=..., retry=default_retry(wait=False))``), never in production.
    """
    return Retry(
        total=DEFAULT_MAX_RETRIES,
        backoff_factor=RETRY_BACKOFF_FACTOR if wait else 0.0,
        backoff_jitter=1.0,
        status_forcelist=list(RETRY_STATUSES),
        retry_on_exceptions=list(RETRY_EXCEPTIONS),
        respect_retry_after_header=wait,
        max_backoff_wait=MAX_RETRY_WAIT,
    )


def _aiohttp_transport_class() -> "type[AiohttpTransport]":
    try:
        from ._aiohttp import AiohttpTransport
    except ImportError as error:
        reason = str(error)
    else:
        return AiohttpTransport
    raise errors.MissingExtraError(f'async_transport="aiohttp" needs the aiohttp extra: {_AIOHTTP_INSTALL} ({reason})')


def tls_context(verify: str | bool | ssl.SSLContext) -> ssl.SSLContext:
    """The TLS context for ``verify_ssl``: one per setting, shared by every client and route.

    Loading the CA bundle costs about 30 ms of CPU, which httpx spends on every transport it
    builds; a client per account would spend it per account. As httpx does, SSL_CERT_FILE and
    SSL_CERT_DIR choose the bundle, read when the client is built."""
    if isinstance(verify, ssl.SSLContext):
        return verify
    return _shared_tls_context(verify, os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


@functools.lru_cache(maxsize=16)
def _shared_tls_context(verify: str | bool, cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    return httpx.create_ssl_context(verify=verify)  # reads the same two variables itself


def new_transport(
    kind: TransportKind,
    *,
    verify: str | bool | ssl.SSLContext = True,
    limits: httpx.Limits | None = None,
    proxy: httpx.Proxy | None = None,
) -> Any:
    """The one place the client builds a transport, direct or through a proxy, so that every
    route gets the same TLS settings, pool limits (DEFAULT_LIMITS when None), connection pool,
    network backend (async: _asyncio_network's) and deadline handling. The client wraps each in
    its retries; a transport given in ``httpx_args`` is used instead of the direct one."""
    limits = DEFAULT_LIMITS if limits is None else limits
    verify = tls_context(verify)
    if kind == "aiohttp":
        return _aiohttp_transport_class()(verify=verify, limits=limits, proxy=proxy)
    if kind == "httpx":
        return asyncio_network_in(scaling_pool_in(httpx.AsyncHTTPTransport(verify=verify, limits=limits, proxy=proxy)))
    transport = scaling_pool_in(httpx.HTTPTransport(verify=verify, limits=limits, proxy=proxy))
    # A sync call cannot be cancelled: every socket operation gets what is left of the call's
    # deadline as its timeout instead (httpcore's pool keeps the backend as _network_backend).
    pool = transport._pool
    pool._network_backend = _DeadlineBackend(pool._network_backend)
    return transport


# --- the call's deadline ----------------------------------------------------------------------

_CALL_ENDS: contextvars.ContextVar[float | None] = contextvars.ContextVar("call_ends", default=None)
"""The time.monotonic() by which the call under way must end; None: no deadline. A context
variable, so each thread and each task has its own."""


def _time_left() -> float | None:
    ends = _CALL_ENDS.get()
    return None if ends is None else ends - time.monotonic()


def _cut(timeout: float | None, expired: type[Exception]) -> float | None:
    """A socket operation's timeout, cut to what is left of the call's deadline."""
    left = _time_left()
    if left is None:
        return timeout
    if left <= 0:
        raise expired("the call's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _cut(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _cut(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, _cut(timeout, httpcore.ConnectTimeout))
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


# --- retries within the deadline -------------------------------------------------------------


def _retry_sleep(seconds: float) -> None:
    time.sleep(seconds)


async def _retry_asleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


def _wait_before_retry(retry: Retry, answer: httpx.Response | None) -> float:
    """httpx-retries' rule: the Retry-After header when there is one, up to max_backoff_wait,
    else the policy's backoff (after a failure: no answer)."""
    if answer is not None and retry.respect_retry_after_header:
        value = answer.headers.get("Retry-After", "").strip()
        if value:
            try:
                wait = min(retry.parse_retry_after(value), retry.max_backoff_wait)
            except ValueError:
                wait = 0.0
            if wait > 0:
                return wait
    return retry.backoff_strategy()


class _RetryingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Every attempt of a request, in one transport over httpx's own (or the one given): retries
    by an httpx-retries ``Retry`` policy within the call's deadline, each attempt counted, each
    retry logged and the token scrubbed from each failure (_attempts). An attempt starts only
    while time is left and gets at most that as each of its timeouts; a wait that would end past
    the deadline is not taken: the last answer stands, as when the retries are spent."""

    def __init__(self, transport: Any, retry: Retry | None, secrets: list[str]) -> None:
        self._transport = transport
        self._retry = retry
        self._secrets = secrets
        self._sends_sync = isinstance(transport, httpx.BaseTransport)
        self._sends_async = isinstance(transport, httpx.AsyncBaseTransport)
        _attempts.remember_secrets(secrets)

    @staticmethod
    def _start(request: httpx.Request) -> int:
        """Cut the attempt's timeouts to what is left of the deadline; count the attempt."""
        ends = _CALL_ENDS.get()
        if ends is not None:
            left = ends - time.monotonic()
            if left <= 0:
                raise httpx.PoolTimeout("the call's deadline passed", request=request)
            timeouts = request.extensions.get("timeout", {})
            for value in timeouts.values():
                if value is None or value > left:  # else every timeout stands as it is
                    request.extensions["timeout"] = {
                        name: left if value is None else min(value, left) for name, value in timeouts.items()
                    }
                    break
        return _attempts.count(request)

    def _after_failure(
        self, retry: Retry | None, request: httpx.Request, attempt: int, error: Exception
    ) -> tuple[Retry, float] | None:
        _attempts.failed(request, attempt, error, self._retry, self._secrets)
        if retry is None or not retry.is_retryable_exception(error):
            return None
        return self._next(retry, request)

    def _after_answer(
        self, retry: Retry | None, request: httpx.Request, attempt: int, response: httpx.Response
    ) -> tuple[Retry, float] | None:
        if retry is None or not retry.is_retryable_status_code(response.status_code):
            return None  # the common case: nothing to log, nothing to retry
        if self._retry is not None and self._retry.is_retryable_method(request.method):
            _attempts.answered(request, attempt, response, self._retry)
        return self._next(retry, request, response)

    @staticmethod
    def _next(retry: Retry, request: httpx.Request, answer: httpx.Response | None = None) -> tuple[Retry, float] | None:
        """The policy and the wait before the next attempt; None when this answer stands."""
        if retry.is_exhausted() or not retry.is_retryable_method(request.method):
            return None
        retry = retry.increment()
        wait = _wait_before_retry(retry, answer)
        left = _time_left()
        if left is not None and wait >= left:
            return None
        return retry, wait

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self._sends_sync:
            raise RuntimeError("this transport sends async requests only")
        retry = self._retry
        while True:
            attempt = self._start(request)
            try:
                response = self._transport.handle_request(request)
            except Exception as error:
                step = self._after_failure(retry, request, attempt, error)
                if step is None:
                    raise
            else:
                step = self._after_answer(retry, request, attempt, response)
                if step is None:
                    return response  # type: ignore[no-any-return]
                response.close()
            retry, wait = step
            _retry_sleep(wait)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self._sends_async:
            raise RuntimeError("this transport sends sync requests only")
        retry = self._retry
        while True:
            attempt = self._start(request)
            try:
                response = await self._transport.handle_async_request(request)
            except Exception as error:
                step = self._after_failure(retry, request, attempt, error)
                if step is None:
                    raise
            else:
                step = self._after_answer(retry, request, attempt, response)
                if step is None:
                    return response  # type: ignore[no-any-return]
                await response.aclose()
            retry, wait = step
            await _retry_asleep(wait)

    def close(self) -> None:
        if self._sends_sync:
            self._transport.close()

    async def aclose(self) -> None:
        if self._sends_async:
            await self._transport.aclose()


# --- what a failed call raises ---------------------------------------------------------------

# One message per class: the transports' own messages quote response lines (set-cookie headers),
# the body (aiohttp's parser) and the URL (an account's email), and may echo the token.
_FAILURE_MESSAGES: dict[type[Exception], str] = {
    httpx.ConnectTimeout: "timed out connecting to the server",
    httpx.ReadTimeout: "timed out waiting for the server to send the answer",
    httpx.WriteTimeout: "timed out sending the request",
    httpx.PoolTimeout: "timed out waiting for a free connection in the client's pool",
    httpx.TimeoutException: "timed out",
    httpx.ConnectError: "could not connect to the server (refused, DNS failure, TLS failure or reset while connecting)",
    httpx.ReadError: "the connection broke while reading the answer",
    httpx.WriteError: "the connection broke while sending the request",
    httpx.CloseError: "the connection failed while closing",
    httpx.ProxyError: "the proxy refused or failed the request",
    httpx.RemoteProtocolError: "the server closed the connection without an answer, or answered something that is not valid HTTP/1.1 (not quoted)",
    httpx.LocalProtocolError: "the request could not be sent as valid HTTP/1.1",
    httpx.UnsupportedProtocol: "the URL's or the proxy's scheme is not supported here",
    httpx.NetworkError: "the network failed",
    httpx.ProtocolError: "the HTTP exchange failed",
    httpx.TransportError: "the transport failed",
    httpx.DecodingError: "the body does not decompress as its content-encoding says",
    httpx.TooManyRedirects: "too many redirects",
    httpx.HTTPError: "the request failed",
    httpx.InvalidURL: "the URL is not valid: malformed, or longer than httpx allows",
}


def _bare_request(error: Exception) -> httpx.Request | None:
    """The failed request's method and URL alone: its headers hold the token."""
    try:
        request = error.request  # type: ignore[attr-defined]
    except (AttributeError, RuntimeError):  # httpx raises RuntimeError when none was set
        return None
    if not isinstance(request, httpx.Request):
        return None
    return httpx.Request(request.method, request.url)


def _framing_error(response: httpx.Response) -> httpx.RemoteProtocolError | None:
    """What the two parsers disagree on, refused on every transport: a status below 200 (``000``,
    an unasked-for ``101``) and a Content-Length alongside Transfer-Encoding (a smuggling sign)."""
    if response.status_code < 200:
        return httpx.RemoteProtocolError(
            f"status {response.status_code} is not a final answer", request=response.request
        )
    if "content-length" in response.headers and "transfer-encoding" in response.headers:
        return httpx.RemoteProtocolError("both Content-Length and Transfer-Encoding", request=response.request)
    return None


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _merged_headers(*layers: Mapping[str, str]) -> dict[str, str]:
    """The layers' headers in one dict; a later layer's header replaces an earlier one of the
    same name in any casing (HTTP header names are case-insensitive)."""
    merged: dict[str, str] = {}
    for layer in layers:
        for name, value in layer.items():
            for same in [key for key in merged if key.lower() == name.lower()]:
                del merged[same]
            merged[name] = value
    return merged


class _UnprintedBytes(bytes):
    """A body as read: bytes whose repr leaves the content out. Endpoint functions hold it while
    they parse, and a traceback printed with its locals (pytest --showlocals) would otherwise show
    a body that echoes the request, token included. Response.content is plain bytes."""

    def __repr__(self) -> str:
        return f"<{len(self)} bytes, not shown>"


def _check_token(token: str) -> None:
    """A token httpx can send in a header; the error never quotes it."""
    if token == "":
        raise errors.InvalidTokenError("no token: pass token=... (your API token)")
    if not isinstance(token, str):
        raise errors.InvalidTokenError("the token is not a string")
    if not token.isascii() or not token.isprintable():
        raise errors.InvalidTokenError(
            "the token has a control character (such as a newline read from a file) or a non-ASCII "
            "character, so it cannot be sent in a header"
        )
    if token != token.strip():
        raise errors.InvalidTokenError("the token starts or ends with whitespace")


def _check_deadline(_client: Any, _attribute: Any, deadline: object) -> None:
    if deadline is None or deadline == "auto":
        return
    if isinstance(deadline, bool) or not isinstance(deadline, int | float) or not deadline > 0:
        raise ValueError(f'deadline must be a number of seconds above 0, None or "auto", not {deadline!r}')


class _ResponseCookies(httpx.Cookies):
    """httpx's cookie jar, which skips a response that sets no cookie: httpx would build urllib's
    views of the request and the response (about 20 µs) on every response to find none."""

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


class _SkipsCookielessAnswers:
    """Mixed into httpx's clients ahead of them: _ResponseCookies as the client's cookie jar."""

    _response_cookies: _ResponseCookies

    def __init__(self, *, cookies: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cookies = cookies

    @property
    def cookies(self) -> httpx.Cookies:
        return self._response_cookies

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        self._response_cookies = _ResponseCookies(cookies)


class _HttpxClient(_SkipsCookielessAnswers, httpx.Client):
    """The httpx.Client the SDK builds: httpx's, with _ResponseCookies as its jar."""


class _HttpxAsyncClient(_SkipsCookielessAnswers, httpx.AsyncClient):
    """The httpx.AsyncClient the SDK builds: httpx's, with _ResponseCookies as its jar."""


ProxyArgument = str | httpx.URL | httpx.Proxy


@define
class Client:
    """A client for the API; AuthenticatedClient adds the token.

    ``base_url``: where requests go; defaults to DEFAULT_BASE_URL, the first server of the spec.
    Give another one for a mock or replay server.

    Keyword arguments, all optional:

        ``timeout``: an ``httpx.Timeout`` or seconds; defaults to DEFAULT_TIMEOUT. Each part
        bounds one step, not the call: ``connect`` opening a connection, ``read`` each wait for
        the next bytes of the answer, ``write`` each send, ``pool`` the wait for a free
        connection. Exceeding one raises ``errors.APITimeoutError`` (also an
        ``httpx.TimeoutException``: ``ConnectTimeout``, ``ReadTimeout``, ``WriteTimeout``,
        ``PoolTimeout``).

        ``deadline``: seconds the whole call may take: connecting, sending, reading the whole
        body, every retry and every wait between retries. Past it the call stops and raises
        ``errors.DeadlineExceededError`` (an ``errors.APITimeoutError``). ``"auto"`` (default):
        DEADLINE_READ_TIMEOUTS times the read timeout (90 s with DEFAULT_TIMEOUT); None: none.

        ``retry``: an ``httpx_retries.Retry``; defaults to ``default_retry()``. None turns retries
        off; ``default_retry(wait=False)`` keeps them but skips the waits (for tests). A retry
        whose wait would end past the deadline is not made.

        ``max_response_bytes``: the largest response body read, as sent and once decompressed;
        defaults to DEFAULT_MAX_RESPONSE_BYTES (1 MiB). A larger one raises
        ``errors.ResponseTooLargeError``. None reads any size.

        ``async_transport``: ``"httpx"`` (default: httpx's own) or ``"aiohttp"``, which needs the
        extra: ``imaginepro-client[aiohttp]``. Sync calls always use httpx's own.

        ``proxy``: a proxy URL (``http://``, ``https://``, ``socks5://`` on httpx's transports) or
        an ``httpx.Proxy``, for every request. Without it, the environment's ``HTTP_PROXY``,
        ``HTTPS_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` are honoured as httpx reads them, unless
        ``httpx_args={"trust_env": False}``. Retries, the deadline, the size cap, ``verify_ssl``
        and ``async_transport`` apply through a proxy too.

        ``headers``, ``cookies``: sent with every request. Header names are case-insensitive:
        the token's header replaces an ``Authorization`` header in any casing.

        ``verify_ssl``, ``follow_redirects``: passed to httpx.

        ``httpx_args``: more arguments for ``httpx.Client`` and ``httpx.AsyncClient`` (``limits``
        reaches the transports too; defaults to DEFAULT_LIMITS; ``proxy`` is taken as ``proxy=``).
        A ``transport`` given here replaces the default one for sync and async calls alike, and is
        wrapped by the retries; environment proxies then do not apply, as in httpx.

    One client may be shared by threads and by event loops: each event loop gets its own
    async connections, and a loop that has closed leaves its connections behind.
    """

    _base_url: str = field(default=DEFAULT_BASE_URL, alias="base_url")
    _timeout: httpx.Timeout | float = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _deadline: float | None | Literal["auto"] = field(
        default="auto", kw_only=True, alias="deadline", validator=_check_deadline
    )
    _retry: Retry | None = field(factory=default_retry, kw_only=True, alias="retry")
    _max_response_bytes: int | None = field(
        default=DEFAULT_MAX_RESPONSE_BYTES, kw_only=True, alias="max_response_bytes"
    )
    _async_transport: Literal["httpx", "aiohttp"] = field(
        default="httpx", kw_only=True, alias="async_transport", validator=validators.in_(("httpx", "aiohttp"))
    )
    _proxy: ProxyArgument | None = field(default=None, kw_only=True, alias="proxy", repr=False)
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl", repr=False)
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects", repr=False)
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _client_built: bool = field(default=False, init=False, repr=False, eq=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    # The async clients this client built, one per event loop (None: built outside any loop).
    _loop_clients: dict[asyncio.AbstractEventLoop | None, tuple[httpx.AsyncClient, list[Any]]] = field(
        factory=dict, init=False, repr=False, eq=False
    )
    _building: threading.Lock = field(factory=threading.Lock, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if self._async_transport == "aiohttp":  # fail when the client is built, not on its first call
            _aiohttp_transport_class()
        if "proxy" in self._httpx_args:
            if self._proxy is not None:
                raise ValueError('give the proxy once: proxy= or httpx_args["proxy"], not both')
            self._httpx_args = dict(self._httpx_args)
            self._proxy = self._httpx_args.pop("proxy")
        if self._proxy is not None:
            if "transport" in self._httpx_args:
                raise ValueError('proxy= cannot apply to a transport given in httpx_args["transport"]')
            proxy = self._proxy if isinstance(self._proxy, httpx.Proxy) else httpx.Proxy(self._proxy)
            if self._async_transport == "aiohttp" and proxy.url.scheme not in ("http", "https"):
                raise ValueError('async_transport="aiohttp" supports http:// and https:// proxies only')

    def __repr__(self) -> str:
        shown = {
            "base_url": self._base_url,
            "timeout": self._timeout,
            "retry": self._retry,
            "deadline": self._deadline,
            "max_response_bytes": self._max_response_bytes,
            "async_transport": self._async_transport,
        }
        return f"{type(self).__name__}({', '.join(f'{name}={value!r}' for name, value in shown.items())})"

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy of this client that also sends these headers, each replacing one of the same
        name in any casing; this client is not changed. The token's header still wins."""
        return evolve(self, headers=_merged_headers(self._headers, headers))

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A copy of this client that also sends these cookies; this client is not changed."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout | float) -> Self:
        """A copy of this client with this timeout; this client is not changed. An ``"auto"``
        deadline follows the new read timeout."""
        return evolve(self, timeout=timeout)

    def with_deadline(self, deadline: float | None | Literal["auto"]) -> Self:
        """A copy of this client with this deadline for each call; this client is not changed."""
        return evolve(self, deadline=deadline)

    @property
    def deadline(self) -> float | None:
        """Seconds a call may take in all, retries and waits included; None: no deadline."""
        if self._deadline != "auto":
            return self._deadline
        read = httpx.Timeout(self._timeout).read
        return None if read is None else DEADLINE_READ_TIMEOUTS * read

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _secrets(self) -> list[str]:
        return []

    def _proxy_routes(self) -> dict[str, httpx.Proxy | None]:
        """URL pattern to proxy (None: straight to the server), as httpx would choose them."""
        if self._proxy is not None:
            return {"all://": self._proxy if isinstance(self._proxy, httpx.Proxy) else httpx.Proxy(self._proxy)}
        if "transport" in self._httpx_args or not self._httpx_args.get("trust_env", True):
            return {}
        # httpx's own reading of HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY, which it skips
        # whenever a transport is passed, as this client always does.
        from httpx._utils import get_environment_proxies

        return {
            pattern: None if url is None else httpx.Proxy(url) for pattern, url in get_environment_proxies().items()
        }

    def _client_args(self, kind: TransportKind) -> tuple[dict[str, Any], list[Any]]:
        """Arguments for httpx.Client or httpx.AsyncClient, and the transports built for them."""
        limits = self._httpx_args.get("limits")
        built: list[Any] = []

        def retrying(transport: Any) -> _RetryingTransport:
            return _RetryingTransport(transport, self._retry, self._secrets())

        def build(proxy: httpx.Proxy | None) -> Any:
            built.append(new_transport(kind, verify=self._verify_ssl, limits=limits, proxy=proxy))
            return retrying(built[-1])

        given = self._httpx_args.get("transport")
        transport = build(None) if given is None else retrying(given)
        mounts = {pattern: None if proxy is None else build(proxy) for pattern, proxy in self._proxy_routes().items()}
        mounts.update(self._httpx_args.get("mounts", {}))
        args = {**self._httpx_args, "transport": transport, "mounts": mounts}
        return dict(
            base_url=self._base_url,
            cookies=self._cookies,
            headers=_merged_headers({"Accept-Encoding": ACCEPT_ENCODING}, self._headers, self._auth_headers()),
            timeout=self._timeout,
            follow_redirects=self._follow_redirects,
            **args,
        ), built

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use this httpx.Client as is: its own settings replace all of this client's, retries and
        the deadline's cut of each socket timeout included.

        Copies made with with_headers(), with_cookies() or with_timeout() build their own."""
        self._client, self._client_built = client, False
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, built on first use (once, whichever thread comes first),
        and built again once closed."""
        client = self._client
        if client is None or (self._client_built and client.is_closed):
            with self._building:
                if self._client is None or (self._client_built and self._client.is_closed):
                    args, _built = self._client_args("sync")
                    self._client, self._client_built = _HttpxClient(**args), True
                client = self._client
        return client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this httpx.AsyncClient as is, on every event loop: its own settings replace all of
        this client's, retries included.

        Copies made with with_headers(), with_cookies() or with_timeout() build their own."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient of the running event loop, built on first use there.

        A client built outside any loop is taken by the first loop that uses it. The clients of
        loops that have closed are dropped, their connections left behind (a closed loop cannot
        close them); a closed client is built again."""
        if self._async_client is not None:
            return self._async_client
        loop = _running_loop()
        clients = self._loop_clients
        ours = clients.get(loop)
        if ours is not None and len(clients) == 1 and not ours[0].is_closed:
            return ours[0]  # the usual case: one loop's client, nothing to drop or build
        with self._building:
            for gone in [other for other in clients if other is not None and other.is_closed()]:
                for transport in clients.pop(gone)[1]:
                    if hasattr(transport, "abandon"):
                        transport.abandon()
            if loop not in clients and loop is not None and None in clients:
                clients[loop] = clients.pop(None)
            if loop not in clients or clients[loop][0].is_closed:
                args, built = self._client_args("aiohttp" if self._async_transport == "aiohttp" else "httpx")
                clients[loop] = (_HttpxAsyncClient(**args), built)
            return clients[loop][0]

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)

    def _request(
        self, request: dict[str, Any], max_download_bytes: int | None | Unset = UNSET
    ) -> tuple[httpx.Response, _UnprintedBytes]:
        """Send one request of an endpoint module within the deadline; return the response and its body.

        max_download_bytes: the cap on a body that is not JSON, for operations that document one."""
        deadline = self.deadline
        started = _CALL_ENDS.set(None if deadline is None else time.monotonic() + deadline)
        try:
            client = self.get_httpx_client()
            # client.stream(), without its context manager's generator
            response = client.send(_built(client, _resendable(request, rewind=True)), stream=True)
            try:
                if framing := _framing_error(response):
                    raise framing
                limit = _body_limit(response, self._max_response_bytes, max_download_bytes)
                return response, _UnprintedBytes(_BodyReader(response, *limit).read())
            finally:
                response.close()
        except Exception as error:
            failure = self._detached(error, deadline)
        finally:
            _CALL_ENDS.reset(started)
        raise failure

    async def _arequest(
        self, request: dict[str, Any], max_download_bytes: int | None | Unset = UNSET
    ) -> tuple[httpx.Response, _UnprintedBytes]:
        """Send one request of an endpoint module within the deadline; return the response and its body."""
        deadline = self.deadline
        started = _CALL_ENDS.set(None if deadline is None else time.monotonic() + deadline)
        try:
            async with asyncio.timeout(deadline):
                client = self.get_async_httpx_client()
                # client.stream(), without its context manager's generator
                response = await client.send(_built(client, _resendable(request, rewind=False)), stream=True)
                try:
                    if framing := _framing_error(response):
                        raise framing
                    limit = _body_limit(response, self._max_response_bytes, max_download_bytes)
                    return response, _UnprintedBytes(await _BodyReader(response, *limit).aread())
                finally:
                    await response.aclose()
        except Exception as error:
            failure = self._detached(error, deadline)
        finally:
            _CALL_ENDS.reset(started)
        raise failure

    def _detached(self, error: Exception, deadline: float | None) -> Exception:
        """What the call raises instead of `error`: the SDK's exception of its class, new, with a
        fixed message per class, the attempt count, a ``.request`` without headers, no traceback
        below this client and no chained exception. The transports' exceptions, frames and
        messages hold the request headers (token included), the URL and the body read so far."""
        left = _time_left()
        request = _bare_request(error)
        failure: Exception
        if isinstance(error, errors.SDKError) and not isinstance(error, errors.APIConnectionError | errors.InvalidURL):
            failure = error  # the SDK's own (the size cap): its message quotes nothing received
        elif isinstance(error, AssertionError):
            failure = error  # a test's mock that found no answer (respx): the test's own message
        elif (
            deadline is not None
            and left is not None
            and left <= 0
            and isinstance(error, httpx.TransportError | TimeoutError)
        ):
            failure = errors.DeadlineExceededError(deadline, request=request)
        elif isinstance(error, httpx.HTTPError | httpx.InvalidURL):
            kind = next(kind for kind in type(error).__mro__ if kind in _FAILURE_MESSAGES)
            failure = errors.sdk_transport_error(error, _FAILURE_MESSAGES[kind], request)
        elif _is_anyio_end_of_stream(error):
            # httpcore before 1.0 leaves a TLS handshake the server hung up on unmapped (start_tls
            # in a proxy's tunnel); httpcore 1.x maps it to ConnectError, and so does the SDK.
            failure = errors.ConnectError(_FAILURE_MESSAGES[httpx.ConnectError], request=request)
        else:
            failure = errors.UnexpectedTransportError(type(error).__name__, request=request)
        if isinstance(failure, errors.APIConnectionError) and isinstance(error, httpx.RequestError):
            failure.attempts = errors.attempts_of(error)
        failure.__cause__ = None
        failure.__context__ = None
        failure.__suppress_context__ = True
        return failure.with_traceback(None)


def _is_anyio_end_of_stream(error: Exception) -> bool:
    """anyio's EndOfStream, without importing anyio: httpx brings it, and only it raises this."""
    anyio = sys.modules.get("anyio")
    return anyio is not None and isinstance(error, anyio.EndOfStream)


@define(repr=False)  # Client's repr: the token and the headers stay out
class AuthenticatedClient(Client):
    """A client that sends the API token with every request; takes Client's keyword arguments too.

    A token that is empty, starts or ends with whitespace, or holds a control or non-ASCII
    character raises ``errors.InvalidTokenError`` here, when the client is built.
    """

    token: str = field(default="", repr=False, validator=lambda _client, _attribute, token: _check_token(token))
    """The API token, sent as ``{auth_header_name}: {prefix} {token}``."""
    prefix: str = "Bearer"
    auth_header_name: str = "Authorization"

    def _auth_headers(self) -> dict[str, str]:
        # Only the httpx client gets the header, so it never sits in this object's fields.
        return {self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token}

    def _secrets(self) -> list[str]:
        return [self.token]


# --- a request body that a retry sends again whole -------------------------------------------


class _RewindingFile:
    """A file body that each attempt reads from where the first began: httpx alone would send a
    retry the rest of a consumed file (nothing) under the first attempt's Content-Length. httpx
    reads the length through fileno/tell/seek, as it would from the file itself."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self._start = file.tell()

    def fileno(self) -> int:
        return self._file.fileno()

    def tell(self) -> int:
        return self._file.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def __iter__(self) -> Iterator[bytes]:
        self._file.seek(self._start)
        while chunk := self._file.read(_PIECE):
            yield chunk


_PLAIN_PATH = re.compile(r"(?:/(?:[A-Za-z0-9_~-]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*)+")
"""A path httpx parses to its own bytes: the endpoints' (every parameter percent-encoded), with
no empty segment and none that starts with a dot (so no "." or ".." to resolve)."""


def _built(client: httpx.Client | httpx.AsyncClient, request: dict[str, Any]) -> httpx.Request:
    """client.build_request(**request), the endpoint's path joined to the client's base URL here
    as httpx joins it (the base URL's path, then the path without its leading slash): httpx would
    parse the path alone and then the joined URL, here at most the joined URL is parsed."""
    path = request["url"]
    base = client.base_url
    if type(path) is str and base.is_absolute_url and _PLAIN_PATH.fullmatch(path):
        url = _joined(base, path)
        if (
            _HTTPX_INTERNALS_KNOWN
            and request.keys() <= _PLAIN_REQUEST_KEYS
            and request["method"].upper() in _BODILESS_METHODS
            and _builds_as_httpx(client)
        ):
            return _plain_request(client, request["method"], url, request.get("extensions"))
        request = {**request, "url": url}
    return client.build_request(**request)


_TESTED_HTTPX_VERSIONS = frozenset({"0.25.0", "0.28.1"})
"""httpx versions whose URL and Request _joined and _plain_request build as httpx does (a URL's
parts in ``_uri_reference``, a NamedTuple; a Request's attributes): the lowest and newest that
``make test-dist`` installs, where the differential tests run. Others take httpx's own way."""
_HTTPX_INTERNALS_KNOWN = httpx.__version__ in _TESTED_HTTPX_VERSIONS

_PLAIN_REQUEST_KEYS = frozenset({"method", "url", "extensions"})
_BODILESS_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE"})  # httpx gives POST, PUT, PATCH a Content-Length: 0
_NO_BODY = httpx.ByteStream(b"")


def _builds_as_httpx(client: httpx.Client | httpx.AsyncClient) -> bool:
    """Whether build_request is httpx's own and adds nothing here but the Host header: no cookie
    or query parameter of the client's (a user's subclass may build requests its own way)."""
    return type(client).build_request is httpx.Client.build_request and not client.cookies and not client.params


def _plain_request(
    client: httpx.Client | httpx.AsyncClient, method: str, url: httpx.URL, extensions: dict[str, Any] | None
) -> httpx.Request:
    """client.build_request(method, url, extensions=extensions) for a request with no body, no
    query parameter, no header or cookie of its own, made without it: httpx's parses nothing
    more but copies the headers three times and raises and catches a KeyError looking for a
    Content-Type (about a tenth of the client's CPU per call in a fan-out)."""
    extensions = {} if extensions is None else extensions
    request = httpx.Request.__new__(httpx.Request)
    request.method = method.upper()
    request.url = url
    headers = client.headers.raw
    request.headers = httpx.Headers(headers if "Host" in client.headers else [(b"Host", url.netloc), *headers])
    request.extensions = (
        {**extensions} if "timeout" in extensions else {**extensions, "timeout": client.timeout.as_dict()}
    )
    request.stream = _NO_BODY
    request._content = b""
    return request


_PLAIN_PATH_MAX = 4096
"""The longest path joined without parsing: far under httpx's limit on a URL's length (64 KiB),
which parsing enforces."""


def _joined(base: httpx.URL, path: str) -> httpx.URL:
    """base.copy_with(raw_path=base.raw_path + path[1:]) for a _PLAIN_PATH path. Parsing it again
    checks and re-quotes every part of the URL and gives each back unchanged when the base is one
    parsing leaves as it is (the path is plain), so the new path is set as it is: about a tenth
    of the client's CPU per call in a fan-out."""
    parts = base._uri_reference if _HTTPX_INTERNALS_KNOWN else None
    if parts is None or len(path) > _PLAIN_PATH_MAX or not _reparses_to_itself(parts):
        return _parsed_join(base, path)
    return _url_of(_with_path(parts, path))


def _parsed_join(base: httpx.URL, path: str) -> httpx.URL:
    return base.copy_with(raw_path=base.raw_path + path[1:].encode("ascii"))


def _with_path(parts: Any, path: str) -> Any:
    """A base URL's parts (no query) with the path joined; made at once, where NamedTuple._replace
    goes through a dict of the fields."""
    return type(parts)(
        parts.scheme, parts.userinfo, parts.host, parts.port, (parts.path or "/") + path[1:], None, parts.fragment
    )


def _url_of(parts: Any) -> httpx.URL:
    url = httpx.URL.__new__(httpx.URL)
    url._uri_reference = parts
    return url


@functools.lru_cache(maxsize=64)
def _reparses_to_itself(parts: Any) -> bool:
    """Whether a base URL (its parts) joined to a plain path parses to the parts _joined sets: not
    with a query in it, nor with parts httpx keeps as written the first time and normalises the
    second (an upper-case scheme keeps a default port, then drops it)."""
    probe = "/plain%2Fpath"
    return parts.query is None and bool(_parsed_join(_url_of(parts), probe)._uri_reference == _with_path(parts, probe))


def _resendable(request: dict[str, Any], rewind: bool) -> dict[str, Any]:
    """The request with a file body (octet-stream uploads) that every retry sends whole: rewound
    when it can seek and the call is sync, read into memory otherwise (httpx's async client takes
    no file objects at all)."""
    content: Any = request.get("content")
    if not hasattr(content, "read"):
        return request
    if rewind and content.seekable():
        return {**request, "content": _RewindingFile(content)}
    return {**request, "content": content.read()}


# --- reading a body under the size cap ---------------------------------------------------------


def _body_limit(
    response: httpx.Response, max_response_bytes: int | None, max_download_bytes: int | None | Unset
) -> tuple[int | None, str]:
    """The cap on this body and the setting it comes from: JSON (and every body of an operation
    that documents JSON only) is parsed in memory, under max_response_bytes; a binary or text
    body of an operation that documents one is the call's download, under max_download_bytes."""
    media_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if isinstance(max_download_bytes, Unset) or media_type == "application/json" or media_type.endswith("+json"):
        return max_response_bytes, "max_response_bytes"
    return max_download_bytes, "max_download_bytes"


_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}
_PIECE = 64 * 1024  # the most a decompressor produces at once


class _Inflater:
    """Decompresses gzip or deflate in pieces of at most _PIECE bytes, as httpx's decoders would."""

    def __init__(self, encoding: str, request: httpx.Request) -> None:
        self._encoding = encoding
        self._request = request
        self._zlib = zlib.decompressobj(_WBITS[encoding])
        self._started = False

    def decompress(self, data: bytes) -> Iterator[bytes]:
        while data and not self._zlib.eof:  # bytes after the end of the stream are ignored, as httpx does
            try:
                piece = self._zlib.decompress(data, _PIECE)
            except zlib.error as error:
                if self._encoding == "deflate" and not self._started:  # raw deflate, without zlib's header
                    self._zlib, self._started = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                message = f"the {self._encoding} body does not decompress: {error}"
                raise httpx.DecodingError(message, request=self._request) from None
            self._started = True
            data = self._zlib.unconsumed_tail
            if piece:
                yield piece

    def flush(self) -> Iterator[bytes]:
        while piece := self._zlib.decompress(b"", _PIECE):
            yield piece


class _BodyReader:
    """Collects a response body, decompressing it here rather than in httpx, so that it stops as soon
    as the body, as sent or once decompressed, passes the cap: 200 KB of gzip cannot unpack to 200 MB.

    Encodings other than gzip and deflate (not asked for in Accept-Encoding) are passed through, as
    httpx does with those it cannot decode."""

    def __init__(self, response: httpx.Response, limit: int | None, setting: str = "max_response_bytes") -> None:
        self._response = response
        self._status_code = response.status_code
        self._limit = limit
        self._setting = setting
        self._parts: list[bytes] = []
        self._size = 0
        self._received = 0
        declared = response.headers.get("content-length", "")
        if limit is not None and declared.isdigit() and int(declared) > limit:
            raise errors.ResponseTooLargeError(response.status_code, limit, setting)
        # A response built whole in this process (httpx.MockTransport, respx, pytest-httpx) comes
        # already read and decoded; one from the network is a stream, read below (only a consumed
        # stream can have been read: no ResponseNotRead raised and caught per call).
        self.built_whole: bytes | None = None
        if response.is_stream_consumed:
            try:
                self.built_whole = response.content
            except httpx.ResponseNotRead:
                pass
            else:
                self._keep(self.built_whole)
        # get_list: a missing header is an empty list, not a KeyError raised and caught per call.
        encodings = [value.lower() for value in response.headers.get_list("content-encoding", split_commas=True)]
        self._inflaters = [_Inflater(value, response.request) for value in reversed(encodings) if value in _WBITS]

    def read(self) -> bytes:
        if self.built_whole is None:
            for chunk in self._response.iter_raw():
                self.feed(chunk)
        return self.finish()

    async def aread(self) -> bytes:
        if self.built_whole is None:
            async for chunk in self._response.aiter_raw():
                self.feed(chunk)
        return self.finish()

    def feed(self, chunk: bytes) -> None:
        left = _time_left()
        if left is not None and left <= 0:  # a transport that does not cut its timeouts to the deadline
            raise httpx.ReadTimeout("the call's deadline passed", request=self._response.request)
        self._received += len(chunk)
        if self._limit is not None and self._received > self._limit:
            raise errors.ResponseTooLargeError(self._status_code, self._limit, self._setting)
        if not self._inflaters:  # the usual body: kept as it came, no generator per chunk
            self._keep(chunk)
            return
        for piece in self._decoded(chunk, 0):
            self._keep(piece)

    def finish(self) -> bytes:
        for stage, inflater in enumerate(self._inflaters):
            for piece in inflater.flush():
                for decoded in self._decoded(piece, stage + 1):
                    self._keep(decoded)
        return b"".join(self._parts)

    def _decoded(self, data: bytes, stage: int) -> Iterator[bytes]:
        if stage == len(self._inflaters):
            yield data
            return
        for piece in self._inflaters[stage].decompress(data):
            yield from self._decoded(piece, stage + 1)

    def _keep(self, piece: bytes) -> None:
        self._size += len(piece)
        if self._limit is not None and self._size > self._limit:
            raise errors.ResponseTooLargeError(self._status_code, self._limit, self._setting)
        self._parts.append(piece)
