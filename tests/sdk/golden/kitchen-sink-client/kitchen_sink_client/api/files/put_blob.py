from typing import Any

import httpx

from ... import errors
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
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Ack | None:
    try:
        if response.status_code == 200:
            response_200 = Ack.from_dict(errors.parse_json(response, content))

            return response_200

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("put_blob", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


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
    """
    Args:
        name (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Ack]
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
) -> Ack | None:
    """
    Args:
        name (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Ack
    """

    return sync_detailed(
        name=name,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Response[Ack]:
    """
    Args:
        name (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Ack]
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
) -> Ack | None:
    """
    Args:
        name (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Ack
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            body=body,
        )
    ).parsed
