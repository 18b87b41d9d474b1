from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ..._constants import OPERATION_EXTENSION
from ...client import AuthenticatedClient, Client
from ...models.delete_pet_body import DeletePetBody
from ...types import Response


def _get_kwargs(
    pet_id: UUID,
    *,
    body: DeletePetBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/pets/{pet_id}".format(
            pet_id=errors.path_segment("petId", pet_id),
        ),
        "extensions": {OPERATION_EXTENSION: "delete_pet"},
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Any | None:
    """The model of a documented success status; None for any other status."""
    try:
        if response.status_code == 204:
            return None

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("delete_pet", response, bytes(content)).with_traceback(None) from None
    return None


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Any | None:
    """The documented model of this response; None for a status the operation does not document
    and for a documented error status whose body is not the documented one."""
    return _parse_success(client=client, response=response, content=content)


def _parsed_or_raise(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Any:
    """The success model, or the status's errors.APIStatusError subclass for any other status."""
    parsed = _parse_success(client=client, response=response, content=content)
    if parsed is None:
        raise errors.status_error("delete_pet", response, content, client._secrets())
    return parsed


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Response[Any]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    pet_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DeletePetBody,
) -> Response[Any]:
    """Args:
        pet_id (UUID):
        body (DeletePetBody):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (204)
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
        Response[Any]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            204: Any, Deleted; no body.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs(
        pet_id=pet_id,
        body=body,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio_detailed(
    pet_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: DeletePetBody,
) -> Response[Any]:
    """Args:
        pet_id (UUID):
        body (DeletePetBody):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (204)
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
        Response[Any]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            204: Any, Deleted; no body.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs(
        pet_id=pet_id,
        body=body,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)
