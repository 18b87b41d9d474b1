from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ack import Ack
from ...models.submit_form_body import SubmitFormBody
from ...types import Response


def _get_kwargs(
    *,
    body: SubmitFormBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/forms",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Ack | None:
    try:
        if 200 <= response.status_code <= 299:
            response_2xx = Ack.from_dict(errors.parse_json(response, content))

            return response_2xx

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("submit_form", response, bytes(content)).with_traceback(None) from None
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
    *,
    client: AuthenticatedClient | Client,
    body: SubmitFormBody,
) -> Response[Ack]:
    """
    Args:
        body (SubmitFormBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Ack]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SubmitFormBody,
) -> Ack | None:
    """
    Args:
        body (SubmitFormBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Ack
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SubmitFormBody,
) -> Response[Ack]:
    """
    Args:
        body (SubmitFormBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Ack]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SubmitFormBody,
) -> Ack | None:
    """
    Args:
        body (SubmitFormBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Ack
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
