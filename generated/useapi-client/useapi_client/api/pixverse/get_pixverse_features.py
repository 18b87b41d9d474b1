from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.pixverse_features import PixverseFeatures
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    email: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["email"] = email

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/pixverse/features/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> ApiError | PixverseFeatures | None:
    try:
        if response.status_code == 200:
            response_200 = PixverseFeatures.from_dict(errors.parse_json(response, content))

            return response_200

        if response.status_code == 400:
            response_400 = ApiError.from_dict(errors.parse_json(response, content))

            return response_400

        if response.status_code == 401:
            response_401 = ApiError.from_dict(errors.parse_json(response, content))

            return response_401

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("get_pixverse_features", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[ApiError | PixverseFeatures]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
) -> Response[ApiError | PixverseFeatures]:
    """Get PixVerse plan, credits and features

     Returns what PixVerse reports for one linked account: the plan and its billing, the
    credit balances, and which features the plan unlocks. The path keeps its trailing
    slash, as the upstream serves it.

    Args:
        email (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | PixverseFeatures]
    """

    kwargs = _get_kwargs(
        email=email,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
) -> ApiError | PixverseFeatures | None:
    """Get PixVerse plan, credits and features

     Returns what PixVerse reports for one linked account: the plan and its billing, the
    credit balances, and which features the plan unlocks. The path keeps its trailing
    slash, as the upstream serves it.

    Args:
        email (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | PixverseFeatures
    """

    return sync_detailed(
        client=client,
        email=email,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
) -> Response[ApiError | PixverseFeatures]:
    """Get PixVerse plan, credits and features

     Returns what PixVerse reports for one linked account: the plan and its billing, the
    credit balances, and which features the plan unlocks. The path keeps its trailing
    slash, as the upstream serves it.

    Args:
        email (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | PixverseFeatures]
    """

    kwargs = _get_kwargs(
        email=email,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
) -> ApiError | PixverseFeatures | None:
    """Get PixVerse plan, credits and features

     Returns what PixVerse reports for one linked account: the plan and its billing, the
    credit balances, and which features the plan unlocks. The path keeps its trailing
    slash, as the upstream serves it.

    Args:
        email (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | PixverseFeatures
    """

    return (
        await asyncio_detailed(
            client=client,
            email=email,
        )
    ).parsed
