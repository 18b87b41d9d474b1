from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account import Account
from ...models.api_error import ApiError
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/account",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Account | ApiError | None:
    try:
        if response.status_code == 200:
            response_200 = Account.from_dict(errors.parse_json(response, content))

            return response_200

        if response.status_code == 401:
            response_401 = ApiError.from_dict(errors.parse_json(response, content))

            return response_401

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("get_account", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[Account | ApiError]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Account | ApiError]:
    """Get the useapi.net subscription

     Returns the useapi.net subscription: whether it is active, how many subscriptions were
    bought, how many accounts each AI service may hold, and per service how many accounts
    are configured, healthy and failing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | ApiError]
    """

    kwargs = _get_kwargs()

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Account | ApiError | None:
    """Get the useapi.net subscription

     Returns the useapi.net subscription: whether it is active, how many subscriptions were
    bought, how many accounts each AI service may hold, and per service how many accounts
    are configured, healthy and failing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | ApiError
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Account | ApiError]:
    """Get the useapi.net subscription

     Returns the useapi.net subscription: whether it is active, how many subscriptions were
    bought, how many accounts each AI service may hold, and per service how many accounts
    are configured, healthy and failing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | ApiError]
    """

    kwargs = _get_kwargs()

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Account | ApiError | None:
    """Get the useapi.net subscription

     Returns the useapi.net subscription: whether it is active, how many subscriptions were
    bought, how many accounts each AI service may hold, and per service how many accounts
    are configured, healthy and failing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | ApiError
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
