from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import check_kind, no_variant_matched
from ...models.circle import Circle
from ...models.square import Square
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/shapes",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> list[Circle | Square] | None:
    try:
        if response.status_code == 200:
            response_200: list[Circle | Square] = []
            for _index, response_200_item_data in enumerate(check_kind(errors.parse_json(response, content), (list,))):
                try:

                    def _parse_response_200_item(data: object) -> Circle | Square:
                        _failures: list[Exception] = []
                        try:
                            if not isinstance(data, dict):
                                raise TypeError("expected Circle")
                            response_200_item_type_0 = Circle.from_dict(data)

                            return response_200_item_type_0
                        except Exception as _failure:
                            _failures.append(_failure)
                        try:
                            if not isinstance(data, dict):
                                raise TypeError("expected Square")
                            response_200_item_type_1 = Square.from_dict(data)

                            return response_200_item_type_1
                        except Exception as _failure:
                            _failures.append(_failure)
                        raise no_variant_matched(_failures)

                    response_200_item = _parse_response_200_item(response_200_item_data)

                except Exception as _error:
                    raise errors.error_at(_index, _error) from None
                response_200.append(response_200_item)

            return response_200

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("list_shapes", response, bytes(content)).with_traceback(None) from None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, bytes(content))
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[list[Circle | Square]]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[Circle | Square]]:
    """
    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Circle | Square]]
    """

    kwargs = _get_kwargs()

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> list[Circle | Square] | None:
    """
    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Circle | Square]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[Circle | Square]]:
    """
    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Circle | Square]]
    """

    kwargs = _get_kwargs()

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> list[Circle | Square] | None:
    """
    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Circle | Square]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
