import datetime
from typing import Any

import httpx

from ... import errors
from ..._constants import OPERATION_EXTENSION
from ...client import AuthenticatedClient, Client
from ...errors import check_kind
from ...models.pet import Pet
from ...models.pet_filter import PetFilter
from ...models.pet_kind import PetKind
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    tags: list[str] | Unset = UNSET,
    kind: PetKind | Unset = UNSET,
    born_after: datetime.date | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    filter_: PetFilter | Unset = UNSET,
    x_request_id: str,
    session: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Request-Id"] = x_request_id

    cookies = {}
    if session is not UNSET:
        cookies["session"] = session

    params: dict[str, Any] = {}

    json_tags: list[str] | Unset = UNSET
    if not isinstance(tags, Unset):
        json_tags = tags

    params["tags"] = json_tags

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    json_born_after: str | Unset = UNSET
    if not isinstance(born_after, Unset):
        json_born_after = born_after.isoformat()
    params["born_after"] = json_born_after

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit

    json_filter_: dict[str, Any] | Unset = UNSET
    if not isinstance(filter_, Unset):
        json_filter_ = filter_.to_dict()
    if not isinstance(json_filter_, Unset):
        params.update(json_filter_)

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/pets",
        "params": params,
        "cookies": cookies,
        "extensions": {OPERATION_EXTENSION: "list_pets"},
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> list[Pet] | None:
    """The model of a documented success status; None for any other status."""
    try:
        if response.status_code == 200:
            response_200: list[Pet] = []
            for _index, response_200_item_data in enumerate(check_kind(errors.parse_json(response, content), (list,))):
                try:
                    response_200_item = Pet.from_dict(response_200_item_data)

                except Exception as _error:
                    raise errors.error_at(_index, _error) from None
                response_200.append(response_200_item)

            return response_200

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("list_pets", response, bytes(content)).with_traceback(None) from None
    return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> list[Pet] | None:
    """The documented model of this response; None for a status the operation does not document
    and for a documented error status whose body is not the documented one."""
    return _parse_success(client=client, response=response, content=content)


def _parsed_or_raise(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> list[Pet]:
    """The success model, or the status's errors.APIStatusError subclass for any other status."""
    parsed = _parse_success(client=client, response=response, content=content)
    if parsed is None:
        raise errors.status_error("list_pets", response, content, client._secrets())
    return parsed


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Response[list[Pet]]:
    return Response(
        status_code=response.status_code,
        content=bytes(content),
        headers=response.headers,
        parsed=_parse_response(client=client, response=response, content=content),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    tags: list[str] | Unset = UNSET,
    kind: PetKind | Unset = UNSET,
    born_after: datetime.date | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    filter_: PetFilter | Unset = UNSET,
    x_request_id: str,
    session: str | Unset = UNSET,
) -> Response[list[Pet]]:
    """Args:
        tags (list[str] | Unset):
        kind (PetKind | Unset):
        born_after (datetime.date | Unset):
        limit (int | None | Unset):
        filter_ (PetFilter | Unset):
        x_request_id (str):
        session (str | Unset):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (200)
            came with a body the contract does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Response[list[Pet]]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: list[Pet], A top-level array.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs(
        tags=tags,
        kind=kind,
        born_after=born_after,
        limit=limit,
        filter_=filter_,
        x_request_id=x_request_id,
        session=session,
    )

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
    tags: list[str] | Unset = UNSET,
    kind: PetKind | Unset = UNSET,
    born_after: datetime.date | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    filter_: PetFilter | Unset = UNSET,
    x_request_id: str,
    session: str | Unset = UNSET,
) -> list[Pet]:
    """Args:
        tags (list[str] | Unset):
        kind (PetKind | Unset):
        born_after (datetime.date | Unset):
        limit (int | None | Unset):
        filter_ (PetFilter | Unset):
        x_request_id (str):
        session (str | Unset):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200).
            The subclass names the status: BadRequestError (400), AuthenticationError (401),
            PaymentRequiredError (402), PermissionDeniedError (403), NotFoundError (404),
            ConflictError (409), UnprocessableEntityError (422), RateLimitError (429, once the
            retries are spent), InternalServerError (5xx), AccountSessionError (596).
        errors.ResponseValidationError: a documented success status came with a body the contract
            does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        list[Pet]: the body's model, by status:
            200: list[Pet], A top-level array.
    """

    kwargs = _get_kwargs(
        tags=tags,
        kind=kind,
        born_after=born_after,
        limit=limit,
        filter_=filter_,
        x_request_id=x_request_id,
        session=session,
    )

    response, content = client._request(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    tags: list[str] | Unset = UNSET,
    kind: PetKind | Unset = UNSET,
    born_after: datetime.date | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    filter_: PetFilter | Unset = UNSET,
    x_request_id: str,
    session: str | Unset = UNSET,
) -> Response[list[Pet]]:
    """Args:
        tags (list[str] | Unset):
        kind (PetKind | Unset):
        born_after (datetime.date | Unset):
        limit (int | None | Unset):
        filter_ (PetFilter | Unset):
        x_request_id (str):
        session (str | Unset):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (200)
            came with a body the contract does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Response[list[Pet]]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: list[Pet], A top-level array.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs(
        tags=tags,
        kind=kind,
        born_after=born_after,
        limit=limit,
        filter_=filter_,
        x_request_id=x_request_id,
        session=session,
    )

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    tags: list[str] | Unset = UNSET,
    kind: PetKind | Unset = UNSET,
    born_after: datetime.date | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    filter_: PetFilter | Unset = UNSET,
    x_request_id: str,
    session: str | Unset = UNSET,
) -> list[Pet]:
    """Args:
        tags (list[str] | Unset):
        kind (PetKind | Unset):
        born_after (datetime.date | Unset):
        limit (int | None | Unset):
        filter_ (PetFilter | Unset):
        x_request_id (str):
        session (str | Unset):
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200).
            The subclass names the status: BadRequestError (400), AuthenticationError (401),
            PaymentRequiredError (402), PermissionDeniedError (403), NotFoundError (404),
            ConflictError (409), UnprocessableEntityError (422), RateLimitError (429, once the
            retries are spent), InternalServerError (5xx), AccountSessionError (596).
        errors.ResponseValidationError: a documented success status came with a body the contract
            does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        list[Pet]: the body's model, by status:
            200: list[Pet], A top-level array.
    """

    kwargs = _get_kwargs(
        tags=tags,
        kind=kind,
        born_after=born_after,
        limit=limit,
        filter_=filter_,
        x_request_id=x_request_id,
        session=session,
    )

    response, content = await client._arequest(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)
