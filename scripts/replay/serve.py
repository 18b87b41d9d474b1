"""Serve the replay app for both hosts over real HTTP on 127.0.0.1.

    python -m scripts.replay.serve --port 8080 [--latency-ms 50]

Point either SDK at http://127.0.0.1:PORT with any bearer token: the useapi.net and the
ImaginePro paths do not overlap, so one server answers for both hosts. The live run's stand-in
for the real hosts is served the same way by `python -m scripts.fixtures.fake_upstream`.

When connections pile up (a client that opens a thousand and sends nothing, at the common limit
of 1,024 file descriptors), the server degrades instead of falling over: it holds at most as many
connections as its descriptor limit leaves room for, closes any further one at once, says so in
one line on stderr, closes connections that send nothing within the keep-alive timeout, and
answers again as soon as there is room.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from scripts.core.documents import DocumentError
from scripts.replay.app import ReplayApp

# asyncio accepts up to BACKLOG connections in a row before any is looked at, so that many
# descriptors, and some for the server's own files and event loop, are kept free of connections.
BACKLOG = 64
RESERVED_DESCRIPTORS = BACKLOG + 32
IDLE_SECONDS = 5.0  # a connection that sends nothing for this long is closed (uvicorn's keep-alive)


def _open_descriptors() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:  # not Linux: a guess of what a Python process holds at start
        return 16


def connection_cap() -> int:
    """How many connections fit in this process's descriptor limit, with room to spare."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return 10_000
    return max(1, soft - _open_descriptors() - RESERVED_DESCRIPTORS)


class _Overload:
    """Says on stderr that connections are being refused: once a minute at most, as the refusals
    come in bursts (the connections already waiting in the listen backlog arrive after the ones
    that filled the cap have gone)."""

    QUIET_SECONDS = 60.0

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.said_at: float | None = None

    def refuse(self) -> None:
        now = time.monotonic()
        if self.said_at is None or now - self.said_at >= self.QUIET_SECONDS:
            self.said_at = now
            print(
                f"too many connections ({self.cap}, as many as the file-descriptor limit leaves room for): "
                "closing new ones until some close",
                file=sys.stderr,
                flush=True,
            )


def _guarded_protocol(overload: _Overload) -> type[H11Protocol]:
    class Guarded(H11Protocol):
        """uvicorn's HTTP/1.1 protocol, holding at most overload.cap connections, and closing a
        connection that sends nothing for IDLE_SECONDS."""

        refused = False

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            if len(self.connections) >= overload.cap:
                self.refused = True
                overload.refuse()
                transport.abort()
                return
            super().connection_made(transport)
            self.timeout_keep_alive_task = self.loop.call_later(IDLE_SECONDS, self.timeout_keep_alive_handler)

        def connection_lost(self, exc: Exception | None) -> None:
            if not self.refused:
                super().connection_lost(exc)

    return Guarded


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, overload: _Overload) -> None:
        super().__init__(config)
        self.overload = overload

    async def serve(self, sockets: Any = None) -> None:
        loop = asyncio.get_running_loop()

        def out_of_descriptors(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
            # asyncio reports a failed accept() once per backlog slot, traceback and all; the cap
            # keeps it from happening, and should it still, it is the same one line.
            if context.get("message") == "socket.accept() out of system resource":
                self.overload.refuse()
            else:
                loop.default_exception_handler(context)

        loop.set_exception_handler(out_of_descriptors)
        await super().serve(sockets)


def _server(app: Any, port: int) -> uvicorn.Server:
    overload = _Overload(connection_cap())
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        http=_guarded_protocol(overload),
        backlog=BACKLOG,
        timeout_keep_alive=int(IDLE_SECONDS),
    )
    return _Server(config, overload)


@contextlib.contextmanager
def serving(app: Any | None = None, port: int = 0, wait_for_stop: bool = True) -> Iterator[str]:
    """Run the replay app on loopback in a background thread; yield its base URL; stop it after.

    uvicorn takes a fixed ~0.2 s to wind down; a caller about to exit may skip waiting for it
    (`wait_for_stop=False`): the server thread is a daemon and stops on its own.
    """
    server = _server(app or ReplayApp(), port)
    thread = threading.Thread(target=server.run, name="replay-server", daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError(f"the replay server could not start on 127.0.0.1:{port}")
        threading.Event().wait(0.005)
    bound_port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{bound_port}"
    finally:
        server.should_exit = True
        if wait_for_stop:
            thread.join(timeout=5)


def main(
    argv: Sequence[str] | None = None,
    make_app: Callable[[float], ReplayApp] = ReplayApp,
    what: str = "tests/recordings/",
) -> int:
    """Serve `make_app(latency_seconds)` until Ctrl-C; a broken spec or recording is one located line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (default 8080)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="wait before each answer (default 0)")
    args = parser.parse_args(argv)
    try:
        app = make_app(args.latency_ms / 1000)
    except DocumentError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Replaying {what} for useapi.net and ImaginePro on http://127.0.0.1:{args.port} (Ctrl-C stops)")
    _server(app, args.port).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
