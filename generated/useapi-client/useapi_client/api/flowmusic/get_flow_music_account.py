from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.flow_music_account import FlowMusicAccount
from ...types import Response


def _get_kwargs(
    email: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/flowmusic/accounts/{email}".format(
            email=errors.path_segment("email", email),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> ApiError | FlowMusicAccount | None:
    try:
        if response.status_code == 200:
            response_200 = FlowMusicAccount.from_dict(errors.parse_json(response, content))

            return response_200

        if response.status_code == 401:
            response_401 = ApiError.from_dict(errors.parse_json(response, content))

            return response_401

        if response.status_code == 404:
            response_404 = ApiError.from_dict(errors.parse_json(response, content))

            return response_404

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("get_flow_music_account", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[ApiError | FlowMusicAccount]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    email: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | FlowMusicAccount]:
    """Get one Flow Music account

     Returns one linked Flow Music account with its tier, session and live balances. The
    balances are queried from Flow Music on every call, and only for a healthy account:
    an account in an error state carries `error` and no balances.

    Args:
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | FlowMusicAccount]
    """

    kwargs = _get_kwargs(
        email=email,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    email: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | FlowMusicAccount | None:
    """Get one Flow Music account

     Returns one linked Flow Music account with its tier, session and live balances. The
    balances are queried from Flow Music on every call, and only for a healthy account:
    an account in an error state carries `error` and no balances.

    Args:
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | FlowMusicAccount
    """

    return sync_detailed(
        email=email,
        client=client,
    ).parsed


async def asyncio_detailed(
    email: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | FlowMusicAccount]:
    """Get one Flow Music account

     Returns one linked Flow Music account with its tier, session and live balances. The
    balances are queried from Flow Music on every call, and only for a healthy account:
    an account in an error state carries `error` and no balances.

    Args:
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | FlowMusicAccount]
    """

    kwargs = _get_kwargs(
        email=email,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    email: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | FlowMusicAccount | None:
    """Get one Flow Music account

     Returns one linked Flow Music account with its tier, session and live balances. The
    balances are queried from Flow Music on every call, and only for a healthy account:
    an account in an error state carries `error` and no balances.

    Args:
        email (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | FlowMusicAccount
    """

    return (
        await asyncio_detailed(
            email=email,
            client=client,
        )
    ).parsed
