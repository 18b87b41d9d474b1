"""A raw HTTP/1.1 server on 127.0.0.1 for answers no well-behaved server gives.

The test sets `answer`, a function from the request's bytes (head and whole body, read to its
content-length or last chunk) to the bytes to send back, to RESET (a TCP reset) or DROP (close
without a word), or to a Drip (bytes sent a few at a time, for a server that never quite stops
answering). Every request is recorded as received, byte for byte. One connection per request:
the server closes it after answering (well-formed answers say `connection: close`, so no client
reuses it), unless `keep_alive` is set.
The server stops when its `with` block ends; its threads are daemons.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self

RESET = b"<reset>"
DROP = b"<drop>"


@dataclass(frozen=True)
class Drip:
    """`head` at once, then `data` in pieces of `size` bytes every `every` seconds, until all is
    sent, the client hangs up or the server stops."""

    head: bytes
    data: bytes
    every: float
    size: int = 1


Answer = Callable[[bytes], bytes | Drip]


def http_answer(status: str, body: bytes = b"", *lines: str, **headers: str) -> bytes:
    """A well-formed HTTP/1.1 answer with a content-length; `lines` are raw header lines."""
    lines = (
        f"HTTP/1.1 {status}",
        *lines,
        *(f"{name.replace('_', '-')}: {value}" for name, value in headers.items()),
    )
    lines += (f"content-length: {len(body)}", "connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def _complete(request: bytes) -> bool:
    """Whether the request's body has all arrived: its content-length, or chunked up to the last chunk."""
    head, _, body = request.partition(b"\r\n\r\n")
    headers = head.lower()
    if b"\r\ntransfer-encoding: chunked" in headers:
        return body.endswith(b"0\r\n\r\n")
    for line in headers.split(b"\r\n"):
        if line.startswith(b"content-length:"):
            return len(body) >= int(line.partition(b":")[2])
    return True


def request_body(request: bytes) -> bytes:
    """The body of a request as recorded, de-chunked."""
    head, _, body = request.partition(b"\r\n\r\n")
    if b"\r\ntransfer-encoding: chunked" not in head.lower():
        return body
    out = b""
    while body:
        size_line, _, body = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        out, body = out + body[:size], body[size + 2 :]
    return out


class ThreadedSocketServer:
    """Listens on 127.0.0.1 (a free port) from its `with` block on; each connection is served by
    `_serve` in a daemon thread of its own. Subclasses say what serving means."""

    def __init__(self, name: str) -> None:
        self.requests: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, name=name, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        raise NotImplementedError


class RawServer(ThreadedSocketServer):
    def __init__(self) -> None:
        super().__init__("raw-server")
        self.keep_alive = False  # True: a connection stays open for the next request, until the client closes it
        self.answer: Answer = lambda request: http_answer("200 OK", b"{}", content_type="application/json")

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            while self._answer_one(connection) and self.keep_alive:
                pass

    def _answer_one(self, connection: socket.socket) -> bool:
        """Read one request and answer it; False once the connection is done with."""
        request = b""
        try:
            while b"\r\n\r\n" not in request:
                chunk = connection.recv(65536)
                if not chunk:
                    return False
                request += chunk
            while not _complete(request):
                chunk = connection.recv(65536)
                if not chunk:
                    break
                request += chunk
        except OSError:
            return False
        self.requests.append(request)
        reply = self.answer(request)
        if isinstance(reply, Drip):
            self._drip(connection, reply)
            return False
        if reply == RESET:
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if reply == DROP:
            return False
        try:
            connection.sendall(reply)
        except OSError:  # the client gave up first (the size cap stops reading)
            return False
        return True

    def _drip(self, connection: socket.socket, drip: Drip) -> None:
        try:
            connection.sendall(drip.head)
            for start in range(0, len(drip.data), drip.size):
                if self._stopping.wait(drip.every):
                    return
                connection.sendall(drip.data[start : start + drip.size])
        except OSError:  # the client hung up: its deadline passed
            return
