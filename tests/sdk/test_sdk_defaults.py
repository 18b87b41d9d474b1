"""The SDK defaults live in one place, each package's _constants.py: the client uses them and
both READMEs quote them as they are."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import httpx
import pytest

from scripts.core import specs
from scripts.core.paths import ROOT
from scripts.core.targets import Target, targets
from tests.support.transports import httpcore_pool_of

TARGETS = targets()


def constants(target: Target) -> ModuleType:
    import importlib

    return importlib.import_module(f"{target.package_name}._constants")


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_the_client_uses_the_constants(target: Target) -> None:
    import importlib

    defaults = constants(target)
    client_module = importlib.import_module(f"{target.package_name}.client")
    client = client_module.AuthenticatedClient(base_url="https://api.example.com", token="REDACTED")
    assert client_module.DEFAULT_TIMEOUT is defaults.DEFAULT_TIMEOUT
    assert client.get_httpx_client().timeout == client.get_async_httpx_client().timeout == defaults.DEFAULT_TIMEOUT
    assert client.get_httpx_client().headers["accept-encoding"] == defaults.ACCEPT_ENCODING
    assert client._max_response_bytes == defaults.DEFAULT_MAX_RESPONSE_BYTES
    assert client.deadline == defaults.DEADLINE_READ_TIMEOUTS * defaults.DEFAULT_TIMEOUT.read
    retry = client_module.default_retry()
    assert retry.total == defaults.DEFAULT_MAX_RETRIES
    assert set(retry.status_forcelist) == set(defaults.RETRY_STATUSES)
    assert set(retry.retryable_exceptions) == set(defaults.RETRY_EXCEPTIONS)
    assert retry.max_backoff_wait == defaults.MAX_RETRY_WAIT
    assert retry.backoff_factor == defaults.RETRY_BACKOFF_FACTOR
    limits: httpx.Limits = defaults.DEFAULT_LIMITS
    for httpx_client in (client.get_httpx_client(), client.get_async_httpx_client()):
        pool = httpcore_pool_of(httpx_client)
        assert (pool._max_connections, pool._max_keepalive_connections) == (
            limits.max_connections,
            limits.max_keepalive_connections,
        )
        assert pool._keepalive_expiry == limits.keepalive_expiry


def quotes(defaults: ModuleType) -> list[str]:
    """How the READMEs state each default."""
    timeout: httpx.Timeout = defaults.DEFAULT_TIMEOUT
    *others, last = defaults.RETRY_STATUSES
    factor = defaults.DEADLINE_READ_TIMEOUTS
    limits: httpx.Limits = defaults.DEFAULT_LIMITS
    kept = "all" if limits.max_keepalive_connections == limits.max_connections else limits.max_keepalive_connections
    return [
        f"{timeout.read:g} s to read",
        f"{timeout.connect:g} s to connect",
        f"{factor} times the read timeout ({factor * timeout.read:g} s",
        f"at most {defaults.DEFAULT_MAX_RETRIES} retries",
        f"{', '.join(map(str, others))} and {last}",
        f"up to {defaults.RETRY_BACKOFF_FACTOR * 2:g} s, then up to {defaults.RETRY_BACKOFF_FACTOR * 4:g} s",
        f"up to {defaults.MAX_RETRY_WAIT:g} s",
        f"{defaults.DEFAULT_MAX_RESPONSE_BYTES // 2**20} MiB",
        f"{defaults.DEFAULT_MAX_DOWNLOAD_BYTES // 2**20} MiB",
        f"{defaults.MAX_JSON_DEPTH} levels",
        f"Up to {limits.max_connections} connections per client, {kept} kept open while idle for "
        f"{limits.keepalive_expiry:g} s",
    ]


@pytest.mark.parametrize(
    ("target", "readme"),
    [(t, ROOT / "README.md") for t in TARGETS] + [(t, t.output_dir / "README.md") for t in TARGETS],
    ids=[f"README.md-{t.name}" for t in TARGETS] + [f"{t.project_name}-README.md" for t in TARGETS],
)
def test_the_readmes_quote_the_defaults(target: Target, readme: Path) -> None:
    text = " ".join(readme.read_text(encoding="utf-8").split())
    missing = [quote for quote in quotes(constants(target)) if quote not in text]
    assert not missing, f"{readme.relative_to(ROOT)} does not say: {missing}"


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_a_token_is_all_a_client_needs_and_it_goes_to_the_specs_first_server(target: Target) -> None:
    import importlib

    client_module = importlib.import_module(f"{target.package_name}.client")
    server = specs.load(target.spec_path).document["servers"][0]["url"]
    assert server == constants(target).DEFAULT_BASE_URL
    for client in (client_module.AuthenticatedClient(token="REDACTED"), client_module.Client()):
        assert client.get_httpx_client().base_url == httpx.URL(server)
        assert client.get_async_httpx_client().base_url == httpx.URL(server)
    positional = client_module.AuthenticatedClient("http://127.0.0.1:8080", "REDACTED")  # as before the default
    assert positional.get_httpx_client().base_url == httpx.URL("http://127.0.0.1:8080")


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_a_client_without_a_token_says_which_argument_is_missing(target: Target) -> None:
    import importlib

    package = importlib.import_module(target.package_name)
    with pytest.raises(package.errors.InvalidTokenError, match=r"no token: pass token="):
        package.AuthenticatedClient()
