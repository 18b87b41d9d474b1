"""What `make contract-live` and `make balances` read from the environment, checked.

    USEAPI_TOKEN, IMAGINEPRO_TOKEN         bearer tokens; a host without its token is skipped
    USEAPI_BASE_URL, IMAGINEPRO_BASE_URL   default: the spec's first `servers` URL
    USEAPI_DREAMINA_ACCOUNT, USEAPI_PIXVERSE_EMAIL, USEAPI_FLOWMUSIC_EMAIL
                                           the accounts to query, comma-separated for several
    LIVE_RATE                              requests per second across the run (default 1)
    LIVE_TIMEOUT                           seconds per request, a deadline: sent and its answer read to
                                           the end (default DEFAULT_DEADLINE; the SDK's own timeouts
                                           bound each socket operation within it)
    LIVE_OUT                               output folder (default .build/live/)
    LIVE_UNSAFE_OPERATIONS                 operations called although their method is neither GET nor
                                           HEAD (they may spend credits or change state): comma-separated
                                           `spec.operationId`s, each sent as its first success
                                           recording in tests/recordings/ sends it (default: none)

An empty variable counts as unset (a repository secret that does not exist reaches a workflow
as ""). A bad value raises ConfigError: one line that names the variable and never quotes the
value, which may be a token.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from scripts.core import sdk_calls
from scripts.core.paths import ROOT
from scripts.core.targets import default_base_url


class ConfigError(Exception):
    """A configuration problem, in one line naming the variable at fault."""


@dataclass(frozen=True)
class HostVariables:
    spec_name: str
    token: str
    base_url: str


HOSTS = [
    HostVariables("useapi", "USEAPI_TOKEN", "USEAPI_BASE_URL"),
    HostVariables("imaginepro", "IMAGINEPRO_TOKEN", "IMAGINEPRO_BASE_URL"),
]


@dataclass(frozen=True)
class AccountParameter:
    """The parameter of an operation that names a linked account, and where its values come from."""

    variable: str
    parameter: str  # its name in the spec
    unknown: str  # a value no account can have: example.invalid is reserved (RFC 2606)
    provider: str  # how `make balances` names the service


ACCOUNT_PARAMETERS = {
    ("useapi", "getDreaminaAccount"): AccountParameter(
        "USEAPI_DREAMINA_ACCOUNT", "account", "US:contract-live-nobody@example.invalid", "Dreamina"
    ),
    ("useapi", "getPixverseFeatures"): AccountParameter(
        "USEAPI_PIXVERSE_EMAIL", "email", "contract-live-nobody@example.invalid", "PixVerse"
    ),
    ("useapi", "getFlowMusicAccount"): AccountParameter(
        "USEAPI_FLOWMUSIC_EMAIL", "email", "contract-live-nobody@example.invalid", "Flow Music"
    ),
}

DEFAULT_RATE = 1.0
# Seconds each live request may take in all when LIVE_TIMEOUT is unset: an answer of the SDK's size
# cap (1 MiB) at a slow 64 KiB/s, so only a stalled or dripping upstream reaches it.
DEFAULT_DEADLINE = 16.0
DEFAULT_OUT = ROOT / ".build" / "live"


@dataclass(frozen=True)
class Host:
    spec_name: str
    token_variable: str
    token: str | None
    base_url: str

    @property
    def package(self) -> str:
        return sdk_calls.package_name(self.spec_name)

    def client(self, token: str | None = None, **options: Any) -> Any:
        """The SDK's AuthenticatedClient for this host (its public constructor, as a user builds it)."""
        client_module = importlib.import_module(f"{self.package}.client")
        return client_module.AuthenticatedClient(base_url=self.base_url, token=token or self.token, **options)


@dataclass(frozen=True)
class Config:
    hosts: dict[str, Host]  # by spec name
    accounts: dict[str, list[str]]  # by variable name; absent when unset
    rate: float | None  # requests per second; None: no limit (make bench-live only)
    timeout: httpx.Timeout | None  # None: the SDK's default
    out: Path
    deadline: float = DEFAULT_DEADLINE  # seconds per request on the wire, answer read to the end
    unsafe_operations: frozenset[str] = frozenset()  # `spec.operationId`s opted in to non-GET/HEAD calls

    @property
    def secrets(self) -> list[str]:
        return [host.token for host in self.hosts.values() if host.token]


def _value(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name, "")
    return value if value.strip() else None


def _positive(environ: Mapping[str, str], name: str, what: str) -> float | None:
    text = _value(environ, name)
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and number > 0):
        raise ConfigError(f"{name} must be a positive number ({what})")
    return number


def _base_url(environ: Mapping[str, str], variables: HostVariables) -> str:
    given = _value(environ, variables.base_url)
    if given is None:
        return default_base_url(sdk_calls.spec(variables.spec_name))
    try:
        url = httpx.URL(given.strip())
    except httpx.InvalidURL:
        url = httpx.URL()
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigError(f"{variables.base_url} must be an http:// or https:// URL with a host")
    if url.userinfo:
        raise ConfigError(f"{variables.base_url} must not hold credentials: the token goes in {variables.token}")
    if url.query or url.fragment:
        raise ConfigError(f"{variables.base_url} must not have a query or a fragment")
    return str(url).rstrip("/")


def _host(environ: Mapping[str, str], variables: HostVariables) -> Host:
    host = Host(variables.spec_name, variables.token, _value(environ, variables.token), _base_url(environ, variables))
    if host.token is not None:
        try:
            host.client()  # the SDK refuses a token it cannot send (a trailing newline), without quoting it
        except ValueError as error:
            raise ConfigError(f"{variables.token}: {error}") from None
    return host


def _unsafe_operations(environ: Mapping[str, str]) -> frozenset[str]:
    listed = [item.strip() for item in (_value(environ, "LIVE_UNSAFE_OPERATIONS") or "").split(",") if item.strip()]
    known = {
        f"{variables.spec_name}.{operation.operation_id}"
        for variables in HOSTS
        for operation in sdk_calls.operations(variables.spec_name)
    }
    for number, item in enumerate(listed, start=1):
        if item not in known:
            raise ConfigError(
                f"LIVE_UNSAFE_OPERATIONS: item {number} is not an operation of specs/ "
                "(write spec.operationId, e.g. useapi.getAccount)"
            )
    return frozenset(listed)


def read(environ: Mapping[str, str]) -> Config:
    """The configuration; ConfigError when a variable is malformed or no token is set at all."""
    hosts = {variables.spec_name: _host(environ, variables) for variables in HOSTS}
    if not any(host.token for host in hosts.values()):
        names = " or ".join(variables.token for variables in HOSTS)
        raise ConfigError(f"no token is set: set {names} (or both)")
    accounts = {}
    for account in ACCOUNT_PARAMETERS.values():
        listed = [item.strip() for item in (_value(environ, account.variable) or "").split(",") if item.strip()]
        if listed:
            accounts[account.variable] = listed
    rate = _positive(environ, "LIVE_RATE", "requests per second") or DEFAULT_RATE
    timeout = _positive(environ, "LIVE_TIMEOUT", "seconds per request")
    out = _value(environ, "LIVE_OUT")
    return Config(
        hosts=hosts,
        accounts=accounts,
        rate=rate,
        timeout=httpx.Timeout(timeout) if timeout else None,
        out=Path(out) if out else DEFAULT_OUT,
        deadline=timeout or DEFAULT_DEADLINE,
        unsafe_operations=_unsafe_operations(environ),
    )
