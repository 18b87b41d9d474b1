from typing import Any

import httpx

from ... import errors
from ..._constants import OPERATION_EXTENSION
from ...client import AuthenticatedClient, Client
from ...models.ack import Ack
from ...types import File, Response


def _get_kwargs(
    name: str,
    *,
    body: File,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/blobs/{name}".format(
            name=errors.path_segment("name", name),
        ),
        "extensions": {OPERATION_EXTENSION: "put_blob"},
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Ack | None:
    """The model of a documented success status; None for any other status."""
    try:
        if response.status_code == 200:
            response_200 = Ack.from_dict(errors.parse_json(response, content))

            return response_200

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("put_blob", response, bytes(content)).with_traceback(None) from None
    return None


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Ack | None:
    """The documented model of this response; None for a status the operation does not document
    and for a documented error status whose body is not the documented one."""
    return _parse_success(client=client, response=response, content=content)


def _parsed_or_raise(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Ack:
    """The success model, or the status's errors.APIStatusError subclass for any other status."""
    parsed = _parse_success(client=client, response=response, content=content)
    if parsed is None:
        raise errors.status_error("put_blob", response, content, client._secrets())
    return parsed


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Response[Ack]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Response[Ack]:
    """Args:
        name (str):
        body (File):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (200)
            came with a body the contract does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.InvalidPathParameterError: a path parameter is empty, "." or ".."; nothing was sent.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Response[Ack]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: Ack, Stored.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Ack:
    """Args:
        name (str):
        body (File):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200).
            The subclass names the status: BadRequestError (400), AuthenticationError (401),
            PaymentRequiredError (402), PermissionDeniedError (403), NotFoundError (404),
            ConflictError (409), UnprocessableEntityError (422), RateLimitError (429, once the
            retries are spent), InternalServerError (5xx), AccountSessionError (596).
        errors.ResponseValidationError: a documented success status came with a body the contract
            does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.InvalidPathParameterError: a path parameter is empty, "." or ".."; nothing was sent.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Ack: the body's model, by status:
            200: Ack, Stored.
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
    )

    response, content = client._request(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Response[Ack]:
    """Args:
        name (str):
        body (File):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (200)
            came with a body the contract does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.InvalidPathParameterError: a path parameter is empty, "." or ".."; nothing was sent.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Response[Ack]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: Ack, Stored.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Ack:
    """Args:
        name (str):
        body (File):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200).
            The subclass names the status: BadRequestError (400), AuthenticationError (401),
            PaymentRequiredError (402), PermissionDeniedError (403), NotFoundError (404),
            ConflictError (409), UnprocessableEntityError (422), RateLimitError (429, once the
            retries are spent), InternalServerError (5xx), AccountSessionError (596).
        errors.ResponseValidationError: a documented success status came with a body the contract
            does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.InvalidPathParameterError: a path parameter is empty, "." or ".."; nothing was sent.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Ack: the body's model, by status:
            200: Ack, Stored.
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
    )

    response, content = await client._arequest(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)
