from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.new_pet import NewPet
from ...models.pet import Pet
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: NewPet,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/pets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Pet | Problem | None:
    try:
        if response.status_code == 201:
            response_201 = Pet.from_dict(errors.parse_json(response, content))

            return response_201

        if 400 <= response.status_code <= 499:
            response_4xx = Problem.from_dict(errors.parse_json(response, content))

            return response_4xx

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("create_pet", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[Pet | Problem]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewPet,
) -> Response[Pet | Problem]:
    """
    Args:
        body (NewPet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Pet | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: NewPet,
) -> Pet | Problem | None:
    """
    Args:
        body (NewPet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Pet | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NewPet,
) -> Response[Pet | Problem]:
    """
    Args:
        body (NewPet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Pet | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: NewPet,
) -> Pet | Problem | None:
    """
    Args:
        body (NewPet):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Pet | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
