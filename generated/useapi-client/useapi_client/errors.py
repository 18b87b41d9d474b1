"""Exceptions raised by the API functions, and the checks that raise them.

Everything the SDK raises derives from ``SDKError``. The classes of this module are this
package's own: another SDK built by the same project has classes of the same names, which are
distinct classes.
"""

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import NoneType
from typing import Any
from urllib.parse import quote

import httpx

from ._constants import ATTEMPTS_EXTENSION, MAX_JSON_DEPTH
from .types import UNSET

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AccountSessionError",
    "AuthenticationError",
    "BadRequestError",
    "CloseError",
    "ConflictError",
    "ConnectError",
    "ConnectTimeout",
    "DeadlineExceededError",
    "DecodingError",
    "InternalServerError",
    "InvalidPathParameterError",
    "InvalidTokenError",
    "InvalidURL",
    "LocalProtocolError",
    "MissingExtraError",
    "NetworkError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PoolTimeout",
    "ProtocolError",
    "ProxyError",
    "RateLimitError",
    "ReadError",
    "ReadTimeout",
    "RemoteProtocolError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "SDKError",
    "TooManyRedirects",
    "TransportError",
    "UnexpectedTransportError",
    "UnprocessableEntityError",
    "UnsupportedProtocol",
    "WriteError",
    "WriteTimeout",
]

JSON_TYPE_NAMES = {
    dict: "object",
    list: "array",
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    NoneType: "null",
}

# Response headers that name a request, first match wins: the vendor's own, then Cloudflare's.
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid", "cf-ray")
# The longest vendor message quoted in an exception's str(); .message has all of it.
MESSAGE_LIMIT = 300
# A character that can continue a token: an occurrence next to one is part of another word.
_TOKEN_CHARACTER = "A-Za-z0-9_\\-"


class SDKError(Exception):
    """The base of every exception this SDK raises: ``except errors.SDKError`` catches them all.

    The classes are this package's own; the other SDK of the project has classes of the same
    names, which are distinct classes. Every one pickles (a process pool, a task queue) as it
    is: its message and attributes, without calling its constructor again.
    """

    def __reduce__(self) -> Any:
        return (_rebuilt, (type(self), self.args, self.__dict__))


def _rebuilt(kind: type[SDKError], args: tuple[Any, ...], state: dict[str, Any]) -> SDKError:
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


# --- statuses ----------------------------------------------------------------------------------


