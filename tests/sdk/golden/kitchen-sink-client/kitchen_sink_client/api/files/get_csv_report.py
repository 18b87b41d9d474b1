from typing import Any

import httpx

from ... import errors
from ..._constants import DEFAULT_MAX_DOWNLOAD_BYTES, OPERATION_EXTENSION
from ...client import AuthenticatedClient, Client
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/reports/csv",
        "extensions": {OPERATION_EXTENSION: "get_csv_report"},
    }

    return _kwargs


def _parse_success(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> str | None:
    """The model of a documented success status; None for any other status."""
    try:
        if response.status_code == 200:
            response_200 = content.decode(response.encoding or "utf-8", errors="replace")
            return response_200

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("get_csv_report", response, bytes(content)).with_traceback(None) from None
    return None


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> str | None:
    """The documented model of this response; None for a status the operation does not document
    and for a documented error status whose body is not the documented one."""
    return _parse_success(client=client, response=response, content=content)


def _parsed_or_raise(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> str:
    """The success model, or the status's errors.APIStatusError subclass for any other status."""
    parsed = _parse_success(client=client, response=response, content=content)
    if parsed is None:
        raise errors.status_error("get_csv_report", response, content, client._secrets())
    return parsed


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Response[str]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    max_download_bytes: int | None = DEFAULT_MAX_DOWNLOAD_BYTES,
) -> Response[str]:
    """Args:
        client (AuthenticatedClient | Client): the client that sends the request.
        max_download_bytes (int | None): the largest binary or text body read, as sent and once
            decompressed; DEFAULT_MAX_DOWNLOAD_BYTES (256 MiB) by default, None for any size.
            JSON bodies keep the client's max_response_bytes.

    Raises:
        errors.ResponseValidationError: a documented success status (200)
            came with a body the contract does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes (JSON) or max_download_bytes (a download).
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Response[str]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: str, CSV.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs()

    response, content = client._request(kwargs, max_download_bytes)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
    max_download_bytes: int | None = DEFAULT_MAX_DOWNLOAD_BYTES,
) -> str:
    """Args:
        client (AuthenticatedClient | Client): the client that sends the request.
        max_download_bytes (int | None): the largest binary or text body read, as sent and once
            decompressed; DEFAULT_MAX_DOWNLOAD_BYTES (256 MiB) by default, None for any size.
            JSON bodies keep the client's max_response_bytes.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200).
            The subclass names the status: BadRequestError (400), AuthenticationError (401),
            PaymentRequiredError (402), PermissionDeniedError (403), NotFoundError (404),
            ConflictError (409), UnprocessableEntityError (422), RateLimitError (429, once the
            retries are spent), InternalServerError (5xx), AccountSessionError (596).
        errors.ResponseValidationError: a documented success status came with a body the contract
            does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes (JSON) or max_download_bytes (a download).
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        str: the body's model, by status:
            200: str, CSV.
    """

    kwargs = _get_kwargs()

    response, content = client._request(kwargs, max_download_bytes)

    return _parsed_or_raise(client=client, response=response, content=content)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    max_download_bytes: int | None = DEFAULT_MAX_DOWNLOAD_BYTES,
) -> Response[str]:
    """Args:
        client (AuthenticatedClient | Client): the client that sends the request.
        max_download_bytes (int | None): the largest binary or text body read, as sent and once
            decompressed; DEFAULT_MAX_DOWNLOAD_BYTES (256 MiB) by default, None for any size.
            JSON bodies keep the client's max_response_bytes.

    Raises:
        errors.ResponseValidationError: a documented success status (200)
            came with a body the contract does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes (JSON) or max_download_bytes (a download).
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Response[str]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: str, CSV.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs()

    response, content = await client._arequest(kwargs, max_download_bytes)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    max_download_bytes: int | None = DEFAULT_MAX_DOWNLOAD_BYTES,
) -> str:
    """Args:
        client (AuthenticatedClient | Client): the client that sends the request.
        max_download_bytes (int | None): the largest binary or text body read, as sent and once
            decompressed; DEFAULT_MAX_DOWNLOAD_BYTES (256 MiB) by default, None for any size.
            JSON bodies keep the client's max_response_bytes.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200).
            The subclass names the status: BadRequestError (400), AuthenticationError (401),
            PaymentRequiredError (402), PermissionDeniedError (403), NotFoundError (404),
            ConflictError (409), UnprocessableEntityError (422), RateLimitError (429, once the
            retries are spent), InternalServerError (5xx), AccountSessionError (596).
        errors.ResponseValidationError: a documented success status came with a body the contract
            does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes (JSON) or max_download_bytes (a download).
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        str: the body's model, by status:
            200: str, CSV.
    """

    kwargs = _get_kwargs()

    response, content = await client._arequest(kwargs, max_download_bytes)

    return _parsed_or_raise(client=client, response=response, content=content)
