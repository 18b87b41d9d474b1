"""Retries are logged by the SDK, and the token is scrubbed before any logger sees a failure.

- Each retry is one INFO line of the SDK's logger (WARNING when none is left) naming the
  operation, the attempt and the status or the exception's class; on every transport.
- A failure whose message quotes the token (a parser quoting an echoed line) is scrubbed before
  httpx-retries logs it: every line is checked as it is emitted, DEBUG and up.
- Scrubbing replaces whole occurrences of the token only: a short token leaves words alone.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator

import httpx
import pytest
from httpx_retries import Retry
from hypothesis import given
from hypothesis import strategies as st

from scripts.fixtures.recorded_calls import CALLS_BY_ID, TOKEN
from tests.support.logs import EmittedLines, emitted_lines
from tests.support.raw_server import RawServer, http_answer
from tests.support.transports import TRANSPORTS, run_parsed, transport_options

DREAMINA = CALLS_BY_ID["useapi.getDreaminaAccount"]


@pytest.fixture
def emitted() -> Iterator[EmittedLines]:
    with emitted_lines(logging.DEBUG) as lines:
        yield lines


def echo_token_in_status_line(request: bytes) -> bytes:
    authorization = next(line for line in request.split(b"\r\n") if line.lower().startswith(b"authorization:"))
    return b"HTTP/1.1 2OO " + authorization + b"\r\ncontent-length: 0\r\n\r\n"


async def call(client: object, transport: str) -> None:
    try:
        await run_parsed(DREAMINA, client, "sync" if transport == "sync" else "async")
    finally:
        if transport != "sync":
            await client.get_async_httpx_client().aclose()  # type: ignore[attr-defined]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_retried_failure_is_scrubbed_before_it_is_logged(transport: str, emitted: EmittedLines) -> None:
    retry = Retry(total=1, retry_on_exceptions=[httpx.RemoteProtocolError])
    with RawServer() as server:
        server.answer = echo_token_in_status_line
        client = DREAMINA.client(base_url=server.base_url, retry=retry, **transport_options(transport))
        with pytest.raises(httpx.RemoteProtocolError) as raised:
            await call(client, transport)
    assert TOKEN not in str(raised.value) and "2OO" not in str(raised.value), "a fixed message, quoting nothing"
    quoted = [line for line in emitted.lines if line.startswith("DEBUG httpcore") and "[token]" in line]
    assert quoted or transport == "aiohttp", "httpcore logged no failure: the check is blind"
    for line in emitted.lines:
        assert TOKEN not in line, line
    assert (
        "INFO useapi_client get_dreamina_account: attempt 1 of 2 failed with RemoteProtocolError; retrying"
        in emitted.lines
    )
    assert raised.value.attempts == 2  # type: ignore[attr-defined]


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_short_token_leaves_messages_readable(transport: str) -> None:
    with socket.socket() as probe:  # bound, never listening: connecting is refused
        probe.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{probe.getsockname()[1]}"
        client = DREAMINA.package_module("client").AuthenticatedClient(
            base_url=refused, token="t", retry=None, **transport_options(transport)
        )
        with pytest.raises(httpx.ConnectError) as raised:
            await call(client, transport)
    message = str(raised.value)
    assert "[token]" not in message and "connect" in message.lower(), message


WORD_CHARACTERS = st.sampled_from("abct-_0")


@given(
    token=st.text(alphabet="abct-_0:.", min_size=1, max_size=4).filter(
        lambda t: t[0] not in "-_" and t[-1] not in "-_"
    ),
    before=st.text(alphabet="abct -_0:.'\"", max_size=12),
    after=st.text(alphabet="abct -_0:.'\"", max_size=12),
)
def test_scrubbing_replaces_whole_tokens_only(token: str, before: str, after: str) -> None:
    scrub = DREAMINA.errors.scrub
    separated = f"{before} {token} {after}"
    assert " [token] " in scrub(separated, [token])
    glued = f"x{token}x"
    assert scrub(glued, [token]) == glued, "a token inside a word is not the token"
    assert TOKEN not in scrub(f"Bearer {TOKEN}.", [TOKEN])


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_a_retry_after_header_is_logged_as_seconds_only(transport: str, emitted: EmittedLines) -> None:
    echo = f"Bearer {TOKEN} jane@example.com"
    answer = http_answer("429 Too Many Requests", b"{}", f"retry-after: {echo}", content_type="application/json")
    with RawServer() as server:
        server.answer = lambda request: answer
        client = DREAMINA.client(base_url=server.base_url, retry=Retry(total=1), **transport_options(transport))
        with pytest.raises(DREAMINA.errors.RateLimitError):
            await call(client, transport)
    retries = [line for line in emitted.lines if line.startswith(("INFO useapi_client", "WARNING useapi_client"))]
    assert retries == [
        "INFO useapi_client get_dreamina_account: attempt 1 of 2 answered 429 Too Many Requests; retrying",
        "WARNING useapi_client get_dreamina_account: attempt 2 of 2 answered 429 Too Many Requests; no retries left",
    ]
