"""Timeouts and retries of both SDKs, sync and async.

Timeouts are finite by default and overridable per client; a stalled server on 127.0.0.1
makes a call fail fast. Retries are on by default: at most 2, on connect errors and on 429,
502, 503 and 504, with jittered exponential backoff and Retry-After honoured up to a cap.
Clients that verify TLS the same way share one TLS context: the CA bundle is loaded once.
"""

from __future__ import annotations

import shutil
import ssl
import string
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock
from urllib.parse import quote

import certifi
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from useapi_client._constants import DEFAULT_MAX_RETRIES, MAX_RETRY_WAIT  # the same in both SDKs

from scripts.fixtures.recorded_calls import CALLS_BY_ID, OperationCall
from scripts.replay.app import ReplayApp
from scripts.replay.serve import serving
from tests.support.transports import MODES, TRANSPORTS, httpcore_pool_of, json_response, transport_options
from tests.support.upstream_mock import mock_upstream

DREAMINA = CALLS_BY_ID["useapi.getDreaminaAccount"]
IMAGINEPRO = CALLS_BY_ID["imaginepro.getAccountInfo"]


@pytest.fixture(params=[DREAMINA, IMAGINEPRO], ids=lambda call: call.id)
def call(request: pytest.FixtureRequest) -> OperationCall:
    """One operation per SDK: every call of a package goes through the same transport."""
    return request.param  # type: ignore[no-any-return]


def ok(call: OperationCall) -> httpx.Response:
    return json_response(200, call.recording.body_text)


# --- timeouts --------------------------------------------------------------------------------


def test_default_timeout_is_finite(call: OperationCall) -> None:
    client = call.client()
    default = call.package_module("_constants").DEFAULT_TIMEOUT
    for timeout in (client.get_httpx_client().timeout, client.get_async_httpx_client().timeout):
        assert timeout == default
        assert None not in (timeout.connect, timeout.read, timeout.write, timeout.pool)


def test_timeout_is_overridable_per_client(call: OperationCall) -> None:
    assert call.client(timeout=5.0).get_httpx_client().timeout == httpx.Timeout(5.0)
    custom = httpx.Timeout(2.0, connect=1.0)
    assert call.client(timeout=custom).get_async_httpx_client().timeout == custom
    assert call.client().with_timeout(7.5).get_httpx_client().timeout == httpx.Timeout(7.5)
    default = call.package_module("_constants").DEFAULT_TIMEOUT
    assert call.client().get_httpx_client().timeout == default, "default changed"


@pytest.fixture(scope="module")
def stalled_server() -> Iterator[str]:
    with serving(ReplayApp(latency=5.0), wait_for_stop=False) as base_url:
        yield base_url


@pytest.mark.parametrize("mode", MODES)
async def test_stalled_server_times_out_without_retrying(stalled_server: str, mode: str) -> None:
    client = DREAMINA.client(base_url=stalled_server, timeout=httpx.Timeout(0.2, connect=1.0))
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        await DREAMINA.run(client, mode)
    assert time.monotonic() - started < 1.5, "a read timeout must not be retried"


# --- retries ---------------------------------------------------------------------------------


def test_default_retry_policy(call: OperationCall) -> None:
    retry = call.package_module("client").default_retry()
    defaults = call.package_module("_constants")
    assert retry.total == defaults.DEFAULT_MAX_RETRIES
    assert set(retry.status_forcelist) == set(defaults.RETRY_STATUSES)
    assert set(retry.retryable_exceptions) == set(defaults.RETRY_EXCEPTIONS)
    assert retry.respect_retry_after_header and retry.max_backoff_wait == defaults.MAX_RETRY_WAIT
    assert retry.backoff_factor > 0 and retry.backoff_jitter == 1.0


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [429, 502, 503, 504])
async def test_retryable_status_is_retried(call: OperationCall, mode: str, status: int, sleeps: list[float]) -> None:
    with mock_upstream() as router:
        route = router.route().mock(side_effect=[json_response(status, '{"error": "busy"}'), ok(call)])
        response = await call.run(call.client(), mode)
    assert route.call_count == 2
    assert response.status_code == 200 and response.parsed is not None


