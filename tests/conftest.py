"""Fixtures shared by the SDK behaviour tests; the network guard for every test."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator

import pytest

from scripts.fixtures.fake_upstream import FakeUpstream
from scripts.fixtures.recorded_calls import CALLS, JSON_CALLS, OperationCall
from scripts.replay.serve import serving
from tests.support.raw_server import RawServer

# No test reaches beyond 127.0.0.1; see tests/support/network_guard.py.
pytest_plugins = ["tests.support.network_guard"]


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers a core (at most 16). Many tests wait on a timeout or a server rather
    than compute; on 2 cores, pytest took 50 s with 4 workers and 67 s with 2."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(2 * cores, 16)


@pytest.fixture(params=CALLS, ids=lambda call: call.id)
def call(request: pytest.FixtureRequest) -> OperationCall:
    """Each operation of both SDKs, in turn."""
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(params=JSON_CALLS, ids=lambda call: call.id)
def json_call(request: pytest.FixtureRequest) -> OperationCall:
    """Each operation whose success answers JSON (not a download or a text), in turn."""
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def replay_server() -> Iterator[str]:
    """The replay app over real HTTP on 127.0.0.1, for a module's tests."""
    with serving(wait_for_stop=False) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def fake_upstream() -> Iterator[tuple[FakeUpstream, str]]:
    """The fake upstream of both hosts over real HTTP on 127.0.0.1, and its base URL."""
    app = FakeUpstream()
    with serving(app, wait_for_stop=False) as base_url:
        yield app, base_url


@pytest.fixture(scope="module")
def raw_server() -> Iterator[RawServer]:
    """A raw HTTP server on 127.0.0.1 that answers what each test tells it, however malformed."""
    with RawServer() as server:
        yield server


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the waits between retries instead of sleeping them."""
    recorded: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    # Replace the SDKs' own waits only: a server thread elsewhere keeps its real sleep.
    for package in sorted({call.package for call in CALLS}):
        client_module = importlib.import_module(f"{package}.client")
        monkeypatch.setattr(client_module, "_retry_sleep", recorded.append)
        monkeypatch.setattr(client_module, "_retry_asleep", fake_async_sleep)
    return recorded
