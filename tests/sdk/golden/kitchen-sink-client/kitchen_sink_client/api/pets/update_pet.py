from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ..._constants import OPERATION_EXTENSION
from ...client import AuthenticatedClient, Client
from ...models.pet import Pet
from ...models.update_pet_body import UpdatePetBody
from ...types import Response


def _get_kwargs(
    pet_id: UUID,
    *,
    body: UpdatePetBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/pets/{pet_id}".format(
            pet_id=errors.path_segment("petId", pet_id),
        ),
        "extensions": {OPERATION_EXTENSION: "update_pet"},
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Pet | None:
    """The model of a documented success status; None for any other status."""
    try:
        if 200 <= response.status_code <= 299:
            response_2xx = Pet.from_dict(errors.parse_json(response, content))

            return response_2xx

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("update_pet", response, bytes(content)).with_traceback(None) from None
    return None


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Pet | None:
    """The documented model of this response; None for a status the operation does not document
    and for a documented error status whose body is not the documented one."""
    return _parse_success(client=client, response=response, content=content)


def _parsed_or_raise(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Pet:
    """The success model, or the status's errors.APIStatusError subclass for any other status."""
    parsed = _parse_success(client=client, response=response, content=content)
    if parsed is None:
        raise errors.status_error("update_pet", response, content, client._secrets())
    return parsed


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Response[Pet]:
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
    body: UpdatePetBody,
) -> Response[Pet]:
    """Args:
        pet_id (UUID):
        body (UpdatePetBody):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (2XX)
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
        Response[Pet]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            2XX: Pet, Updated.
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


def sync(
    pet_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdatePetBody,
) -> Pet:
    """Args:
        pet_id (UUID):
        body (UpdatePetBody):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (2XX).
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
        Pet: the body's model, by status:
            2XX: Pet, Updated.
    """

    kwargs = _get_kwargs(
        pet_id=pet_id,
        body=body,
    )

    response, content = client._request(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)


async def asyncio_detailed(
    pet_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdatePetBody,
) -> Response[Pet]:
    """Args:
        pet_id (UUID):
        body (UpdatePetBody):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (2XX)
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
        Response[Pet]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            2XX: Pet, Updated.
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


async def asyncio(
    pet_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdatePetBody,
) -> Pet:
    """Args:
        pet_id (UUID):
        body (UpdatePetBody):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (2XX).
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
        Pet: the body's model, by status:
            2XX: Pet, Updated.
    """

    kwargs = _get_kwargs(
        pet_id=pet_id,
        body=body,
    )

    response, content = await client._arequest(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)