@pytest.mark.parametrize("mode", MODES)
async def test_at_most_two_retries_then_the_last_answer(call: OperationCall, mode: str, sleeps: list[float]) -> None:
    with mock_upstream() as router:
        route = router.route().mock(return_value=json_response(503, "<html>down</html>", "text/html"))
        response = await call.run(call.client(), mode)
    assert route.call_count == 1 + DEFAULT_MAX_RETRIES
    assert response.status_code == 503 and response.parsed is None
    assert len(sleeps) == DEFAULT_MAX_RETRIES


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [400, 401, 404, 500, 596])
async def test_other_statuses_are_not_retried(call: OperationCall, mode: str, status: int) -> None:
    with mock_upstream() as router:
        answer = json_response(status, '{"error": "no", "message": "no", "statusCode": 1}')
        route = router.route().mock(return_value=answer)
        response = await call.run(call.client(), mode)
    assert route.call_count == 1
    assert response.status_code == status


@pytest.mark.parametrize("mode", MODES)
async def test_connect_errors_are_retried(call: OperationCall, mode: str, sleeps: list[float]) -> None:
    failure = httpx.ConnectError("connection refused")
    with mock_upstream() as router:
        route = router.route().mock(side_effect=[failure, httpx.ConnectTimeout("slow"), ok(call)])
        response = await call.run(call.client(), mode)
    assert route.call_count == 3
    assert response.parsed is not None


@pytest.mark.parametrize("mode", MODES)
async def test_connect_error_surfaces_once_retries_are_spent(
    call: OperationCall, mode: str, sleeps: list[float]
) -> None:
    with mock_upstream() as router:
        route = router.route().mock(side_effect=httpx.ConnectError("connection refused"))
        with pytest.raises(httpx.ConnectError):
            await call.run(call.client(), mode)
    assert route.call_count == 3


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("retry_after", "expected_wait"), [("3", 3.0), ("3600", MAX_RETRY_WAIT)])
async def test_retry_after_is_honoured_up_to_the_cap(
    call: OperationCall, mode: str, retry_after: str, expected_wait: float, sleeps: list[float]
) -> None:
    busy = json_response(429, '{"error": "all accounts busy"}', **{"retry-after": retry_after})
    with mock_upstream() as router:
        router.route().mock(side_effect=[busy, ok(call)])
        response = await call.run(call.client(), mode)
    assert response.status_code == 200
    assert sleeps == [expected_wait]


@pytest.mark.parametrize("mode", MODES)
async def test_backoff_doubles_with_full_jitter(
    call: OperationCall, mode: str, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx_retries.retry

    jitter_ranges: list[tuple[float, float]] = []

    def highest(low: float, high: float) -> float:  # the jitter factor's upper end, recorded
        jitter_ranges.append((low, high))
        return high

    monkeypatch.setattr(httpx_retries.retry, "random", SimpleNamespace(uniform=highest))
    down = json_response(503, "down", "text/plain")
    with mock_upstream() as router:
        router.route().mock(side_effect=[down, down, ok(call)])
        response = await call.run(call.client(), mode)
    assert response.status_code == 200
    assert sleeps == [0.5, 1.0], "the longest waits before the first and the second retry"
    assert jitter_ranges == [(0.0, 1.0), (0.0, 1.0)], "full jitter: each wait is scaled by a random factor in [0, 1]"


@pytest.mark.parametrize("mode", MODES)
async def test_retries_can_be_turned_off_or_changed(call: OperationCall, mode: str, sleeps: list[float]) -> None:
    from httpx_retries import Retry

    with mock_upstream() as router:
        route = router.route().mock(return_value=json_response(503, "down", "text/plain"))
        await call.run(call.client(retry=None), mode)
        assert route.call_count == 1
        await call.run(call.client(retry=Retry(total=4, status_forcelist=[503])), mode)
        assert route.call_count == 1 + 5


@pytest.mark.parametrize("mode", MODES)
async def test_a_transport_given_in_httpx_args_is_retried_too(
    call: OperationCall, mode: str, sleeps: list[float]
) -> None:
    answers = iter([json_response(502, "bad gateway", "text/plain"), ok(call)])
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(answers)

    response = await call.run(call.client(httpx_args={"transport": httpx.MockTransport(handler)}), mode)
    assert len(seen) == 2 and response.status_code == 200


# --- TLS contexts --------------------------------------------------------------------------------


@pytest.fixture
def bundle_loads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Any]:
    """The CA files loaded from here on; SSL_CERT_FILE names a bundle no earlier test has used."""
    loads: list[Any] = []
    load = ssl.SSLContext.load_verify_locations

    def counting(context: ssl.SSLContext, cafile: Any = None, *args: Any, **kwargs: Any) -> None:
        loads.append(cafile)
        load(context, cafile, *args, **kwargs)

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", counting)
    bundle = tmp_path / "bundle.pem"
    shutil.copyfile(certifi.where(), bundle)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    return loads


