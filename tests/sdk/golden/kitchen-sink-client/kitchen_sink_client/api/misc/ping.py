from typing import Any

import httpx

from ... import errors
from ..._constants import OPERATION_EXTENSION
from ...client import AuthenticatedClient, Client
from ...models.empty import Empty
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ping",
        "extensions": {OPERATION_EXTENSION: "ping"},
    }

    return _kwargs


def _parse_success(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Empty | Problem | None:
    """The model of a documented success status; None for any other status."""
    try:
        if response.status_code == 200:
            response_200 = Empty.from_dict(errors.parse_json(response, content))

            return response_200

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("ping", response, bytes(content)).with_traceback(None) from None
    if response.status_code < 400:
        try:
            response_default = Problem.from_dict(errors.parse_json(response, content))

            return response_default

        except errors.ResponseValidationError as error:
            raise error.for_response("ping", response, bytes(content)).with_traceback(None) from None
    return None


def _parse_error(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> Problem | None:
    """The model of a documented error status; None for any other status and for a body that is
    not the documented one (the status says more than a body off the contract)."""
    try:
        if 400 <= response.status_code <= 499:
            response_4xx = Problem.from_dict(errors.parse_json(response, content))

            return response_4xx

    except errors.ResponseValidationError:
        pass
    if response.status_code >= 400:
        try:
            response_default = Problem.from_dict(errors.parse_json(response, content))

            return response_default

        except errors.ResponseValidationError:
            pass
    return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Empty | Problem | None:
    """The documented model of this response; None for a status the operation does not document
    and for a documented error status whose body is not the documented one."""
    parsed = _parse_success(client=client, response=response, content=content)
    if parsed is not None:
        return parsed
    return _parse_error(client=client, response=response, content=content)


def _parsed_or_raise(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> Empty | Problem:
    """The success model, or the status's errors.APIStatusError subclass for any other status."""
    parsed = _parse_success(client=client, response=response, content=content)
    if parsed is None:
        error_model = _parse_error(client=client, response=response, content=content)
        raise errors.status_error("ping", response, content, client._secrets(), parsed=error_model)
    return parsed


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
    """Args:
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
        Response[Empty | Problem]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: Empty, A model with no properties.
            4XX: Problem, A problem, as application/problem+json.
            default: Problem, Any other status.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs()

    response, content = client._request(kwargs)

    return _build_response(client=client, response=response, content=content)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Empty | Problem:
    """Args:
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200); for
            a documented error status (4XX) its ``parsed`` holds the documented model
            (None when the body is not the documented one).
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
        Empty | Problem: the body's model, by status:
            200: Empty, A model with no properties.
            default: Problem, Any other status.
    """

    kwargs = _get_kwargs()

    response, content = client._request(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Empty | Problem]:
    """Args:
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
        Response[Empty | Problem]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: Empty, A model with no properties.
            4XX: Problem, A problem, as application/problem+json.
            default: Problem, Any other status.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
    """

    kwargs = _get_kwargs()

    response, content = await client._arequest(kwargs)

    return _build_response(client=client, response=response, content=content)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Empty | Problem:
    """Args:
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200); for
            a documented error status (4XX) its ``parsed`` holds the documented model
            (None when the body is not the documented one).
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
        Empty | Problem: the body's model, by status:
            200: Empty, A model with no properties.
            default: Problem, Any other status.
    """

    kwargs = _get_kwargs()

    response, content = await client._arequest(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)
