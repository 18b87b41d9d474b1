"""A forwarding HTTP proxy on 127.0.0.1, for the SDKs' proxy tests.

A request in absolute form (`GET http://127.0.0.1:8080/v1/... HTTP/1.1`) is recorded and sent
on in origin form to its host, which must be 127.0.0.1; `CONNECT 127.0.0.1:8443` opens a tunnel
there. The answer is relayed until the server closes. `requests` holds each request head as
the proxy received it, `Proxy-Authorization` included. The proxy stops when its `with` block
ends; its threads are daemons.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from urllib.parse import urlsplit

from tests.support.raw_server import ThreadedSocketServer


class ForwardProxy(ThreadedSocketServer):
    def __init__(self) -> None:
        super().__init__("forward-proxy")

    @property
    def url(self) -> str:
        return self.base_url

    def _serve(self, client: socket.socket) -> None:
        with client:
            client.settimeout(10)
            received = b""
            try:
                while b"\r\n\r\n" not in received:
                    chunk = client.recv(65536)
                    if not chunk:
                        return
                    received += chunk
            except OSError:
                return
            head, _, rest = received.partition(b"\r\n\r\n")
            self.requests.append(head)
            method, target, version = head.split(b"\r\n", 1)[0].split(b" ")
            if method == b"CONNECT":
                host, _, port = target.decode().rpartition(":")
                with self._upstream(host, int(port)) as upstream:
                    client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    self._relay(client, upstream, rest)
                return
            url = urlsplit(target.decode())
            origin_form = (url.path or "/") + (f"?{url.query}" if url.query else "")
            lines = [line for line in head.split(b"\r\n")[1:] if not line.lower().startswith(b"proxy-")]
            forwarded = b"\r\n".join([b" ".join([method, origin_form.encode(), version]), *lines]) + b"\r\n\r\n"
            with self._upstream(url.hostname or "", url.port or 80) as upstream:
                self._relay(client, upstream, forwarded + rest)

    @staticmethod
    def _upstream(host: str, port: int) -> socket.socket:
        if host != "127.0.0.1":
            raise ValueError(f"the test proxy forwards to 127.0.0.1 only, not {host!r}")
        return socket.create_connection((host, port), timeout=10)

    @staticmethod
    def _relay(client: socket.socket, upstream: socket.socket, first: bytes) -> None:
        """Both directions until the server closes: the client's bytes on a thread of their own."""

        def onwards() -> None:
            try:
                while chunk := client.recv(65536):
                    upstream.sendall(chunk)
            except OSError:
                return

        try:
            upstream.sendall(first)
            threading.Thread(target=onwards, daemon=True).start()
            while chunk := upstream.recv(65536):
                client.sendall(chunk)
        except OSError:
            pass
        finally:  # the client sees the server's close at once, and the other thread's recv returns
            for end in (client, upstream):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
