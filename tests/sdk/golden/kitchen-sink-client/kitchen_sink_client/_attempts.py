"""Counts, logs and scrubs each attempt of a request, under the retrying transport."""

import logging
from http import HTTPStatus

import httpx
from httpx_retries import Retry

from ._constants import ATTEMPTS_EXTENSION, OPERATION_EXTENSION
from .errors import retry_after_seconds, scrub

logger = logging.getLogger("kitchen_sink_client")
"""The SDK's logger: one INFO line per retry, one WARNING line when the retries are spent. Its
lines name the operation, the attempt and the status or the exception's class: never the token,
the URL or the account."""


# The loggers of the libraries below the SDK that may quote a failure: httpcore's trace logs the
# exception a parser raised before any code of the SDK sees it, and httpx-retries logs it again.
DEPENDENCY_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpx_retries.retry",
    "httpx_retries.transport",
)


class _ScrubTokens(logging.Filter):
    """Replaces the tokens of this package's clients in every record of DEPENDENCY_LOGGERS, as it
    is logged (a logger's filter runs before any handler, and only for records its level lets
    through, so it costs nothing at INFO)."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.tokens:
            message = record.getMessage()
            scrubbed = scrub(message, self.tokens)
            if scrubbed != message:
                record.msg, record.args = scrubbed, None
        return True


_SCRUB_TOKENS = _ScrubTokens()
for _name in DEPENDENCY_LOGGERS:
    logging.getLogger(_name).addFilter(_SCRUB_TOKENS)


class AttemptTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sends each attempt through `transport`; the client puts RetryTransport above it."""

    def __init__(
        self,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport,
        retry: Retry | None,
        secrets: list[str],
    ) -> None:
        self._transport = transport
        self._retry = retry
        self._secrets = secrets
        _SCRUB_TOKENS.tokens.update(secret for secret in secrets if secret)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(self._transport, httpx.BaseTransport):
            raise RuntimeError("this transport sends async requests only")
        attempt = self._count(request)
        try:
            response = self._transport.handle_request(request)
        except Exception as error:
            self._failed(request, attempt, error)
            raise
        self._answered(request, attempt, response)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(self._transport, httpx.AsyncBaseTransport):
            raise RuntimeError("this transport sends sync requests only")
        attempt = self._count(request)
        try:
            response = await self._transport.handle_async_request(request)
        except Exception as error:
            self._failed(request, attempt, error)
            raise
        self._answered(request, attempt, response)
        return response

    def close(self) -> None:
        if isinstance(self._transport, httpx.BaseTransport):
            self._transport.close()

    async def aclose(self) -> None:
        if isinstance(self._transport, httpx.AsyncBaseTransport):
            await self._transport.aclose()

    @staticmethod
    def _count(request: httpx.Request) -> int:
        attempt = int(request.extensions.get(ATTEMPTS_EXTENSION, 0)) + 1
        request.extensions[ATTEMPTS_EXTENSION] = attempt
        return attempt

    def _policy(self, request: httpx.Request) -> Retry | None:
        # RetryTransport puts its Retry in the request before the first attempt; a caller's own wins.
        retry = request.extensions.get("retry", self._retry)
        return retry if isinstance(retry, Retry) and self._retry is not None else None

    def _answered(self, request: httpx.Request, attempt: int, response: httpx.Response) -> None:
        retry = self._policy(request)
        if retry is None or not retry.is_retryable_method(request.method):
            return
        if not retry.is_retryable_status_code(response.status_code):
            return
        try:
            phrase = f" {HTTPStatus(response.status_code).phrase}"
        except ValueError:
            phrase = ""
        # The header's value as seconds only: a server may put anything in it, the token included.
        wait = retry_after_seconds(response.headers.get("retry-after"))
        outcome = f"answered {response.status_code}{phrase}" + (f" (Retry-After: {wait:g})" if wait is not None else "")
        self._log(request, attempt, retry, outcome)

    def _failed(self, request: httpx.Request, attempt: int, error: Exception) -> None:
        # Before httpx-retries logs the failure: a server or parser may have echoed the token.
        error.args = tuple(scrub(arg, self._secrets) if isinstance(arg, str) else arg for arg in error.args)
        retry = self._policy(request)
        if retry is not None and retry.is_retryable_method(request.method) and retry.is_retryable_exception(error):
            self._log(request, attempt, retry, f"failed with {type(error).__name__}")

    @staticmethod
    def _log(request: httpx.Request, attempt: int, retry: Retry, outcome: str) -> None:
        operation = request.extensions.get(OPERATION_EXTENSION, request.method)
        attempts = retry.total + 1
        if attempt < attempts:
            logger.info("%s: attempt %d of %d %s; retrying", operation, attempt, attempts, outcome)
        else:
            logger.warning("%s: attempt %d of %d %s; no retries left", operation, attempt, attempts, outcome)