def tls_context_of(client: Any, transport: str) -> ssl.SSLContext:
    http = client.get_httpx_client() if transport == "sync" else client.get_async_httpx_client()
    if transport == "aiohttp":
        inner: Any = http._transport
        while not hasattr(inner, "_ssl"):
            inner = inner._transport
        context: ssl.SSLContext = inner._ssl
        return context
    pool_context: ssl.SSLContext = httpcore_pool_of(http)._ssl_context
    return pool_context


@pytest.mark.parametrize("call", [DREAMINA, IMAGINEPRO], ids=lambda call: call.id)
def test_clients_verifying_alike_load_the_ca_bundle_once(call: OperationCall, bundle_loads: list[Any]) -> None:
    """A client per account must not cost a CA bundle load (about 30 ms of CPU) each."""
    built = [(call.client(base_url="https://api.example.com", **transport_options(t)), t) for t in TRANSPORTS * 10]
    contexts = {id(tls_context_of(client, transport)) for client, transport in built}
    assert len(contexts) == 1, "one context for 30 clients on three transports"
    assert [Path(cafile).name for cafile in bundle_loads] == ["bundle.pem"], "loaded once, from SSL_CERT_FILE"
    context = tls_context_of(*built[0])
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_each_verify_setting_gets_its_own_context(
    transport: str, bundle_loads: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def context(**options: Any) -> ssl.SSLContext:
        client = DREAMINA.client(base_url="https://api.example.com", **options, **transport_options(transport))
        return tls_context_of(client, transport)

    verified, unverified = context(), context(verify_ssl=False)
    assert verified is not unverified and unverified.verify_mode == ssl.CERT_NONE
    own = ssl.create_default_context()
    assert context(verify_ssl=own) is own, "a context given is used as it is"
    other_bundle = tmp_path / "other.pem"
    shutil.copyfile(certifi.where(), other_bundle)
    monkeypatch.setenv("SSL_CERT_FILE", str(other_bundle))
    assert context() is not verified, "SSL_CERT_FILE is read when a client is built"
    assert context() is context()
    assert [Path(cafile).name for cafile in bundle_loads if cafile] == ["bundle.pem", "other.pem"]


# --- the endpoint's path joined to the base URL -------------------------------------------------

_URL_TEXT = st.text(alphabet=string.ascii_letters + string.digits + "-._~%:@!$&'()*+,;= /?#é", max_size=8)


_BASE_ORIGINS = [
    "http://127.0.0.1:8080",
    "https://api.example.com",
    "HTTPS://API.Example.COM:443",
    "http://[::1]:9",
    "https://user:p%40ss@example.com:8443",
]


def _built_or_failure(build: Callable[[], httpx.Request]) -> tuple[object, ...] | str:
    """Everything a built request is made of, or the failure's class."""
    try:
        request = build()
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        return type(error).__name__
    url = request.url
    parts = (url.scheme, url.userinfo, url.host, url.port, url.raw_path, url.path, url.query, url.fragment)
    body = (request.content, type(request.stream), b"".join(request.stream))  # type: ignore[arg-type]
    return (
        str(url),
        url.netloc,
        *parts,
        request.method,
        request.headers.raw,
        request.extensions,
        *body,
        sorted(vars(request)),
    )


@settings(max_examples=300, deadline=None)
@given(
    origin=st.sampled_from(_BASE_ORIGINS),
    base_path=st.lists(_URL_TEXT, max_size=3),
    segments=st.lists(
        st.one_of(st.text(max_size=10).map(lambda text: quote(text, safe="")), _URL_TEXT), min_size=1, max_size=4
    ),
    parts_known=st.booleans(),
)
def test_the_sdk_joins_a_path_to_the_base_url_as_httpx_does(
    origin: str, base_path: list[str], segments: list[str], parts_known: bool
) -> None:
    """The client joins an endpoint's path to the base URL itself (at most one URL parse instead of
    httpx's two; none on the httpx versions whose URL parts it knows); differential: the URL and
    headers httpx's own join gives, for any origin, base path and path, on either way of joining."""
    client_module = DREAMINA.package_module("client")
    unused = httpx.MockTransport(lambda request: httpx.Response(204))  # building a client's own loads TLS
    with (
        mock.patch.object(
            client_module, "_HTTPX_INTERNALS_KNOWN", parts_known and client_module._HTTPX_INTERNALS_KNOWN
        ),
        httpx.Client(base_url=origin + "/" + "/".join(base_path), transport=unused) as client,
    ):
        path = "/" + "/".join(segments)
        ours = _built_or_failure(lambda: client_module._built(client, {"method": "GET", "url": path}))
        assert ours == _built_or_failure(lambda: client.build_request("GET", path))


@pytest.mark.parametrize("length", [4095, 4096, 4097, 65_535, 65_536, 65_537, 100_000])
def test_a_long_path_is_joined_or_refused_as_httpx_does(length: int) -> None:
    client_module = DREAMINA.package_module("client")
    unused = httpx.MockTransport(lambda request: httpx.Response(204))
    with httpx.Client(base_url="https://api.example.com", transport=unused) as client:
        path = "/" + "x" * (length - 1)
        ours = _built_or_failure(lambda: client_module._built(client, {"method": "GET", "url": path}))
        assert ours == _built_or_failure(lambda: client.build_request("GET", path))


class _OwnBuilder(httpx.Client):
    def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
        request = super().build_request(*args, **kwargs)
        request.headers["X-Built-By"] = "the application"
        return request


_PATH = "/v1/accounts/US%3Ajane%40example.com"
_CLIENT_SHAPES: dict[str, dict[str, Any]] = {
    "plain": {},
    "headers": {"headers": {"Authorization": "Bearer REDACTED", "X-Trace": "1"}},
    "its own host": {"headers": {"Host": "api.example.com:443", "Content-Type": "application/json"}},
    "cookies": {"cookies": {"session": "REDACTED"}},
    "params": {"params": {"api-version": "2"}},
    "timeout": {"timeout": httpx.Timeout(3.0, pool=None)},
    "own builder": {"builder": _OwnBuilder},
}
_REQUEST_SHAPES: dict[str, dict[str, Any]] = {
    "get": {"method": "get"},
    "GET with extensions": {"method": "GET", "extensions": {"useapi_client.operation": "get_account"}},
    "its own timeout": {
        "method": "get",
        "extensions": {"timeout": {"connect": 1.0, "read": 2.0, "write": 3.0, "pool": 4.0}},
    },
    "head": {"method": "head"},
    "delete": {"method": "delete"},
    "options": {"method": "OPTIONS"},
    "post without a body": {"method": "post"},
    "put without a body": {"method": "put"},
    "patch without a body": {"method": "patch"},
    "post json": {"method": "post", "json": {"name": "x"}},
    "query": {"method": "get", "params": {"limit": 5}},
    "headers": {"method": "get", "headers": {"X-Account": "a", "Authorization": "Bearer OTHER"}},
    "cookies": {"method": "get", "cookies": {"c": "1"}},
}


@pytest.mark.parametrize("internals_known", [True, False], ids=["shortcut", "httpx's way"])
@pytest.mark.parametrize("request_shape", _REQUEST_SHAPES, ids=str)
@pytest.mark.parametrize("client_shape", _CLIENT_SHAPES, ids=str)
def test_the_sdk_builds_a_request_as_httpx_does(client_shape: str, request_shape: str, internals_known: bool) -> None:
    """Differential: every attribute of the request the SDK builds (a shortcut for a plain one)
    equals httpx's build_request's, for any client set-up and request shape."""
    client_module = DREAMINA.package_module("client")
    client_args = dict(_CLIENT_SHAPES[client_shape])
    builder = client_args.pop("builder", httpx.Client)
    unused = httpx.MockTransport(lambda request: httpx.Response(204))
    with (
        mock.patch.object(
            client_module, "_HTTPX_INTERNALS_KNOWN", internals_known and client_module._HTTPX_INTERNALS_KNOWN
        ),
        builder(base_url="https://api.example.com/base", transport=unused, **client_args) as client,
    ):
        request = {"url": _PATH, **_REQUEST_SHAPES[request_shape]}
        ours = _built_or_failure(lambda: client_module._built(client, dict(request)))
        assert ours == _built_or_failure(lambda: client.build_request(**request))


_HEADER_NAMES = ["Host", "host", "Content-Type", "Content-Length", "Transfer-Encoding", "Cookie", "Accept", "X-Any"]


@settings(max_examples=200, deadline=None)
@given(
    client_headers=st.lists(
        st.tuples(st.sampled_from(_HEADER_NAMES), st.text(alphabet=string.ascii_letters + " .:;=", max_size=12)),
        max_size=4,
    ),
    method=st.sampled_from(["GET", "get", "HEAD", "OPTIONS", "delete", "POST", "put", "PATCH", "TRACE"]),
    own_timeout=st.booleans(),
)
def test_any_client_headers_and_method_build_as_httpx_does(
    client_headers: list[tuple[str, str]], method: str, own_timeout: bool
) -> None:
    """Differential, property-based: the client's headers (a Host, a length, a cookie of its
    own, in any casing, repeated) and the method drawn; the request equals build_request's."""
    client_module = DREAMINA.package_module("client")
    unused = httpx.MockTransport(lambda request: httpx.Response(204))
    with httpx.Client(base_url="https://api.example.com", headers=client_headers, transport=unused) as client:
        extensions = {"timeout": {"connect": 1.0, "read": 2.0, "write": None, "pool": 4.0}} if own_timeout else {}
        request: dict[str, Any] = {"method": method, "url": _PATH, "extensions": extensions}
        ours = _built_or_failure(lambda: client_module._built(client, dict(request)))
        assert ours == _built_or_failure(lambda: client.build_request(**request))


def test_a_plain_request_is_built_apart_from_the_endpoints_arguments() -> None:
    """The built request's extensions are a copy, as httpx's are: counting its attempts adds
    nothing to what the endpoint passed in."""
    client_module = DREAMINA.package_module("client")
    with httpx.Client(
        base_url="https://api.example.com", transport=httpx.MockTransport(lambda r: httpx.Response(204))
    ) as client:
        extensions = {"timeout": {"connect": 1.0, "read": 2.0, "write": 3.0, "pool": 4.0}}
        built = client_module._built(client, {"method": "get", "url": _PATH, "extensions": extensions})
        built.extensions["attempts"] = 1
        assert list(extensions) == ["timeout"]


def test_httpx_internals_are_used_on_the_httpx_versions_tested() -> None:
    client_module = DREAMINA.package_module("client")
    assert (httpx.__version__ in client_module._TESTED_HTTPX_VERSIONS) == client_module._HTTPX_INTERNALS_KNOWN
