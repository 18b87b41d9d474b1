"""httpcore's network backend on asyncio's own transports, for httpx's async transport.

httpcore reaches asyncio through anyio: each read and each write enters a cancel scope with a
timer of its own and task bookkeeping, and probing an idle connection builds anyio's table of
socket attributes; that is a tenth to a quarter of the CPU a call takes on httpx's async
transport (`make bench-sdk`). Here a read that finds bytes waiting returns them at once, and a
timer is set only for a read or a drained write that has to wait. Connecting (happy eyeballs as
anyio's), TLS (asyncio's, through a proxy's tunnel too), the httpcore exceptions raised and the
meaning of each timeout are those of httpcore's anyio backend. Outside an asyncio event loop (trio), or on an httpcore the SDK is not
tested on, httpcore's own backend is kept.

When this module can go: once httpcore talks to asyncio without anyio's per-operation cost (its
own asyncio backend), delete it and its call (asyncio_network_in) in client.py.
"""

import asyncio
import select
import ssl
from typing import Any

import httpcore
import httpx

from ._pool import TESTED_HTTPCORE_VERSIONS

__all__ = ["asyncio_network_in"]

_PAUSE_READING_AT = 256 * 1024
"""Bytes received and not yet read at which the socket stops being read, until half are read."""

_TLS_HANDSHAKE_LIMIT = 365 * 86400.0
"""asyncio's own bound on a TLS handshake, set past any: httpcore's connect timeout bounds it."""


class _Protocol(asyncio.Protocol):
    """Collects what the connection receives, for _Stream.read."""

    def __init__(self) -> None:
        self.transport: Any = None
        self.received = bytearray()
        self.ended = False  # the peer closed its side, or the connection is lost
        self.error: BaseException | None = None  # what the connection was lost to
        self.reading_paused = False
        self.writing_paused = False
        self.reader: asyncio.Future[bool] | None = None  # a read waiting for bytes
        self.writer: asyncio.Future[bool] | None = None  # a write waiting to drain

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.received += data
        if len(self.received) >= _PAUSE_READING_AT and not self.reading_paused:
            self.reading_paused = True
            self.transport.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        self.ended = True
        self._wake()
        return False  # the transport closes itself, as anyio's does

    def connection_lost(self, exc: Exception | None) -> None:
        self.ended = True
        self.error = exc
        self._wake()

    def pause_writing(self) -> None:
        self.writing_paused = True

    def resume_writing(self) -> None:
        self.writing_paused = False
        self._wake()

    def _wake(self) -> None:
        for waiter in (self.reader, self.writer):
            if waiter is not None and not waiter.done():
                waiter.set_result(True)


def _expire(waiter: "asyncio.Future[bool]") -> None:
    if not waiter.done():
        waiter.set_result(False)


def _socket_readable(sock: Any) -> bool:
    """httpcore's probe of an idle connection: the server closed it, or sent what was not asked for."""
    if sock is None or sock.fileno() < 0:
        return True
    poll = select.poll()
    poll.register(sock.fileno(), select.POLLIN)
    return bool(poll.poll(0))