class APIStatusError(SDKError):
    """The server answered a status other than the operation's documented success statuses:
    sync() and asyncio() raise it for every error status, documented or not. Subclasses name
    the status family; this class itself is raised for the statuses none of them covers (405,
    418, a 3xx, an undocumented 2xx, ...).

    Attributes:
        status_code: the HTTP status, any int (596 and Cloudflare's 52x included).
        message: the vendor's message, when the body has one: useapi.net's ``error`` (an object
            passed through is given as its ``message`` or as compact JSON), ImaginePro's
            ``message``; None for a body that is not JSON (an HTML page from a proxy).
        code: the vendor's error code, when the body has one: useapi.net's ``code``, ImaginePro's
            ``error`` (a reason phrase); None otherwise.
        body: the body decoded from JSON, or None when it is not JSON.
        content: the raw body, as received.
        headers: the response headers.
        request_id: the request id the server sent (``x-request-id``, ``request-id``, or
            Cloudflare's ``cf-ray``), or None.
        retry_after: the seconds the server asked to wait (``Retry-After``), or None.
        attempts: how many times the request was sent, retries included.
        operation: the operation's function module, e.g. ``get_dreamina_account``.
        parsed: the documented model of a documented error status (useapi.net's and
            ImaginePro's ``ApiError``, as ``*_detailed``'s ``Response.parsed`` holds it); None
            for a status the operation does not document or a body that is not the documented one.

    The message (str()) holds the status and the vendor's message, shortened and with the
    client's token replaced by ``[token]``; never the raw body: read ``.content``.
    """

    def __init__(
        self,
        status_code: int,
        content: bytes = b"",
        *,
        headers: httpx.Headers | None = None,
        operation: str = "",
        attempts: int = 1,
        secrets: Iterable[str] = (),
        parsed: object = None,
    ) -> None:
        self.status_code = status_code
        self.parsed = parsed
        self.content = content
        self.headers = headers if headers is not None else httpx.Headers()
        self.operation = operation
        self.attempts = attempts
        self.body = _json_or_none(content)
        self.message, self.code = _vendor_message(self.body)
        if self.message is not None:
            self.message = scrub(self.message, secrets)
        self.request_id = next((self.headers[name] for name in REQUEST_ID_HEADERS if name in self.headers), None)
        self.retry_after = retry_after_seconds(self.headers.get("retry-after"))
        super().__init__(self._describe())

    def _describe(self) -> str:
        answered = f"{self.operation} got status" if self.operation else "status"
        try:
            phrase = f" {HTTPStatus(self.status_code).phrase}"
        except ValueError:
            phrase = " Account Session Broken" if self.status_code == 596 else ""
        said = ""
        if self.message is not None:
            message = " ".join(self.message.split())
            said = f": {message[:MESSAGE_LIMIT]}{'…' if len(message) > MESSAGE_LIMIT else ''}"
        elif self.content:
            said = " (the body is not a JSON error; it is in .content)"
        tries = f" after {self.attempts} attempts" if self.attempts > 1 else ""
        return f"{answered} {self.status_code}{phrase}{tries}{said}"


class BadRequestError(APIStatusError):
    """400: the request was refused as invalid (a PixVerse email missing, for instance)."""


class AuthenticationError(APIStatusError):
    """401: the API token is missing or invalid."""


class PaymentRequiredError(APIStatusError):
    """402: the subscription expired or the credits ran out (useapi.net)."""


class PermissionDeniedError(APIStatusError):
    """403: the token may not do this."""


class NotFoundError(APIStatusError):
    """404: no such resource (useapi.net: the account is not configured)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was understood but its content refused."""


class RateLimitError(APIStatusError):
    """429, once the retries are spent: too many requests, or all of useapi.net's accounts are
    busy. ``retry_after`` says how long the server asked to wait."""


class InternalServerError(APIStatusError):
    """500-599 but 596: the server, or a proxy or CDN in front of it (Cloudflare's 52x, an HTML
    502), failed; 502, 503 and 504 arrive once the retries are spent."""


class AccountSessionError(APIStatusError):
    """596, useapi.net's own status: the linked account's session is broken and the account must
    be added again. Retrying does not help."""


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    596: AccountSessionError,
}


def status_error(
    operation: str, response: httpx.Response, content: bytes, secrets: Iterable[str] = (), parsed: object = None
) -> APIStatusError:
    """The exception for a status that is not a documented success, of the class its status names;
    `parsed` is the documented error model, when there is one."""
    status = response.status_code
    kind = STATUS_ERRORS.get(status) or (InternalServerError if 500 <= status <= 599 else APIStatusError)
    return kind(
        status,
        bytes(content),
        headers=response.headers,
        operation=operation,
        attempts=attempts_of(response),
        secrets=secrets,
        parsed=parsed,
    )


def attempts_of(message: httpx.Response | httpx.RequestError) -> int:
    """How many times the request of this response or failure was sent (1 when not counted)."""
    try:
        request = message.request
    except RuntimeError:  # built without a request
        return 1
    attempts = request.extensions.get(ATTEMPTS_EXTENSION, 1)
    return attempts if isinstance(attempts, int) else 1


def _json_or_none(content: bytes) -> Any:
    try:
        data = json.loads(content)
        check_json_values(data)
    except (ValueError, RecursionError, SDKError):
        return None
    return data


