import ssl
import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Literal, Self

import httpx
from attrs import define, evolve, field, validators
from httpx_retries import Retry, RetryTransport

from . import errors
from ._attempts import AttemptTransport
from ._constants import (
    ACCEPT_ENCODING,
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


@define
class Client:
    """A client for the API; AuthenticatedClient adds the token.

    ``base_url``: where requests go; defaults to DEFAULT_BASE_URL, the first server of the spec.
    Give another one for a mock or replay server.

    Keyword arguments, all optional:

        ``timeout``: an ``httpx.Timeout`` or seconds; defaults to DEFAULT_TIMEOUT. Exceeding it
        raises ``errors.APITimeoutError`` (also an ``httpx.TimeoutException``).

        ``retry``: an ``httpx_retries.Retry``; defaults to ``default_retry()``. None turns retries
        off; ``default_retry(wait=False)`` keeps them but skips the waits (for tests).

        ``max_response_bytes``: the largest response body read, as sent and once decompressed;
        defaults to DEFAULT_MAX_RESPONSE_BYTES (1 MiB). A larger one raises
        ``errors.ResponseTooLargeError``. None reads any size.

        ``async_transport``: ``"httpx"`` (default: httpx's own) or ``"aiohttp"``, which needs the
        extra: ``imaginepro-client[aiohttp]``. Sync calls always use httpx's own.

        ``headers``, ``cookies``: sent with every request.

        ``verify_ssl``, ``follow_redirects``: passed to httpx.

        ``httpx_args``: more arguments for ``httpx.Client`` and ``httpx.AsyncClient`` (``limits``
        reaches the transports too; defaults to DEFAULT_LIMITS). A ``transport`` given here
        replaces the default one for sync and async calls alike, and is wrapped by the retrying
        transport.
    """

    _base_url: str = field(default=DEFAULT_BASE_URL, alias="base_url")
    _timeout: httpx.Timeout | float = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _retry: Retry | None = field(factory=default_retry, kw_only=True, alias="retry")
    _max_response_bytes: int | None = field(
        default=DEFAULT_MAX_RESPONSE_BYTES, kw_only=True, alias="max_response_bytes"
    )
    _async_transport: Literal["httpx", "aiohttp"] = field(
        default="httpx", kw_only=True, alias="async_transport", validator=validators.in_(("httpx", "aiohttp"))
    )
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl", repr=False)
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects", repr=False)
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self._async_transport == "aiohttp":  # fail when the client is built, not on its first call
            _aiohttp_transport_class()

    def __repr__(self) -> str:
        shown = {
            "base_url": self._base_url,
            "timeout": self._timeout,
            "retry": self._retry,
            "max_response_bytes": self._max_response_bytes,
            "async_transport": self._async_transport,
        }
        return f"{type(self).__name__}({', '.join(f'{name}={value!r}' for name, value in shown.items())})"

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy of this client that also sends these headers; this client is not changed."""
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A copy of this client that also sends these cookies; this client is not changed."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout | float) -> Self:
        """A copy of this client with this timeout; this client is not changed."""
        return evolve(self, timeout=timeout)

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _secrets(self) -> list[str]:
        return []

    def _client_args(self, transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> dict[str, Any]:
        args = {**self._httpx_args, "transport": transport}
        return dict(
            base_url=self._base_url,
            cookies=self._cookies,
            headers={"Accept-Encoding": ACCEPT_ENCODING, **self._headers, **self._auth_headers()},
            timeout=self._timeout,
            follow_redirects=self._follow_redirects,
            **args,
        )

    def _with_retries(self, transport: Any) -> Any:
        attempts = AttemptTransport(transport, self._retry, self._secrets())
        return attempts if self._retry is None else RetryTransport(transport=attempts, retry=self._retry)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use this httpx.Client as is: its own settings replace all of this client's, retries included.

        Copies made with with_headers(), with_cookies() or with_timeout() build their own."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            transport = self._httpx_args.get("transport") or scaling_pool_in(
                httpx.HTTPTransport(verify=self._verify_ssl, limits=self._httpx_args.get("limits", DEFAULT_LIMITS))
            )
            self._client = httpx.Client(**self._client_args(self._with_retries(transport)))
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this httpx.AsyncClient as is: its own settings replace all of this client's, retries included.

        Copies made with with_headers(), with_cookies() or with_timeout() build their own."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            limits = self._httpx_args.get("limits", DEFAULT_LIMITS)
            transport = self._httpx_args.get("transport") or (
                _aiohttp_transport_class()(verify=self._verify_ssl, limits=limits)
                if self._async_transport == "aiohttp"
                else scaling_pool_in(httpx.AsyncHTTPTransport(verify=self._verify_ssl, limits=limits))
            )
            self._async_client = httpx.AsyncClient(**self._client_args(self._with_retries(transport)))
        return self._async_client

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
        """Send one request of an endpoint module; return the response and its body.

        max_download_bytes: the cap on a body that is not JSON, for operations that document one."""
        try:
            with self.get_httpx_client().stream(**_resendable(request, rewind=True)) as response:
                limit = _body_limit(response, self._max_response_bytes, max_download_bytes)
                return response, _UnprintedBytes(_BodyReader(response, *limit).read())
        except (httpx.HTTPError, httpx.InvalidURL, errors.ResponseTooLargeError) as error:
            failure = self._detached(error)
        raise failure

    async def _arequest(
        self, request: dict[str, Any], max_download_bytes: int | None | Unset = UNSET
    ) -> tuple[httpx.Response, _UnprintedBytes]:
        """Send one request of an endpoint module; return the response and its body."""
        try:
            async with self.get_async_httpx_client().stream(**_resendable(request, rewind=False)) as response:
                limit = _body_limit(response, self._max_response_bytes, max_download_bytes)
                return response, _UnprintedBytes(await _BodyReader(response, *limit).aread())
        except (httpx.HTTPError, httpx.InvalidURL, errors.ResponseTooLargeError) as error:
            failure = self._detached(error)
        raise failure

    def _detached(self, error: Exception) -> Exception:
        """The exception alone: no traceback below this client, no chained exception, no token.

        The frames and exceptions of the transports below hold the request headers, token
        included, and the body read so far; a misbehaving server may echo the token into a
        parser's message."""
        message = errors.scrub(str(error), self._secrets())
        error.args = (message,)
        error = errors.sdk_transport_error(error, message)
        error.__cause__ = None
        error.__context__ = None
        error.__suppress_context__ = True
        return error.with_traceback(None)


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
        # already read and decoded; one from the network is a stream, read below.
        self.built_whole: bytes | None = None
        try:
            self.built_whole = response.content
        except httpx.ResponseNotRead:
            pass
        else:
            self._keep(self.built_whole)
        encodings = [value.strip().lower() for value in response.headers.get("content-encoding", "").split(",")]
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
        self._received += len(chunk)
        if self._limit is not None and self._received > self._limit:
            raise errors.ResponseTooLargeError(self._status_code, self._limit, self._setting)
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
