from typing import Any
from uuid import UUID

import httpx

from ... import errors
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
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Pet | None:
    try:
        if 200 <= response.status_code <= 299:
            response_2xx = Pet.from_dict(errors.parse_json(response, content))

            return response_2xx

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("update_pet", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


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
    """
    Args:
        pet_id (UUID):
        body (UpdatePetBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Pet]
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
) -> Pet | None:
    """
    Args:
        pet_id (UUID):
        body (UpdatePetBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Pet
    """

    return sync_detailed(
        pet_id=pet_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    pet_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdatePetBody,
) -> Response[Pet]:
    """
    Args:
        pet_id (UUID):
        body (UpdatePetBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Pet]
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
) -> Pet | None:
    """
    Args:
        pet_id (UUID):
        body (UpdatePetBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Pet
    """

    return (
        await asyncio_detailed(
            pet_id=pet_id,
            client=client,
            body=body,
        )
    ).parsed
