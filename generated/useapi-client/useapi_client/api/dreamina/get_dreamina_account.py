from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.dreamina_account import DreaminaAccount
from ...types import Response


def _get_kwargs(
    account: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/dreamina/accounts/{account}".format(
            account=errors.path_segment("account", account),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> ApiError | DreaminaAccount | None:
    try:
        if response.status_code == 200:
            response_200 = DreaminaAccount.from_dict(errors.parse_json(response, content))

            return response_200

        if response.status_code == 401:
            response_401 = ApiError.from_dict(errors.parse_json(response, content))

            return response_401

        if response.status_code == 404:
            response_404 = ApiError.from_dict(errors.parse_json(response, content))

            return response_404

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("get_dreamina_account", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[ApiError | DreaminaAccount]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    account: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | DreaminaAccount]:
    """Get one Dreamina account

     Returns the configuration of one linked Dreamina account with its session, the models
    it may use and its credit balance. The `session`, `models` and `credits` fields are
    queried live from Dreamina; when that query fails the answer is a summary without
    them. Calling it once a day also claims the free daily credits.

    Args:
        account (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | DreaminaAccount]
    """

    kwargs = _get_kwargs(
        account=account,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    account: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | DreaminaAccount | None:
    """Get one Dreamina account

     Returns the configuration of one linked Dreamina account with its session, the models
    it may use and its credit balance. The `session`, `models` and `credits` fields are
    queried live from Dreamina; when that query fails the answer is a summary without
    them. Calling it once a day also claims the free daily credits.

    Args:
        account (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | DreaminaAccount
    """

    return sync_detailed(
        account=account,
        client=client,
    ).parsed


async def asyncio_detailed(
    account: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | DreaminaAccount]:
    """Get one Dreamina account

     Returns the configuration of one linked Dreamina account with its session, the models
    it may use and its credit balance. The `session`, `models` and `credits` fields are
    queried live from Dreamina; when that query fails the answer is a summary without
    them. Calling it once a day also claims the free daily credits.

    Args:
        account (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | DreaminaAccount]
    """

    kwargs = _get_kwargs(
        account=account,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    account: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | DreaminaAccount | None:
    """Get one Dreamina account

     Returns the configuration of one linked Dreamina account with its session, the models
    it may use and its credit balance. The `session`, `models` and `credits` fields are
    queried live from Dreamina; when that query fails the answer is a summary without
    them. Calling it once a day also claims the free daily credits.

    Args:
        account (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | DreaminaAccount
    """

    return (
        await asyncio_detailed(
            account=account,
            client=client,
        )
    ).parsed
