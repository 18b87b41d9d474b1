from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import no_variant_matched
from ...models.cat import Cat
from ...models.dog import Dog
from ...types import Response


def _get_kwargs(
    id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/animals/{id}".format(
            id=errors.path_segment("id", id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Cat | Dog | None:
    try:
        if response.status_code == 200:

            def _parse_response_200(data: object) -> Cat | Dog:
                _failures: list[Exception] = []
                try:
                    if not isinstance(data, dict):
                        raise TypeError("expected Cat")
                    response_200_type_0 = Cat.from_dict(data)

                    return response_200_type_0
                except Exception as _failure:
                    _failures.append(_failure)
                try:
                    if not isinstance(data, dict):
                        raise TypeError("expected Dog")
                    response_200_type_1 = Dog.from_dict(data)

                    return response_200_type_1
                except Exception as _failure:
                    _failures.append(_failure)
                raise no_variant_matched(_failures)

            response_200 = _parse_response_200(errors.parse_json(response, content))

            return response_200

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("get_animal", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[Cat | Dog]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Cat | Dog]:
    """
    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cat | Dog]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Cat | Dog | None:
    """
    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cat | Dog
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Cat | Dog]:
    """
    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cat | Dog]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Cat | Dog | None:
    """
    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cat | Dog
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
