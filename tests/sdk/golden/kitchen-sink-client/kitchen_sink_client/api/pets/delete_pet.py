from typing import Any
from uuid import UUID

import httpx

from ... import errors
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
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Any | None:
    try:
        if response.status_code == 204:
            return None

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("delete_pet", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


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
    """
    Args:
        pet_id (UUID):
        body (DeletePetBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
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
    """
    Args:
        pet_id (UUID):
        body (DeletePetBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        pet_id=pet_id,
        body=body,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)
