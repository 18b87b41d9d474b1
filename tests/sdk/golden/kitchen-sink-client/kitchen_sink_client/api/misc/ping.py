from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty import Empty
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ping",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Empty | Problem:
    try:
        if response.status_code == 200:
            response_200 = Empty.from_dict(errors.parse_json(response, content))

            return response_200

        if 400 <= response.status_code <= 499:
            response_4xx = Problem.from_dict(errors.parse_json(response, content))

            return response_4xx

        response_default = Problem.from_dict(errors.parse_json(response, content))

        return response_default

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("ping", response, bytes(content)).with_traceback(None) from None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[Empty | Problem]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Empty | Problem]:
    """
    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | Problem]
    """

    kwargs = _get_kwargs()

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Empty | Problem | None:
    """
    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Empty | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Empty | Problem]:
    """
    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | Problem]
    """

    kwargs = _get_kwargs()

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Empty | Problem | None:
    """
    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Empty | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
