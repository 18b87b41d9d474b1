"""No test opens a connection outside 127.0.0.1: the project's one guard for it.

A pytest plugin, loaded for every run by tests/conftest.py (and with `-p tests.network_guard`
by the tests that start pytest themselves). From import on, for the whole process, it replaces
`socket.socket.connect`, `connect_ex` and `sendto`, and `socket.getaddrinfo`: any address but
127.0.0.1 (or a Unix socket) is refused with NetworkBlocked before a packet leaves, and no host
name is resolved, so no DNS query leaves either. The attempt is recorded, and the test that
made it fails at teardown even when the code under test caught the error (an SDK maps it to
an httpx exception, and a test expecting that exception would otherwise pass). An attempt
outside any test fails the run at its end.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from typing import Any

import pytest

ALLOWED_HOSTS = frozenset({"127.0.0.1"})

# Attempts not yet reported: (what was called, the address).
attempts: list[tuple[str, str]] = []


class NetworkBlocked(RuntimeError):
    """A test tried to reach an address outside 127.0.0.1."""


def _refuse(what: str, address: Any) -> None:
    attempts.append((what, repr(address)))
    raise NetworkBlocked(f"tests may only connect to 127.0.0.1; {what} tried {address!r}")


def _check(sock: socket.socket, address: Any, what: str) -> None:
    if sock.family == getattr(socket, "AF_UNIX", None):
        return
    if not (isinstance(address, tuple) and address and address[0] in ALLOWED_HOSTS):
        sock.close()  # the caller's `except OSError` cleanup does not run for this error
        _refuse(what, address)


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_sendto = socket.socket.sendto
_real_getaddrinfo = socket.getaddrinfo


def _connect(self: socket.socket, address: Any) -> None:
    _check(self, address, "socket.connect")
    _real_connect(self, address)


def _connect_ex(self: socket.socket, address: Any) -> int:
    _check(self, address, "socket.connect_ex")
    return _real_connect_ex(self, address)


def _sendto(self: socket.socket, data: Any, *args: Any) -> int:
    _check(self, args[-1], "socket.sendto")
    return _real_sendto(self, data, *args)


def _getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    text = host.decode() if isinstance(host, bytes) else host
    if text is not None and text not in ALLOWED_HOSTS:
        _refuse("socket.getaddrinfo", host)
    return _real_getaddrinfo(host, *args, **kwargs)


def install() -> None:
    socket.socket.connect = _connect  # type: ignore[method-assign, assignment]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign, assignment]
    socket.socket.sendto = _sendto  # type: ignore[method-assign, assignment]
    socket.getaddrinfo = _getaddrinfo


install()


@contextlib.contextmanager
def expecting_blocked() -> Iterator[list[tuple[str, str]]]:
    """For the guard's own tests: the attempts made inside are returned, not reported."""
    start = len(attempts)
    seen: list[tuple[str, str]] = []
    try:
        yield seen
    finally:
        seen.extend(attempts[start:])
        del attempts[start:]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield
    if attempts:
        found = "; ".join(f"{what} {address}" for what, address in attempts)
        attempts.clear()
        pytest.fail(f"{item.nodeid} tried to reach the network outside 127.0.0.1: {found}", pytrace=False)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if attempts:
        found = "; ".join(f"{what} {address}" for what, address in attempts)
        print(f"\nnetwork guard: outside any test, something tried to reach beyond 127.0.0.1: {found}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
