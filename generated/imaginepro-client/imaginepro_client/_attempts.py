"""Counts, logs and scrubs each attempt of a request, for the retrying transport."""

import logging
from http import HTTPStatus

import httpx
from httpx_retries import Retry

from ._constants import ATTEMPTS_EXTENSION, OPERATION_EXTENSION
from .errors import retry_after_seconds, scrub

logger = logging.getLogger("imaginepro_client")
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


def remember_secrets(secrets: list[str]) -> None:
    """Have the logging filter scrub these tokens from what the libraries below the SDK log."""
    _SCRUB_TOKENS.tokens.update(secret for secret in secrets if secret)


def count(request: httpx.Request) -> int:
    """Count one more attempt of this request, in its extensions; return its number."""
    extensions = request.extensions
    attempt = int(extensions.get(ATTEMPTS_EXTENSION, 0)) + 1
    extensions[ATTEMPTS_EXTENSION] = attempt
    return attempt


def answered(request: httpx.Request, attempt: int, response: httpx.Response, retry: Retry) -> None:
    """Log an answer the policy retries (a status of RETRY_STATUSES), with its Retry-After."""
    try:
        phrase = f" {HTTPStatus(response.status_code).phrase}"
    except ValueError:
        phrase = ""
    # The header's value as seconds only: a server may put anything in it, the token included.
    wait = retry_after_seconds(response.headers.get("retry-after"))
    outcome = f"answered {response.status_code}{phrase}" + (f" (Retry-After: {wait:g})" if wait is not None else "")
    _log(request, attempt, retry, outcome)


def failed(request: httpx.Request, attempt: int, error: Exception, retry: Retry | None, secrets: list[str]) -> None:
    """Scrub the tokens from a failure (a server or a parser may have echoed one), and log it
    when the policy retries it."""
    error.args = tuple(scrub(arg, secrets) if isinstance(arg, str) else arg for arg in error.args)
    if retry is not None and retry.is_retryable_method(request.method) and retry.is_retryable_exception(error):
        _log(request, attempt, retry, f"failed with {type(error).__name__}")


def _log(request: httpx.Request, attempt: int, retry: Retry, outcome: str) -> None:
    operation = request.extensions.get(OPERATION_EXTENSION, request.method)
    attempts = retry.total + 1
    if attempt < attempts:
        logger.info("%s: attempt %d of %d %s; retrying", operation, attempt, attempts, outcome)
    else:
        logger.warning("%s: attempt %d of %d %s; no retries left", operation, attempt, attempts, outcome)