def _vendor_message(body: Any) -> tuple[str | None, int | str | None]:
    """(message, code) of useapi.net's {error, code?} or ImaginePro's {message, error?, statusCode}."""
    if not isinstance(body, dict):
        return None, None
    code = body.get("code")
    code = code if isinstance(code, int | str) and not isinstance(code, bool) else None
    message = body.get("message")
    error = body.get("error")
    if isinstance(message, str):  # ImaginePro: error is the reason phrase
        return message, code if code is not None else error if isinstance(error, str) else None
    if isinstance(error, str):
        return error, code
    if isinstance(error, dict):  # an upstream error passed through as an object
        inner = error.get("message") or error.get("error")
        return inner if isinstance(inner, str) else json.dumps(error, separators=(",", ":")), code
    return None, code


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: a number of seconds, or an HTTP date from now; None if absent or bad."""
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# --- transport failures ------------------------------------------------------------------------


class APIConnectionError(SDKError):
    """No complete response came: the base of the SDK's transport failures. Each concrete one is
    also the httpx exception of the same name (``errors.ConnectError`` is an ``httpx.ConnectError``),
    so ``except httpx.TransportError`` and its kin keep working.

    Attributes:
        attempts: how many times the request was sent, retries included.
    """

    attempts: int = 1


class APITimeoutError(APIConnectionError):
    """A timeout ran out: the base of ConnectTimeout, ReadTimeout, WriteTimeout and PoolTimeout."""


class TransportError(httpx.TransportError, APIConnectionError):
    """An httpx.TransportError."""


class TimeoutException(httpx.TimeoutException, APITimeoutError):
    """An httpx.TimeoutException."""


class ConnectTimeout(httpx.ConnectTimeout, APITimeoutError):
    """Connecting took longer than the connect timeout; retried by default."""


class ReadTimeout(httpx.ReadTimeout, APITimeoutError):
    """The server did not answer within the read timeout; not retried by default."""


class WriteTimeout(httpx.WriteTimeout, APITimeoutError):
    """Sending took longer than the write timeout."""


class PoolTimeout(httpx.PoolTimeout, APITimeoutError):
    """No pooled connection came free within the pool timeout."""


class NetworkError(httpx.NetworkError, APIConnectionError):
    """An httpx.NetworkError."""


class ConnectError(httpx.ConnectError, APIConnectionError):
    """The connection failed: refused, a DNS failure, reset while connecting; retried by default."""


class ReadError(httpx.ReadError, APIConnectionError):
    """The connection broke while reading the answer; not retried (the request may have been processed)."""


class WriteError(httpx.WriteError, APIConnectionError):
    """The connection broke while sending."""


class CloseError(httpx.CloseError, APIConnectionError):
    """The connection failed to close."""


class ProtocolError(httpx.ProtocolError, APIConnectionError):
    """An httpx.ProtocolError."""


class LocalProtocolError(httpx.LocalProtocolError, APIConnectionError):
    """The request could not be sent as HTTP/1.1."""


class RemoteProtocolError(httpx.RemoteProtocolError, APIConnectionError):
    """The server closed without answering, or sent something that is not HTTP/1.1."""


class ProxyError(httpx.ProxyError, APIConnectionError):
    """The proxy failed."""


class UnsupportedProtocol(httpx.UnsupportedProtocol, APIConnectionError):
    """The URL's scheme is not http or https."""


class DecodingError(httpx.DecodingError, APIConnectionError):
    """A gzip or deflate body does not decompress."""


class TooManyRedirects(httpx.TooManyRedirects, APIConnectionError):
    """Too many redirects (only with follow_redirects=True)."""


class InvalidURL(httpx.InvalidURL, SDKError):
    """The URL cannot be built (longer than httpx allows: 65,536 characters); nothing was sent."""


