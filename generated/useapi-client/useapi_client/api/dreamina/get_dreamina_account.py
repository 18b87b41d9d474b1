from typing import Any

import httpx

from ... import errors
from ..._constants import OPERATION_EXTENSION
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
        "extensions": {OPERATION_EXTENSION: "get_dreamina_account"},
    }

    return _kwargs


def _parse_success(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> DreaminaAccount | None:
    """The model of a documented success status; None for any other status."""
    try:
        if response.status_code == 200:
            response_200 = DreaminaAccount.from_dict(errors.parse_json(response, content))

            return response_200

    except errors.ResponseValidationError as error:
        # Without the frames below: their locals hold the decoded body.
        raise error.for_response("get_dreamina_account", response, bytes(content)).with_traceback(None) from None
    return None


def _parse_error(*, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes) -> ApiError | None:
    """The model of a documented error status; None for any other status and for a body that is
    not the documented one (the status says more than a body off the contract)."""
    try:
        if response.status_code == 401:
            response_401 = ApiError.from_dict(errors.parse_json(response, content))

            return response_401

        if response.status_code == 404:
            response_404 = ApiError.from_dict(errors.parse_json(response, content))

            return response_404

    except errors.ResponseValidationError:
        pass
    return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> ApiError | DreaminaAccount | None:
    """The documented model of this response; None for a status the operation does not document
    and for a documented error status whose body is not the documented one."""
    parsed = _parse_success(client=client, response=response, content=content)
    if parsed is not None:
        return parsed
    return _parse_error(client=client, response=response, content=content)


def _parsed_or_raise(
    *, client: AuthenticatedClient | Client, response: httpx.Response, content: bytes
) -> DreaminaAccount:
    """The success model, or the status's errors.APIStatusError subclass for any other status."""
    parsed = _parse_success(client=client, response=response, content=content)
    if parsed is None:
        error_model = _parse_error(client=client, response=response, content=content)
        raise errors.status_error("get_dreamina_account", response, content, client._secrets(), parsed=error_model)
    return parsed


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
        account (str): The account id, `REGION:email` (for example `US:jane@example.com`), sent
            percent-encoded: `US%3Ajane%40example.com`.
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (200)
            came with a body the contract does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.InvalidPathParameterError: a path parameter is empty, "." or ".."; nothing was sent.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Response[ApiError | DreaminaAccount]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: DreaminaAccount, The account, with live data when Dreamina answered.
            401: ApiError, The API token is missing or invalid.
            404: ApiError, No Dreamina account with this id is configured.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
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
) -> DreaminaAccount:
    """Get one Dreamina account

     Returns the configuration of one linked Dreamina account with its session, the models
    it may use and its credit balance. The `session`, `models` and `credits` fields are
    queried live from Dreamina; when that query fails the answer is a summary without
    them. Calling it once a day also claims the free daily credits.

    Args:
        account (str): The account id, `REGION:email` (for example `US:jane@example.com`), sent
            percent-encoded: `US%3Ajane%40example.com`.
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200); for
            a documented error status (401, 404) its ``parsed`` holds the documented model
            (None when the body is not the documented one).
            The subclass names the status: BadRequestError (400), AuthenticationError (401),
            PaymentRequiredError (402), PermissionDeniedError (403), NotFoundError (404),
            ConflictError (409), UnprocessableEntityError (422), RateLimitError (429, once the
            retries are spent), InternalServerError (5xx), AccountSessionError (596).
        errors.ResponseValidationError: a documented success status came with a body the contract
            does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.InvalidPathParameterError: a path parameter is empty, "." or ".."; nothing was sent.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        DreaminaAccount: the body's model, by status:
            200: DreaminaAccount, The account, with live data when Dreamina answered.
    """

    kwargs = _get_kwargs(
        account=account,
    )

    response, content = client._request(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)


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
        account (str): The account id, `REGION:email` (for example `US:jane@example.com`), sent
            percent-encoded: `US%3Ajane%40example.com`.
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.ResponseValidationError: a documented success status (200)
            came with a body the contract does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.InvalidPathParameterError: a path parameter is empty, "." or ".."; nothing was sent.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        Response[ApiError | DreaminaAccount]: any status, with its code, headers and
        raw content; ``parsed`` is the body's model for a documented status:
            200: DreaminaAccount, The account, with live data when Dreamina answered.
            401: ApiError, The API token is missing or invalid.
            404: ApiError, No Dreamina account with this id is configured.
            any other status, or a documented error status whose body is not the documented one:
                None. sync() and asyncio() return the success model only and raise
                errors.APIStatusError for every other status.
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
) -> DreaminaAccount:
    """Get one Dreamina account

     Returns the configuration of one linked Dreamina account with its session, the models
    it may use and its credit balance. The `session`, `models` and `credits` fields are
    queried live from Dreamina; when that query fails the answer is a summary without
    them. Calling it once a day also claims the free daily credits.

    Args:
        account (str): The account id, `REGION:email` (for example `US:jane@example.com`), sent
            percent-encoded: `US%3Ajane%40example.com`.
        client (AuthenticatedClient | Client): the client that sends the request.

    Raises:
        errors.APIStatusError: any status but the documented success ones (200); for
            a documented error status (401, 404) its ``parsed`` holds the documented model
            (None when the body is not the documented one).
            The subclass names the status: BadRequestError (400), AuthenticationError (401),
            PaymentRequiredError (402), PermissionDeniedError (403), NotFoundError (404),
            ConflictError (409), UnprocessableEntityError (422), RateLimitError (429, once the
            retries are spent), InternalServerError (5xx), AccountSessionError (596).
        errors.ResponseValidationError: a documented success status came with a body the contract
            does not allow.
        errors.ResponseTooLargeError: the body is larger than the client's max_response_bytes.
        errors.InvalidPathParameterError: a path parameter is empty, "." or ".."; nothing was sent.
        errors.APITimeoutError: a timeout of Client.timeout ran out (also an httpx.TimeoutException:
            ConnectTimeout, ReadTimeout, WriteTimeout, PoolTimeout).
        errors.APIConnectionError: the connection failed or broke off, or the body did not
            decompress (also an httpx.TransportError or httpx.DecodingError).
        errors.InvalidURL: the URL would be longer than httpx allows; nothing was sent (also an
            httpx.InvalidURL).

    Returns:
        DreaminaAccount: the body's model, by status:
            200: DreaminaAccount, The account, with live data when Dreamina answered.
    """

    kwargs = _get_kwargs(
        account=account,
    )

    response, content = await client._arequest(kwargs)

    return _parsed_or_raise(client=client, response=response, content=content)
