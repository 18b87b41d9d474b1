import ssl
from typing import Any, Self

import httpx
from attrs import define, evolve, field
from httpx_aiohttp import AiohttpTransport
from httpx_retries import Retry, RetryTransport

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""30 s to read, write or wait for a pooled connection; 10 s to connect."""


def default_retry() -> Retry:
    """At most 2 retries, on connection failures and on 429, 502, 503 and 504.

    Waits a random time up to 0.5 s before the first retry and up to 1 s before the second
    (exponential backoff, full jitter); a Retry-After header is honoured up to 20 s instead.
    """
    return Retry(
        total=2,
        backoff_factor=0.25,
        backoff_jitter=1.0,
        status_forcelist=[429, 502, 503, 504],
        retry_on_exceptions=[httpx.ConnectError, httpx.ConnectTimeout],
        respect_retry_after_header=True,
        max_backoff_wait=20.0,
    )


@define
class Client:
    """A client for the API; AuthenticatedClient adds the token.

    Keyword arguments, all optional:

        ``timeout``: an ``httpx.Timeout`` or seconds; defaults to DEFAULT_TIMEOUT. Exceeding it
        raises ``httpx.TimeoutException``.

        ``retry``: an ``httpx_retries.Retry``; defaults to ``default_retry()``. None turns retries off.

        ``raise_on_unexpected_status``: raise ``errors.UnexpectedStatus`` for a status the spec
        does not document, instead of returning a Response whose ``parsed`` is None.

        ``headers``, ``cookies``: sent with every request.

        ``verify_ssl``, ``follow_redirects``: passed to httpx.

        ``httpx_args``: more arguments for ``httpx.Client`` and ``httpx.AsyncClient``. A
        ``transport`` given here replaces the default one (httpx's own for sync calls,
        httpx-aiohttp's for async calls) and is wrapped by the retrying transport.
    """

    _base_url: str = field(alias="base_url")
    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _timeout: httpx.Timeout | float = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _retry: Retry | None = field(factory=default_retry, kw_only=True, alias="retry")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl", repr=False)
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects", repr=False)
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout | float) -> Self:
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = httpx.Timeout(timeout)
        if self._async_client is not None:
            self._async_client.timeout = httpx.Timeout(timeout)
        return evolve(self, timeout=timeout)

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _client_args(self, transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> dict[str, Any]:
        args = {**self._httpx_args, "transport": transport}
        return dict(
            base_url=self._base_url,
            cookies=self._cookies,
            headers={**self._headers, **self._auth_headers()},
            timeout=self._timeout,
            follow_redirects=self._follow_redirects,
            **args,
        )

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use this httpx.Client as is: its own settings replace all of this client's, retries included."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            transport = self._httpx_args.get("transport") or httpx.HTTPTransport(verify=self._verify_ssl)
            if self._retry is not None:
                transport = RetryTransport(transport=transport, retry=self._retry)
            self._client = httpx.Client(**self._client_args(transport))
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this httpx.AsyncClient as is: its own settings replace all of this client's, retries included."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            transport = self._httpx_args.get("transport") or AiohttpTransport(verify=self._verify_ssl)
            if self._retry is not None:
                transport = RetryTransport(transport=transport, retry=self._retry)
            self._async_client = httpx.AsyncClient(**self._client_args(transport))
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient(Client):
    """A client that sends the API token with every request; takes Client's keyword arguments too."""

    token: str = field(repr=False)
    """The API token, sent as ``{auth_header_name}: {prefix} {token}``."""
    prefix: str = "Bearer"
    auth_header_name: str = "Authorization"

    def _auth_headers(self) -> dict[str, str]:
        # Only the httpx client gets the header, so it never sits in this object's fields.
        return {self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token}
