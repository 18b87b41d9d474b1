"""Exceptions raised by the API functions, and the checks that raise them."""

import json
from collections.abc import Mapping, Sequence
from types import NoneType
from typing import Any

import httpx

from .types import UNSET

__all__ = ["ResponseValidationError", "UnexpectedStatus"]

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
    ``Client.raise_on_unexpected_status`` is set."""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class ResponseValidationError(Exception):
    """A documented status came with a body that the contract does not allow.

    Raised for a body that is not JSON or not served as JSON, a missing required field, a value
    of the wrong JSON type or format, and a nested value of the wrong shape.

    Attributes:
        operation: the operationId that was called, e.g. ``getDreaminaAccount``.
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

    def for_response(self, operation: str, response: httpx.Response) -> "ResponseValidationError":
        self.operation = operation
        self.status_code = response.status_code
        self.content = response.content
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
        return value
    # An integer is a valid JSON number, so (int, float) reads as "number".
    names = [JSON_TYPE_NAMES[kind] for kind in kinds if not (kind is int and float in kinds)]
    expected = " or ".join(dict.fromkeys(names))
    raise ResponseValidationError(f"expected {expected}, got {json_type_name(value)}")


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


def parse_json(response: httpx.Response) -> Any:
    """The body of a response the spec documents as application/json."""
    content_type = response.headers.get("content-type", "")
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise ResponseValidationError(f"expected a JSON body, got content type {content_type or 'none'!r}")
    try:
        return json.loads(response.content)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise ResponseValidationError(f"body is not JSON: {error}") from None