# The SDK class of each httpx exception, most specific first.
_TRANSPORT_ERRORS: dict[type[Exception], Any] = {
    httpx.ConnectTimeout: ConnectTimeout,
    httpx.ReadTimeout: ReadTimeout,
    httpx.WriteTimeout: WriteTimeout,
    httpx.PoolTimeout: PoolTimeout,
    httpx.TimeoutException: TimeoutException,
    httpx.ConnectError: ConnectError,
    httpx.ReadError: ReadError,
    httpx.WriteError: WriteError,
    httpx.CloseError: CloseError,
    httpx.NetworkError: NetworkError,
    httpx.LocalProtocolError: LocalProtocolError,
    httpx.RemoteProtocolError: RemoteProtocolError,
    httpx.ProtocolError: ProtocolError,
    httpx.ProxyError: ProxyError,
    httpx.UnsupportedProtocol: UnsupportedProtocol,
    httpx.TransportError: TransportError,
    httpx.DecodingError: DecodingError,
    httpx.TooManyRedirects: TooManyRedirects,
    httpx.InvalidURL: InvalidURL,
}


def sdk_transport_error(error: Exception, message: str, request: httpx.Request | None = None) -> Exception:
    """The SDK's class for an httpx exception (the nearest one for a subclass), with this message,
    this request (None: the error's own) and the attempt count; any other exception is returned
    as it is."""
    if isinstance(error, SDKError):
        return error
    kind = next((_TRANSPORT_ERRORS[base] for base in type(error).__mro__ if base in _TRANSPORT_ERRORS), None)
    if kind is None:
        return error
    if isinstance(error, httpx.RequestError):
        if request is None:
            try:
                request = error.request
            except RuntimeError:
                request = None
        converted: Exception = kind(message, request=request)
        if isinstance(converted, APIConnectionError):
            converted.attempts = attempts_of(error)
        return converted
    converted = kind(message)
    return converted if isinstance(converted, Exception) else error


def scrub(text: str, secrets: Iterable[str]) -> str:
    """The text with every whole occurrence of each secret replaced by ``[token]``.

    Whole: not run into letters, digits, ``-`` or ``_``, so a short test token such as ``t``
    leaves "Cannot connect to host" readable."""
    for secret in secrets:
        if secret and secret in text:
            pattern = f"(?<![{_TOKEN_CHARACTER}]){re.escape(secret)}(?![{_TOKEN_CHARACTER}])"
            text = re.sub(pattern, "[token]", text)
    return text


# --- refusals before anything is sent, and the size cap -----------------------------------------


class ResponseTooLargeError(SDKError):
    """The response body, as sent or once decompressed, is larger than the client's
    ``max_response_bytes`` (a JSON body, or any body of an operation that answers JSON only) or
    than the call's ``max_download_bytes`` (a binary or text body). Reading stopped there: nothing
    more was read or decompressed.

    Attributes:
        status_code: the HTTP status of the response.
        limit: the limit that was passed.
    """

    def __init__(self, status_code: int, limit: int, setting: str = "max_response_bytes") -> None:
        super().__init__(f"the body of the {status_code} response is larger than {setting} ({limit} bytes)")
        self.status_code = status_code
        self.limit = limit


class InvalidPathParameterError(SDKError, ValueError):
    """A path parameter is empty, ``.`` or ``..``, which would change the endpoint; nothing was sent.

    Attributes:
        parameter: the parameter's name in the spec, e.g. ``account``.
    """

    def __init__(self, parameter: str, value: str) -> None:
        super().__init__(f"path parameter {parameter!r} cannot be {value!r}: it would change the endpoint")
        self.parameter = parameter
        self.value = value


class InvalidTokenError(SDKError, ValueError):
    """The token cannot be sent in a header: raised when the client is built. The message never
    quotes the token."""


class DeadlineExceededError(TimeoutException):
    """The call did not finish within the client's ``deadline``: connecting, waiting for a pooled
    connection, sending, reading the whole body, and every retry and wait between retries count.

    An ``APITimeoutError`` and an ``httpx.TimeoutException``, so ``except httpx.TimeoutException``
    catches it too.

    Attributes:
        deadline: the client's deadline, in seconds.
    """

    def __init__(self, deadline: float, *, request: httpx.Request | None = None) -> None:
        super().__init__(f"the call did not finish within its deadline of {deadline:g} s", request=request)
        self.deadline = deadline


