from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.session import Session
from ...types import Response


def _get_kwargs(
    *,
    body: Session,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Session | None:
    try:
        if response.status_code == 200:
            response_200 = Session.from_dict(errors.parse_json(response, content))

            return response_200

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("create_session", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[Session]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Session,
) -> Response[Session]:
    """
    Args:
        body (Session):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Session]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Session,
) -> Session | None:
    """
    Args:
        body (Session):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Session
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Session,
) -> Response[Session]:
    """
    Args:
        body (Session):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Session]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Session,
) -> Session | None:
    """
    Args:
        body (Session):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Session
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
