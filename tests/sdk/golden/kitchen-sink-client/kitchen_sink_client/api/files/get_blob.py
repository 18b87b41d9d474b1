from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ..._constants import DEFAULT_MAX_DOWNLOAD_BYTES
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/blobs/{name}".format(
            name=errors.path_segment("name", name),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> File | Problem:
    try:
        if response.status_code == 200:
            response_200 = File(payload=BytesIO(content))

            return response_200

        response_default = Problem.from_dict(errors.parse_json(response, content))

        return response_default

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("get_blob", response, bytes(content)).with_traceback(None) from None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[File | Problem]:
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
    max_download_bytes: int | None = DEFAULT_MAX_DOWNLOAD_BYTES,
) -> Response[File | Problem]:
    """
    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response, content = client._request(kwargs, max_download_bytes)

    return _build_response(client=client, response=response, content=content)


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    max_download_bytes: int | None = DEFAULT_MAX_DOWNLOAD_BYTES,
) -> File | Problem | None:
    """
    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        max_download_bytes=max_download_bytes,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    max_download_bytes: int | None = DEFAULT_MAX_DOWNLOAD_BYTES,
) -> Response[File | Problem]:
    """
    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response, content = await client._arequest(kwargs, max_download_bytes)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    max_download_bytes: int | None = DEFAULT_MAX_DOWNLOAD_BYTES,
) -> File | Problem | None:
    """
    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            max_download_bytes=max_download_bytes,
        )
    ).parsed