class UnexpectedTransportError(TransportError):
    """The transport failed with an exception that is not httpx's (a ``RuntimeError``, an
    ``OSError``, a library's own error). Its message only names that exception's class: the
    original message, traceback and chained exceptions are dropped, since they may quote the
    request headers, the URL or the body.

    Attributes:
        kind: the class name of the exception the transport raised, e.g. ``RuntimeError``.
    """

    def __init__(self, kind: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(
            f"the transport failed with {kind} (its message is not shown: it may quote the request)", request=request
        )
        self.kind = kind


class MissingExtraError(SDKError, ImportError):
    """An option needs an extra that is not installed; the message says what to install."""


class ResponseValidationError(SDKError):
    """A documented success status came with a body that the contract does not allow.

    Raised for a body that is not JSON or not served as JSON, a missing required field, a value
    of the wrong JSON type or format, and a nested value of the wrong shape. (A documented error
    status with such a body raises its APIStatusError instead.)

    Attributes:
        operation: the operation's function module, e.g. ``get_dreamina_account``.
        status_code: the HTTP status of the response.
        path: the JSON path of the value at fault, e.g. ``$.credits.total``; ``$`` is the whole body.
        reason: what is wrong there.
        content: the raw response body, as received.
    """

    def __init__(self, reason: str, *, location: Sequence[str | int] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.location: list[str | int] = list(location)
        self.operation = ""
        self.status_code: int | None = None
        self.content = b""

    @property
    def path(self) -> str:
        parts = ["$"]
        for step in self.location:
            if isinstance(step, int):
                parts.append(f"[{step}]")
            elif step.isidentifier():
                parts.append(f".{step}")
            else:
                parts.append(f"[{json.dumps(step)}]")
        return "".join(parts)

    def for_response(self, operation: str, response: httpx.Response, content: bytes) -> "ResponseValidationError":
        self.operation = operation
        self.status_code = response.status_code
        self.content = content
        return self

    def __str__(self) -> str:
        # The body stays out of the message: it may carry upstream session tokens. Read .content.
        answered = f"{self.operation} got status {self.status_code}: " if self.operation else ""
        return f"{answered}{self.path}: {self.reason}"


def json_type_name(value: object) -> str:
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def check_kind(value: Any, kinds: tuple[type, ...]) -> Any:
    """Return value when its JSON type is one of kinds. JSON true is not an integer here; a number
    with no fractional part (1.0) is one, as JSON Schema counts it, and comes back as an int."""
    if isinstance(value, kinds) and (type(value) is not bool or bool in kinds):
        if float in kinds and type(value) is int and not _fits_a_float(value):
            digits = int(value.bit_length() * math.log10(2)) + 1
            raise ResponseValidationError(
                f"expected a number that fits a float, got an integer of about {digits} digits"
            )
        return value
    if type(value) is float and int in kinds and value.is_integer():
        return int(value)
    # An integer is a valid JSON number, so (int, float) reads as "number".
    names = [JSON_TYPE_NAMES[kind] for kind in kinds if not (kind is int and float in kinds)]
    expected = " or ".join(dict.fromkeys(names))
    raise ResponseValidationError(f"expected {expected}, got {json_type_name(value)}")


def _fits_a_float(value: int) -> bool:
    try:
        float(value)
    except OverflowError:
        return False
    return True


def expect(data: dict[str, Any], key: str, kinds: tuple[type, ...]) -> Any:
    """Pop a required field and check its JSON type."""
    if key not in data:
        raise ResponseValidationError("required field is missing")
    return check_kind(data.pop(key), kinds)


def expect_optional(data: dict[str, Any], key: str, kinds: tuple[type, ...]) -> Any:
    """Pop an optional field, UNSET when absent, and check its JSON type."""
    if key not in data:
        return UNSET
    return check_kind(data.pop(key), kinds)


def check_items(values: Any, kinds: tuple[type, ...]) -> Any:
    """Check the JSON type of every item of an array (UNSET passes); the items as check_kind returns them."""
    if values is UNSET:
        return values
    checked = []
    for index, item in enumerate(check_kind(values, (list,))):
        try:
            checked.append(check_kind(item, kinds))
        except ResponseValidationError as error:
            raise error_at(index, error) from None
    return checked


def as_float(value: Any) -> Any:
    """A JSON number as a float: an integer (24065) becomes 24065.0; UNSET and None pass. An
    integer too large for a float raises OverflowError, which the model reports at its path."""
    return float(value) if type(value) is int else value


def as_floats(values: Any) -> Any:
    """Every item of a JSON array of numbers as a float (UNSET passes)."""
    return values if values is UNSET else [as_float(item) for item in values]


def check_object(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ResponseValidationError(f"expected object, got {json_type_name(value)}")
    return value


def error_at(step: str | int, error: Exception) -> ResponseValidationError:
    """Place an error raised while reading the value at `step` one level deeper in the path."""
    if not isinstance(error, ResponseValidationError):
        error = ResponseValidationError(str(error) or type(error).__name__)
    error.location.insert(0, step)
    return error


def no_variant_matched(failures: Sequence[Exception]) -> ResponseValidationError:
    """The error for a value that none of a union's variants reads, with why each one refused it.

    Each variant was tried whatever it raised: a union must not stop at its first miss."""
    reasons = "; ".join(
        str(failure) if isinstance(failure, ResponseValidationError) else str(failure) or type(failure).__name__
        for failure in failures
    )
    return ResponseValidationError(f"matches none of the {len(failures)} variants ({reasons})")


def path_segment(parameter: str, value: object) -> str:
    """The value percent-encoded as one path segment, every byte but ``A-Z a-z 0-9 - . _ ~``."""
    text = str(value)
    if text in ("", ".", ".."):
        raise InvalidPathParameterError(parameter, text)
    return quote(text, safe="")


def parse_json(response: httpx.Response, content: bytes) -> Any:
    """The body of a response the spec documents as application/json."""
    content_type = response.headers.get("content-type", "")
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise ResponseValidationError(f"expected a JSON body, got content type {content_type or 'none'!r}")
    try:
        data = json.loads(content)
    except RecursionError:
        reason = f"body is nested deeper than {MAX_JSON_DEPTH} levels"
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        reason = f"body is not JSON: {error}"
    else:
        check_json_values(data)
        return data
    raise ResponseValidationError(reason)  # outside the except block: the decoder's error holds the body


def check_json_values(data: Any) -> None:
    """Refuse, at their path, what JSON cannot hold but Python's parser lets through: NaN,
    Infinity, -Infinity and numbers too large for a float (1e999); and nesting deeper than
    MAX_JSON_DEPTH. Unknown fields included. Iterative, so no depth can exhaust the stack."""
    pending: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    if type(data) is float:
        _check_finite(data, ())
    while pending:
        value, location = pending.pop()
        if type(value) is not dict and type(value) is not list:
            continue
        if len(location) >= MAX_JSON_DEPTH:
            raise ResponseValidationError(f"nested deeper than {MAX_JSON_DEPTH} levels", location=location)
        for key, item in value.items() if type(value) is dict else enumerate(value):
            if type(item) is float:
                _check_finite(item, (*location, key))
            elif type(item) is dict or type(item) is list:
                pending.append((item, (*location, key)))


def _check_finite(value: float, location: tuple[str | int, ...]) -> None:
    if not math.isfinite(value):
        got = "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
        raise ResponseValidationError(
            f"expected a finite number, got {got} (not JSON, or too large)", location=location
        )
