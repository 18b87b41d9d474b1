"""No test opens a connection outside 127.0.0.1: the project's one guard for it.

A pytest plugin, loaded for every run by tests/conftest.py (and with `-p tests.support.network_guard`
by the tests that start pytest themselves). From import on, for the whole process, the socket
patches of tests/support/socket_guard.py refuse any address but 127.0.0.1 (or a Unix socket) with
NetworkBlocked before a packet leaves, and resolve no host name, so no DNS query leaves either.
The attempt is recorded, and the test that made it fails at teardown even when the code under
test caught the error (an SDK maps it to an httpx exception, and a test expecting that exception
would otherwise pass). An attempt outside any test fails the run at its end.

The Python processes a test starts (`make contract-live`, `make mock`, a pytest inside a test,
and theirs in turn) are guarded the same way: this process puts tests/support/guard_site/ on their
PYTHONPATH, whose sitecustomize.py installs the same patches there, and they write each refused
attempt to this process's log (NETWORK_GUARD_LOG), so the test that started them fails too.
Processes that are not Python (git, node, npm) are not covered.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import socket_guard
from tests.support.socket_guard import ALLOWED_HOSTS, LOG_VARIABLE, NetworkBlocked, attempts

__all__ = ["ALLOWED_HOSTS", "NetworkBlocked", "attempts", "expecting_blocked"]

SITE = Path(__file__).parent / "guard_site"


def _start_guarding_children() -> Path:
    """A fresh log for the processes this one starts, and the guard on their PYTHONPATH."""
    handle, name = tempfile.mkstemp(prefix="network-guard-", suffix=".log")
    os.close(handle)
    log = Path(name)
    atexit.register(log.unlink, missing_ok=True)
    os.environ[LOG_VARIABLE] = str(log)
    paths = [str(SITE), *(p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(SITE))]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    return log


socket_guard.install()  # this process keeps its attempts in memory (a worker stops writing to its parent's log)
_children_log = _start_guarding_children()
_children_read = 0  # how much of the log has been reported


def _children_attempts() -> list[tuple[str, str]]:
    global _children_read
    text = _children_log.read_text(encoding="utf-8") if _children_log.exists() else ""
    new, _children_read = text[_children_read:], len(text)
    return [("a process a test started: " + line.split(" ", 1)[0], line.split(" ", 1)[1]) for line in new.splitlines()]


def _take_attempts() -> list[tuple[str, str]]:
    found = [*attempts, *_children_attempts()]
    attempts.clear()
    return found


@contextlib.contextmanager
def expecting_blocked() -> Iterator[list[tuple[str, str]]]:
    """For the guard's own tests: the attempts made inside, by this process or the processes it
    started, are returned, not reported."""
    earlier = _take_attempts()
    seen: list[tuple[str, str]] = []
    try:
        yield seen
    finally:
        seen.extend(_take_attempts())
        attempts.extend(earlier)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield
    found = _take_attempts()
    if found:
        shown = "; ".join(f"{what} {address}" for what, address in found)
        pytest.fail(f"{item.nodeid} tried to reach the network outside 127.0.0.1: {shown}", pytrace=False)


def pytest_sessionfinish(session: pytest.Session) -> None:
    found = _take_attempts()
    if found:
        shown = "; ".join(f"{what} {address}" for what, address in found)
        print(f"\nnetwork guard: outside any test, something tried to reach beyond 127.0.0.1: {shown}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
