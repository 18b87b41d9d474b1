"""A raw HTTP/1.1 server on 127.0.0.1 for answers no well-behaved server gives.

The test sets `answer`, a function from the request's bytes (head and whole body, read to its
content-length or last chunk) to the bytes to send back, or to RESET (a TCP reset) or DROP
(close without a word), or to Dripped bytes (sent one at a time, a pause before each). Every
request is recorded as received, byte for byte. One connection per request: the server closes it
after answering (well-formed answers say `connection: close`, so no client reuses it).
The server stops when its `with` block ends; its threads are daemons.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Self

RESET = b"<reset>"
DROP = b"<drop>"


class Dripped(bytes):
    """An answer whose first `at_once` bytes go at once, then the rest one byte at a time with
    `pause` seconds before each: no read waits long, the whole answer does."""

    pause = 0.05
    at_once = 0


def dripped(answer: bytes, pause: float = 0.05, at_once: int = 0) -> Dripped:
    reply = Dripped(answer)
    reply.pause, reply.at_once = pause, at_once
    return reply


Answer = Callable[[bytes], bytes]


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


class RawServer:
    def __init__(self) -> None:
        self.requests: list[bytes] = []
        self.answer: Answer = lambda request: http_answer("200 OK", b"{}", content_type="application/json")
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="raw-server", daemon=True)

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
        with connection:
            connection.settimeout(5)
            request = b""
            try:
                while b"\r\n\r\n" not in request:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    request += chunk
                while not _complete(request):
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    request += chunk
            except OSError:
                return
            self.requests.append(request)
            reply = self.answer(request)
            if reply == RESET:
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            elif isinstance(reply, Dripped):
                pieces = [reply[: reply.at_once], *(reply[i : i + 1] for i in range(reply.at_once, len(reply)))]
                for index, piece in enumerate(pieces):
                    if index and self._stopping.wait(reply.pause):
                        return
                    try:
                        connection.sendall(piece)
                    except OSError:  # the client gave up
                        return
            elif reply != DROP:
                try:
                    connection.sendall(reply)
                except OSError:  # the client gave up first (the size cap stops reading)
                    return
