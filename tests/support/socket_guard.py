"""The socket patches behind tests/support/network_guard.py, without pytest, so that the Python processes
the tests start can load them too (tests/support/guard_site/sitecustomize.py).

`install()` replaces `socket.socket.connect`, `connect_ex` and `sendto`, and `socket.getaddrinfo`:
any address but 127.0.0.1 (or a Unix socket) is refused with NetworkBlocked before a packet
leaves, and no host name is resolved, so no DNS query leaves either. Each attempt is kept in
`attempts`; in a process started by a test, it is also appended to the file named by
NETWORK_GUARD_LOG, which the test's own process reads.
"""

from __future__ import annotations

import os
import socket
from typing import Any

ALLOWED_HOSTS = frozenset({"127.0.0.1"})
LOG_VARIABLE = "NETWORK_GUARD_LOG"

# Attempts not yet reported: (what was called, the address).
attempts: list[tuple[str, str]] = []
_log: str | None = None  # where this process writes its attempts for the process that started it


class NetworkBlocked(RuntimeError):
    """A test tried to reach an address outside 127.0.0.1."""


def _refuse(what: str, address: Any) -> None:
    attempts.append((what, repr(address)))
    if _log:
        with open(_log, "a", encoding="utf-8") as log:
            log.write(f"{what} {address!r} (process {os.getpid()})\n")
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


def install(log: str | None = None) -> None:
    """Patch the socket module; log: the file to append attempts to (a process a test started)."""
    global _log
    _log = log
    socket.socket.connect = _connect  # type: ignore[method-assign, assignment]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign, assignment]
    socket.socket.sendto = _sendto  # type: ignore[method-assign, assignment]
    socket.getaddrinfo = _getaddrinfo