class _Stream(httpcore.AsyncNetworkStream):
    def __init__(self, transport: Any, protocol: _Protocol) -> None:
        self._transport = transport
        self._protocol = protocol
        self._closed = False

    async def _wait(self, slot: str, timeout: float | None) -> bool:
        """Wait for the protocol to wake the read or the write (`slot`); False when the timeout
        ran out first."""
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[bool] = loop.create_future()
        setattr(self._protocol, slot, waiter)
        timer = None if timeout is None else loop.call_later(timeout, _expire, waiter)
        try:
            return await waiter
        finally:
            setattr(self._protocol, slot, None)
            if timer is not None:
                timer.cancel()

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        protocol = self._protocol
        if self._closed:
            raise httpcore.ReadError("the connection is closed")
        if not protocol.received and not protocol.ended:
            if not await self._wait("reader", timeout):
                raise httpcore.ReadTimeout("timed out")
        received = protocol.received
        if received:
            if len(received) <= max_bytes:
                data = bytes(received)
                received.clear()
            else:
                data = bytes(received[:max_bytes])
                del received[:max_bytes]
            if protocol.reading_paused and len(received) < _PAUSE_READING_AT // 2:
                protocol.reading_paused = False
                self._transport.resume_reading()
            return data
        if protocol.error is not None:
            raise httpcore.ReadError(f"the connection broke: {type(protocol.error).__name__}")
        return b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        protocol = self._protocol
        if self._closed or protocol.error is not None:
            raise httpcore.WriteError("the connection is closed" if self._closed else "the connection broke")
        try:
            self._transport.write(buffer)
        except RuntimeError as error:
            raise httpcore.WriteError(str(error)) from None
        while protocol.writing_paused and protocol.error is None and not protocol.ended:
            if not await self._wait("writer", timeout):
                raise httpcore.WriteTimeout("timed out")
        if protocol.error is not None:
            raise httpcore.WriteError(f"the connection broke: {type(protocol.error).__name__}")

    async def aclose(self) -> None:
        # As anyio's streams close: asyncio closes the socket on the loop's next turn, so give it
        # that turn, then abort what a stalled peer would hold open; the socket is closed on return.
        self._closed = True
        self._transport.close()
        await asyncio.sleep(0)
        self._transport.abort()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        failure: Exception | None = None
        try:
            async with asyncio.timeout(timeout):
                tls = await loop.start_tls(
                    self._transport,
                    self._protocol,
                    ssl_context,
                    server_hostname=server_hostname,
                    ssl_handshake_timeout=_TLS_HANDSHAKE_LIMIT,
                )
        except TimeoutError:
            failure = httpcore.ConnectTimeout("timed out")
        except OSError as error:  # ssl.SSLError included; a reset or a hang-up during the handshake
            failure = httpcore.ConnectError(f"the TLS handshake failed: {type(error).__name__}")
        except BaseException:
            self._transport.close()
            raise
        if failure is not None:
            self._transport.close()
            raise failure
        if tls is None:  # the connection closed as the handshake ended
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        self._protocol.transport = tls
        return _Stream(tls, self._protocol)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            protocol = self._protocol
            return (
                bool(protocol.received) or protocol.ended or _socket_readable(self._transport.get_extra_info("socket"))
            )
        name = {"ssl_object": "ssl_object", "client_addr": "sockname", "server_addr": "peername", "socket": "socket"}
        return self._transport.get_extra_info(name[info]) if info in name else None


class _AsyncioBackend(httpcore.AsyncNetworkBackend):
    """On an asyncio event loop, _Stream; elsewhere (trio) the backend httpcore chose."""

    def __init__(self, fallback: httpcore.AsyncNetworkBackend) -> None:
        self._fallback = fallback

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return await self._fallback.connect_tcp(host, port, timeout, local_address, socket_options)
        local = None if local_address is None else (local_address, 0)
        return await self._connected(
            loop.create_connection(_Protocol, host, port, local_addr=local, happy_eyeballs_delay=0.25),
            timeout,
            socket_options,
        )

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return await self._fallback.connect_unix_socket(path, timeout, socket_options)
        return await self._connected(loop.create_unix_connection(_Protocol, path), timeout, socket_options)

    @staticmethod
    async def _connected(connecting: Any, timeout: float | None, socket_options: Any) -> _Stream:
        failure: Exception | None = None
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await connecting
        except TimeoutError:  # before OSError: a TimeoutError is one
            failure = httpcore.ConnectTimeout("timed out")
        except OSError as error:  # refused, unreachable, DNS failure
            failure = httpcore.ConnectError(f"could not connect: {type(error).__name__}")
        if failure is not None:
            raise failure
        for option in socket_options or ():
            transport.get_extra_info("socket").setsockopt(*option)
        return _Stream(transport, protocol)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def asyncio_network_in(transport: httpx.AsyncHTTPTransport) -> httpx.AsyncHTTPTransport:
    """The transport, its pool sending through _AsyncioBackend when httpcore is a tested version,
    the pool still has httpcore's own backend and HTTP/2 is off (HTTP/2 is left to httpcore);
    otherwise unchanged."""
    pool: Any = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if (
        httpcore.__version__ in TESTED_HTTPCORE_VERSIONS
        and type(backend).__name__ == "AutoBackend"
        and not getattr(pool, "_http2", True)
    ):
        pool._network_backend = _AsyncioBackend(pool._network_backend)
    return transport
