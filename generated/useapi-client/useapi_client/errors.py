"""Exceptions raised by the API functions, and the checks that raise them."""

import json
import math
from collections.abc import Mapping, Sequence
from types import NoneType
from typing import Any
from urllib.parse import quote

import httpx

from ._constants import MAX_JSON_DEPTH
from .types import UNSET

__all__ = [
    "DeadlineExceededError",
    "InvalidPathParameterError",
    "InvalidTokenError",
    "MissingExtraError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "UnexpectedStatus",
    "UnexpectedTransportError",
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


class UnexpectedStatus(Exception):
    """The server answered a status the spec does not document, and
    ``Client.raise_on_unexpected_status`` is set.

    Attributes:
        status_code: the HTTP status of the response.
        content: the raw response body. It stays out of the message: a proxy that echoes the
            request would put the token there, and bodies can carry upstream session tokens.
    """

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(f"Unexpected status code: {status_code} (the body is in .content)")

    def __reduce__(self) -> Any:  # pickled by its own arguments: a process pool or task queue can carry it
        return (type(self), (self.status_code, self.content), self.__dict__)


class ResponseTooLargeError(Exception):
    """The response body, as sent or once decompressed, is larger than the client's
    ``max_response_bytes``. Reading stopped there: nothing more was read or decompressed.

    Attributes:
        status_code: the HTTP status of the response.
        limit: the client's ``max_response_bytes``.
    """

    def __init__(self, status_code: int, limit: int) -> None:
        super().__init__(f"the body of the {status_code} response is larger than max_response_bytes ({limit} bytes)")
        self.status_code = status_code
        self.limit = limit

    def __reduce__(self) -> Any:
        return (type(self), (self.status_code, self.limit), self.__dict__)


class InvalidPathParameterError(ValueError):
    """A path parameter is empty, ``.`` or ``..``, which would change the endpoint; nothing was sent.

    Attributes:
        parameter: the parameter's name in the spec, e.g. ``account``.
    """

    def __init__(self, parameter: str, value: str) -> None:
        super().__init__(f"path parameter {parameter!r} cannot be {value!r}: it would change the endpoint")
        self.parameter = parameter
        self.value = value

    def __reduce__(self) -> Any:
        return (type(self), (self.parameter, self.value), self.__dict__)


class InvalidTokenError(ValueError):
    """The token cannot be sent in a header: raised when the client is built. The message never
    quotes the token."""


class DeadlineExceededError(httpx.TimeoutException):
    """The call did not finish within the client's ``deadline``: connecting, waiting for a pooled
    connection, sending, reading the whole body, and every retry and wait between retries count.

    An ``httpx.TimeoutException``, so ``except httpx.TimeoutException`` catches it too.

    Attributes:
        deadline: the client's deadline, in seconds.
    """

    def __init__(self, deadline: float, *, request: httpx.Request | None = None) -> None:
        super().__init__(f"the call did not finish within its deadline of {deadline:g} s", request=request)
        self.deadline = deadline

    def __reduce__(self) -> Any:  # keyword-only request: pickle rebuilds from the deadline
        return (type(self), (self.deadline,), self.__dict__)


class UnexpectedTransportError(httpx.TransportError):
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

    def __reduce__(self) -> Any:
        return (type(self), (self.kind,), self.__dict__)


class MissingExtraError(ImportError):
    """An option needs an extra that is not installed; the message says what to install."""


class ResponseValidationError(Exception):
    """A documented status came with a body that the contract does not allow.

    Raised for a body that is not JSON or not served as JSON, a missing required field, a value
    of the wrong JSON type or format, and a nested value of the wrong shape.

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
    """Return value when its JSON type is one of kinds. JSON true is not an integer here."""
    if isinstance(value, kinds) and (type(value) is not bool or bool in kinds):
        if float in kinds and type(value) is int and not _fits_a_float(value):
            digits = int(value.bit_length() * math.log10(2)) + 1
            raise ResponseValidationError(
                f"expected a number that fits a float, got an integer of about {digits} digits"
            )
        return value
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
    """Check the JSON type of every item of an array (UNSET passes)."""
    if values is not UNSET:
        for index, item in enumerate(values):
            try:
                check_kind(item, kinds)
            except ResponseValidationError as error:
                raise error_at(index, error) from None
    return values


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
